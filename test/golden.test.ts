import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isGenerated } from '../src/emit/header.js';
import { generateDocs } from '../src/pipeline.js';
import { compareTree, formatDifference } from '../src/write/compare.js';
import { REPO_ROOT } from './helpers/cli.js';

test('docs/ generates exactly the committed generated/ (run `npm run generate` after a change)', async () => {
  const { files } = await generateDocs(path.join(REPO_ROOT, 'docs'), 'v1.0', { enumStyle: 'const' });
  const difference = await compareTree(path.join(REPO_ROOT, 'generated'), files, isGenerated);
  assert.is(formatDifference(difference, 'npm run generate'), '');
});

test('generation is deterministic: two runs without the cache give byte-identical files', async () => {
  // Through a cache the second run would return the first run's files, whatever the emitter does.
  const uncached = async () => (await generateDocs(path.join(REPO_ROOT, 'docs'), 'v1.0', { enumStyle: 'const', cacheDir: false })).files
    .map((file) => ({ path: file.path, bytes: Buffer.from(file.content, 'utf8').toString('hex') }));
  const first = await uncached();
  const second = await uncached();
  assert.equal(second.map((file) => file.path), first.map((file) => file.path));
  for (const [index, file] of first.entries()) assert.ok(second[index].bytes === file.bytes, `${file.path} differs between two runs`);
});

test('both API versions are generated side by side', async () => {
  const { files } = await generateDocs(path.join(REPO_ROOT, 'docs'), 'v1.0', { enumStyle: 'const' });
  const roots = new Set(files.map((file) => file.path.split('/')[0]));
  assert.equal([...roots].sort(), ['beta', 'v1.0']);
});

test.run();
