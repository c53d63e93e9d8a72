/**
 * The reader's lint rules, one table of inline pages each: what a page says, and the
 * diagnostics (rule and line) it must give. Lines count from the page's first line.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readResourcePage } from '../../src/read/page.js';

interface RuleCase {
  given: string;
  page: string;
  /** `rule@line` of every warning and error the page gives. */
  want: string[];
}

/** A resource page: front matter (lines 1-3), title (5), the sections given, then the annotation. */
function resource(sections: string, json = '{ "id": "String" }', annotation = ''): string {
  return `---\ndoc_type: resourcePageType\n---\n\n# widget resource type\n\n${sections}\n\n## JSON representation\n\n`
    + `<!-- { "blockType": "resource", ${annotation} "@odata.type": "microsoft.graph.widget" } -->\n\`\`\`json\n${json}\n\`\`\`\n`;
}

const TABLE_HEAD = '## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|';

const CASES: RuleCase[] = [
  // property-not-in-json
  {
    given: 'a table row the JSON representation leaves out',
    page: resource(`${TABLE_HEAD}\n| id | String | The id. |\n| name | String | The name. |`),
    want: ['property-not-in-json@12'],
  },
  {
    given: 'navigation properties and optionalProperties left out of the JSON',
    page: resource(`${TABLE_HEAD}\n| id | String | The id. |\n| name | String | The name. |\n\n## Relationships\n\n| Relationship | Type | Description |\n|:---|:---|:---|\n| owner | [user](user.md) | The owner. |`,
      '{ "id": "String" }', '"optionalProperties": ["name"],'),
    want: [],
  },
  {
    given: 'a JSON block before the table it agrees with',
    page: `---\ndoc_type: resourcePageType\n---\n\n# widget resource type\n\n<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widget" } -->\n\`\`\`json\n{ "id": "String", "parts": [{ "@odata.type": "microsoft.graph.part" }] }\n\`\`\`\n\n${TABLE_HEAD}\n| id | String | The id. |\n| parts | [part][] | The parts. |\n\n[part]: part.md\n`,
    want: [],
  },

  // missing-properties-table
  { given: 'an annotation whose JSON shows properties no table documents', page: resource('Represents a widget.', '{ "id": "String", "size": 1 }'), want: ['missing-properties-table@11'] },
  { given: 'a Properties section that says None', page: resource('## Properties\n\nNone.', '{ "id": "String" }'), want: [] },
  { given: 'an abstract type whose JSON shows nothing', page: resource('An abstract base type.', '{ }'), want: [] },
  { given: 'an open type whose JSON shows sample members', page: resource('A widget.', '{ "anyName": "String" }', '"openType": true,'), want: [] },

  // enum-values-mismatch between description and JSON
  {
    given: 'JSON values that differ from the description',
    page: resource(`${TABLE_HEAD}\n| id | String | The id. |\n| mode | String | Possible values are: \`fast\`, \`slow\`. |`, '{\n  "id": "String",\n  "mode": "fast | quick"\n}'),
    want: ['enum-values-mismatch@20'],
  },
  {
    given: 'JSON values that leave out unknownFutureValue',
    page: resource(`${TABLE_HEAD}\n| id | String | The id. |\n| mode | String | Possible values are: \`fast\`, \`slow\`, \`unknownFutureValue\`. |`, '{\n  "id": "String",\n  "mode": "slow | fast"\n}'),
    want: [],
  },

  // invalid-property-name
  {
    given: 'name cells with a space, a leading digit, nothing, or markup',
    page: resource(`${TABLE_HEAD}\n| id | String | The id. |\n| with space | String | W. |\n| 123abc | String | D. |\n|  | String | E. |\n| <script> | String | S. |`),
    want: ['invalid-property-name@12', 'invalid-property-name@13', 'invalid-property-name@14', 'invalid-property-name@15'],
  },
  {
    given: 'names kept as written: hyphenated (warned), instance annotations, a leading underscore, a note in parentheses',
    page: resource(`${TABLE_HEAD}\n| id | String | The id. |\n| x-ms-id | String | X. |\n| @odata.type | String | T. |\n| _score (deprecated) | Int32 | S. |\n| **name** | String | N. |`,
      '{ "id": "String", "x-ms-id": "String", "@odata.type": "String", "_score": 1, "name": "String" }'),
    want: ['invalid-property-name@12'],
  },

  // invalid-type-name
  {
    given: 'an annotation naming a path instead of a type',
    page: `---\ndoc_type: resourcePageType\n---\n\n# widget resource type\n\n${TABLE_HEAD}\n| id | String | The id. |\n\n<!-- {\n  "blockType": "resource",\n  "@odata.type": "../../evil"\n} -->\n\`\`\`json\n{ "id": "String" }\n\`\`\`\n`,
    want: ['invalid-type-name@15'],
  },

  // invalid-enum-member: one warning per table, at its first bad value
  {
    given: 'a values table with values that are no identifiers',
    page: resource(`${TABLE_HEAD}\n| id | String | The id. |\n| size | [widgetSize](#widgetsize-values) | S. |\n\n### widgetSize values\n\n| Value | Description |\n|:---|:---|\n| small | S. |\n| North America Letter | L. |\n| \`*/x\` | X. |`,
      '{ "id": "String", "size": "String" }'),
    want: ['invalid-enum-member@19'],
  },

  // table-no-separator
  {
    given: 'a table without its header separator line',
    page: resource('## Properties\n\n| Property | Type | Description |\n| id | String | The id. |', '{ "id": "String" }'),
    want: ['table-no-separator@9'],
  },

  // base-type-mismatch
  {
    given: 'a sentence naming another base than the annotation',
    page: resource(`Inherits from [directoryObject](directoryobject.md).\n\n${TABLE_HEAD}\n| id | String | The id. |`, '{ "id": "String" }', '"baseType": "microsoft.graph.entity",'),
    want: ['base-type-mismatch@7'],
  },
  {
    given: 'a sentence naming the annotation\'s base without its namespace',
    page: resource(`Inherits from [entity](entity.md).\n\n${TABLE_HEAD}\n| id | String | The id. |`, '{ "id": "String" }', '"baseType": "microsoft.graph.entity",'),
    want: [],
  },

  // Encodings and line endings, as the text decoder hands them over
  { given: 'an empty page', page: '', want: ['empty-page@1'] },
  { given: 'a page of blank lines', page: '\n \n\t\n', want: ['empty-page@1'] },
  { given: 'a byte order mark before the front matter', page: `\uFEFF${resource(`${TABLE_HEAD}\n| id | String | The id. |`)}`, want: [] },
  { given: 'lone CR line endings', page: resource(`${TABLE_HEAD}\n| id | String | The id. |\n| name | String | N. |`).replace(/\n/g, '\r'), want: ['property-not-in-json@12'] },
  { given: 'a replacement character where bytes were not UTF-8', page: resource(`${TABLE_HEAD}\n| id | String | The id \uFFFD. |`), want: ['invalid-utf8@11'] },
  { given: 'NUL bytes', page: resource(`${TABLE_HEAD}\n| id | String | The\0id. |`), want: ['nul-bytes@11'] },
];

for (const { given, page, want } of CASES) {
  test(`rule: ${given}`, () => {
    const result = readResourcePage('widget.md', page);
    const got = result.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info').map((diagnostic) => `${diagnostic.ruleId}@${diagnostic.line}`);
    assert.equal(got, want);
  });
}

test('rows with names kept as written keep those names', () => {
  const page = resource(`${TABLE_HEAD}\n| id | String | The id. |\n| x-ms-id | String | X. |\n| _score (deprecated) | Int32 | S. |\n| with space | String | W. |`);
  assert.equal(readResourcePage('widget.md', page).objects[0].properties.map((property) => property.name), ['id', 'x-ms-id', '_score']);
});

test('an annotation with an invalid type name defines no type, not even by the title', () => {
  const page = `---\ndoc_type: resourcePageType\n---\n\n# widget resource type\n\n<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.a*/b" } -->\n\`\`\`json\n{}\n\`\`\`\n`;
  assert.equal(readResourcePage('widget.md', page).objects, []);
});

test('a JSON array makes a linked type a collection; alternatives in a Type cell are kept for the model', () => {
  const page = resource(`${TABLE_HEAD}\n| id | String | The id. |\n| parts | [part][] | P. |\n| config | [a](a.md) or [b](b.md) | C. |`,
    '{ "id": "String", "parts": [{ "@odata.type": "microsoft.graph.part" }], "config": { "@odata.type": "#microsoft.graph.base" } }');
  const [, parts, config] = readResourcePage('widget.md', page).objects[0].properties;
  assert.equal([parts.collection, config.type, config.typeAlternatives], [true, { kind: 'unresolved', name: 'microsoft.graph.base' }, ['a', 'b']]);
});

test('"multiple values can be combined" makes a listed enum a flags enum', () => {
  const page = resource(`${TABLE_HEAD}\n| id | String | The id. |\n| changeType | String | Supported values: \`created\`, \`updated\`. Multiple values can be combined using a comma-separated list. |`,
    '{ "id": "String", "changeType": "String" }');
  assert.equal(readResourcePage('widget.md', page).objects[0].properties[1].inlineEnum?.flags, true);
});

test('a base type named in prose beside the annotation\'s is kept for the model to choose', () => {
  const page = resource(`Inherits from [directoryObject](directoryobject.md).\n\n${TABLE_HEAD}\n| id | String | The id. |`, '{ "id": "String" }', '"baseType": "microsoft.graph.entity",');
  const [object] = readResourcePage('widget.md', page).objects;
  assert.equal([object.baseType, object.proseBaseType], ['microsoft.graph.entity', 'directoryObject']);
});

test('links that name types are collected with their places: Type cells (inline and by reference) and "Inherits from"', () => {
  const page = resource(`Inherits from [entity](entity.md).\n\n${TABLE_HEAD}\n| id | String | The id. |\n| owner | [user](../resources/user.md) | O. |\n| part | [part][] | P. |\n\n[part]: part.md`,
    '{ "id": "String", "owner": "String", "part": "String" }');
  assert.equal(readResourcePage('widget.md', page).typeLinks.map((link) => `${link.target}@${link.place.line}:${link.place.column}`),
    ['entity.md@7:15', '../resources/user.md@14:9', 'part.md@15:8']);
});

test.run();
