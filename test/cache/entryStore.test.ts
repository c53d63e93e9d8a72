import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { EntryStore } from '../../src/cache/entryStore.js';

const store = suite<{ dir: string }>('entry store', { dir: '' });

store.before.each((context) => {
  context.dir = mkdtempSync(path.join(os.tmpdir(), 'graph-docs-typegen-store-'));
});
store.after.each((context) => {
  rmSync(context.dir, { recursive: true, force: true });
});

store('an entry reads back as written; a missing one is missing', ({ dir }) => {
  const entries = new EntryStore(dir);
  assert.equal(entries.read('key'), { kind: 'missing' });
  assert.ok(entries.write('key', 'payload'));
  const read = entries.read('key');
  assert.is(read.kind === 'hit' && read.payload.toString(), 'payload');
});

store('keepNewest keeps the most recently used entries', ({ dir }) => {
  const entries = new EntryStore(dir);
  for (const [key, minutesAgo] of [['a', 3], ['b', 1], ['c', 2]] as const) {
    entries.write(key, key);
    const when = new Date(Date.now() - minutesAgo * 60_000);
    utimesSync(path.join(dir, key), when, when);
  }
  entries.touch('a');
  entries.keepNewest(2);
  assert.equal(readdirSync(dir).sort(), ['a', 'b']);
});

/** Writes one entry over and over from another process. */
function writer(dir: string, payloadLength: number, times: number): Promise<number | null> {
  const moduleUrl = new URL('../../src/cache/entryStore.js', import.meta.url).href;
  const code = `const { EntryStore } = await import(${JSON.stringify(moduleUrl)});
    const store = new EntryStore(${JSON.stringify(dir)});
    const payload = 'x'.repeat(${payloadLength});
    for (let i = 0; i < ${times}; i++) if (!store.write('shared', payload)) process.exit(3);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', resolve));
}

store('two processes writing one entry never leave it torn, and a reader never sees it torn', async ({ dir }) => {
  const payload = 'x'.repeat(256 * 1024);
  const entries = new EntryStore(dir);
  const writers = Promise.all([writer(dir, payload.length, 300), writer(dir, payload.length, 300)]);
  let done = false;
  void writers.then(() => (done = true));
  let reads = 0;
  while (!done) {
    const read = entries.read('shared');
    assert.ok(read.kind !== 'corrupt', read.kind === 'corrupt' ? read.reason : '');
    if (read.kind === 'hit') assert.is(read.payload.length, payload.length);
    reads++;
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.equal(await writers, [0, 0]);
  const final = entries.read('shared');
  assert.is(final.kind === 'hit' && final.payload.toString(), payload);
  assert.equal(readdirSync(dir), ['shared'], 'no temporary file left behind');
  assert.ok(reads > 0);
});

store.run();
