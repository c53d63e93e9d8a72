import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { committedOutput, runCli, scratchProject, snapshot } from '../helpers/cli.js';

const CACHE = path.join('node_modules', '.cache', 'graph-docs-typegen');

test('generate caches under the package\'s node_modules/.cache unless --no-cache, and the output is the same either way', async () => {
  const dir = await scratchProject();
  try {
    writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
    const generate = (...args: string[]) => {
      const run = runCli(['generate', ...args], dir);
      assert.is(run.status, 0, run.stdout + run.stderr);
    };
    generate('--no-cache', '--out', 'uncached');
    assert.not.ok(existsSync(path.join(dir, CACHE)));
    generate('--jobs', '2', '--out', 'cold');
    assert.ok(existsSync(path.join(dir, CACHE, 'pages')));
    assert.ok(existsSync(path.join(dir, CACHE, 'outputs')));
    generate('--out', 'warm');
    // The committed generated/ is the reference: a writer that drops a file drops it from all three runs.
    const reference = new Map([...await committedOutput()].filter(([file]) => file.startsWith('v1.0/') || file.startsWith('beta/')));
    for (const out of ['uncached', 'cold', 'warm']) assert.equal(await snapshot(path.join(dir, out)), reference, out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('outside a package there is no default cache', async () => {
  const dir = await scratchProject();
  try {
    const run = runCli(['generate', '--out', 'out'], dir);
    assert.is(run.status, 0, run.stdout + run.stderr);
    assert.not.ok(existsSync(path.join(dir, 'node_modules')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--jobs takes a whole number from 1', () => {
  for (const value of ['0', '-1', 'two', '1.5']) {
    const run = runCli(['lint', '--jobs', value], process.cwd());
    assert.is(run.status, 2, value);
    assert.match(run.stderr, /--jobs/);
  }
});

test.run();
