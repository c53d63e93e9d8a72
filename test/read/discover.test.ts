import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findVersions, listPages, unreadablePage } from '../../src/read/discover.js';

test('pages are regular *.md files; other entries named like pages come with the reason, unopened', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'graph-docs-typegen-discover-'));
  try {
    await writeFile(path.join(dir, 'page.md'), '# page');
    await writeFile(path.join(dir, 'notes.txt'), 'not a page');
    await mkdir(path.join(dir, 'folder.md'));
    await writeFile(path.join(dir, 'folder.md', 'inner.md'), '# inner');
    await symlink('loop.md', path.join(dir, 'loop.md'));
    await symlink('deleted.md', path.join(dir, 'gone.md'));
    await symlink('.', path.join(dir, 'self.md'));
    await symlink('page.md', path.join(dir, 'alias.md'));
    const fifo = spawnSync('mkfifo', [path.join(dir, 'fifo.md')]).status === 0;
    const listed = Object.fromEntries((await listPages(dir)).map((page) => [page.relative, page.unreadable ?? 'page']));
    assert.equal(listed, {
      'alias.md': 'Not read: a symbolic link to a file (links are not followed)',
      ...(fifo ? { 'fifo.md': 'Not a page: a FIFO, not a regular file' } : {}),
      'folder.md': 'Not a page: a folder named like one',
      'folder.md/inner.md': 'page',
      'gone.md': 'Not read: a symbolic link to a missing file (links are not followed)',
      'loop.md': 'Not read: a symbolic link to itself, in a loop (links are not followed)',
      'page.md': 'page',
      'self.md': 'Not read: a symbolic link to a folder (links are not followed)',
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('an unreadable page gives a result holding only the message', () => {
  assert.equal(unreadablePage('x.md', 'Page cannot be read: permission denied (EACCES)'), {
    file: 'x.md', docType: 'other', objects: [], enums: [], typeLinks: [], derivedTypes: [],
    diagnostics: [{ file: 'x.md', line: 1, column: 1, severity: 'warning', ruleId: 'unreadable-file', reason: 'Page cannot be read: permission denied (EACCES)' }],
  });
});

test('version folders are found up to three levels down, sorted; deeper ones, hidden folders and node_modules are not', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'graph-docs-typegen-versions-'));
  const cases: { given: string[]; want: [string, string][] }[] = [
    { given: ['v1.0', 'beta'], want: [['beta', 'beta'], ['v1.0', 'v1.0']] },
    { given: ['api-reference/v1.0', 'api-reference/beta'], want: [['beta', 'api-reference/beta'], ['v1.0', 'api-reference/v1.0']] },
    { given: ['clone/api-reference/beta', 'clone/api-reference/v1.0'], want: [['beta', 'clone/api-reference/beta'], ['v1.0', 'clone/api-reference/v1.0']] },
    { given: ['a/b/c/v1.0', '.hidden/beta', 'node_modules/beta'], want: [['v2', '']] },
  ];
  try {
    for (const [index, { given, want }] of cases.entries()) {
      const root = path.join(dir, String(index));
      for (const folder of given) await mkdir(path.join(root, folder), { recursive: true });
      const found = await findVersions(root, 'v2');
      assert.equal(found.map((input) => [input.apiVersion, path.relative(root, input.dir)]), want, given.join(', '));
      assert.equal(found.map((input) => input.outSubdir), want.map(([version]) => (version === 'v2' ? '' : version)));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
