/**
 * Reads an existing output tree and sorts what is in it into files we generated (recognised by
 * their header) and everything else, which must be left alone.
 */

import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Stats } from 'node:fs';
import type { IsGenerated } from './tree.js';

export type EntryType = 'file' | 'symlink' | 'special' | 'emptyDir';

/** A leaf of the existing tree: non-empty directories are implied by the paths of their leaves. */
export interface ExistingEntry {
  /** Relative to the tree root, with `/` separators. */
  path: string;
  type: EntryType;
  /** The bytes of a file recognised as generated; undefined for every foreign entry. */
  generatedBytes?: Buffer;
}

export interface ExistingTree {
  exists: boolean;
  entries: Map<string, ExistingEntry>;
  /** Permission bits of every directory, keyed by relative path ('' is the root). */
  dirModes: Map<string, number>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export async function scanTree(root: string, isGenerated: IsGenerated): Promise<ExistingTree> {
  const tree: ExistingTree = { exists: false, entries: new Map(), dirModes: new Map() };
  const rootStats = await lstatIfExists(root);
  if (!rootStats) return tree;
  if (!rootStats.isDirectory()) throw new Error(`output path ${root} exists and is not a directory`);
  tree.exists = true;
  await scanDirectory(root, '', isGenerated, tree);
  return tree;
}

/** The absolute, symlink-free location of outDir, so a swap replaces the real directory, not a link to it. */
export async function resolveOutDir(outDir: string): Promise<string> {
  const absolute = resolve(outDir);
  try {
    return await realpath(absolute);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return absolute;
    throw error;
  }
}

export function isForeign(entry: ExistingEntry): boolean {
  return entry.generatedBytes === undefined;
}

async function scanDirectory(
  root: string,
  relativeDir: string,
  isGenerated: IsGenerated,
  tree: ExistingTree,
): Promise<void> {
  const absoluteDir = join(root, relativeDir);
  tree.dirModes.set(relativeDir, (await lstat(absoluteDir)).mode & 0o7777);
  const dirents = await readdir(absoluteDir, { withFileTypes: true });
  if (dirents.length === 0 && relativeDir !== '') {
    tree.entries.set(relativeDir, { path: relativeDir, type: 'emptyDir' });
  }
  for (const dirent of dirents) {
    const path = relativeDir === '' ? dirent.name : `${relativeDir}/${dirent.name}`;
    if (dirent.isDirectory()) {
      await scanDirectory(root, path, isGenerated, tree);
    } else if (dirent.isFile()) {
      tree.entries.set(path, await classifyFile(join(root, path), path, isGenerated));
    } else {
      tree.entries.set(path, { path, type: dirent.isSymbolicLink() ? 'symlink' : 'special' });
    }
  }
}

async function classifyFile(absolutePath: string, path: string, isGenerated: IsGenerated): Promise<ExistingEntry> {
  const bytes = await readFile(absolutePath);
  const text = decodeText(bytes);
  const generated = text !== undefined && isGenerated(text, path);
  return generated ? { path, type: 'file', generatedBytes: bytes } : { path, type: 'file' };
}

/** Undefined for content that is not text: invalid UTF-8, or containing NUL bytes. */
function decodeText(bytes: Buffer): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

async function lstatIfExists(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
