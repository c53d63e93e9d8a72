import { readdirSync } from 'node:fs';
import { mkdir, readFile, stat, symlink, utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeTree, type OutputFile } from '../../src/write/tree.js';
import { assertRejects, besideOutDir, freshOutDir, generated, isGenerated, putFiles, removeTempDirs, snapshot } from './helpers.js';

const LONG_AGO = new Date('2020-01-02T03:04:05Z');

function outputs(files: Record<string, string>): OutputFile[] {
  return Object.entries(files).map(([path, content]) => ({ path, content }));
}

const FIRST = {
  'beta/graph.js': generated('export const beta = 1;'),
  'beta/graph.d.ts': generated('export declare const beta: 1;'),
  'v1.0/graph.js': generated('export const v1 = 1;'),
};

async function mtimeOf(outDir: string, path: string): Promise<number> {
  return (await stat(join(outDir, path))).mtimeMs;
}

test('first write creates the tree, including missing parent directories', async () => {
  const outDir = join(await freshOutDir(), 'nested', 'out');
  const result = await writeTree(outDir, outputs(FIRST), isGenerated);
  assert.equal(result, { written: ['beta/graph.d.ts', 'beta/graph.js', 'v1.0/graph.js'], unchanged: [], removed: [] });
  assert.equal(await readFile(join(outDir, 'beta/graph.js'), 'utf8'), FIRST['beta/graph.js']);
  assert.equal(await besideOutDir(outDir), ['out']);
});

test('a second identical write changes nothing and keeps mtimes and the directory itself', async () => {
  const outDir = await freshOutDir();
  await writeTree(outDir, outputs(FIRST), isGenerated);
  for (const path of Object.keys(FIRST)) await utimes(join(outDir, path), LONG_AGO, LONG_AGO);
  const directoryInode = (await stat(outDir)).ino;

  const result = await writeTree(outDir, outputs(FIRST), isGenerated);
  assert.equal(result, { written: [], unchanged: ['beta/graph.d.ts', 'beta/graph.js', 'v1.0/graph.js'], removed: [] });
  for (const path of Object.keys(FIRST)) assert.is(await mtimeOf(outDir, path), LONG_AGO.getTime());
  assert.is((await stat(outDir)).ino, directoryInode);
  assert.equal(await besideOutDir(outDir), ['out']);
});

test('a changed file is written; unchanged ones keep their mtime across the swap', async () => {
  const outDir = await freshOutDir();
  await writeTree(outDir, outputs(FIRST), isGenerated);
  for (const path of Object.keys(FIRST)) await utimes(join(outDir, path), LONG_AGO, LONG_AGO);

  const second = { ...FIRST, 'beta/graph.js': generated('export const beta = 2;') };
  const result = await writeTree(outDir, outputs(second), isGenerated);
  assert.equal(result, { written: ['beta/graph.js'], unchanged: ['beta/graph.d.ts', 'v1.0/graph.js'], removed: [] });
  assert.equal(await readFile(join(outDir, 'beta/graph.js'), 'utf8'), second['beta/graph.js']);
  assert.is(await mtimeOf(outDir, 'v1.0/graph.js'), LONG_AGO.getTime());
  assert.is(await mtimeOf(outDir, 'beta/graph.d.ts'), LONG_AGO.getTime());
  assert.equal(await besideOutDir(outDir), ['out']);
});

test('stale generated files are removed, with directories they leave empty', async () => {
  const outDir = await freshOutDir();
  await writeTree(outDir, outputs({ ...FIRST, 'old/only/gone.js': generated('gone') }), isGenerated);
  await mkdir(join(outDir, 'kept-empty'));

  const result = await writeTree(outDir, outputs({ 'beta/graph.js': FIRST['beta/graph.js'] }), isGenerated);
  assert.equal(result, {
    written: [],
    unchanged: ['beta/graph.js'],
    removed: ['beta/graph.d.ts', 'old/only/gone.js', 'v1.0/graph.js'],
  });
  assert.equal(Object.keys(await snapshot(outDir)).sort(), ['beta/graph.js', 'kept-empty']);
});

test('foreign files are kept byte-identical, including binary ones that start like the header', async () => {
  const outDir = await freshOutDir();
  const binary = Buffer.concat([Buffer.from(generated('not text after all')), Buffer.from([0xff, 0x00, 0xfe])]);
  await putFiles(outDir, {
    'README.md': '# Hand-written\n',
    'package.json': '{ "name": "graph-types" }\n',
    'beta/notes.txt': 'kept beside generated files\n',
    'assets/logo.bin': binary,
  });
  await symlink('README.md', join(outDir, 'link-to-readme'));
  const before = await snapshot(outDir);

  await writeTree(outDir, outputs(FIRST), isGenerated);
  const result = await writeTree(outDir, outputs({ 'v1.0/graph.js': FIRST['v1.0/graph.js'] }), isGenerated);
  assert.equal(result.removed, ['beta/graph.d.ts', 'beta/graph.js']);
  const after = await snapshot(outDir);
  for (const [path, content] of Object.entries(before)) assert.is(after[path], content, path);
  assert.equal(Object.keys(after).sort(), [...Object.keys(before), 'v1.0/graph.js'].sort());
});

for (const badPath of ['../escape.js', 'beta/../../escape.js', '/etc/passwd', 'C:/x.js', 'beta\\graph.js', 'beta//graph.js', './graph.js', 'a\0b', '']) {
  test(`an invalid path (${JSON.stringify(badPath)}) throws and leaves the old tree untouched`, async () => {
    const outDir = await freshOutDir();
    await writeTree(outDir, outputs(FIRST), isGenerated);
    const before = await snapshot(outDir);
    const files = [...outputs(FIRST), { path: badPath, content: generated('bad') }];
    await assertRejects(() => writeTree(outDir, files, isGenerated), JSON.stringify(badPath));
    assert.equal(await snapshot(outDir), before);
    assert.equal(await besideOutDir(outDir), ['out']);
  });
}

test('duplicate paths and a path that is also a directory are rejected', async () => {
  const outDir = await freshOutDir();
  await assertRejects(() => writeTree(outDir, outputs(FIRST).concat(outputs(FIRST)), isGenerated), /duplicate output path/);
  await assertRejects(
    () => writeTree(outDir, outputs({ beta: generated('x'), 'beta/graph.js': generated('y') }), isGenerated),
    /beta is both a file and the directory of beta\/graph\.js/,
  );
  assert.equal(await besideOutDir(outDir), []);
});

test('a failure while staging throws, removes the staging directory and leaves the old tree intact', async () => {
  const outDir = await freshOutDir();
  await writeTree(outDir, outputs(FIRST), isGenerated);
  const before = await snapshot(outDir);
  let besideAtFailure: string[] = [];
  const failing: OutputFile = {
    path: 'v1.0/broken.js',
    get content(): string {
      besideAtFailure = readdirSync(dirname(outDir));
      throw new Error('emitter failed on a bad page');
    },
  };
  const files = [...outputs({ 'a.js': generated('a'), 'b.js': generated('b') }), failing, ...outputs(FIRST)];

  await assertRejects(() => writeTree(outDir, files, isGenerated), /emitter failed on a bad page/);
  assert.ok(besideAtFailure.some((name) => name.startsWith('out.tmp-')), 'the failure happened while staging');
  assert.equal(await snapshot(outDir), before);
  assert.equal(await besideOutDir(outDir), ['out']);
});

test('a foreign file at an output path is not overwritten', async () => {
  const outDir = await freshOutDir();
  await putFiles(outDir, { 'beta/graph.js': 'hand-written\n' });
  const before = await snapshot(outDir);
  await assertRejects(() => writeTree(outDir, outputs(FIRST), isGenerated), /refusing to overwrite beta\/graph\.js/);
  assert.equal(await snapshot(outDir), before);
  assert.equal(await besideOutDir(outDir), ['out']);
});

test('a foreign file that already has the output bytes counts as unchanged', async () => {
  const outDir = await freshOutDir();
  await putFiles(outDir, { 'package.json': '{}\n' });
  const result = await writeTree(outDir, outputs({ 'package.json': '{}\n', 'index.js': generated('x') }), isGenerated);
  assert.equal(result, { written: ['index.js'], unchanged: ['package.json'], removed: [] });
});

test('never writes through a symlinked directory inside the output', async () => {
  const outDir = await freshOutDir();
  const elsewhere = join(dirname(outDir), 'elsewhere');
  await mkdir(elsewhere);
  await mkdir(outDir);
  await symlink(elsewhere, join(outDir, 'beta'));
  await assertRejects(() => writeTree(outDir, outputs(FIRST), isGenerated), /refusing to overwrite beta/);
  assert.equal(await snapshot(elsewhere), {});
});

test('an outDir that is a symlink keeps the link and updates the directory it points to', async () => {
  const outDir = await freshOutDir();
  const real = join(dirname(outDir), 'real');
  await mkdir(real);
  await symlink(real, outDir);
  await writeTree(outDir, outputs(FIRST), isGenerated);
  assert.ok((await snapshot(dirname(outDir)))['out']?.startsWith('-> '));
  assert.equal(Object.keys(await snapshot(real)).sort(), Object.keys(FIRST).sort());
});

test('an empty list into a missing outDir still creates the directory', async () => {
  const outDir = await freshOutDir();
  assert.equal(await writeTree(outDir, [], isGenerated), { written: [], unchanged: [], removed: [] });
  assert.ok((await stat(outDir)).isDirectory());
});

test.after(removeTempDirs);

test.run();
