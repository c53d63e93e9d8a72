import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { EntryStore } from '../../src/cache/entryStore.js';
import { PageCache } from '../../src/cache/pageCache.js';
import { readPages } from '../../src/pipeline.js';
import { REPO_ROOT } from '../helpers/cli.js';

const input = { apiVersion: 'beta', dir: path.join(REPO_ROOT, 'docs', 'beta'), outSubdir: '' };
const cache = suite<{ dir: string }>('page cache', { dir: '' });

cache.before.each((context) => {
  context.dir = mkdtempSync(path.join(os.tmpdir(), 'graph-docs-typegen-cache-'));
});
cache.after.each((context) => {
  rmSync(context.dir, { recursive: true, force: true });
});

/** A page's entry file name: its key. */
function keyOf(cacheDir: string, file: string): string {
  return new PageCache(cacheDir, []).keyOf(file, readFileSync(path.join(input.dir, file)));
}

/** The folder of page entries under a cache folder (one per reader version). */
function entriesDir(cacheDir: string): string {
  const generations = readdirSync(path.join(cacheDir, 'pages'));
  assert.is(generations.length, 1);
  return path.join(cacheDir, 'pages', generations[0]);
}

cache('a second read takes every page from the cache and gives the same results', async ({ dir }) => {
  const uncached = await readPages(input, { cacheDir: false });
  const first = await readPages(input, { cacheDir: dir });
  assert.is(readdirSync(entriesDir(dir)).length, first.pages.length);
  const second = await readPages(input, { cacheDir: dir });
  assert.equal(second.pages, first.pages);
  assert.equal(second.pages, uncached.pages);
  assert.equal(second.cacheProblems, []);
});

cache('a hit is served from the cache; --no-cache (cacheDir false) never looks there', async ({ dir }) => {
  const { pages } = await readPages(input, { cacheDir: dir });
  const target = pages[0];
  new EntryStore(entriesDir(dir)).write(keyOf(dir, target.file), JSON.stringify({ ...target, objects: [], enums: [], diagnostics: [] }));
  const cached = await readPages(input, { cacheDir: dir });
  assert.equal(cached.pages[0].objects, []);
  const bypassed = await readPages(input, { cacheDir: false });
  assert.equal(bypassed.pages[0], target);
});

cache('a corrupt entry is ignored with a warning, and rewritten', async ({ dir }) => {
  const { pages } = await readPages(input, { cacheDir: dir });
  const entries = entriesDir(dir);
  const [truncated, tampered, wrongPage] = pages.slice(0, 3).map((page) => page.file);
  writeFileSync(path.join(entries, keyOf(dir, truncated)), 'not an entry');
  writeFileSync(path.join(entries, keyOf(dir, tampered)), `${'0'.repeat(64)}\n{"file":"x"}`);
  new EntryStore(entries).write(keyOf(dir, wrongPage), JSON.stringify({ ...pages[4] }));
  const again = await readPages(input, { cacheDir: dir });
  assert.equal(again.pages, pages);
  assert.equal(again.cacheProblems.map((problem) => [problem.file, problem.severity, problem.ruleId]),
    [truncated, tampered, wrongPage].map((file) => [file, 'warning', 'cache-entry-corrupt']));
  const rewritten = await readPages(input, { cacheDir: dir });
  assert.equal(rewritten.cacheProblems, []);
  assert.equal(rewritten.pages, pages);
});

cache('entries of an older reader are dropped once three newer ones exist', async ({ dir }) => {
  for (const old of ['a', 'b', 'c']) new EntryStore(path.join(dir, 'pages', old)).write('key', 'x');
  await readPages(input, { cacheDir: dir });
  assert.is(readdirSync(path.join(dir, 'pages')).length, 3);
});

cache.run();
