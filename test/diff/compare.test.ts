import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { applyChanges } from '../../src/diff/apply.js';
import { diffModels } from '../../src/diff/compare.js';
import { viewOf, type VersionView } from '../../src/diff/view.js';
import { REPO_ROOT } from '../helpers/cli.js';
import type { EnumTypeDef, Model, ObjectTypeDef, Operation, OperationTypeRef, Permissions, PropertyDef, TypeRef } from '../../src/model/types.js';

// Given two hand-made models, want exactly these changes: every kind, and every rule with a case on each side of the line.

const place = (file: string, line = 1) => ({ file, line, column: 1 });
const string: TypeRef = { kind: 'primitive', name: 'String' };
const int32: TypeRef = { kind: 'primitive', name: 'Int32' };
const int64: TypeRef = { kind: 'primitive', name: 'Int64' };
const named = (fullName: string): TypeRef => ({ kind: 'named', fullName });

function property(name: string, type: TypeRef = string, flags: Partial<PropertyDef> = {}): PropertyDef {
  return { name, type, collection: false, nullable: true, readOnly: false, key: false, navigation: false, description: `${name}.`, source: place('resources/x.md', 10), ...flags };
}

function object(name: string, properties: PropertyDef[], flags: Partial<ObjectTypeDef> = {}): ObjectTypeDef {
  return {
    kind: 'complex', name, namespace: 'microsoft.graph', abstract: false, openType: false, mediaEntity: false,
    description: '', properties, sources: [place(`resources/${name}.md`, 5)], ...flags,
  };
}

function enumType(name: string, members: string[], flags = false): EnumTypeDef {
  return {
    kind: 'enum', name, namespace: 'microsoft.graph', origin: 'page', flags, description: '',
    members: members.map((member, value) => ({ name: member, value, description: '' })), sources: [place(`resources/${name}.md`, 3)],
  };
}

const PERMISSIONS: Permissions = { delegatedWork: ['Widget.Read', 'Widget.ReadWrite'], delegatedPersonal: null, application: ['Widget.Read.All'] };

function operation(method: Operation['method'], path: string, flags: Partial<Operation> = {}): Operation {
  return {
    method, path, pathParameters: [], summary: 'Title', source: place('api/widget-get.md', 20), permissions: PERMISSIONS,
    queryOptions: [], headers: [], request: null, response: { status: 200, type: named('microsoft.graph.widget'), collection: false }, ...flags,
  };
}

const model = (types: (ObjectTypeDef | EnumTypeDef)[], operations: Operation[] = []): Model => ({ apiVersion: 'beta', types, operations });

const BASE_TYPES = [object('entity', [property('id', string, { nullable: false, key: true })], { kind: 'entity' }), enumType('colour', ['red', 'blue'])];

interface Want {
  kind: string;
  member?: string | null;
  breaking: boolean;
  rule: string;
}

interface Case {
  name: string;
  from: Model;
  to: Model;
  want: Want[];
}

const withWidget = (...properties: PropertyDef[]) => model([...BASE_TYPES, object('widget', properties)]);
const widgetProperty = (flags: Partial<PropertyDef>, type: TypeRef = string) => withWidget(property('name', type, flags));
const propertyCase = (name: string, from: [Partial<PropertyDef>, TypeRef?], to: [Partial<PropertyDef>, TypeRef?], breaking: boolean, rule: string): Case => ({
  name, from: widgetProperty(...from), to: widgetProperty(...to), want: [{ kind: 'property-changed', member: 'name', breaking, rule }],
});
const withOperation = (flags: Partial<Operation>) => model(BASE_TYPES, [operation('POST', '/widgets', flags)]);
const operationCase = (name: string, from: Partial<Operation>, to: Partial<Operation>, kind: string, breaking: boolean, rule: string): Case => ({
  name, from: withOperation(from), to: withOperation(to), want: [{ kind, member: 'POST', breaking, rule }],
});
const widgetBody = (type: OperationTypeRef, collection = false) => ({ kind: 'type' as const, type, collection });
const parameters = (...list: [string, boolean][]) => ({
  kind: 'parameters' as const, parameters: list.map(([name, required]) => ({ name, type: string, collection: false, required, description: '' })),
});
const permissions = (delegatedWork: string[] | null, application: string[] | null = ['Widget.Read.All']) => ({ permissions: { ...PERMISSIONS, delegatedWork, application } });

const CASES: Case[] = [
  { name: 'nothing changed', from: withWidget(property('name')), to: withWidget(property('name')), want: [] },
  {
    name: 'descriptions, places, enum numbers, query options and summaries are no change',
    from: model([...BASE_TYPES, object('widget', [property('name')])], [operation('GET', '/widgets')]),
    to: model([
      ...BASE_TYPES.map((type) => (type.kind === 'enum' ? { ...type, members: type.members.map((member) => ({ ...member, value: undefined })) } : type)),
      object('widget', [{ ...property('name'), description: 'Other.', source: place('resources/renamed.md', 99) }], { description: 'New.' }),
    ], [{ ...operation('GET', '/widgets'), summary: 'Other', queryOptions: ['$top'], source: place('api/renamed.md', 3) }]),
    want: [],
  },
  { name: 'type added', from: model(BASE_TYPES), to: withWidget(), want: [{ kind: 'type-added', member: null, breaking: false, rule: 'type-added' }] },
  { name: 'type removed', from: withWidget(), to: model(BASE_TYPES), want: [{ kind: 'type-removed', member: null, breaking: true, rule: 'type-removed' }] },
  {
    name: 'complex type turned entity: removed and added',
    from: withWidget(), to: model([...BASE_TYPES, object('widget', [], { kind: 'entity' })]),
    want: [{ kind: 'type-removed', breaking: true, rule: 'type-kind-changed' }, { kind: 'type-added', breaking: false, rule: 'type-kind-changed' }],
  },
  { name: 'enum added', from: withWidget(), to: model([...BASE_TYPES, object('widget', []), enumType('size', ['small'])]), want: [{ kind: 'enum-added', breaking: false, rule: 'enum-added' }] },
  { name: 'enum removed', from: model([...BASE_TYPES, enumType('size', ['small'])]), to: model(BASE_TYPES), want: [{ kind: 'enum-removed', breaking: true, rule: 'enum-removed' }] },
  {
    name: 'enum turned flags enum: removed and added',
    from: model([...BASE_TYPES, enumType('size', ['small'])]), to: model([...BASE_TYPES, enumType('size', ['small'], true)]),
    want: [{ kind: 'enum-removed', breaking: true, rule: 'type-kind-changed' }, { kind: 'enum-added', breaking: false, rule: 'type-kind-changed' }],
  },
  {
    name: 'enum member added: Graph expects new members (unknownFutureValue)',
    from: model(BASE_TYPES), to: model([BASE_TYPES[0], enumType('colour', ['red', 'blue', 'green'])]),
    want: [{ kind: 'enum-member-added', member: 'green', breaking: false, rule: 'enum-member-added' }],
  },
  {
    name: 'enum member removed',
    from: model(BASE_TYPES), to: model([BASE_TYPES[0], enumType('colour', ['red'])]),
    want: [{ kind: 'enum-member-removed', member: 'blue', breaking: true, rule: 'enum-member-removed' }],
  },
  {
    name: 'base added: the type only gains properties',
    from: withWidget(), to: model([...BASE_TYPES, object('widget', [], { baseType: 'microsoft.graph.entity' })]),
    want: [{ kind: 'base-changed', breaking: false, rule: 'base-added' }],
  },
  {
    name: 'base replaced by a type between: the old base is still an ancestor',
    from: model([...BASE_TYPES, object('thing', [], { baseType: 'microsoft.graph.entity' }), object('widget', [], { baseType: 'microsoft.graph.entity' })]),
    to: model([...BASE_TYPES, object('thing', [], { baseType: 'microsoft.graph.entity' }), object('widget', [], { baseType: 'microsoft.graph.thing' })]),
    want: [{ kind: 'base-changed', breaking: false, rule: 'base-kept-as-ancestor' }],
  },
  {
    name: 'base replaced by an unrelated type',
    from: model([...BASE_TYPES, object('thing', []), object('widget', [], { baseType: 'microsoft.graph.entity' })]),
    to: model([...BASE_TYPES, object('thing', []), object('widget', [], { baseType: 'microsoft.graph.thing' })]),
    want: [{ kind: 'base-changed', breaking: true, rule: 'base-replaced' }],
  },
  { name: 'property added', from: withWidget(), to: withWidget(property('name')), want: [{ kind: 'property-added', member: 'name', breaking: false, rule: 'property-added' }] },
  { name: 'property removed', from: withWidget(property('name')), to: withWidget(), want: [{ kind: 'property-removed', member: 'name', breaking: true, rule: 'property-removed' }] },
  {
    name: 'property moved to the base, alike: still there',
    from: model([...BASE_TYPES, object('thing', [], { baseType: 'microsoft.graph.entity' }), object('widget', [property('name')], { baseType: 'microsoft.graph.thing' })]),
    to: model([...BASE_TYPES, object('thing', [property('name')], { baseType: 'microsoft.graph.entity' }), object('widget', [], { baseType: 'microsoft.graph.thing' })]),
    want: [
      { kind: 'property-added', member: 'name', breaking: false, rule: 'property-added' },
      { kind: 'property-removed', member: 'name', breaking: false, rule: 'property-moved-to-base' },
    ],
  },
  {
    name: 'property moved to the base with another type: removed',
    from: model([...BASE_TYPES, object('thing', []), object('widget', [property('name')], { baseType: 'microsoft.graph.thing' })]),
    to: model([...BASE_TYPES, object('thing', [property('name', int32)]), object('widget', [], { baseType: 'microsoft.graph.thing' })]),
    want: [
      { kind: 'property-added', member: 'name', breaking: false, rule: 'property-added' },
      { kind: 'property-removed', member: 'name', breaking: true, rule: 'property-removed' },
    ],
  },
  propertyCase('property type changed', [{}, string], [{}, int32], true, 'property-type-changed'),
  propertyCase('property type changed, same TypeScript type (Int32 → Int64)', [{}, int32], [{}, int64], false, 'property-type-same-typescript'),
  propertyCase('property enum → string', [{}, named('microsoft.graph.colour')], [{}, string], true, 'property-enum-to-string'),
  propertyCase('property string → enum', [{}, string], [{}, named('microsoft.graph.colour')], true, 'property-string-to-enum'),
  propertyCase('property single → collection', [{}], [{ collection: true }], true, 'property-collection-changed'),
  propertyCase('property collection → single', [{ collection: true }], [{}], true, 'property-collection-changed'),
  propertyCase('property became nullable: readers must handle null', [{ nullable: false }], [{ nullable: true }], true, 'property-became-nullable'),
  propertyCase('property became non-nullable', [{ nullable: true }], [{ nullable: false }], false, 'property-became-non-nullable'),
  propertyCase('property became read-only: writers break', [{}], [{ readOnly: true }], true, 'property-became-read-only'),
  propertyCase('property became writable', [{ readOnly: true }], [{}], false, 'property-became-writable'),
  propertyCase('property became navigation: only with $expand', [{}], [{ navigation: true }], true, 'property-became-navigation'),
  propertyCase('property became structural', [{ navigation: true }], [{}], false, 'property-became-structural'),
  propertyCase('property max length lowered', [{ maxLength: 128 }], [{ maxLength: 64 }], true, 'property-max-length-lowered'),
  propertyCase('property max length set', [{}], [{ maxLength: 64 }], true, 'property-max-length-lowered'),
  propertyCase('property max length raised', [{ maxLength: 64 }], [{ maxLength: 128 }], false, 'property-max-length-raised'),
  propertyCase('property max length dropped', [{ maxLength: 64 }], [{}], false, 'property-max-length-raised'),
  propertyCase('type change and nullability: the breaking aspect decides', [{ nullable: true }, string], [{ nullable: false }, int32], true, 'property-type-changed'),
  {
    name: 'operation added', from: model(BASE_TYPES), to: withOperation({}),
    want: [{ kind: 'operation-added', member: 'POST', breaking: false, rule: 'operation-added' }],
  },
  {
    name: 'operation removed', from: withOperation({}), to: model(BASE_TYPES),
    want: [{ kind: 'operation-removed', member: 'POST', breaking: true, rule: 'operation-removed' }],
  },
  operationCase('request body type changed', { request: widgetBody(string) }, { request: widgetBody(int32) }, 'operation-changed', true, 'request-type-changed'),
  operationCase('request body single → collection', { request: widgetBody(string) }, { request: widgetBody(string, true) }, 'operation-changed', true, 'request-collection-changed'),
  operationCase('request body type now known', { request: widgetBody({ kind: 'unknown', written: 'widgit' }) }, { request: widgetBody(named('microsoft.graph.widget')) }, 'operation-changed', false, 'request-type-now-known'),
  operationCase('request body added', { request: null }, { request: widgetBody(string) }, 'operation-changed', true, 'request-body-added'),
  operationCase('request body removed', { request: widgetBody(string) }, { request: null }, 'operation-changed', true, 'request-body-removed'),
  operationCase('optional parameter added', { request: parameters(['a', true]) }, { request: parameters(['a', true], ['b', false]) }, 'operation-changed', false, 'request-parameter-optional-added'),
  operationCase('required parameter added', { request: parameters(['a', true]) }, { request: parameters(['a', true], ['b', true]) }, 'operation-changed', true, 'request-parameter-required-added'),
  operationCase('parameter removed', { request: parameters(['a', true], ['b', false]) }, { request: parameters(['a', true]) }, 'operation-changed', true, 'request-parameter-removed'),
  operationCase('parameter type changed', { request: parameters(['a', true]) },
    { request: { kind: 'parameters', parameters: [{ name: 'a', type: int32, collection: false, required: true, description: '' }] } }, 'operation-changed', true, 'request-parameter-type-changed'),
  operationCase('parameter became required', { request: parameters(['a', false]) }, { request: parameters(['a', true]) }, 'operation-changed', true, 'request-parameter-became-required'),
  operationCase('parameter became optional', { request: parameters(['a', true]) }, { request: parameters(['a', false]) }, 'operation-changed', false, 'request-parameter-became-optional'),
  { name: 'parameters reordered: no change', from: withOperation({ request: parameters(['a', true], ['b', false]) }), to: withOperation({ request: parameters(['b', false], ['a', true]) }), want: [] },
  operationCase('response type changed', {}, { response: { status: 200, type: string, collection: false } }, 'operation-changed', true, 'response-type-changed'),
  operationCase('response single → collection', {}, { response: { status: 200, type: named('microsoft.graph.widget'), collection: true } }, 'operation-changed', true, 'response-collection-changed'),
  operationCase('response type now known', { response: { status: 200, type: { kind: 'unknown', written: 'widgit' }, collection: false } }, {}, 'operation-changed', false, 'response-type-now-known'),
  operationCase('response type no longer known: readers get unknown', {}, { response: { status: 200, type: { kind: 'unknown', written: 'widgit' }, collection: false } }, 'operation-changed', true, 'response-type-changed'),
  operationCase('response body removed (200 → 204)', {}, { response: { status: 204, type: null, collection: false } }, 'operation-changed', true, 'response-body-removed'),
  operationCase('response body added (204 → 200)', { response: { status: 204, type: null, collection: false } }, {}, 'operation-changed', false, 'response-body-added'),
  operationCase('response status only (200 → 201)', {}, { response: { status: 201, type: named('microsoft.graph.widget'), collection: false } }, 'operation-changed', false, 'response-status-changed'),
  operationCase('least privileged raised: the old one is no longer accepted', {}, permissions(['Widget.ReadWrite']), 'permissions-changed', true, 'least-privileged-raised'),
  operationCase('least privileged lowered: the old one is still accepted', {}, permissions(['Widget.ReadBasic', 'Widget.Read', 'Widget.ReadWrite']), 'permissions-changed', false, 'least-privileged-still-accepted'),
  operationCase('least privileged replaced by one it implies', permissions(['Widget.ReadWrite.All']), permissions(['Widget.Read']), 'permissions-changed', false, 'least-privileged-still-accepted'),
  operationCase('least privileged replaced by one of another resource', {}, permissions(['Gadget.Read']), 'permissions-changed', true, 'least-privileged-raised'),
  operationCase('a higher privileged permission added', {}, permissions(['Widget.Read', 'Widget.ReadWrite', 'Directory.ReadWrite.All']), 'permissions-changed', false, 'higher-privileged-changed'),
  operationCase('a kind of permission dropped', {}, permissions(['Widget.Read', 'Widget.ReadWrite'], null), 'permissions-changed', true, 'permission-kind-dropped'),
  operationCase('a kind of permission added', permissions(null), {}, 'permissions-changed', false, 'permission-kind-added'),
  operationCase('unsupported now said, where the page said nothing', permissions([]), permissions(null), 'permissions-changed', false, 'permission-support-restated'),
];

const values = (view: VersionView) => ({
  types: [...view.types].map(([name, type]) => [name, { ...type, place: undefined, members: [...type.members].map(([member, entry]) => [member, entry.value]) }]).sort(),
  operations: [...view.operations].map(([key, each]) => [key, each.request, each.response, each.permissions]).sort(),
});

for (const { name, from, to, want } of CASES) {
  test(`diff: ${name}`, () => {
    const changes = diffModels(from, to, 'beta');
    assert.equal(changes.map((change) => ({ kind: change.kind, breaking: change.breaking, rule: change.rule, ...(want.some((each) => 'member' in each) ? { member: change.member } : {}) })),
      want.map((each) => ({ kind: each.kind, breaking: each.breaking, rule: each.rule, ...(want.some((one) => 'member' in one) ? { member: each.member ?? null } : {}) })));
    assert.ok(changes.every((change) => change.version === 'beta'));
    assert.equal(values(applyChanges(viewOf(from), JSON.parse(JSON.stringify(changes)))), values(viewOf(to)), 'the changes applied to the first model give the second');
  });
}

test('diff: a change names both sides with their pages and lines', () => {
  const [change] = diffModels(widgetProperty({}, string), widgetProperty({ source: place('resources/widget.md', 42) }, int32), 'beta');
  assert.equal(change, {
    kind: 'property-changed', version: 'beta', type: 'microsoft.graph.widget', member: 'name', breaking: true, rule: 'property-type-changed',
    from: { value: 'Edm.String, nullable', place: 'resources/x.md:10' }, to: { value: 'Edm.Int32, nullable', place: 'resources/widget.md:42' },
  });
});

test('diff: an operation is named by its path, and its method is the member', () => {
  const [change] = diffModels(model(BASE_TYPES), withOperation({}), 'beta');
  assert.is(change.type, '/widgets');
  assert.is(change.member, 'POST');
  assert.equal(change.to, {
    value: 'request: none; response: 200 microsoft.graph.widget; permissions: delegated-work (Widget.Read, Widget.ReadWrite) delegated-personal (not supported) application (Widget.Read.All)',
    place: 'api/widget-get.md:20',
  });
});

test('diff: removals come before additions within a type, so a list applies in order', () => {
  const changes = diffModels(withWidget(property('b')), model([...BASE_TYPES, object('widget', [property('a')], { kind: 'entity' })]), 'beta');
  assert.equal(changes.map((change) => change.kind), ['type-removed', 'type-added']);
});

test('README: the rules table has a row for every rule, saying what the rule decides', () => {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Breaking or not: the rules'), readme.indexOf('### `check` and the changelog'));
  const rows = new Map([...section.matchAll(/^\| `([a-z-]+)` \| ([^|]+) \|/gm)].map((match) => [match[1], match[2].trim()]));
  const changes = CASES.flatMap(({ from, to }) => diffModels(from, to, 'beta'));
  assert.equal([...rows.keys()].sort(), [...new Set(changes.map((change) => change.rule))].sort(), 'every rule a case gives has a row, and every row a case');
  for (const change of changes) {
    const said = rows.get(change.rule);
    const expected = said === 'removal yes, addition no' ? change.kind.endsWith('-removed') : said === 'yes';
    assert.is(change.breaking, expected, `${change.rule} (${change.kind}): the README says ${said}`);
  }
});

test.run();
