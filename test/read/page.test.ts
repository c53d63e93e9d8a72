import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readResourcePage } from '../../src/read/page.js';

const page = (body: string, docType = 'resourcePageType') => `---\ntitle: "x"\ndoc_type: ${docType}\n---\n\n${body}`;

const WIDGET = page(`# widget resource type

Namespace: microsoft.graph

A widget. Inherits from [entity](entity.md).

## Properties

| Property | Type | Description |
|:---|:---|:---|
| id | String | The id. Inherited from [entity](entity.md). |
| name | string, max length 20 | The name. Not nullable. |
| mode | String | Possible values are: \`fast\`, \`slow\`. |
| color | [widgetColor](#widgetcolor-values) | The colour. |
| pipe | String | a \\| b |
| parts | [widgetPart](widgetpart.md) collection | Parts. Read-only. |

### widgetColor values

| Value | Description |
|:---|:---|
| red | Red. |
| unknownFutureValue | Evolvable enumeration sentinel value. |

## Relationships

| Relationship | Type | Description |
|:---|:---|:---|
| owner | [user](user.md) | The owner. |

## JSON representation

<!-- {
  "blockType": "resource",
  "keyProperty": "id",
  "@odata.type": "microsoft.graph.widget"
}-->
\`\`\`json
{
  "id": "String (identifier)",
  "name": "String",
  "speed": "Int32",
  "mode": "fast | slow"
}
\`\`\`
`);

test('a resource page gives its type with table rows, JSON-only members and facts', () => {
  const result = readResourcePage('widget.md', WIDGET);
  assert.is(result.docType, 'resource');
  assert.is(result.objects.length, 1);
  const [widget] = result.objects;
  assert.equal([widget.name, widget.namespace, widget.baseType, widget.keyProperty], ['widget', 'microsoft.graph', 'entity', 'id']);
  assert.equal(widget.properties.map((property) => property.name), ['id', 'name', 'mode', 'color', 'pipe', 'parts', 'owner', 'speed']);
  const byName = Object.fromEntries(widget.properties.map((property) => [property.name, property]));
  assert.equal([byName.name.maxLength, byName.name.notNullable], [20, true]);
  assert.equal(byName.mode.inlineEnum?.values, ['fast', 'slow']);
  assert.is(byName.mode.inlineEnum?.origin, 'description');
  assert.is(byName.pipe.description, 'a | b');
  assert.equal([byName.parts.collection, byName.parts.readOnly], [true, true]);
  assert.equal([byName.owner.navigation, byName.speed.inTable, byName.speed.inJson], [true, false, true]);
  assert.is(byName.id.inheritedFrom, 'entity');
  assert.equal(byName.name.source, { file: 'widget.md', line: 17, column: 1 });
  assert.equal(result.enums.map((enumType) => [enumType.name, enumType.origin, enumType.members.map((member) => member.name)]),
    [['widgetColor', 'section', ['red', 'unknownFutureValue']]]);
});

test('an enum page gives an enum with member values', () => {
  const result = readResourcePage('gadgetstatus.md', page(`# gadgetStatus enum type

Namespace: microsoft.graph.callRecords

## Members
|Member|Value|Description|
|:---|:---|:---|
|on|0|On.|
|off|1|Off.|
`, 'enumPageType'));
  assert.equal(result.enums.map((enumType) => [enumType.namespace, enumType.name, enumType.origin]), [['microsoft.graph.callRecords', 'gadgetStatus', 'page']]);
  assert.equal(result.enums[0].members, [{ name: 'on', value: 0, description: 'On.' }, { name: 'off', value: 1, description: 'Off.' }]);
});

test('conceptual pages are skipped', () => {
  const result = readResourcePage('overview.md', page(WIDGET, 'conceptualPageType'));
  assert.equal([result.docType, result.objects.length, result.enums.length], ['conceptual', 0, 0]);
});

test('rows with the wrong number of cells and duplicates are reported with their place', () => {
  const result = readResourcePage('bad.md', page(`# bad resource type

## Properties
| Property | Type | Description |
|:---|:---|:---|
| a | String |
| a | String | again |

<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.bad" } -->
\`\`\`json
{ "a": "String" }
\`\`\`
`));
  assert.equal(result.diagnostics.map((diagnostic) => `${diagnostic.line}:${diagnostic.column} ${diagnostic.ruleId}`),
    ['11:1 table-cell-count', '12:1 duplicate-property']);
});

test('an annotation with invalid JSON is reported and still read', () => {
  const result = readResourcePage('x.md', page(`<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.x", } -->
\`\`\`json
{ "a": "String" }
\`\`\`
`));
  assert.equal(result.objects.map((object) => object.name), ['x']);
  // The page has no Properties table either.
  assert.equal(result.diagnostics.map((diagnostic) => diagnostic.ruleId), ['invalid-annotation', 'missing-properties-table']);
});

test.run();
