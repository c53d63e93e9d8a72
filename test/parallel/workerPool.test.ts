import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { emitModel, planEmission, printTypes, typesToPrint, type EmitOptions } from '../../src/emit/files.js';
import { WorkerPool } from '../../src/parallel/workerPool.js';
import { generateVersion, loadTemplates } from '../../src/pipeline.js';
import { CORPUS, REPO_ROOT } from '../helpers/cli.js';
import { corpusTest } from '../helpers/corpus.js';

const OPTIONS: EmitOptions = { enumStyle: 'const', templates: await loadTemplates(), guards: true };
const docsModel = async () =>
  (await generateVersion({ apiVersion: 'beta', dir: path.join(REPO_ROOT, 'docs', 'beta'), outSubdir: '' }, { enumStyle: 'const', cacheDir: false })).model;

test('types printed on worker threads equal types printed in this thread, whatever the split', async () => {
  const model = await docsModel();
  const plan = planEmission(model, OPTIONS);
  const positions = typesToPrint(plan);
  assert.is(positions.length, model.types.length, 'with nothing to reuse every type is printed');
  const here = printTypes(model, OPTIONS, positions);
  for (const threads of [1, 2, 3]) {
    const pool = new WorkerPool(threads);
    try {
      const there = await pool.printTypes(model, OPTIONS, positions);
      assert.equal(there, here, `${threads} threads`);
      const byKey = new Map(positions.map((position, index) => [plan.keys.get(model.types[position])!, there[index]]));
      assert.equal(emitModel(model, OPTIONS, byKey).files, emitModel(model, OPTIONS).files);
    } finally {
      await pool.close();
    }
  }
});

test('a failure on a worker thread rejects with its reason, and the pool can be closed', async () => {
  const pool = new WorkerPool(2);
  try {
    const broken = { apiVersion: 'x', types: [{ kind: 'enum', name: 'e', namespace: 'microsoft.graph', members: null }] } as never;
    await pool.printTypes(broken, OPTIONS, [0]).then(() => assert.unreachable('printing a broken model succeeded'), (error: Error) => {
      assert.match(error.message, 'Printing types failed');
    });
  } finally {
    await pool.close();
  }
});

const V1 = path.join(CORPUS, 'v1.0', 'resources');
corpusTest(test, 'corpus: the v1.0 output is the same on one thread and on two (pages parsed and types printed there)', async () => {
  const input = { apiVersion: 'v1.0', dir: V1, outSubdir: '' };
  const serial = await generateVersion(input, { enumStyle: 'const', cacheDir: false, jobs: 1 });
  const parallel = await generateVersion(input, { enumStyle: 'const', cacheDir: false, jobs: 2 });
  assert.ok(serial.model.types.length >= 200, 'enough types to print them on the threads');
  assert.equal(parallel.files, serial.files);
  assert.equal(parallel.diagnostics, serial.diagnostics);
});

test.run();
