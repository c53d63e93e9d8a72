import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import { generateVersion, type GenerateOptions } from '../../src/pipeline.js';
import { REPO_ROOT } from './cli.js';

/** A suite whose every test gets its own copy of docs/beta in `dir`, removed afterwards. */
export function docsCopySuite(name: string) {
  const tests = suite<{ dir: string }>(name, { dir: '' });
  tests.before.each((context) => {
    context.dir = mkdtempSync(path.join(os.tmpdir(), 'graph-docs-typegen-cache-'));
    cpSync(path.join(REPO_ROOT, 'docs', 'beta'), path.join(context.dir, 'docs'), { recursive: true });
  });
  tests.after.each((context) => {
    rmSync(context.dir, { recursive: true, force: true });
  });
  return tests;
}

/** The copy's beta output, with `cacheDir` as the cache (false: none). */
export const generateCopy = (dir: string, cacheDir: string | false, extra: Partial<GenerateOptions> = {}) =>
  generateVersion({ apiVersion: 'beta', dir: path.join(dir, 'docs'), outSubdir: '' }, { enumStyle: 'const', cacheDir, ...extra });

/** The single entry of one of the cache's stores (`outputs`, `types`). */
export function onlyEntry(cacheDir: string, store: string): string {
  const [generation] = readdirSync(path.join(cacheDir, store));
  const [entry] = readdirSync(path.join(cacheDir, store, generation));
  return path.join(cacheDir, store, generation, entry);
}
