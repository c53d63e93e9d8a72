import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { changesBetween, onThePages, percent, sample, scoreChanges, type Disagreement, type PageNames, type PropertyChange } from '../../scripts/official/score.js';
import { flattened, odataKey, readTypings, typingKey } from '../../scripts/official/typings.js';

const KEYS: { given: string; odata: string; want: string }[] = [
  { given: 'a type of the main namespace', odata: 'microsoft.graph.user', want: 'user' },
  { given: 'a sub-namespace', odata: 'microsoft.graph.callRecords.session', want: 'callrecords.session' },
  { given: 'a name in another case', odata: 'microsoft.graph.UserFlow', want: 'userflow' },
];
for (const { given, odata, want } of KEYS) {
  test(`odataKey: ${given}`, () => assert.is(odataKey(odata), want));
}

const TYPING_KEYS: { given: string; namespaces: string[]; name: string; want: string }[] = [
  { given: 'a top-level interface', namespaces: [], name: 'User', want: 'user' },
  { given: 'an interface in a namespace', namespaces: ['CallRecords'], name: 'Session', want: 'callrecords.session' },
  { given: 'a namespace renamed so as not to clash with a type', namespaces: ['SecurityNamespace'], name: 'Alert', want: 'security.alert' },
  { given: 'a namespace called just Namespace', namespaces: ['Namespace'], name: 'X', want: 'namespace.x' },
];
for (const { given, namespaces, name, want } of TYPING_KEYS) {
  test(`typingKey: ${given}`, () => assert.is(typingKey(namespaces, name), want));
}

const TYPINGS = `export as namespace microsoftgraph;
export type NullableOption<T> = T | null;
export interface Entity {
    id?: string;
}
export interface User extends DirectoryObject {
    displayName?: NullableOption<string>;
    "@odata.type"?: string;
}
export interface DirectoryObject extends Entity {
    deletedDateTime?: NullableOption<string>;
}
export namespace CallRecords {
    type Modality = "audio" | "video";
    interface CallRecord extends microsoftgraph.Entity {
        version?: number;
        sessions?: NullableOption<Session[]>;
    }
    interface Session extends microsoftgraph.Entity {
        caller?: NullableOption<string>;
    }
    interface Segment extends Session {}
    interface Entity {
        shadow?: string;
    }
    interface Shadowed extends Entity {}
}
`;

const READ: { given: string; key: string; want: { name: string; line: number; base: string | null; own: [string, number][] } }[] = [
  { given: 'a base declared further on', key: 'user', want: { name: 'User', line: 6, base: 'directoryobject', own: [['displayName', 7]] } },
  { given: 'a base named through the global namespace', key: 'callrecords.callrecord', want: { name: 'CallRecords.CallRecord', line: 15, base: 'entity', own: [['version', 16], ['sessions', 17]] } },
  { given: 'an unqualified base in the same namespace', key: 'callrecords.segment', want: { name: 'CallRecords.Segment', line: 22, base: 'callrecords.session', own: [] } },
  { given: 'an unqualified base that the namespace shadows', key: 'callrecords.shadowed', want: { name: 'CallRecords.Shadowed', line: 26, base: 'callrecords.entity', own: [] } },
];
for (const { given, key, want } of READ) {
  test(`readTypings: ${given}`, () => {
    const found = readTypings(TYPINGS).get(key);
    assert.ok(found, key);
    assert.equal({ name: found.name, line: found.line, base: found.base, own: [...found.own] }, want);
  });
}

test('readTypings: interfaces only, "@odata.type" left out', () => {
  const types = readTypings(TYPINGS);
  assert.equal([...types.keys()].sort(), ['callrecords.callrecord', 'callrecords.entity', 'callrecords.segment', 'callrecords.session', 'callrecords.shadowed', 'directoryobject', 'entity', 'user']);
});

test('flattened: own and inherited properties, a missing base and a cycle stop', () => {
  const types = readTypings(TYPINGS);
  const names = (key: string) => [...flattened(types, key, (type) => type.own.keys())].sort();
  assert.equal(names('user'), ['deletedDateTime', 'displayName', 'id']);
  assert.equal(names('callrecords.segment'), ['caller', 'id']);
  const cycle = new Map([['a', { base: 'b', names: ['x'] }], ['b', { base: 'a', names: ['y'] }], ['c', { base: 'gone', names: ['z'] }]]);
  assert.equal([...flattened(cycle, 'a', (type) => type.names)].sort(), ['x', 'y']);
  assert.equal([...flattened(cycle, 'c', (type) => type.names)], ['z']);
});

const added = (type: string, property: string): PropertyChange => ({ type, property, list: 'added' });
const removed = (type: string, property: string): PropertyChange => ({ type, property, list: 'removed' });

test('changesBetween: added and removed, exactly (case counts)', () => {
  assert.equal(changesBetween('t', ['a', 'b', 'timeslots'], ['b', 'c', 'timeSlots']), [added('t', 'c'), added('t', 'timeSlots'), removed('t', 'a'), removed('t', 'timeslots')]);
  assert.equal(changesBetween('t', ['a'], ['a']), []);
});

const SCORES: { given: string; official: PropertyChange[]; ours: PropertyChange[]; want: { added: [number, number, number]; removed: [number, number, number]; recall: number | null; precision: number | null; disagreements: string[] } }[] = [
  {
    given: 'full agreement',
    official: [added('t', 'a'), removed('t', 'b')], ours: [removed('t', 'b'), added('t', 'a')],
    want: { added: [1, 1, 1], removed: [1, 1, 1], recall: 1, precision: 1, disagreements: [] },
  },
  {
    given: 'one missed, one extra, one in another list',
    official: [added('t', 'a'), added('t', 'b'), removed('u', 'c')], ours: [added('t', 'a'), added('t', 'x'), added('u', 'c')],
    want: { added: [2, 3, 1], removed: [1, 0, 0], recall: 1 / 3, precision: 1 / 3, disagreements: ['t added b official', 't added x ours', 'u added c ours', 'u removed c official'] },
  },
  {
    given: 'a property in another case: a disagreement on each side, both case-only',
    official: [added('t', 'timeSlots')], ours: [added('t', 'timeslots')],
    want: { added: [1, 1, 0], removed: [0, 0, 0], recall: 0, precision: 0, disagreements: ['t added timeSlots official case-only', 't added timeslots ours case-only'] },
  },
  {
    given: 'the same property on another type is no agreement',
    official: [added('t', 'a')], ours: [added('u', 'a')],
    want: { added: [1, 1, 0], removed: [0, 0, 0], recall: 0, precision: 0, disagreements: ['t added a official', 'u added a ours'] },
  },
  {
    given: 'nothing on either side',
    official: [], ours: [],
    want: { added: [0, 0, 0], removed: [0, 0, 0], recall: null, precision: null, disagreements: [] },
  },
  {
    given: 'a change listed twice counts once',
    official: [added('t', 'a'), added('t', 'a')], ours: [added('t', 'a')],
    want: { added: [1, 1, 1], removed: [0, 0, 0], recall: 1, precision: 1, disagreements: [] },
  },
];
for (const { given, official, ours, want } of SCORES) {
  test(`scoreChanges: ${given}`, () => {
    const scored = scoreChanges(official, ours);
    assert.equal([scored.added.official, scored.added.ours, scored.added.agreed], want.added);
    assert.equal([scored.removed.official, scored.removed.ours, scored.removed.agreed], want.removed);
    assert.is(scored.both.recall, want.recall);
    assert.is(scored.both.precision, want.precision);
    assert.equal(scored.disagreements.map((d) => `${d.type} ${d.list} ${d.property} ${d.side}${d.caseOnly ? ' case-only' : ''}`), want.disagreements);
  });
}

const pages = (own: string[], inherited: string[] = []): PageNames => ({ own: new Set(own), all: new Set([...own, ...inherited]) });
const VERSIONS = { from: 'v1.0', to: 'beta' };
const PAGES: { given: string; disagreement: Disagreement; from: PageNames; to: PageNames; want: string }[] = [
  { given: 'the typings add what no page has', disagreement: { ...added('t', 'p'), side: 'official', caseOnly: false }, from: pages([]), to: pages(['q']), want: 'on no page of either version' },
  { given: 'the typings add what the v1.0 page has already', disagreement: { ...added('t', 'p'), side: 'official', caseOnly: false }, from: pages(['p']), to: pages(['p']), want: "declared on both versions' pages" },
  { given: 'the typings add what a beta base declares', disagreement: { ...added('t', 'p'), side: 'official', caseOnly: false }, from: pages([]), to: pages([], ['p']), want: 'inherited on the beta pages only' },
  { given: 'the typings add what beta spells in another case', disagreement: { ...added('t', 'hostNames'), side: 'official', caseOnly: false }, from: pages([]), to: pages(['hostnames']), want: 'in another case on the beta pages' },
  { given: 'the typings remove what only beta has', disagreement: { ...removed('t', 'p'), side: 'official', caseOnly: false }, from: pages([]), to: pages(['p']), want: 'on the beta pages only' },
  { given: 'we add what v1.0 inherits', disagreement: { ...added('t', 'id'), side: 'ours', caseOnly: false }, from: pages([], ['id']), to: pages(['id']), want: 'inherited on the v1.0 pages (the base changed)' },
  { given: 'we remove what beta inherits', disagreement: { ...removed('t', 'location'), side: 'ours', caseOnly: false }, from: pages(['location']), to: pages([], ['location']), want: 'inherited on the beta pages (the base changed)' },
  { given: 'we add what v1.0 spells in another case', disagreement: { ...added('t', 'deleteditems'), side: 'ours', caseOnly: false }, from: pages(['deletedItems']), to: pages(['deleteditems']), want: 'in another case on the v1.0 pages' },
  { given: 'we add what only beta has', disagreement: { ...added('t', 'course'), side: 'ours', caseOnly: false }, from: pages(['name']), to: pages(['name', 'course']), want: 'on the beta pages only' },
];
for (const { given, disagreement, from, to, want } of PAGES) {
  test(`onThePages: ${given}`, () => assert.is(onThePages(disagreement, { from, to }, VERSIONS), want));
}

const PERCENTS: [number | null, string][] = [[null, 'n/a'], [0, '0.0%'], [0.81049, '81.0%'], [0.8106, '81.1%'], [1, '100.0%']];
for (const [ratio, want] of PERCENTS) {
  test(`percent(${ratio})`, () => assert.is(percent(ratio), want));
}

test('sample: the same draw for the same seed, without repeats, at most all', () => {
  const items = Array.from({ length: 50 }, (_, index) => index);
  const first = sample(items, 10, 2021);
  assert.equal(sample(items, 10, 2021), first);
  assert.is(new Set(first).size, 10);
  assert.not.equal(sample(items, 10, 7), first);
  assert.equal(sample(items, 99, 1).sort((a, b) => a - b), items);
  assert.equal(sample(items, 0, 1), []);
  assert.equal(items, Array.from({ length: 50 }, (_, index) => index), 'the input is not shuffled');
});

test.run();
