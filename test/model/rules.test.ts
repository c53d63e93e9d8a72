/**
 * What the model stage finds and decides across pages: broken links, JSON-only properties,
 * base types and alternatives, case-distinct types and the names they clash on in TypeScript.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { nameClashDiagnostics, buildNameTable } from '../../src/emit/naming.js';
import { buildModel, type BuildOptions } from '../../src/model/build.js';
import type { ObjectTypeDef } from '../../src/model/types.js';
import { readResourcePage } from '../../src/read/page.js';

/** A resource page of `odataType` with table rows and a JSON block; a row's type may link to another page. */
function resource(odataType: string, rows: string[], options: { json?: string; annotation?: string; prose?: string } = {}): string {
  const names = rows.map((row) => row.split('|')[1].trim());
  const json = options.json ?? `{ ${names.map((name) => `"${name}": "String"`).join(', ')} }`;
  return `---\ndoc_type: resourcePageType\n---\n\n# ${odataType.split('.').pop()} resource type\n\n${options.prose ?? ''}\n\n`
    + `## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n${rows.join('\n')}\n\n## JSON representation\n\n`
    + `<!-- { "blockType": "resource", ${options.annotation ?? ''} "@odata.type": "${odataType}" } -->\n\`\`\`json\n${json}\n\`\`\`\n`;
}

function build(pages: Record<string, string>, options: BuildOptions = {}) {
  return buildModel('v1.0', Object.entries(pages).map(([file, text]) => readResourcePage(file, text)), options);
}

function object(result: ReturnType<typeof build>, fullName: string): ObjectTypeDef {
  const found = result.model.types.find((type) => `${type.namespace}.${type.name}` === fullName);
  if (!found || found.kind === 'enum') throw new Error(`no object ${fullName}`);
  return found;
}

const rules = (result: ReturnType<typeof build>, ruleId: string) =>
  result.diagnostics.filter((diagnostic) => diagnostic.ruleId === ruleId).map((diagnostic) => `${diagnostic.file}:${diagnostic.line}`);

const ENTITY = resource('microsoft.graph.entity', ['| id | String | The id. |'], { annotation: '"keyProperty": "id",' });

const LINK_CASES: { given: string; link: string; from?: string; folderName?: string; broken: boolean }[] = [
  { given: 'a page of the folder', link: 'entity.md', broken: false },
  { given: 'a page of the folder, by way of its own name', link: '../resources/entity.md', folderName: 'resources', broken: false },
  { given: 'a page of the folder in another case, as the published docs resolve it', link: 'Entity.md', broken: false },
  { given: 'a page with an anchor', link: 'entity.md#properties', broken: false },
  { given: 'a missing page', link: 'missing.md', broken: true },
  { given: 'a missing page by way of the folder name', link: '../resources/missing.md', folderName: 'resources', broken: true },
  { given: 'a page outside the folder, which cannot be checked', link: '../../../../tmp/evil.md', broken: false },
  { given: 'a web address', link: 'https://example.com/missing.md', broken: false },
  { given: 'a site-absolute path', link: '/graph/api/resources/missing.md', broken: false },
  { given: 'a sibling folder\'s page from a page in a subfolder', link: '../entity.md', from: 'sub/widget.md', broken: false },
];

for (const { given, link, from = 'widget.md', folderName, broken } of LINK_CASES) {
  test(`broken-link: ${given}`, () => {
    const result = build({
      'entity.md': ENTITY,
      [from]: resource('microsoft.graph.widget', [`| part | [entity](${link}) | P. |`]),
    }, { folderName });
    assert.equal(rules(result, 'broken-link'), broken ? [`${from}:13`] : []);
  });
}

test('broken-link: an "Inherits from" link', () => {
  const result = build({ 'widget.md': resource('microsoft.graph.widget', ['| id | String | I. |'], { prose: 'Inherits from [base](base.md).' }) });
  assert.equal(rules(result, 'broken-link'), ['widget.md:7']);
});

test('property-not-in-table: a JSON member no table lists, unless a base type declares it', () => {
  const result = build({
    'entity.md': ENTITY,
    'widget.md': resource('microsoft.graph.widget', ['| name | String | N. |'], {
      annotation: '"baseType": "microsoft.graph.entity",', json: '{\n  "id": "String",\n  "name": "String",\n  "size": 1\n}',
    }),
  });
  assert.equal(rules(result, 'property-not-in-table'), ['widget.md:22']);
});

test('a Type cell offering alternatives gives their nearest common base', () => {
  const result = build({
    'mediaconfig.md': resource('microsoft.graph.mediaConfig', ['| blob | String | B. |']),
    'apphosted.md': resource('microsoft.graph.appHostedMediaConfig', ['| x | String | X. |'], { annotation: '"baseType": "microsoft.graph.mediaConfig",' }),
    'servicehosted.md': resource('microsoft.graph.serviceHostedMediaConfig', ['| y | String | Y. |'], { prose: 'Inherits from [mediaConfig](mediaconfig.md).' }),
    'call.md': resource('microsoft.graph.call', ['| mediaConfig | [appHostedMediaConfig](apphosted.md) or [serviceHostedMediaConfig](servicehosted.md) | M. |']),
  });
  assert.equal(object(result, 'microsoft.graph.call').properties[0].type, { kind: 'named', fullName: 'microsoft.graph.mediaConfig' });
});

test('prose that names a more specific base than the annotation wins; one that names an unrelated type does not', () => {
  const result = build({
    'entity.md': ENTITY,
    'printoperation.md': resource('microsoft.graph.printOperation', ['| status | String | S. |'], { annotation: '"baseType": "microsoft.graph.entity",' }),
    // An entity type whose page does not say it derives from entity: its key says so.
    'directoryobject.md': resource('microsoft.graph.directoryObject', ['| id | String | I. |'], { annotation: '"keyProperty": "id",' }),
    'other.md': resource('microsoft.graph.other', ['| o | String | O. |']),
    'createoperation.md': resource('microsoft.graph.printerCreateOperation', ['| printer | String | P. |'], {
      annotation: '"baseType": "microsoft.graph.entity",', prose: 'Derived from [printOperation](printoperation.md).',
    }),
    'orgcontact.md': resource('microsoft.graph.orgContact', ['| mail | String | M. |'], {
      annotation: '"baseType": "microsoft.graph.entity",', prose: 'Inherits from [directoryObject](directoryobject.md).',
    }),
    'printer.md': resource('microsoft.graph.printer', ['| name | String | N. |'], {
      annotation: '"baseType": "microsoft.graph.entity",', prose: 'Derived from [other](other.md).',
    }),
  });
  assert.is(object(result, 'microsoft.graph.orgContact').baseType, 'microsoft.graph.directoryObject');
  assert.is(object(result, 'microsoft.graph.printerCreateOperation').baseType, 'microsoft.graph.printOperation');
  assert.is(object(result, 'microsoft.graph.printer').baseType, 'microsoft.graph.entity');
});

test('a description that lets values be combined gives a flags enum', () => {
  const result = build({
    'subscription.md': resource('microsoft.graph.subscription', [
      '| changeType | String | The supported values are: `created`, `updated`, `deleted`. Multiple values can be combined using a comma-separated list. |',
    ]),
  });
  const enumType = result.model.types.find((type) => type.name === 'subscriptionChangeType');
  assert.equal(enumType?.kind === 'enum' && enumType.flags, true);
});

/** The enum page of microsoft.graph.ediscovery.sourceType. */
const SOURCE_TYPE = '---\ndoc_type: enumPageType\n---\n\n# sourceType enum type\n\nNamespace: microsoft.graph.ediscovery\n\n## Members\n\n| Member | Value | Description |\n|:---|:---|:---|\n| mailbox | 1 | M. |\n| site | 2 | S. |\n';

const JSON_FLAGS_CASES: { given: string; rows: string[]; json: string; want: Record<string, boolean> }[] = [
  {
    given: 'members joined by a comma in the JSON representation, inside a collection as a response shows it',
    rows: ['| includedSources | [sourceType](ediscovery-sourcetype.md) | I. |'],
    json: '{\n  "value": [\n    { "includedSources": "mailbox,site" }\n  ]\n}',
    want: { sourceType: true },
  },
  { given: 'members joined with a space after the comma', rows: ['| includedSources | [sourceType](ediscovery-sourcetype.md) | I. |'], json: '{ "includedSources": "mailbox, site" }', want: { sourceType: true } },
  { given: 'one member alone', rows: ['| includedSources | [sourceType](ediscovery-sourcetype.md) | I. |'], json: '{ "includedSources": "mailbox" }', want: { sourceType: false } },
  { given: 'joined words that are no members', rows: ['| includedSources | [sourceType](ediscovery-sourcetype.md) | I. |', '| keywords | String | K. |'], json: '{ "includedSources": "mailbox", "keywords": "mailbox,files" }', want: { sourceType: false } },
  { given: 'a member joined to itself', rows: ['| includedSources | [sourceType](ediscovery-sourcetype.md) | I. |'], json: '{ "includedSources": "mailbox,mailbox" }', want: { sourceType: false } },
  {
    given: 'values a description lists, joined in the JSON representation',
    rows: ['| includedSources | [sourceType](ediscovery-sourcetype.md) | I. |', '| scope | String | Possible values are: `tenant`, `group`. |'],
    json: '{ "includedSources": "mailbox", "scope": "tenant,group" }',
    want: { sourceType: false, groupSourceScope: true },
  },
];

for (const { given, rows, json, want } of JSON_FLAGS_CASES) {
  test(`flags enum from a JSON representation: ${given}`, () => {
    const result = build({
      'ediscovery-sourcetype.md': SOURCE_TYPE,
      'ediscovery-groupsource.md': resource('microsoft.graph.ediscovery.groupSource', rows, { json }),
    });
    const flags = Object.fromEntries(result.model.types.flatMap((type) => (type.kind === 'enum' ? [[type.name, type.flags]] : [])));
    assert.equal(flags, want);
  });
}

test('types whose names differ only in case stay two types, and their TypeScript names clash', () => {
  const result = build({
    'lower.md': resource('microsoft.graph.fooBar', ['| lowerOnly | String | L. |']),
    'upper.md': resource('microsoft.graph.FooBar', ['| upperOnly | Int32 | U. |']),
    'user.md': resource('microsoft.graph.user', ['| foo | [fooBar](lower.md) | F. |', '| other | [FooBar](upper.md) | O. |']),
  });
  assert.equal(object(result, 'microsoft.graph.fooBar').properties.map((property) => property.name), ['lowerOnly']);
  assert.equal(object(result, 'microsoft.graph.FooBar').properties.map((property) => property.name), ['upperOnly']);
  assert.equal(object(result, 'microsoft.graph.user').properties.map((property) => property.type), [
    { kind: 'named', fullName: 'microsoft.graph.fooBar' }, { kind: 'named', fullName: 'microsoft.graph.FooBar' },
  ]);
  const names = buildNameTable(result.model);
  assert.equal([names.typeNames.get('microsoft.graph.FooBar'), names.typeNames.get('microsoft.graph.fooBar')], ['FooBar', 'FooBar2']);
  assert.equal(nameClashDiagnostics(result.model, names).map((diagnostic) => `${diagnostic.ruleId} ${diagnostic.file}`), ['name-clash lower.md']);
});

test('namespaces that give one module name get numbered modules and a name-clash at the later one', () => {
  const result = build({
    'hyphen.md': resource('microsoft.graph.x-y.widget', ['| a | String | A. |']),
    'underscore.md': resource('microsoft.graph.x_y.widget', ['| b | String | B. |']),
    'index.md': resource('microsoft.graph.index.widget', ['| c | String | C. |']),
  });
  const names = buildNameTable(result.model);
  assert.equal(Object.fromEntries(names.moduleNames), { 'microsoft.graph.index': 'index2', 'microsoft.graph.x-y': 'x_y', 'microsoft.graph.x_y': 'x_y2' });
  assert.equal(new Set(names.exportNames.values()).size, 3);
  assert.equal(nameClashDiagnostics(result.model, names).map((diagnostic) => diagnostic.file).sort(), ['index.md', 'underscore.md']);
});

test('an enum listed for a property whose name is no identifier is named with its words', () => {
  const result = build({
    'widget.md': resource('microsoft.graph.widget', ['| a.b | String | Possible values are: `on`, `off`. |', '| x-ms-id | String | Possible values are: `on`, `off`. |']),
  });
  assert.equal(result.model.types.filter((type) => type.kind === 'enum').map((type) => type.name), ['widgetAB', 'widgetXMsId']);
});

test.run();
