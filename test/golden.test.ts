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

test('generation is deterministic: two runs give byte-identical files', async () => {
  const first = await generateDocs(path.join(REPO_ROOT, 'docs'), 'v1.0', { enumStyle: 'const' });
  const second = await generateDocs(path.join(REPO_ROOT, 'docs'), 'v1.0', { enumStyle: 'const' });
  assert.equal(second.files, first.files);
});

test('both API versions are generated side by side', async () => {
  const { files } = await generateDocs(path.join(REPO_ROOT, 'docs'), 'v1.0', { enumStyle: 'const' });
  const roots = new Set(files.map((file) => file.path.split('/')[0]));
  assert.equal([...roots].sort(), ['beta', 'v1.0']);
});

test.run();
