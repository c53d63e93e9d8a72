import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { emitModel } from '../../src/emit/files.js';
import { isGenerated } from '../../src/emit/header.js';
import { JSON_SCHEMA_FILE, jsonSchemaDocument } from '../../src/emit/jsonSchema.js';
import type { Model } from '../../src/model/types.js';
import { generateVersion, loadTemplates } from '../../src/pipeline.js';

const model = (await generateVersion({ apiVersion: 'beta', dir: resolve('docs/beta'), outSubdir: '' }, { enumStyle: 'const', cacheDir: false })).model;
const schema = JSON.parse(jsonSchemaDocument(model)) as { definitions: Record<string, unknown> };
const ajv = new Ajv({ strict: false });
ajv.addSchema(schema, 'graph');
const validate = (type: string) => ajv.getSchema(`graph#/definitions/${type}`)!;

const RECORD_OPERATION = {
  '@odata.type': '#microsoft.graph.recordOperation', clientContext: 'd45324c1', completionReason: 'stopToneDetected',
  id: '0fe0623f', recordingAccessToken: 'token', recordingLocation: 'https://resource.location/1',
  resultInfo: { code: 200, message: 'OK', subcode: 0 }, status: 'completed',
};

const cases: { given: string; value: unknown; want: boolean }[] = [
  { given: 'the seed example', value: RECORD_OPERATION, want: true },
  { given: 'an enum value the docs do not list', value: { ...RECORD_OPERATION, status: 'paused' }, want: false },
  { given: 'a number where a string goes', value: { ...RECORD_OPERATION, clientContext: 7 }, want: false },
  { given: 'a nested object of the wrong shape', value: { ...RECORD_OPERATION, resultInfo: { code: 'x' } }, want: false },
  { given: 'null where the property is nullable', value: { ...RECORD_OPERATION, recordingLocation: null }, want: true },
  { given: 'extra properties, as Graph sends', value: { ...RECORD_OPERATION, '@odata.context': 'x' }, want: true },
];

for (const { given, value, want } of cases) {
  test(`schema.json: ${given} is ${want ? 'valid' : 'invalid'}`, () => {
    assert.is(validate('microsoft.graph.recordOperation')(value), want);
  });
}

test('schema.json defines every type of the model, in name order, and the writer knows it for its own', () => {
  const names = Object.keys(schema.definitions);
  assert.is(names.length, model.types.length);
  assert.equal(names, [...names].sort());
  assert.ok(isGenerated(jsonSchemaDocument(model)));
});

test('schema.json is written only when asked for', async () => {
  const options = { enumStyle: 'const' as const, templates: await loadTemplates() };
  assert.not.ok(emitModel(model, options).files.some((file) => file.path === JSON_SCHEMA_FILE));
  assert.ok(emitModel(model, { ...options, jsonSchema: true }).files.some((file) => file.path === JSON_SCHEMA_FILE));
});

test('a property named __proto__ is a property, not a prototype', () => {
  const hostile: Model = {
    apiVersion: 'x',
    operations: [],
    types: [{
      kind: 'complex', name: 'odd', namespace: 'microsoft.graph', abstract: false, openType: false, mediaEntity: false,
      description: '', sources: [], properties: [{
        name: '__proto__', type: { kind: 'primitive', name: 'String' }, collection: false, nullable: false, readOnly: false,
        key: false, navigation: false, description: '', source: { file: 'x.md', line: 1, column: 1 },
      }],
    }],
  };
  const document = JSON.parse(jsonSchemaDocument(hostile)) as { definitions: Record<string, { properties: object }> };
  assert.equal(Object.keys(document.definitions['microsoft.graph.odd'].properties), ['__proto__']);
});

test.run();
