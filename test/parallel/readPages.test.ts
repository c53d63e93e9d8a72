import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readPages } from '../../src/pipeline.js';
import { REPO_ROOT } from '../helpers/cli.js';

/** Enough pages for the worker threads to start: each embedded beta page under several names. */
function manyPages(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'graph-docs-typegen-pages-'));
  const source = path.join(REPO_ROOT, 'docs', 'beta');
  for (let copy = 0; copy < 6; copy++) {
    for (const name of readdirSync(source)) cpSync(path.join(source, name), path.join(dir, `copy${copy}`, name), { recursive: true });
  }
  return dir;
}

test('pages read on worker threads equal pages read in one thread, in path order', async () => {
  const dir = manyPages();
  try {
    const input = { apiVersion: 'beta', dir, outSubdir: '' };
    const serial = await readPages(input, { jobs: 1, cacheDir: false });
    assert.ok(serial.pages.length >= 50, `${serial.pages.length} pages: too few to start threads`);
    for (const jobs of [2, 3]) {
      const parallel = await readPages(input, { jobs, cacheDir: false });
      assert.equal(parallel.pages, serial.pages);
    }
    const files = serial.pages.map((page) => page.file);
    assert.equal(files, [...files].sort());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
