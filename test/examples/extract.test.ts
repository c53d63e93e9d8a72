import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { extractExamples } from '../../src/examples/extract.js';

const extract = suite('examples: extract typed bodies from an api page');

const FENCE = '```';

interface Case {
  name: string;
  page: string;
  /** [line, kind, odataType, isCollection, truncated, body] per example. */
  want: [number, string, string, boolean, boolean, string][];
  skipped?: [number, string][];
}

const cases: Case[] = [
  {
    name: 'a response: status line and headers stripped, line of the JSON start',
    page: `# Get user

<!-- {
  "blockType": "response",
  "truncated": true,
  "@odata.type": "microsoft.graph.user"
} -->
${FENCE}http
HTTP/1.1 200 OK
Content-type: application/json
Content-length: 491

{
  "id": "1"
}
${FENCE}`,
    want: [[13, 'response', 'microsoft.graph.user', false, true, '{\n  "id": "1"\n}']],
  },
  {
    name: 'a request: request line and headers stripped; one-line annotation; a json fence with no HTTP lines',
    page: `<!-- { "blockType": "request", "@odata.type": "microsoft.graph.group" } -->
${FENCE}http
POST https://graph.microsoft.com/v1.0/groups
Content-type: application/json
{ "displayName": "x" }
${FENCE}

<!-- { "blockType": "response", "@odata.type": "#microsoft.graph.group", "isCollection": true } -->

${FENCE}json
{ "value": [] }
${FENCE}`,
    want: [
      [5, 'request', 'microsoft.graph.group', false, false, '{ "displayName": "x" }'],
      [11, 'response', 'microsoft.graph.group', true, false, '{ "value": [] }'],
    ],
  },
  {
    name: 'Collection(...) in the annotation means isCollection; HTTP without a version',
    page: `<!-- { "blockType": "response", "@odata.type": "Collection(microsoft.graph.site)" } -->
${FENCE}http
HTTP 200 OK

{ "value": [] }
${FENCE}`,
    want: [[5, 'response', 'microsoft.graph.site', true, false, '{ "value": [] }']],
  },
  {
    name: 'annotations without a type, ignored and resource blocks, and comments inside code are not examples',
    page: `<!-- { "blockType": "response" } -->
${FENCE}http
HTTP/1.1 204 No Content
${FENCE}
<!-- { "blockType": "ignored", "@odata.type": "microsoft.graph.user" } -->
${FENCE}json
{ "id": "1" }
${FENCE}
${FENCE}md
<!-- { "blockType": "response", "@odata.type": "microsoft.graph.user" } -->
${FENCE}`,
    want: [],
  },
  {
    name: 'a typed block with no body, a non-JSON content type, and an annotation followed by prose',
    page: `<!-- { "blockType": "response", "@odata.type": "microsoft.graph.user" } -->
${FENCE}http
HTTP/1.1 204 No Content
${FENCE}
<!-- { "blockType": "response", "@odata.type": "microsoft.graph.report" } -->
${FENCE}http
HTTP/1.1 200 OK
Content-Type: text/csv; charset=utf-8

Report Refresh Date,Count
${FENCE}
<!-- { "blockType": "response", "@odata.type": "microsoft.graph.user" } -->
Some prose.
${FENCE}json
{ "id": "1" }
${FENCE}`,
    want: [],
    skipped: [[2, 'no body'], [10, 'content type text/csv'], [12, 'no body']],
  },
  {
    name: 'status line alone in its block, the JSON in the json block after it',
    page: `<!-- { "blockType": "response", "@odata.type": "microsoft.graph.searchResponse", "isCollection": true } -->
${FENCE}HTTP
HTTP/1.1 200 OK
Content-type: application/json
${FENCE}

${FENCE}json
{ "value": [] }
${FENCE}`,
    want: [[8, 'response', 'microsoft.graph.searchResponse', true, false, '{ "value": [] }']],
  },
  {
    name: 'a fenced block indented in a list, with CRLF line ends',
    page: ['1. Step', '   <!-- { "blockType": "response", "@odata.type": "microsoft.graph.user" } -->', `   ${FENCE}json`, '   {', '     "id": "1"', '   }', `   ${FENCE}`].join('\r\n'),
    want: [[4, 'response', 'microsoft.graph.user', false, false, '{\n  "id": "1"\n}']],
  },
];

for (const { name, page, want, skipped = [] } of cases) {
  extract(name, () => {
    const result = extractExamples('page.md', page);
    assert.equal(result.examples.map((example) => [example.line, example.kind, example.odataType, example.isCollection, example.truncated, example.body]), want);
    assert.ok(result.examples.every((example) => example.file === 'page.md'));
    assert.equal(result.skipped.map((block) => [block.line, block.reason]), skipped);
  });
}

extract('the reported line holds the body\'s first line', () => {
  const page = cases[0].page;
  const [example] = extractExamples('page.md', page).examples;
  assert.is(page.split('\n')[example.line - 1], '{');
});

interface RequestCase {
  name: string;
  page: string;
  /** [line, method, url, body] per request body. */
  want: [number, string, string, string][];
}

const requestCases: RequestCase[] = [
  {
    name: 'a POST request block without @odata.type: its body, method and URL',
    page: `<!-- { "blockType": "request", "name": "create_widget" } -->
${FENCE}http
POST https://graph.microsoft.com/beta/widgets
Content-type: application/json

{ "displayName": "x" }
${FENCE}`,
    want: [[6, 'POST', 'https://graph.microsoft.com/beta/widgets', '{ "displayName": "x" }']],
  },
  {
    name: 'a typed PATCH request is both a typed example and a request body; the request line alone, the JSON in the json block after it',
    page: `<!-- { "blockType": "request", "@odata.type": "microsoft.graph.widget" } -->
${FENCE}http
PATCH /widgets/{id}
${FENCE}
${FENCE}json
{ "size": 3 }
${FENCE}`,
    want: [[6, 'PATCH', '/widgets/{id}', '{ "size": 3 }']],
  },
  {
    name: 'a GET, a POST with no body, a DELETE and a non-JSON content type send no body to check',
    page: `<!-- { "blockType": "request" } -->
${FENCE}http
GET /widgets?$top=2
${FENCE}
<!-- { "blockType": "request" } -->
${FENCE}http
POST /widgets/{id}/archive
${FENCE}
<!-- { "blockType": "request" } -->
${FENCE}http
DELETE /widgets/{id}
${FENCE}
<!-- { "blockType": "request" } -->
${FENCE}http
PUT /widgets/{id}/photo/$value
Content-type: image/jpeg

binary
${FENCE}`,
    want: [],
  },
];

for (const { name, page, want } of requestCases) {
  extract(`request bodies: ${name}`, () => {
    const result = extractExamples('page.md', page);
    assert.equal(result.requests.map((request) => [request.line, request.method, request.url, request.body]), want);
  });
}

extract('a request block that is not typed adds no typed example', () => {
  assert.equal(extractExamples('page.md', requestCases[0].page).examples, []);
});

extract.run();
