import { existsSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { generateVersion } from '../../src/pipeline.js';
import { CORPUS } from '../helpers/cli.js';
import { typeCheck } from '../helpers/typecheck.js';

const corpus = suite('corpus: generate both versions of the real Graph docs');

const MINIMUM_TYPES: Record<string, number> = { 'v1.0': 950, beta: 2250 };

if (!existsSync(CORPUS)) {
  console.log(`skipped corpus tests: ${CORPUS} is absent`);
} else {
  for (const apiVersion of ['v1.0', 'beta']) {
    corpus(`${apiVersion}: generates without a crash and type-checks under strict`, async () => {
      const output = await generateVersion({ apiVersion, dir: path.join(CORPUS, apiVersion, 'resources'), outSubdir: apiVersion }, { enumStyle: 'const' });
      const objects = output.model.types.filter((type) => type.kind !== 'enum');
      assert.ok(objects.length >= MINIMUM_TYPES[apiVersion], `${objects.length} object types`);
      assert.ok(output.files.some((file) => file.path === 'callRecords.d.ts'), 'callRecords namespace module');
      assert.equal(typeCheck(output.files).slice(0, 10), []);
    });
  }
}

corpus.run();
