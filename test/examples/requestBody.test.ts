import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { RequestExample } from '../../src/examples/extract.js';
import { buildReport, requestSummaryLine } from '../../src/examples/report.js';
import { operationsByPage, verifyRequestBody, type RequestOutcome } from '../../src/examples/requestBody.js';
import type { GeneratedTypes, ValidationIssue, Validator } from '../../src/examples/validators.js';
import type { Operation, ParameterDef, RequestBodyDef } from '../../src/model/types.js';

const requestBody = suite('examples: check a request body against its operation\'s request type');

function issue(path: string, expected: string, found: string): ValidationIssue {
  return { path, expected, found, message: `${path}: expected ${expected}, got ${found}` };
}

/** A stand-in for a generated `validateWidget`: `size` must be a number. */
const validateWidget: Validator = (value) => {
  const { size } = value as { size?: unknown };
  return size !== undefined && typeof size !== 'number' ? [issue('$.size', 'integer (Int32)', typeof size)] : [];
};

const PRIMITIVES: Record<string, Validator> = {
  String: (value) => (typeof value === 'string' ? [] : [issue('$', 'string', typeof value)]),
  Int32: (value) => (Number.isInteger(value) ? [] : [issue('$', 'integer (Int32)', typeof value)]),
};

const types: GeneratedTypes = {
  validatorFor: (odataType) => (odataType === 'microsoft.graph.widget' ? { validator: validateWidget, fullName: odataType } : { reason: `no generated type ${odataType}` }),
  enumMembers: () => undefined,
  declares: () => false,
  valueValidator: (type) => (type.kind === 'named' ? (type.fullName === 'microsoft.graph.widget' ? validateWidget : undefined) : PRIMITIVES[type.name]),
};

const WIDGET: RequestBodyDef = { kind: 'type', type: { kind: 'named', fullName: 'microsoft.graph.widget' }, collection: false };

function parameter(name: string, typeName: 'String' | 'Int32', required: boolean, collection = false): ParameterDef {
  return { name, type: { kind: 'primitive', name: typeName }, collection, required, description: '' };
}

const PAINT: RequestBodyDef = { kind: 'parameters', parameters: [parameter('color', 'String', true), parameter('coats', 'Int32', false), parameter('tags', 'String', false, true)] };

function operation(method: Operation['method'], path: string, request: RequestBodyDef | null): Operation {
  return {
    method, path, pathParameters: [], summary: '', source: { file: 'api/widget.md', line: 1, column: 1 },
    permissions: { delegatedWork: [], delegatedPersonal: [], application: [] }, queryOptions: [], headers: [],
    request, response: { status: 200, type: null, collection: false },
  };
}

/** The operations of one page, as the model gives them. */
const PAGE: Operation[] = [
  operation('GET', '/widgets', null),
  operation('POST', '/widgets', WIDGET),
  operation('PATCH', '/widgets/{widget-id}', WIDGET),
  operation('POST', '/widgets/{widget-id}/paint', PAINT),
  operation('PATCH', '/widgets/{widget-id}/settings', PAINT),
  operation('POST', '/widgets/{widget-id}/archive', null),
];

function request(method: RequestExample['method'], url: string, body: string): RequestExample {
  return { file: 'api/widget.md', line: 30, method, url, truncated: false, body };
}

interface Case {
  name: string;
  given: RequestExample;
  want: { status: RequestOutcome['status']; operation?: string; requestType?: string; failures?: string[] };
}

const cases: Case[] = [
  {
    name: 'a POST body is checked against the entity type',
    given: request('POST', 'https://graph.microsoft.com/beta/widgets', '{ "displayName": "x", "size": "big" }'),
    want: { status: 'failed', operation: 'POST /widgets', requestType: 'microsoft.graph.widget', failures: ['$.size: expected integer (Int32), got string'] },
  },
  {
    name: 'a valid POST body passes',
    given: request('POST', '/widgets', '{ "size": 3 }'),
    want: { status: 'passed', operation: 'POST /widgets', requestType: 'microsoft.graph.widget', failures: [] },
  },
  {
    name: 'a PATCH body is a partial type: any subset of its properties passes; host, version and query string set aside',
    given: request('PATCH', 'https://graph.microsoft.com/v1.0/widgets/c4a1?$select=id', '{ "size": 4 }'),
    want: { status: 'passed', operation: 'PATCH /widgets/{widget-id}', requestType: 'microsoft.graph.widget', failures: [] },
  },
  {
    name: 'a PATCH of parameters asks for no required one',
    given: request('PATCH', '/widgets/w1/settings', '{ "coats": 2 }'),
    want: { status: 'passed', operation: 'PATCH /widgets/{widget-id}/settings', requestType: 'parameters', failures: [] },
  },
  {
    name: 'an action\'s parameters: an unknown member and a missing required parameter',
    given: request('POST', '/widgets/w1/paint', '{\n  "coats": 2,\n  "shade": "dark"\n}'),
    want: {
      status: 'failed', operation: 'POST /widgets/{widget-id}/paint', requestType: 'parameters',
      failures: ['$.shade: not a parameter of the operation', '$.color: required parameter missing'],
    },
  },
  {
    name: 'an action\'s parameters: values of the parameters\' types, a collection item by item, annotations allowed',
    given: request('POST', '/widgets/w1/paint', '{ "color": "red", "coats": "two", "tags": ["a", 7], "color@odata.type": "#String" }'),
    want: {
      status: 'failed', operation: 'POST /widgets/{widget-id}/paint', requestType: 'parameters',
      failures: ['$.coats: expected integer (Int32), got string', '$.tags[1]: expected string, got number'],
    },
  },
  {
    name: 'an action\'s parameters are named without regard to case, as Graph binds them',
    given: request('POST', '/widgets/w1/paint', '{ "Color": "red", "COATS": "two" }'),
    want: { status: 'failed', operation: 'POST /widgets/{widget-id}/paint', requestType: 'parameters', failures: ['$.COATS: expected integer (Int32), got string'] },
  },
  {
    name: 'an action\'s parameters: a collection parameter given one value',
    given: request('POST', '/widgets/w1/paint', '{ "color": "red", "tags": "a" }'),
    want: { status: 'failed', operation: 'POST /widgets/{widget-id}/paint', requestType: 'parameters', failures: ['$.tags: expected array, got string'] },
  },
  {
    name: 'a URL that matches no request line of its page is not checked',
    given: request('POST', '/gadgets', '{ "size": "big" }'),
    want: { status: 'unmatched' },
  },
  {
    name: 'a path of the page with another method is not its operation',
    given: request('PUT', '/widgets', '{ "size": "big" }'),
    want: { status: 'unmatched' },
  },
  {
    name: 'an upload URL Graph handed out is not Graph\'s',
    given: request('PUT', 'https://sn3302.up.1drv.com/up/fe6987415ace7X4e1eF866337', '{ "size": "big" }'),
    want: { status: 'unmatched' },
  },
  {
    name: 'an operation whose page documents no request body gives no type',
    given: request('POST', '/widgets/w1/archive', '{ "size": "big" }'),
    want: { status: 'noType', operation: 'POST /widgets/{widget-id}/archive' },
  },
  {
    name: 'a body that is not JSON',
    given: request('POST', '/widgets', '{ "size": <the size> }'),
    want: { status: 'notJson', operation: 'POST /widgets' },
  },
];

for (const { name, given, want } of cases) {
  requestBody(name, () => {
    const outcome = verifyRequestBody(given, PAGE, types);
    const got: Case['want'] = { status: outcome.status };
    if ('operation' in outcome) got.operation = outcome.operation;
    if (outcome.status === 'passed' || outcome.status === 'failed') {
      got.requestType = outcome.requestType;
      got.failures = outcome.failures.map((failure) => failure.message);
    }
    assert.equal(got, want);
  });
}

requestBody('a page whose request line another page documented first calls the operation kept', () => {
  const kept = { ...operation('POST', '/users', WIDGET), source: { file: 'api/intune-user-create.md', line: 30, column: 1 }, alsoDocumentedAt: [{ file: 'api/user-post-users.md', line: 31, column: 1 }] };
  const pageOperations = operationsByPage([kept]).get('api/user-post-users.md') ?? [];
  const outcome = verifyRequestBody({ ...request('POST', 'https://graph.microsoft.com/v1.0/users', '{ "size": 1 }'), file: 'api/user-post-users.md' }, pageOperations, types);
  assert.is(outcome.status, 'passed');
});

requestBody('a failure is placed on the line of its member in the page', () => {
  const outcome = verifyRequestBody(request('POST', '/widgets/w1/paint', '{\n  "coats": 2,\n  "shade": "dark"\n}'), PAGE, types);
  assert.ok(outcome.status === 'failed');
  assert.equal(outcome.failures.map((failure) => [failure.path, failure.line]), [['$.shade', 32], ['$.color', 30]]);
});

requestBody('the report counts request bodies on a line of their own; unmatched ones are counted, not checked', () => {
  const outcomes = cases.map(({ given }) => verifyRequestBody(given, PAGE, types));
  const report = buildReport('beta', 'docs', [], [], outcomes);
  assert.equal(report.requestBodies.counts, { found: 13, unmatched: 3, noType: 1, notJson: 1, checked: 8, passed: 3, failed: 5, repaired: 0 });
  assert.is(requestSummaryLine(report.requestBodies.counts), 'request bodies: found=13 unmatched=3 noType=1 notJson=1 checked=8 passed=3 (37.5%)');
  assert.equal(report.requestBodies.unmatched.map((entry) => entry.reason), [
    'matches no POST operation of its page', 'matches no PUT operation of its page', 'not a Graph URL',
  ]);
  assert.is(report.counts.found, 0, 'the typed examples\' figures do not count request bodies');
});

requestBody.run();
