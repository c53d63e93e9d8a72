/**
 * A docs folder as it was at a git revision, read with git itself (`ls-tree`, `cat-file --batch`):
 * nothing is checked out and the working tree is never touched.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { PageBytes } from '../parallel/readPages.js';
import { compareText } from '../compareText.js';
import { VERSION_FOLDERS } from './discover.js';

export interface GitVersion {
  apiVersion: string;
  /** The version folder's name: which links between pages are broken depends on it. */
  folderName: string;
  pages: PageBytes[];
}

export class GitError extends Error {
  override name = 'GitError';
}

/** Every version in the folder `docsPath` (relative to `cwd`) of revision `ref` of the repository holding `cwd`. */
export function gitVersions(cwd: string, ref: string, docsPath: string, fallbackVersion: string): GitVersion[] {
  const root = git(cwd, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
  git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{tree}`], `'${ref}' is not a revision of the repository at ${root}`);
  const treePath = path.relative(root, path.resolve(cwd, docsPath)).split(path.sep).join('/');
  if (treePath.startsWith('..')) throw new GitError(`${docsPath} is outside the repository at ${root}`);
  const files = listPages(root, ref, treePath);
  if (files.length === 0) throw new GitError(`${ref}:${treePath || '.'} holds no pages (*.md)`);
  const byVersion = new Map<string, { folder: string; files: { relative: string; object: string }[] }>();
  for (const file of files) {
    const segments = file.relative.split('/');
    const index = segments.slice(0, 3).findIndex((segment) => VERSION_FOLDERS.includes(segment));
    const folder = index < 0 ? '' : segments.slice(0, index + 1).join('/');
    const group = byVersion.get(folder) ?? { folder, files: [] };
    group.files.push({ relative: index < 0 ? file.relative : segments.slice(index + 1).join('/'), object: file.object });
    byVersion.set(folder, group);
  }
  // As in a folder on disk: version folders when there are any, else the whole folder is one version.
  const groups = [...byVersion.values()].filter((group) => group.folder !== '' || byVersion.size === 1).sort((a, b) => compareText(a.folder, b.folder));
  const contents = readObjects(root, groups.flatMap((group) => group.files.map((file) => file.object)));
  return groups.map((group) => {
    const folderName = group.folder === '' ? path.posix.basename(treePath) || path.basename(root) : path.posix.basename(group.folder);
    return {
      apiVersion: group.folder === '' ? fallbackVersion : folderName,
      folderName,
      pages: group.files.map((file) => ({ file: file.relative, bytes: contents.get(file.object)! })),
    };
  });
}

function listPages(root: string, ref: string, treePath: string): { relative: string; object: string }[] {
  const listing = git(root, ['ls-tree', '-r', '-z', '--full-tree', ref, '--', treePath || '.']).toString('utf8');
  const prefix = treePath ? `${treePath}/` : '';
  return listing.split('\0').filter(Boolean).flatMap((line) => {
    const [meta, file] = [line.slice(0, line.indexOf('\t')), line.slice(line.indexOf('\t') + 1)];
    const [mode, kind, object] = meta.split(' ');
    const relative = file.startsWith(prefix) ? file.slice(prefix.length) : file;
    const hidden = relative.split('/').some((segment) => segment.startsWith('.') || segment === 'node_modules');
    // A link (mode 120000) is never followed, as on disk.
    return kind === 'blob' && mode !== '120000' && !hidden && relative.toLowerCase().endsWith('.md') ? [{ relative, object }] : [];
  }).sort((a, b) => compareText(a.relative, b.relative));
}

/** The contents of blobs by their object names, in one `cat-file --batch`. */
function readObjects(root: string, objects: string[]): Map<string, Buffer> {
  const unique = [...new Set(objects)];
  const output = git(root, ['cat-file', '--batch'], undefined, `${unique.join('\n')}\n`);
  const contents = new Map<string, Buffer>();
  let offset = 0;
  for (const object of unique) {
    const headerEnd = output.indexOf(10, offset);
    const [name, kind, size] = output.subarray(offset, headerEnd).toString('utf8').split(' ');
    if (name !== object || kind !== 'blob') throw new GitError(`git cat-file: expected blob ${object}, got '${output.subarray(offset, headerEnd).toString('utf8')}'`);
    const start = headerEnd + 1;
    contents.set(object, output.subarray(start, start + Number(size)));
    offset = start + Number(size) + 1;
  }
  return contents;
}

function git(cwd: string, args: string[], failure?: string, input?: string): Buffer {
  const result = spawnSync('git', args, { cwd, input, maxBuffer: 2 ** 31 - 1 });
  if (result.error) throw new GitError(`git ${args[0]}: ${result.error.message}`);
  if (result.status !== 0) throw new GitError(failure ?? `git ${args.join(' ')}: ${result.stderr.toString('utf8').trim().split('\n')[0]}`);
  return result.stdout;
}
