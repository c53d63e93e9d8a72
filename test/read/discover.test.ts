import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { listPages, unreadablePage } from '../../src/read/discover.js';

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

test.run();
