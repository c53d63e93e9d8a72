/**
 * Writes the generated tree atomically: the new tree is built in a staging directory beside the
 * old one and swapped in only once every file is in place, so a crash or a failing emitter never
 * leaves a half-written output. Files we did not generate are carried over untouched.
 */

import { randomBytes } from 'node:crypto';
import { chmod, copyFile, link, mkdir, readFile, readlink, rename, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ancestorsOf, validateOutputPaths } from './paths.js';
import { errorCode, isForeign, resolveOutDir, scanTree, type ExistingEntry, type ExistingTree } from './scan.js';

export interface OutputFile {
  /** Relative to the output directory, with `/` separators, e.g. `beta/graph.js`. */
  path: string;
  content: string;
}

/** Recognises our header in the content of an existing file, at its path relative to the output directory. */
export type IsGenerated = (content: string, path: string) => boolean;

/** Relative paths, each list sorted. */
export interface WriteResult {
  /** New or changed files. */
  written: string[];
  unchanged: string[];
  /** Files we generated earlier that are no longer produced. */
  removed: string[];
}

/** Link failures that mean "this file system cannot hard-link here", answered by copying. */
const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK', 'EXDEV', 'ENOSYS']);

export async function writeTree(outDir: string, files: OutputFile[], isGenerated: IsGenerated): Promise<WriteResult> {
  const outputPaths = validateOutputPaths(files);
  const target = await resolveOutDir(outDir);
  if (dirname(target) === target) throw new Error(`refusing to use the file system root ${target} as the output directory`);
  const existing = await scanTree(target, isGenerated);
  assertNoForeignClash(outputPaths, existing);

  await mkdir(dirname(target), { recursive: true });
  const staging = siblingPath(target, 'tmp');
  await mkdir(staging);
  let result: WriteResult;
  let backup: string | undefined;
  try {
    result = await fillStaging(staging, target, files, existing);
    if (existing.exists && result.written.length === 0 && result.removed.length === 0) {
      // Nothing to change: leave the directory itself untouched too.
      await rm(staging, { recursive: true, force: true });
      return result;
    }
    await restoreDirectoryModes(staging, existing.dirModes);
    backup = await swapIn(staging, target, existing.exists);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  if (backup !== undefined) await rm(backup, { recursive: true, force: true });
  return result;
}

/**
 * Files we did not generate are never replaced, nor written through (a symlinked directory) nor
 * turned into a directory. A foreign file at an output path is only accepted if its bytes are
 * already right, which is checked while filling the staging directory.
 */
function assertNoForeignClash(outputPaths: Set<string>, existing: ExistingTree): void {
  const outputDirs = new Set([...outputPaths].flatMap(ancestorsOf));
  for (const entry of existing.entries.values()) {
    if (!isForeign(entry)) continue;
    const clashesWithOutputFile = outputPaths.has(entry.path) && entry.type !== 'file';
    const blocksOutputDir = outputDirs.has(entry.path) && entry.type !== 'emptyDir';
    const insideOutputFile = ancestorsOf(entry.path).some((dir) => outputPaths.has(dir));
    if (clashesWithOutputFile || blocksOutputDir || insideOutputFile) throw foreignClash(entry.path);
  }
}

function foreignClash(path: string): Error {
  return new Error(`refusing to overwrite ${path} in the output directory: it is not a file we generated`);
}

async function fillStaging(
  staging: string,
  target: string,
  files: OutputFile[],
  existing: ExistingTree,
): Promise<WriteResult> {
  const outputPaths = new Set(files.map((file) => file.path));
  for (const entry of existing.entries.values()) {
    if (isForeign(entry) && !outputPaths.has(entry.path)) await carryOver(entry, target, staging);
  }
  const written: string[] = [];
  const unchanged: string[] = [];
  for (const file of files) {
    const bytes = Buffer.from(file.content, 'utf8');
    const destination = join(staging, file.path);
    await mkdir(dirname(destination), { recursive: true });
    if (await isUnchanged(target, bytes, existing.entries.get(file.path))) {
      await linkOrCopy(join(target, file.path), destination);
      unchanged.push(file.path);
    } else {
      await writeFile(destination, bytes);
      written.push(file.path);
    }
  }
  const removed = [...existing.entries.values()]
    .filter((entry) => !isForeign(entry) && !outputPaths.has(entry.path))
    .map((entry) => entry.path);
  return { written: written.sort(), unchanged: unchanged.sort(), removed: removed.sort() };
}

async function isUnchanged(target: string, bytes: Buffer, entry: ExistingEntry | undefined): Promise<boolean> {
  if (entry === undefined) return false;
  const current = entry.generatedBytes ?? (await readFile(join(target, entry.path)));
  if (current.equals(bytes)) return true;
  if (isForeign(entry)) throw foreignClash(entry.path);
  return false;
}

async function carryOver(entry: ExistingEntry, target: string, staging: string): Promise<void> {
  const source = join(target, entry.path);
  const destination = join(staging, entry.path);
  if (entry.type === 'emptyDir') {
    await mkdir(destination, { recursive: true });
    return;
  }
  await mkdir(dirname(destination), { recursive: true });
  if (entry.type === 'symlink') {
    // link(2) on a symlink is platform-dependent, so recreate the link itself.
    await symlink(await readlink(source), destination);
  } else if (entry.type === 'special') {
    await link(source, destination);
  } else {
    await linkOrCopy(source, destination);
  }
}

/** A hard link keeps the inode, so bytes, mode and mtime stay exactly as they were. */
async function linkOrCopy(source: string, destination: string): Promise<void> {
  try {
    await link(source, destination);
  } catch (error) {
    if (!LINK_UNSUPPORTED.has(errorCode(error) ?? '')) throw error;
    await copyFile(source, destination);
    const { atime, mtime } = await stat(source);
    await utimes(destination, atime, mtime);
  }
}

/** Deepest first, so a directory made unreadable does not stop us reaching the ones below it. */
async function restoreDirectoryModes(staging: string, dirModes: Map<string, number>): Promise<void> {
  const deepestFirst = [...dirModes].sort(([a], [b]) => depth(b) - depth(a));
  for (const [path, mode] of deepestFirst) {
    try {
      await chmod(join(staging, path), mode);
    } catch (error) {
      // Directories that only held stale generated files are not recreated.
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  }
}

function depth(path: string): number {
  return path === '' ? 0 : path.split('/').length;
}

/**
 * Two renames within one parent directory; if the second fails the old tree is put back.
 * Returns the moved-away old tree, for the caller to delete.
 */
async function swapIn(staging: string, target: string, hasOldTree: boolean): Promise<string | undefined> {
  if (!hasOldTree) {
    await rename(staging, target);
    return undefined;
  }
  const backup = siblingPath(target, 'old');
  await rename(target, backup);
  try {
    await rename(staging, target);
  } catch (error) {
    await rename(backup, target);
    throw error;
  }
  return backup;
}

/** Beside the target, so renames stay on one file system and are atomic. */
function siblingPath(target: string, purpose: 'tmp' | 'old'): string {
  return `${target}.${purpose}-${process.pid}-${randomBytes(4).toString('hex')}`;
}
