import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readApiPage } from '../../src/read/apiPage.js';
import { readPage } from '../../src/read/readPage.js';

const FRONT = '---\ntitle: "Get widget"\ndoc_type: apiPageType\n---\n\n# Get widget\n\nNamespace: microsoft.graph\n\n';
const PERMISSIONS = '## Permissions\n\n|Permission type | Permissions (from least to most privileged) |\n|:--|:--|\n|Delegated (work or school account) | Widget.Read.All |\n|Delegated (personal Microsoft account) | Not supported. |\n|Application | Widget.Read.All |\n\n';
const REQUEST = '## HTTP request\n\n<!-- { "blockType": "ignored" } -->\n```http\nGET /widgets/{id}\nGET /groups/{group-id}/widgets/{widget-id}\n```\n\n';
const page = (...sections: string[]) => FRONT + sections.join('');
const example = (request: string, annotation: string, status = 'HTTP/1.1 200 OK') =>
  `## Example\n\n### Request\n<!-- { "blockType": "request", "name": "x" } -->\n\`\`\`http\n${request}\n\`\`\`\n\n### Response\n<!-- ${annotation} -->\n\`\`\`http\n${status}\nContent-type: application/json\n\n{}\n\`\`\`\n`;
const rules = (text: string) => readApiPage('api/widget-get.md', text).diagnostics.map((diagnostic) => `${diagnostic.ruleId}:${diagnostic.line}`);
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

test('an api page: title, request lines with their places, permissions, query options, headers, body, response, examples', () => {
  const text = page(
    PERMISSIONS, REQUEST,
    '## Optional query parameters\n\nThis method supports the `$select` and `$expand` [OData query parameters](/graph/query-parameters). It does not support `$filter`.\n\n',
    '## Request headers\n\n| Name | Description |\n|:--|:--|\n| Authorization | Bearer {token}. Required. |\n| `Prefer` | return=minimal |\n\n',
    '## Request body\n\nDo not supply a request body for this method.\n\n',
    '## Response\n\nIf successful, this method returns a `200 OK` response code and a [widget](../resources/widget.md) object in the response body.\n\n',
    example('GET https://graph.microsoft.com/beta/widgets/w1?$select=id', '{ "blockType": "response", "@odata.type": "microsoft.graph.widget" }'),
  );
  const result = readApiPage('api/widget-get.md', text);
  const file = 'api/widget-get.md';
  assert.is(result.docType, 'api');
  assert.equal(result.diagnostics, []);
  assert.equal(result.api, {
    title: 'Get widget',
    requestLines: [
      { method: 'GET', path: '/widgets/{id}', place: { file, line: lineOf(text, 'GET /widgets/{id}'), column: 1 } },
      { method: 'GET', path: '/groups/{group-id}/widgets/{widget-id}', place: { file, line: lineOf(text, 'GET /groups'), column: 1 } },
    ],
    permissions: [{ delegatedWork: ['Widget.Read.All'], delegatedPersonal: null, application: ['Widget.Read.All'], place: { file, line: lineOf(text, '|Permission type'), column: 1 } }],
    permissionIncludes: [],
    hasPermissionsSection: true,
    queryOptions: ['$select', '$expand'],
    headers: ['Authorization', 'Prefer'],
    functionParameters: [],
    requestBody: { kind: 'none', place: { file, line: lineOf(text, 'Do not supply'), column: 1 } },
    response: { status: 200, type: { kind: 'unresolved', name: 'widget' }, collection: false, place: { file, line: lineOf(text, 'If successful'), column: 38 } },
    exampleRequests: [{ method: 'GET', url: 'https://graph.microsoft.com/beta/widgets/w1?$select=id', place: { file, line: lineOf(text, 'GET https://'), column: 1 } }],
    exampleResponses: [{ status: 200, type: 'microsoft.graph.widget', collection: false, place: { file, line: lineOf(text, '<!-- { "blockType": "response"'), column: 1 } }],
  });
});

test('the current-era permissions include: its target is recorded, and no no-permissions warning', () => {
  const text = page('## Permissions\n\n<!-- { "blockType": "permissions", "name": "widget-get-permissions" } -->\n[!INCLUDE [permissions-table](../includes/permissions/widget-get-permissions.md)]\n\n[!INCLUDE [rbac](../includes/rbac-for-apis/x.md)]\n\n', REQUEST);
  const result = readApiPage('api/widget-get.md', text);
  assert.equal(result.api!.permissionIncludes, [{ target: '../includes/permissions/widget-get-permissions.md', place: { file: 'api/widget-get.md', line: lineOf(text, '[!INCLUDE [permissions-table]'), column: 1 } }]);
  assert.equal(result.api!.permissions, []);
  assert.equal(result.diagnostics, []);
});

test('several permissions tables, one per scenario', () => {
  const table = (name: string) => `|Permission type | Permissions (from least to most privileged) |\n|:--|:--|\n|Application | ${name} |\n\n`;
  const text = page('## Permissions\n\n### Permissions acting on self\n\n', table('User.Read.All'), '### Permissions acting on other users\n\n', table('Directory.Read.All'), REQUEST);
  assert.equal(readApiPage('x.md', text).api!.permissions.map((permissions) => permissions.application), [['User.Read.All'], ['Directory.Read.All']]);
});

const bodies: { given: string; section: string; want: unknown }[] = [
  { given: 'a JSON representation of a type', section: 'In the request body, supply a JSON representation of the [widget](../resources/widget.md) object.', want: { kind: 'type', type: { kind: 'unresolved', name: 'widget' }, collection: false } },
  { given: 'no body', section: "Don't supply a request body for this method.", want: { kind: 'none' } },
  {
    given: 'an action parameters table, required from the description',
    section: '| Parameter | Type | Description |\n|:--|:--|:--|\n| clientContext | String | Unique client context. Optional. |\n| maxRecordDurationInSeconds | Int32 | Maximum length. Required. |\n| prompts | [mediaPrompt](../resources/mediaprompt.md) collection | The prompts. |',
    want: {
      kind: 'parameters', parameters: [
        { name: 'clientContext', type: { kind: 'primitive', name: 'String' }, collection: false, required: false, description: 'Unique client context. Optional.' },
        { name: 'maxRecordDurationInSeconds', type: { kind: 'primitive', name: 'Int32' }, collection: false, required: true, description: 'Maximum length. Required.' },
        { name: 'prompts', type: { kind: 'unresolved', name: 'mediaPrompt' }, collection: true, required: false, description: 'The prompts.' },
      ],
    },
  },
  {
    given: 'a parameters table with a Required column',
    section: '| Name | Type | Required | Description |\n|:--|:--|:--|:--|\n| message | [message](../resources/message.md) | Yes | The message. |\n| comment | String | No | A comment. Required if no message. |',
    want: {
      kind: 'parameters', parameters: [
        { name: 'message', type: { kind: 'unresolved', name: 'message' }, collection: false, required: true, description: 'The message.' },
        { name: 'comment', type: { kind: 'primitive', name: 'String' }, collection: false, required: false, description: 'A comment. Required if no message.' },
      ],
    },
  },
];

/** A body without its places, which the first test checks. */
function withoutPlaces(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPlaces);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'place').map(([key, inner]) => [key, withoutPlaces(inner)]));
}

for (const { given, section, want } of bodies) {
  test(`request body: ${given}`, () => {
    const body = readApiPage('x.md', page(PERMISSIONS, REQUEST, `## Request body\n\n${section}\n\n## Response\n\nReturns \`204 No Content\`.\n`)).api!.requestBody;
    assert.equal(withoutPlaces(body), want);
  });
}

test('function parameters: the Function parameters table', () => {
  const text = page(PERMISSIONS, "## HTTP request\n\n```http\nGET /reports/getEmailActivityCounts(period='{period_value}')\n```\n\n## Function parameters\n\n| Parameter | Type | Description |\n|:--|:--|:--|\n| period | string | The length of time. Required. |\n");
  const result = readApiPage('x.md', text).api!;
  assert.equal(result.requestLines.map((line) => line.path), ["/reports/getEmailActivityCounts(period='{period_value}')"]);
  assert.equal(withoutPlaces(result.functionParameters), [{ name: 'period', type: { kind: 'primitive', name: 'String' }, collection: false, required: true, description: 'The length of time. Required.' }]);
});

test('a request example in a section of its own is a request line of the page; one under Example(s) is only an example', () => {
  const requestExample = (url: string) => `<!-- { "blockType": "request", "name": "x" } -->\n\`\`\`msgraph-interactive\nGET ${url}\n\`\`\`\n\n`;
  const text = page(PERMISSIONS, "## List a site's drives\n\n", requestExample('/sites/{siteId}/drives'), '## Get current drive\n\n### HTTP request\n\n', requestExample('/me/drive'),
    '## Example\n\n#### Request\n\n', requestExample('/groups/g1/drives'));
  const result = readApiPage('x.md', text);
  assert.equal(result.api!.requestLines.map((line) => line.path), ['/sites/{siteId}/drives', '/me/drive']);
  assert.equal(result.api!.exampleRequests.map((example) => example.url), ['/sites/{siteId}/drives', '/me/drive', '/groups/g1/drives']);
  assert.equal(result.diagnostics.map((diagnostic) => diagnostic.ruleId), ['example-url-unmatched']);
});

// Lint rules, each with its line

const RESPONSE_PROSE = '## Response\n\nIf successful, this method returns a `200 OK` response code and a [widget](../resources/widget.md) object in the response body.\n\n';
const lintCases: { given: string; text: string; want: (text: string) => string[] }[] = [
  {
    given: 'an example URL that matches a request line once host, version, query and values are set aside: clean',
    text: page(PERMISSIONS, REQUEST, RESPONSE_PROSE, example('GET https://graph.microsoft.com/v1.0/groups/g1/widgets/w1?$select=id', '{ "blockType": "response", "@odata.type": "microsoft.graph.widget" }')),
    want: () => [],
  },
  {
    given: 'an example URL that matches no request line',
    text: page(PERMISSIONS, REQUEST, RESPONSE_PROSE, example('GET https://graph.microsoft.com/v1.0/widget/w1', '{ "blockType": "response", "@odata.type": "microsoft.graph.widget" }')),
    want: (text) => [`example-url-unmatched:${lineOf(text, 'GET https://')}`],
  },
  {
    given: 'an example annotated as a collection where the prose says one object',
    text: page(PERMISSIONS, REQUEST, RESPONSE_PROSE, example('GET /widgets/w1', '{ "blockType": "response", "@odata.type": "microsoft.graph.widget", "isCollection": true }')),
    want: (text) => [`response-type-mismatch:${lineOf(text, '<!-- { "blockType": "response"')}`],
  },
  {
    given: 'an example annotated with a primitive where the prose names a type',
    text: page(PERMISSIONS, REQUEST, RESPONSE_PROSE, example('GET /widgets/w1', '{ "blockType": "response", "@odata.type": "Edm.String" }')),
    want: (text) => [`response-type-mismatch:${lineOf(text, '<!-- { "blockType": "response"')}`],
  },
  {
    given: 'an example of a type derived from the prose type (one page cannot tell): clean',
    text: page(PERMISSIONS, REQUEST, RESPONSE_PROSE, example('GET /widgets/w1', '{ "blockType": "response", "@odata.type": "microsoft.graph.specialWidget" }')),
    want: () => [],
  },
  {
    given: 'an error response example is not compared',
    text: page(PERMISSIONS, REQUEST, RESPONSE_PROSE, example('GET /widgets/w1', '{ "blockType": "response", "@odata.type": "microsoft.graph.error", "isCollection": true }', 'HTTP/1.1 404 Not Found')),
    want: () => [],
  },
  {
    given: 'a page with a request but no permissions',
    text: page('## Permissions\n\nAsk your administrator.\n\n', REQUEST),
    want: (text) => [`no-permissions:${lineOf(text, '## Permissions')}`],
  },
  {
    given: 'a malformed permission name',
    text: page(PERMISSIONS.replace('| Widget.Read.All |\n|Delegated (personal', '| Widget Read |\n|Delegated (personal'), REQUEST),
    want: (text) => [`permission-name-malformed:${lineOf(text, '|Delegated (work')}`],
  },
  {
    given: 'an unreadable line in the HTTP request block',
    text: page(PERMISSIONS, '## HTTP request\n\n```http\nGET /widgets/{id\nPOST ** Collection URI for widgets\nContent-Type: application/json\n```\n'),
    want: (text) => [`request-line-unreadable:${lineOf(text, 'GET /widgets/{id')}`, `request-line-unreadable:${lineOf(text, 'POST **')}`],
  },
];

for (const { given, text, want } of lintCases) {
  test(`lint: ${given}`, () => {
    assert.equal(rules(text), want(text));
  });
}

// The dispatcher

test('readPage: an apiPageType page is an api page, a file under includes/ an include, the rest resource pages', () => {
  assert.is(readPage('api/widget-get.md', page(PERMISSIONS, REQUEST)).docType, 'api');
  assert.is(readPage('widget-get.md', `\uFEFF${page(PERMISSIONS, REQUEST).replace('apiPageType', '"apiPageType"')}`).docType, 'api');
  const include = readPage('includes/permissions/widget-get-permissions.md',
    '---\nms.topic: include\n---\n\n|Permission type|Least privileged permissions|Higher privileged permissions|\n|:---|:---|:---|\n|Delegated (work or school account)|Widget.Read.All|Widget.ReadWrite.All|\n|Application|Not supported.|Not supported.|\n');
  assert.is(include.docType, 'include');
  assert.equal(include.permissionTables, [{ delegatedWork: ['Widget.Read.All', 'Widget.ReadWrite.All'], delegatedPersonal: [], application: null, place: { file: 'includes/permissions/widget-get-permissions.md', line: 5, column: 1 } }]);
  assert.is(readPage('widget.md', '# widget resource type\n\n| Property | Type | Description |\n|:-|:-|:-|\n| id | String | x |\n').docType, 'other');
});

test('readPage: a resource page labelled apiPageType keeps its type and gets its api part', () => {
  const text = '---\ndoc_type: apiPageType\n---\n\n# gizmo resource type\n\n## Properties\n\n| Property | Type | Description |\n|:-|:-|:-|\n| id | String | x |\n\n## JSON representation\n\n<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.gizmo" } -->\n```json\n{ "id": "String" }\n```\n';
  const result = readPage('gizmo.md', text);
  assert.equal(result.objects.map((object) => object.name), ['gizmo']);
  assert.is(result.docType, 'api');
  assert.ok(result.api);
});

test('an empty api page and one whose front matter never closes give a diagnostic, never a throw', () => {
  assert.equal(readApiPage('x.md', '').diagnostics.map((diagnostic) => diagnostic.ruleId), ['empty-page']);
  assert.ok(readApiPage('x.md', '---\ndoc_type: apiPageType\n# x\n').diagnostics.some((diagnostic) => diagnostic.ruleId === 'front-matter-unclosed'));
});

test.run();
