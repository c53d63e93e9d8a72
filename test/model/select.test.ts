import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { selectNamespaces, type NamespaceSelection } from '../../src/model/select.js';
import type { Model, ObjectTypeDef, PropertyDef, TypeRef } from '../../src/model/types.js';

const SOURCE = { file: 'x.md', line: 1, column: 1 };
const property = (name: string, type: TypeRef = { kind: 'primitive', name: 'String' }): PropertyDef => ({
  name, type, collection: false, nullable: true, readOnly: false, key: false, navigation: false, description: '', source: SOURCE,
});
const object = (fullName: string, properties: PropertyDef[], baseType?: string): ObjectTypeDef => {
  const dot = fullName.lastIndexOf('.');
  return {
    kind: 'entity', name: fullName.slice(dot + 1), namespace: fullName.slice(0, dot), ...(baseType ? { baseType } : {}),
    abstract: false, openType: false, mediaEntity: false, description: '', properties, sources: [SOURCE],
  };
};
const named = (fullName: string): TypeRef => ({ kind: 'named', fullName });
const UNTYPED: TypeRef = { kind: 'primitive', name: 'Untyped' };

/** entity ← outcome ← callRecords.session, which refers to a graph type and to its own namespace. */
const MODEL: Model = {
  apiVersion: 'v1.0',
  operations: [],
  types: [
    object('microsoft.graph.entity', [property('id')]),
    object('microsoft.graph.outcome', [property('result')], 'microsoft.graph.entity'),
    object('microsoft.graph.callRecords.session', [property('caller', named('microsoft.graph.identity')), property('segment', named('microsoft.graph.callRecords.segment'))], 'microsoft.graph.outcome'),
    object('microsoft.graph.callRecords.segment', [property('start')]),
    object('microsoft.graph.identity', [property('displayName')]),
  ],
};

interface SelectCase {
  given: string;
  selection: NamespaceSelection;
  /** Each kept type: its base type and its properties with their types. */
  want: Record<string, { baseType?: string; properties: [string, TypeRef][] }>;
}

const CASES: SelectCase[] = [
  {
    given: 'no selection',
    selection: {},
    want: Object.fromEntries(MODEL.types.map((type) => [`${type.namespace}.${type.name}`, {
      ...((type as ObjectTypeDef).baseType ? { baseType: (type as ObjectTypeDef).baseType } : {}),
      properties: (type as ObjectTypeDef).properties.map((kept) => [kept.name, kept.type] as [string, TypeRef]),
    }])),
  },
  {
    given: 'includeNamespaces: the left-out bases\' properties move into the derived type, base first; references out become untyped',
    selection: { include: ['microsoft.graph.callRecords'] },
    want: {
      'microsoft.graph.callRecords.session': {
        properties: [['id', { kind: 'primitive', name: 'String' }], ['result', { kind: 'primitive', name: 'String' }], ['caller', UNTYPED], ['segment', named('microsoft.graph.callRecords.segment')]],
      },
      'microsoft.graph.callRecords.segment': { properties: [['start', { kind: 'primitive', name: 'String' }]] },
    },
  },
  {
    given: 'includeNamespaces, without regard to case, of both namespaces',
    selection: { include: ['Microsoft.Graph', 'microsoft.graph.CALLRECORDS'] },
    want: {
      'microsoft.graph.entity': { properties: [['id', { kind: 'primitive', name: 'String' }]] },
      'microsoft.graph.outcome': { baseType: 'microsoft.graph.entity', properties: [['result', { kind: 'primitive', name: 'String' }]] },
      'microsoft.graph.callRecords.session': { baseType: 'microsoft.graph.outcome', properties: [['caller', named('microsoft.graph.identity')], ['segment', named('microsoft.graph.callRecords.segment')]] },
      'microsoft.graph.callRecords.segment': { properties: [['start', { kind: 'primitive', name: 'String' }]] },
      'microsoft.graph.identity': { properties: [['displayName', { kind: 'primitive', name: 'String' }]] },
    },
  },
  {
    given: 'excludeNamespaces: the graph namespace left out',
    selection: { exclude: ['microsoft.graph'] },
    want: {
      'microsoft.graph.callRecords.session': {
        properties: [['id', { kind: 'primitive', name: 'String' }], ['result', { kind: 'primitive', name: 'String' }], ['caller', UNTYPED], ['segment', named('microsoft.graph.callRecords.segment')]],
      },
      'microsoft.graph.callRecords.segment': { properties: [['start', { kind: 'primitive', name: 'String' }]] },
    },
  },
];

for (const { given, selection, want } of CASES) {
  test(`selectNamespaces: ${given}`, () => {
    const selected = selectNamespaces(MODEL, selection);
    const got = Object.fromEntries(selected.types.map((type) => {
      const kept = type as ObjectTypeDef;
      return [`${kept.namespace}.${kept.name}`, { ...(kept.baseType ? { baseType: kept.baseType } : {}), properties: kept.properties.map((entry) => [entry.name, entry.type]) }];
    }));
    assert.equal(got, want);
    assert.equal(JSON.parse(JSON.stringify(selected)), selected, 'still plain JSON');
  });
}

test.run();
