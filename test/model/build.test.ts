import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildModel } from '../../src/model/build.js';
import type { ObjectTypeDef } from '../../src/model/types.js';
import { readResourcePage } from '../../src/read/page.js';

/** A resource page whose JSON representation shows every property of its table, as a consistent page does. */
const resource = (odataType: string, rows: string, extra = '') => `---
doc_type: resourcePageType
---
# ${odataType.split('.').pop()} resource type

## Properties
| Property | Type | Description |
|:---|:---|:---|
${rows}

## JSON representation
<!-- { "blockType": "resource", ${extra} "@odata.type": "${odataType}" } -->
\`\`\`json
{
${rows.split('\n').map((row) => `  "${row.split('|')[1].trim()}": "String"`).join(',\n')}
}
\`\`\`
`;

function build(pages: Record<string, string>) {
  return buildModel('v1.0', Object.entries(pages).map(([file, text]) => readResourcePage(file, text)));
}

function object(result: ReturnType<typeof build>, fullName: string): ObjectTypeDef {
  const found = result.model.types.find((type) => `${type.namespace}.${type.name}` === fullName);
  if (!found || found.kind === 'enum') throw new Error(`no object ${fullName}`);
  return found;
}

test('resolves references, keys, nullability and inheritance', () => {
  const result = build({
    'entity.md': resource('microsoft.graph.entity', '| id | String | The id. Read-only. |', '"keyProperty": "id",'),
    'widget.md': resource('microsoft.graph.widget', [
      '| id | String | Inherited from [entity](entity.md). |',
      '| part | [widgetPart](widgetpart.md) | A part. |',
      '| count | Int32 | Not nullable. |',
    ].join('\n'), '"baseType": "microsoft.graph.entity",'),
    'widgetpart.md': resource('microsoft.graph.widgetPart', '| size | Double | Size. |'),
  });
  const widget = object(result, 'microsoft.graph.widget');
  assert.is(widget.baseType, 'microsoft.graph.entity');
  assert.is(widget.kind, 'entity');
  assert.equal(widget.properties.map((property) => property.name), ['part', 'count'], 'inherited id is not redeclared');
  assert.equal(widget.properties[0].type, { kind: 'named', fullName: 'microsoft.graph.widgetPart' });
  assert.equal(widget.properties.map((property) => property.nullable), [true, false]);
  const entity = object(result, 'microsoft.graph.entity');
  assert.equal([entity.properties[0].key, entity.properties[0].nullable], [true, false]);
  assert.is(object(result, 'microsoft.graph.widgetPart').kind, 'complex');
  assert.equal(result.diagnostics, []);
});

test('merges pages of one type and reports conflicting property types', () => {
  const result = build({
    'gadget.md': resource('microsoft.graph.gadget', '| serial | String | S. |\n| name | String | N. |'),
    'intune-gadget.md': resource('microsoft.graph.gadget', '| serial | Int32 | S. |\n| state | Boolean | B. |'),
  });
  const gadget = object(result, 'microsoft.graph.gadget');
  assert.equal(gadget.properties.map((property) => [property.name, property.type]), [
    ['serial', { kind: 'primitive', name: 'String' }],
    ['name', { kind: 'primitive', name: 'String' }],
    ['state', { kind: 'primitive', name: 'Boolean' }],
  ]);
  assert.equal(gadget.sources.map((source) => source.file), ['gadget.md', 'intune-gadget.md']);
  assert.equal(result.diagnostics.map((diagnostic) => `${diagnostic.file}:${diagnostic.line} ${diagnostic.ruleId}`), ['intune-gadget.md:9 conflicting-definition']);
});

test('keeps namespaces apart and prefers the owner namespace for simple names', () => {
  const result = build({
    'group.md': resource('microsoft.graph.group', '| name | String | N. |'),
    'termstore-group.md': resource('microsoft.graph.termStore.group', '| label | String | L. |'),
    'termstore-set.md': resource('microsoft.graph.termStore.set', '| parent | [group](termstore-group.md) | P. |'),
    'site.md': resource('microsoft.graph.site', '| group | [group](group.md) | G. |'),
  });
  assert.equal(object(result, 'microsoft.graph.termStore.set').properties[0].type, { kind: 'named', fullName: 'microsoft.graph.termStore.group' });
  assert.equal(object(result, 'microsoft.graph.site').properties[0].type, { kind: 'named', fullName: 'microsoft.graph.group' });
});

test('names enums listed only in descriptions after type and property', () => {
  const result = build({
    'recordoperation.md': resource('microsoft.graph.recordOperation', '| status | String | Possible values are: `running`, `done`. |'),
  });
  const property = object(result, 'microsoft.graph.recordOperation').properties[0];
  assert.equal(property.type, { kind: 'named', fullName: 'microsoft.graph.recordOperationStatus' });
  const enumType = result.model.types.find((type) => type.name === 'recordOperationStatus');
  assert.equal(enumType?.kind === 'enum' && [enumType.origin, enumType.members.map((member) => member.name)], ['description', ['running', 'done']]);
});

test('reports unknown types, missing base types and each inheritance cycle once', () => {
  const result = build({
    'a.md': resource('microsoft.graph.a', '| x | Strin | X. |', '"baseType": "microsoft.graph.b",'),
    'b.md': resource('microsoft.graph.b', '| y | String | Y. |', '"baseType": "microsoft.graph.a",'),
    'c.md': resource('microsoft.graph.c', '| z | String | Z. |', '"baseType": "microsoft.graph.missing",'),
  });
  assert.equal(result.diagnostics.map((diagnostic) => `${diagnostic.file} ${diagnostic.ruleId}`).sort(),
    ['a.md inheritance-cycle', 'a.md unknown-type', 'c.md base-type-not-found']);
});

test('the model is plain JSON data', () => {
  const result = build({ 'x.md': resource('microsoft.graph.x', '| a | String | A. |') });
  assert.equal(JSON.parse(JSON.stringify(result.model)), result.model);
});

test.run();
