import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildModel } from '../../src/model/build.js';
import { singularize } from '../../src/model/pathParameters.js';
import { selectNamespaces } from '../../src/model/select.js';
import type { HttpMethod, Permissions } from '../../src/model/types.js';
import type { PageResult, RawApiPage, RawObjectType, RawPermissionTable, RawProperty } from '../../src/read/types.js';

// Hand-made reader output: resource pages with navigation properties, and api pages.

const place = (file: string, line = 1) => ({ file, line, column: 1 });

function property(name: string, type: string, navigation = false, collection = false): RawProperty {
  return {
    name, type: { kind: 'unresolved', name: type }, collection, readOnly: false, notNullable: false, navigation,
    description: '', inTable: true, inJson: true, source: place('resources/x.md'),
  };
}

function resource(name: string, properties: RawProperty[], namespace = 'microsoft.graph'): PageResult {
  const object: RawObjectType = {
    name, namespace, baseType: name === 'entity' ? undefined : 'microsoft.graph.entity', abstract: false, openType: false,
    mediaEntity: false, keyProperty: name === 'entity' ? 'id' : undefined, description: '', properties, hasPropertiesTable: true,
    source: place(`resources/${name}.md`),
  };
  return { file: `resources/${namespace === 'microsoft.graph' ? '' : 'ns-'}${name}.md`, docType: 'resource', objects: [object], enums: [], typeLinks: [], derivedTypes: [], diagnostics: [] };
}

const RESOURCES: PageResult[] = [
  resource('entity', [{ ...property('id', 'String'), type: { kind: 'primitive', name: 'String' } }]),
  resource('user', [
    property('messages', 'message', true, true),
    property('memberOf', 'directoryObject', true, true),
    property('manager', 'directoryObject', true),
    property('drive', 'drive', true),
  ]),
  resource('message', []),
  resource('directoryObject', []),
  resource('group', [property('members', 'directoryObject', true, true)]),
  resource('drive', [property('items', 'driveItem', true, true)]),
  resource('driveItem', [property('children', 'driveItem', true, true)]),
  resource('callRecord', [property('sessions', 'microsoft.graph.callRecords.session', true, true)], 'microsoft.graph.callRecords'),
  resource('session', [], 'microsoft.graph.callRecords'),
];

type Line = [HttpMethod, string];

function apiPage(file: string, lines: Line[], api: Partial<RawApiPage> = {}): PageResult {
  return {
    file, docType: 'api', objects: [], enums: [], typeLinks: [], derivedTypes: [], diagnostics: [],
    api: {
      title: `Title of ${file}`, requestLines: lines.map(([method, path], index) => ({ method, path, place: place(file, 10 + index) })),
      permissions: [], permissionIncludes: [], hasPermissionsSection: true, queryOptions: [], headers: [], functionParameters: [],
      exampleRequests: [], exampleResponses: [], ...api,
    },
  };
}

function build(pages: PageResult[]) {
  return buildModel('v1.0', [...RESOURCES, ...pages]);
}

const pathCases: { given: string; want: string; written?: string[] }[] = [
  { given: '/users/{id | userPrincipalName}', want: '/users/{user-id}', written: ['id | userPrincipalName'] },
  { given: '/users/{id}/messages/{id}', want: '/users/{user-id}/messages/{message-id}', written: ['id', 'id'] },
  { given: '/me/messages/{id}', want: '/me/messages/{message-id}' },
  { given: '/me/drive/items/{item-id}/children/{id}', want: '/me/drive/items/{driveItem-id}/children/{driveItem-id1}' },
  { given: '/groups/{id}/members/{id}/$ref', want: '/groups/{group-id}/members/{directoryObject-id}/$ref' },
  { given: '/users/{id}/memberOf/{id}/members/{id}', want: '/users/{user-id}/memberOf/{directoryObject-id}/members/{member-id}' },
  { given: '/communications/callRecords/{id}/sessions/{id}', want: '/communications/callRecords/{callRecord-id}/sessions/{session-id}' },
  { given: '/users/{id}/microsoft.graph.group/members/{id}', want: '/users/{user-id}/microsoft.graph.group/members/{directoryObject-id}' },
  { given: '/policies/{id}', want: '/policies/{policy-id}' },
  { given: '/widgets/{id}/addresses/{id}', want: '/widgets/{widget-id}/addresses/{address-id}' },
  { given: '/people/{id}', want: '/people/{person-id}' },
  { given: '/users/{id}/unknownThings/{id}', want: '/users/{user-id}/unknownThings/{unknownThing-id}' },
  {
    given: "/reports/getEmailActivityCounts(period='{period_value}')", want: "/reports/getEmailActivityCounts(period='{period}')",
    written: ['period_value'],
  },
  {
    given: '/me/calendarView(startDateTime={start},endDateTime={end})', want: '/me/calendarView(startDateTime={startDateTime},endDateTime={endDateTime})',
  },
  { given: '/drives/{drive-id}/root:/{item-path}:/content', want: '/drives/{drive-id}/root:/{item-path}:/content' },
  { given: '/users/{id}?$select=displayName', want: '/users/{user-id}' },
  { given: '/users/{id}/', want: '/users/{user-id}' },
];

for (const { given, want, written } of pathCases) {
  test(`path ${given} → ${want}`, () => {
    const { model } = build([apiPage('api/a.md', [['GET', given]])]);
    assert.is(model.operations[0].path, want);
    if (written) assert.equal(model.operations[0].pathParameters.map((parameter) => parameter.written), written);
    assert.equal(model.operations[0].pathParameters.map((parameter) => `{${parameter.name}}`), want.match(/\{[^}]+\}/g) ?? []);
  });
}

const singularCases: [string, string][] = [
  ['users', 'user'], ['policies', 'policy'], ['addresses', 'address'], ['callRecords', 'callRecord'], ['people', 'person'],
  ['children', 'child'], ['status', 'status'], ['me', 'me'], ['boxes', 'box'], ['keys', 'key'],
];
for (const [given, want] of singularCases) test(`singularize ${given} → ${want}`, () => assert.is(singularize(given), want));

test('one operation per (method, path), sorted by path then method; one page may write a path twice', () => {
  const { model, diagnostics } = build([
    apiPage('api/user-update.md', [['PATCH', '/users/{id}']]),
    apiPage('api/user-get.md', [['GET', '/users/{id | userPrincipalName}'], ['GET', '/users/{userPrincipalName}'], ['GET', '/me']]),
    apiPage('api/user-list.md', [['GET', '/users']]),
  ]);
  assert.equal(model.operations.map((operation) => `${operation.method} ${operation.path}`),
    ['GET /me', 'GET /users', 'GET /users/{user-id}', 'PATCH /users/{user-id}']);
  assert.equal(model.operations.map((operation) => operation.summary), [
    'Title of api/user-get.md', 'Title of api/user-list.md', 'Title of api/user-get.md', 'Title of api/user-update.md',
  ]);
  assert.equal(diagnostics.filter((diagnostic) => diagnostic.ruleId === 'conflicting-operation'), []);
});

const secondPageCases: { name: string; other: Partial<RawApiPage>; want: { ruleId: string; severity: string; says: string[] } }[] = [
  {
    name: 'pages that agree: duplicate-operation, info',
    other: {},
    want: { ruleId: 'duplicate-operation', severity: 'info', says: ['api/a-user-get.md:10', 'GET /users/{user-id}'] },
  },
  {
    name: 'pages that disagree on the response: conflicting-operation, a warning saying how',
    other: { response: { status: 200, type: { kind: 'unresolved', name: 'user' }, collection: true, place: place('api/user-get.md', 30) } },
    want: { ruleId: 'conflicting-operation', severity: 'warning', says: ['api/a-user-get.md:10', 'response 200 collection of microsoft.graph.user here, 200 no body there'] },
  },
  {
    name: 'pages that disagree on the request: conflicting-operation',
    other: { requestBody: { kind: 'type', type: { kind: 'unresolved', name: 'user' }, collection: false, place: place('api/user-get.md', 25) } },
    want: { ruleId: 'conflicting-operation', severity: 'warning', says: ['request with microsoft.graph.user here, without a body there'] },
  },
];
for (const { name, other, want } of secondPageCases) {
  test(`the same method and path on two pages, the first by file kept; ${name}`, () => {
    const { model, diagnostics } = build([
      apiPage('api/user-get.md', [['GET', '/users/{id}']], other),
      apiPage('api/a-user-get.md', [['GET', '/users/{userId}']]),
    ]);
    assert.equal(model.operations.map((operation) => operation.source), [place('api/a-user-get.md', 10)]);
    const found = diagnostics.filter((diagnostic) => /-operation$/.test(diagnostic.ruleId));
    assert.equal(found.map(({ file, line, severity, ruleId }) => ({ file, line, severity, ruleId })),
      [{ file: 'api/user-get.md', line: 10, severity: want.severity, ruleId: want.ruleId }]);
    for (const text of want.says) assert.ok(found[0].reason.includes(text), `${found[0].reason} says ${text}`);
    assert.equal(model.operations[0].alsoDocumentedAt, [place('api/user-get.md', 10)], 'the page left out still knows the operation it documents');
  });
}

const derived = (name: string): PageResult => {
  const page = resource(name, []);
  return { ...page, objects: [{ ...page.objects[0], baseType: 'microsoft.graph.mobileApp' }] };
};
const parameter = (name: string) => ({ name, type: { kind: 'primitive' as const, name: 'String' as const }, collection: false, required: false, description: '', place: place('api/x.md', 50) });
const collectionOf = (name: string, line: number) => ({ response: { status: 200, type: { kind: 'unresolved' as const, name }, collection: true, place: place('api/x.md', line) } });

test('two pages of one operation naming types derived from one base: the operation takes the base, and the pages are duplicates (info)', () => {
  const { model, diagnostics } = buildModel('v1.0', [
    ...RESOURCES, resource('mobileApp', []), derived('win32LobApp'), derived('androidLobApp'),
    apiPage('api/intune-apps-androidlobapp-list.md', [['GET', '/deviceAppManagement/mobileApps']], collectionOf('androidLobApp', 30)),
    apiPage('api/intune-apps-win32lobapp-list.md', [['GET', '/deviceAppManagement/mobileApps']], collectionOf('win32LobApp', 30)),
    apiPage('api/intune-apps-androidlobapp-create.md', [['POST', '/deviceAppManagement/mobileApps']], {
      response: { status: 201, type: { kind: 'unresolved', name: 'androidLobApp' }, collection: false, place: place('api/x.md', 40) },
      requestBody: { kind: 'parameters', parameters: [parameter('packageId')], place: place('api/x.md', 35) },
    }),
    apiPage('api/intune-apps-win32lobapp-create.md', [['POST', '/deviceAppManagement/mobileApps']], {
      response: { status: 201, type: { kind: 'unresolved', name: 'win32LobApp' }, collection: false, place: place('api/x.md', 40) },
      requestBody: { kind: 'parameters', parameters: [parameter('fileName')], place: place('api/x.md', 36) },
    }),
  ]);
  const base = { kind: 'named', fullName: 'microsoft.graph.mobileApp' };
  assert.equal(model.operations.map(({ method, request, response }) => ({ method, request, response })), [
    { method: 'GET', request: null, response: { status: 200, type: base, collection: true } },
    { method: 'POST', request: { kind: 'type', type: base, collection: false }, response: { status: 201, type: base, collection: false } },
  ]);
  assert.equal(diagnostics.filter((diagnostic) => /-operation$/.test(diagnostic.ruleId)).map((diagnostic) => diagnostic.ruleId), ['duplicate-operation', 'duplicate-operation']);
});

test('two pages naming types whose only common base is entity still conflict', () => {
  const { diagnostics } = buildModel('v1.0', [
    ...RESOURCES,
    apiPage('api/user-list.md', [['GET', '/things']], collectionOf('user', 30)),
    apiPage('api/message-list.md', [['GET', '/things']], collectionOf('message', 30)),
  ]);
  assert.equal(diagnostics.filter((diagnostic) => /-operation$/.test(diagnostic.ruleId)).map((diagnostic) => diagnostic.ruleId), ['conflicting-operation']);
});

test('a parameters body lists each parameter once: a repeated row is a duplicate-parameter warning, the first row kept', () => {
  const { model, diagnostics } = build([apiPage('api/widget-paint.md', [['POST', '/widgets/{id}/paint']], {
    requestBody: { kind: 'parameters', parameters: [parameter('color'), { ...parameter('color'), required: true, place: place('api/x.md', 51) }, parameter('coats')], place: place('api/x.md', 49) },
  })]);
  const body = model.operations[0].request;
  assert.equal(body?.kind === 'parameters' ? body.parameters.map(({ name, required }) => ({ name, required })) : body,
    [{ name: 'color', required: false }, { name: 'coats', required: false }]);
  assert.equal(diagnostics.filter((diagnostic) => diagnostic.ruleId === 'duplicate-parameter').map(({ line }) => line), [51]);
});

const table = (work: string[] | null, personal: string[] | null, application: string[] | null, line = 20): RawPermissionTable =>
  ({ delegatedWork: work, delegatedPersonal: personal, application, place: place('api/a.md', line) });

const permissionCases: { name: string; given: Partial<RawApiPage>; includes?: Record<string, RawPermissionTable[]>; want: Permissions; missing?: number[] }[] = [
  { name: 'no table: the page says nothing', given: {}, want: { delegatedWork: [], delegatedPersonal: [], application: [] } },
  {
    name: 'one inline table, not supported is null',
    given: { permissions: [table(['User.Read', 'User.ReadWrite'], null, ['User.Read.All'])] },
    want: { delegatedWork: ['User.Read', 'User.ReadWrite'], delegatedPersonal: null, application: ['User.Read.All'] },
  },
  {
    name: 'several tables: union per kind in order, null only where every table says not supported',
    given: { permissions: [table(['A.Read'], null, null), table(['B.Read', 'A.Read'], null, ['C.Read.All'])] },
    want: { delegatedWork: ['A.Read', 'B.Read'], delegatedPersonal: null, application: ['C.Read.All'] },
  },
  {
    name: 'an include resolved relative to the page, without regard to case',
    given: { permissionIncludes: [{ target: '../includes/permissions/User-Get-permissions.md', place: place('api/a.md', 30) }] },
    includes: { 'includes/permissions/user-get-permissions.md': [table(['User.Read'], ['User.Read'], ['User.Read.All'])] },
    want: { delegatedWork: ['User.Read'], delegatedPersonal: ['User.Read'], application: ['User.Read.All'] },
  },
  {
    name: 'a missing include: missing-include at its place, and nothing said',
    given: { permissionIncludes: [{ target: '../includes/permissions/gone-permissions.md', place: place('api/a.md', 31) }] },
    includes: { 'includes/permissions/user-get-permissions.md': [table(['User.Read'], null, null)] },
    want: { delegatedWork: [], delegatedPersonal: [], application: [] }, missing: [31],
  },
  {
    name: 'an include outside the version folder is missing',
    given: { permissionIncludes: [{ target: '../../includes/permissions/user-get-permissions.md', place: place('api/a.md', 32) }] },
    includes: { 'includes/permissions/user-get-permissions.md': [table(['User.Read'], null, null)] },
    want: { delegatedWork: [], delegatedPersonal: [], application: [] }, missing: [32],
  },
];

for (const { name, given, includes = {}, want, missing = [] } of permissionCases) {
  test(`permissions: ${name}`, () => {
    const includePages = Object.entries(includes).map(([file, permissionTables]): PageResult =>
      ({ file, docType: 'include', objects: [], enums: [], typeLinks: [], derivedTypes: [], diagnostics: [], permissionTables }));
    const { model, diagnostics } = build([apiPage('api/a.md', [['GET', '/users']], given), ...includePages]);
    assert.equal(model.operations[0].permissions, want);
    const reported = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'missing-include');
    assert.equal(reported.map((diagnostic) => [diagnostic.file, diagnostic.line, diagnostic.severity]), missing.map((line) => ['api/a.md', line, 'warning']));
  });
}

test('types resolve in the model; primitives stay; an unknown name is unknown with unknown-type at its place', () => {
  const { model, diagnostics } = build([
    apiPage('api/user-get.md', [['GET', '/users/{id}']], {
      response: { status: 200, type: { kind: 'unresolved', name: 'user' }, collection: false, place: place('api/user-get.md', 40) },
    }),
    apiPage('api/user-update.md', [['PATCH', '/users/{id}']], {
      requestBody: { kind: 'type', type: { kind: 'unresolved', name: 'microsoft.graph.user' }, collection: false, place: place('api/user-update.md', 30) },
      response: { status: 204, collection: false, place: place('api/user-update.md', 41) },
    }),
    apiPage('api/session-list.md', [['GET', '/communications/callRecords/{id}/sessions']], {
      response: { status: 200, type: { kind: 'unresolved', name: 'session' }, collection: true, place: place('api/session-list.md', 40) },
    }),
    apiPage('api/report.md', [['GET', "/reports/getCounts(period='{period_value}')"]], {
      response: { status: 200, type: { kind: 'primitive', name: 'Stream' }, collection: false, place: place('api/report.md', 40) },
    }),
    apiPage('api/user-check.md', [['POST', '/users/{id}/checkMemberGroups']], {
      requestBody: {
        kind: 'parameters', place: place('api/user-check.md', 30), parameters: [
          { name: 'groupIds', type: { kind: 'primitive', name: 'String' }, collection: true, required: true, description: 'Ids.', place: place('api/user-check.md', 31) },
          { name: 'option', type: { kind: 'unresolved', name: 'checkOptionz' }, collection: false, required: false, description: '', place: place('api/user-check.md', 32) },
        ],
      },
      response: { status: 200, type: { kind: 'primitive', name: 'String' }, collection: true, place: place('api/user-check.md', 40) },
    }),
    apiPage('api/widget-get.md', [['GET', '/widgets/{id}']], {
      response: { status: 200, type: { kind: 'unresolved', name: 'widgett' }, collection: false, place: place('api/widget-get.md', 44) },
    }),
  ]);
  const byPath = (path: string) => model.operations.find((operation) => operation.path === path)!;
  assert.equal(byPath('/users/{user-id}').response, { status: 200, type: { kind: 'named', fullName: 'microsoft.graph.user' }, collection: false });
  const update = model.operations.find((operation) => operation.method === 'PATCH')!;
  assert.equal(update.request, { kind: 'type', type: { kind: 'named', fullName: 'microsoft.graph.user' }, collection: false });
  assert.equal(update.response, { status: 204, type: null, collection: false });
  assert.equal(byPath('/communications/callRecords/{callRecord-id}/sessions').response.type, { kind: 'named', fullName: 'microsoft.graph.callRecords.session' });
  assert.equal(byPath("/reports/getCounts(period='{period}')").response.type, { kind: 'primitive', name: 'Stream' });
  const check = byPath('/users/{user-id}/checkMemberGroups');
  assert.equal(check.response, { status: 200, type: { kind: 'primitive', name: 'String' }, collection: true });
  assert.equal(check.request, {
    kind: 'parameters', parameters: [
      { name: 'groupIds', type: { kind: 'primitive', name: 'String' }, collection: true, required: true, description: 'Ids.' },
      { name: 'option', type: { kind: 'unknown', written: 'checkOptionz' }, collection: false, required: false, description: '' },
    ],
  });
  assert.equal(byPath('/widgets/{widget-id}').response.type, { kind: 'unknown', written: 'widgett' });
  const unknown = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'unknown-type');
  assert.equal(unknown.map((diagnostic) => `${diagnostic.file}:${diagnostic.line}`), ['api/user-check.md:32', 'api/widget-get.md:44']);
});

test('query options sorted and once; no request body section is null; the example annotation stands in for missing prose', () => {
  const { model } = build([apiPage('api/user-list.md', [['GET', '/users']], {
    queryOptions: ['$top', '$select', '$filter', '$select'],
    requestBody: { kind: 'none', place: place('api/user-list.md', 30) },
    exampleResponses: [{ status: 200, type: 'microsoft.graph.user', collection: true, place: place('api/user-list.md', 60) }],
  })]);
  const [operation] = model.operations;
  assert.equal(operation.queryOptions, ['$filter', '$select', '$top']);
  assert.is(operation.request, null);
  assert.equal(operation.response, { status: 200, type: { kind: 'named', fullName: 'microsoft.graph.user' }, collection: true });
});

test('a namespace left out by the config: operations that name its types take or return unknown', () => {
  const { model } = build([apiPage('api/session-list.md', [['GET', '/communications/callRecords/{id}/sessions']], {
    response: { status: 200, type: { kind: 'unresolved', name: 'session' }, collection: true, place: place('api/session-list.md', 40) },
  })]);
  const selected = selectNamespaces(model, { exclude: ['microsoft.graph.callRecords'] });
  assert.equal(selected.operations[0].response.type, { kind: 'unknown', written: 'microsoft.graph.callRecords.session' });
  assert.equal(selected.operations[0].path, '/communications/callRecords/{callRecord-id}/sessions', 'the path stays as the full model names it');
});

test.run();
