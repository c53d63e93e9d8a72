import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as assert from 'uvu/assert';
import { docsCopySuite, generateCopy as generate, onlyEntry } from '../helpers/cacheFixture.js';

const types = docsCopySuite('type cache');
const typeEntry = (cacheDir: string) => onlyEntry(cacheDir, 'types');

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
