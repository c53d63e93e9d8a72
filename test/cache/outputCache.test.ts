import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as assert from 'uvu/assert';
import { docsCopySuite, generateCopy as generate, onlyEntry } from '../helpers/cacheFixture.js';

const outputs = docsCopySuite('output cache');
const outputEntry = (cacheDir: string) => onlyEntry(cacheDir, 'outputs');

outputs('a run with nothing changed gives back the same output as an uncached run', async ({ dir }) => {
  const cacheDir = path.join(dir, 'cache');
  const uncached = await generate(dir, false);
  const first = await generate(dir, cacheDir);
  const before = readFileSync(outputEntry(cacheDir));
  const second = await generate(dir, cacheDir);
  assert.equal(first, uncached);
  assert.equal(second, uncached);
  assert.ok(readFileSync(outputEntry(cacheDir)).equals(before));
});

outputs('a changed page or option is never answered with the old output', async ({ dir }) => {
  const cacheDir = path.join(dir, 'cache');
  await generate(dir, cacheDir);
  const page = path.join(dir, 'docs', 'gadget.md');
  writeFileSync(page, readFileSync(page, 'utf8').replace(/\| id \|/i, '| identifier |'));
  assert.equal(await generate(dir, cacheDir), await generate(dir, false));
  assert.equal(await generate(dir, cacheDir, { enumStyle: 'union' }), await generate(dir, false, { enumStyle: 'union' }));
});

outputs('a corrupt output entry is ignored with a warning, and rewritten', async ({ dir }) => {
  const cacheDir = path.join(dir, 'cache');
  const expected = await generate(dir, cacheDir);
  const entry = outputEntry(cacheDir);
  const bytes = readFileSync(entry);
  bytes[bytes.length - 10] ^= 1;
  writeFileSync(entry, bytes);
  const again = await generate(dir, cacheDir);
  const problems = again.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'cache-entry-corrupt');
  assert.equal(problems.map((problem) => [problem.file, problem.severity]), [['.', 'warning']]);
  assert.equal({ ...again, diagnostics: again.diagnostics.filter((diagnostic) => !problems.includes(diagnostic)) }, expected);
  assert.equal(await generate(dir, cacheDir), expected);
});

outputs.run();
