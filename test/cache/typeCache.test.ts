import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { generateVersion } from '../../src/pipeline.js';
import { REPO_ROOT } from '../helpers/cli.js';

const types = suite<{ dir: string }>('type cache', { dir: '' });

types.before.each((context) => {
  context.dir = mkdtempSync(path.join(os.tmpdir(), 'graph-docs-typegen-types-'));
  cpSync(path.join(REPO_ROOT, 'docs', 'beta'), path.join(context.dir, 'docs'), { recursive: true });
});
types.after.each((context) => {
  rmSync(context.dir, { recursive: true, force: true });
});

const generate = (dir: string, cacheDir: string | false) =>
  generateVersion({ apiVersion: 'beta', dir: path.join(dir, 'docs'), outSubdir: '' }, { enumStyle: 'const', cacheDir });

/** The single entry of the type-text cache. */
function typeEntry(cacheDir: string): string {
  const [generation] = readdirSync(path.join(cacheDir, 'types'));
  const [entry] = readdirSync(path.join(cacheDir, 'types', generation));
  return path.join(cacheDir, 'types', generation, entry);
}

/** A change to one page's description: the output misses, the page's types are printed again, the others come from the type cache. */
function editPage(dir: string): void {
  const page = path.join(dir, 'docs', 'gadget.md');
  writeFileSync(page, readFileSync(page, 'utf8').replace(/\| The name of the gadget\. \|/, '| The name of the gadget, edited. |'));
}

types('after a page edit, the output built from cached type texts is the uncached output', async ({ dir }) => {
  const cacheDir = path.join(dir, 'cache');
  await generate(dir, cacheDir);
  editPage(dir);
  const cached = await generate(dir, cacheDir);
  assert.equal(cached, await generate(dir, false));
  assert.match(cached.files.find((file) => file.path === 'graph.d.ts')!.content, 'The name of the gadget, edited.');
});

types('a corrupt type-text entry is ignored with a warning, every type printed again, and the entry rewritten', async ({ dir }) => {
  const cacheDir = path.join(dir, 'cache');
  await generate(dir, cacheDir);
  const entry = typeEntry(cacheDir);
  const bytes = readFileSync(entry);
  bytes[bytes.length - 10] ^= 1;
  writeFileSync(entry, bytes);
  editPage(dir);
  const again = await generate(dir, cacheDir);
  const problems = again.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'cache-entry-corrupt');
  assert.equal(problems.map((problem) => [problem.file, problem.severity]), [['.', 'warning']]);
  assert.match(problems[0].reason, 'type texts');
  assert.equal(again.files, (await generate(dir, false)).files);
  assert.not.ok(readFileSync(typeEntry(cacheDir)).equals(bytes), 'the entry was rewritten');
});

types.run();
