import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  enumText, objectText, parseBase, parseEnum, parseObject, parseOperation, parsePermissions, parseProperty, parseRequest, parseResponse,
  permissionsText, propertyText, requestText, responseText, baseText, operationText, SignatureError,
  type PropertyShape, type RequestShape,
} from '../../src/diff/signature.js';
import type { Permissions, ResponseDef } from '../../src/model/types.js';

// Given a thing, want its text, and the text read back as the thing: plain names and hostile ones.

const string = { kind: 'primitive', name: 'String' } as const;
const user = { kind: 'named', fullName: 'microsoft.graph.user' } as const;

const PROPERTIES: [PropertyShape, string][] = [
  [{ type: string, collection: false, nullable: false, readOnly: false, navigation: false }, 'Edm.String'],
  [{ type: user, collection: true, nullable: true, readOnly: true, navigation: true, maxLength: 64 }, 'Collection(microsoft.graph.user), nullable, read-only, navigation, max-length 64'],
  [{ type: { kind: 'named', fullName: 'odd.name with "quotes"; and: colons' }, collection: false, nullable: true, readOnly: false, navigation: false },
    '"odd.name with \\"quotes\\"; and: colons", nullable'],
  [{ type: { kind: 'unknown', written: 'widgit}\n(collection)' }, collection: true, nullable: false, readOnly: false, navigation: false },
    'Collection(unknown "widgit}\\n(collection)")'],
];

for (const [shape, text] of PROPERTIES) {
  test(`property text: ${text}`, () => {
    assert.is(propertyText(shape), text);
    assert.equal(parseProperty(text), shape);
  });
}

test('object text: kind, base and members; hostile member names are quoted and read back', () => {
  const shape = {
    kind: 'entity' as const, base: 'microsoft.graph.entity',
    properties: [['id', 'Edm.String'], ['a; b: c', 'Collection(microsoft.graph.user), nullable'], ['@odata.type', 'Edm.String']] as [string, string][],
  };
  const text = objectText(shape);
  assert.is(text, 'entity : microsoft.graph.entity { id: Edm.String; "a; b: c": Collection(microsoft.graph.user), nullable; @odata.type: Edm.String }');
  assert.equal(parseObject(text), shape);
  assert.equal(parseObject(objectText({ kind: 'complex', base: null, properties: [] })), { kind: 'complex', base: null, properties: [] });
});

test('enum text: flags and member names', () => {
  const shape = { flags: true, members: ['none', 'mailbox', 'odd { member }'] };
  assert.is(enumText(shape), 'flags enum { none; mailbox; "odd { member }" }');
  assert.equal(parseEnum(enumText(shape)), shape);
  assert.equal(parseEnum('enum { }'), { flags: false, members: [] });
});

test('base text: a full name or none', () => {
  assert.is(baseText(null), 'none');
  assert.is(parseBase('none'), null);
  assert.is(parseBase(baseText('microsoft.graph.entity')), 'microsoft.graph.entity');
  assert.is(parseBase(baseText('a b')), 'a b');
});

const REQUESTS: [RequestShape, string][] = [
  [{ kind: 'none' }, 'none'],
  [{ kind: 'type', type: user, collection: true }, 'Collection(microsoft.graph.user)'],
  [{ kind: 'parameters', parameters: [{ name: 'comment', type: string, collection: false, required: true }, { name: 'to', type: user, collection: true, required: false }] },
    '{ comment: Edm.String, required; to: Collection(microsoft.graph.user) }'],
];

for (const [shape, text] of REQUESTS) {
  test(`request text: ${text}`, () => {
    assert.is(requestText(shape), text);
    assert.equal(parseRequest(text), shape);
  });
}

const RESPONSES: [ResponseDef, string][] = [
  [{ status: 204, type: null, collection: false }, '204'],
  [{ status: 200, type: user, collection: true }, '200 Collection(microsoft.graph.user)'],
];

for (const [shape, text] of RESPONSES) {
  test(`response text: ${text}`, () => {
    assert.is(responseText(shape), text);
    assert.equal(parseResponse(text), shape);
  });
}

test('permissions text: each kind, least privileged first; not supported; none listed', () => {
  const shape: Permissions = { delegatedWork: ['User.Read', 'User.ReadWrite.All'], delegatedPersonal: null, application: [] };
  const text = permissionsText(shape);
  assert.is(text, 'delegated-work (User.Read, User.ReadWrite.All) delegated-personal (not supported) application ()');
  assert.equal(parsePermissions(text), shape);
  const odd = { delegatedWork: ['Not (really) a name, is it'], delegatedPersonal: ['not'], application: null };
  assert.equal(parsePermissions(permissionsText(odd)), odd);
});

test('operation text: request, response and permissions; a parameter named response does not confuse it', () => {
  const request = requestText({ kind: 'parameters', parameters: [{ name: 'response', type: string, collection: false, required: false }] });
  const text = operationText(request, '200 Edm.String', 'delegated-work () delegated-personal () application ()');
  assert.equal(parseOperation(text), { request: '{ response: Edm.String }', response: '200 Edm.String', permissions: 'delegated-work () delegated-personal () application ()' });
});

for (const [read, text] of [
  [parseProperty, 'Edm.String, shiny'], [parseObject, 'table { }'], [parseEnum, 'enum { a'], [parseProperty, '"unterminated'], [parseOperation, 'request: none'],
] as const) {
  test(`unreadable text is an error, never a guess: ${text}`, () => {
    assert.throws(() => (read as (text: string) => unknown)(text), (error: unknown) => error instanceof SignatureError);
  });
}

test.run();
