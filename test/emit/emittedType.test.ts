import { resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { emitModel, type EmitOptions } from '../../src/emit/files.js';
import { fullNameOf, type Model, type ObjectTypeDef, type TypeDef } from '../../src/model/types.js';
import { generateVersion, loadTemplates } from '../../src/pipeline.js';

/*
 * A type's emitted text is reused by its key (src/emit/emittedType.ts). Whatever changes, reusing
 * the shares of the run before must give exactly what emitting from scratch gives; and an edit
 * to one type must print that type alone again.
 */

const OPTIONS: EmitOptions = { enumStyle: 'const', templates: await loadTemplates(), guards: true };
const BASE = (await generateVersion({ apiVersion: 'beta', dir: resolve('docs/beta'), outSubdir: '' }, { enumStyle: 'const', cacheDir: false })).model;

const copy = (model: Model): Model => structuredClone(model);
const named = (model: Model, name: string): TypeDef => model.types.find((type) => type.name === name)!;
const object = (model: Model, name: string): ObjectTypeDef => {
  const type = named(model, name);
  if (type.kind === 'enum') throw new Error(`${name} is an enum`);
  return type;
};

const changes: { given: string; change: (model: Model) => void; options?: Partial<EmitOptions>; reprinted?: number }[] = [
  { given: 'a description', change: (model) => { object(model, 'gadget').description = 'Changed.'; }, reprinted: 1 },
  { given: 'a new property', change: (model) => { object(model, 'gadget').properties.push({ ...object(model, 'gadget').properties[0], name: 'added' }); }, reprinted: 1 },
  { given: 'a property type', change: (model) => { object(model, 'widget').properties[0].type = { kind: 'primitive', name: 'Int64' }; }, reprinted: 1 },
  { given: 'a base type', change: (model) => { object(model, 'gadget').baseType = undefined; } },
  { given: 'an open type', change: (model) => { object(model, 'entity').openType = true; } },
  { given: 'a new derived type', change: (model) => {
    model.types.push({ ...structuredClone(object(model, 'gadget')), name: 'megaGadget', baseType: fullNameOf(named(model, 'gadget')) });
  } },
  { given: 'a removed type', change: (model) => { model.types = model.types.filter((type) => type.name !== 'widget'); } },
  { given: 'an enum member', change: (model) => {
    const type = model.types.find((candidate) => candidate.kind === 'enum')!;
    if (type.kind === 'enum') type.members.push({ name: 'added', description: '' });
  }, reprinted: 1 },
  { given: 'a flags enum', change: (model) => {
    const type = model.types.find((candidate) => candidate.kind === 'enum')!;
    if (type.kind === 'enum') type.flags = !type.flags;
  } },
  { given: 'a naming override', change: () => {}, options: { namingOverrides: { 'microsoft.graph.gadget': 'Device' } } },
  { given: 'the enum style', change: () => {}, options: { enumStyle: 'enum' } },
  { given: 'no guards', change: () => {}, options: { guards: false } },
  { given: 'the docs base URL', change: () => {}, options: { docsBaseUrl: 'https://docs.example.com/graph/' } },
  { given: 'the API version, which the links name', change: (model) => { model.apiVersion = 'v1.0'; } },
];

for (const { given, change, options, reprinted } of changes) {
  test(`reusing the last run's types after a change to ${given} gives what a fresh emission gives`, () => {
    const before = emitModel(BASE, OPTIONS);
    const model = copy(BASE);
    change(model);
    const fresh = emitModel(model, { ...OPTIONS, ...options });
    const reused = emitModel(model, { ...OPTIONS, ...options }, before.emitted);
    assert.equal(reused.files, fresh.files);
    assert.not.equal(fresh.files, before.files, 'the change shows in the output');
    if (reprinted !== undefined) {
      const printed = [...reused.emitted.keys()].filter((key) => !before.emitted.has(key));
      assert.is(printed.length, reprinted, 'types printed again');
    }
  });
}

test('an unchanged model reuses every type and the runtime', () => {
  const before = emitModel(BASE, OPTIONS);
  const again = emitModel(copy(BASE), OPTIONS, before.emitted);
  assert.equal([...again.emitted.keys()].filter((key) => !before.emitted.has(key)), []);
  assert.equal(again.files, before.files);
});

test.run();
