import { readdir, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import path from 'node:path';
import type { PageResult } from './types.js';
import { compareText } from '../compareText.js';

export interface VersionInput {
  apiVersion: string;
  /** The folder whose pages make up this version. */
  dir: string;
  /** Where this version's output goes, relative to the output root ('' for a single version). */
  outSubdir: string;
}

export interface PageFile {
  absolute: string;
  /** Relative to the version folder, posix separators: how diagnostics and JSDoc name the page. */
  relative: string;
  /** Why the entry, named like a page, cannot be read as one: a folder, a link, a FIFO. */
  unreadable?: string;
}

export const VERSION_FOLDERS = ['v1.0', 'beta'];

/**
 * A docs folder holds API versions as `v1.0/` and `beta/` folders (the embedded docs, a clone's
 * `api-reference/`); any other folder is one version of its own.
 */
export async function findVersions(docsDir: string, fallbackVersion: string): Promise<VersionInput[]> {
  const found: VersionInput[] = [];
  const visit = async (dir: string, depth: number): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => compareText(a.name, b.name))) {
      if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const child = path.join(dir, entry.name);
      if (VERSION_FOLDERS.includes(entry.name)) found.push({ apiVersion: entry.name, dir: child, outSubdir: entry.name });
      else if (depth < 2) await visit(child, depth + 1);
    }
  };
  await visit(docsDir, 0);
  return found.length > 0 ? found : [{ apiVersion: fallbackVersion, dir: docsDir, outSubdir: '' }];
}

/**
 * Every `*.md` file below a folder, sorted; links, hidden folders and node_modules are not
 * followed. Entries named `*.md` that are no regular file (a folder, a symbolic link, a FIFO)
 * and folders that cannot be listed come with the reason they are not read, so the run names
 * them; none of them is ever opened.
 */
export async function listPages(dir: string): Promise<PageFile[]> {
  const pages: PageFile[] = [];
  const relative = (absolute: string) => path.relative(dir, absolute).split(path.sep).join('/');
  const visit = async (current: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch (error) {
      if (current === dir) throw error;
      pages.push({ absolute: current, relative: relative(current), unreadable: `Folder cannot be listed: ${systemReason(error)}` });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const absolute = path.join(current, entry.name);
      const namedLikePage = entry.name.toLowerCase().endsWith('.md');
      if (entry.isDirectory()) {
        if (namedLikePage) pages.push({ absolute, relative: relative(absolute), unreadable: 'Not a page: a folder named like one' });
        await visit(absolute);
      } else if (namedLikePage) {
        const unreadable = entry.isFile() ? undefined : await whyNotAFile(entry, absolute);
        pages.push({ absolute, relative: relative(absolute), ...(unreadable ? { unreadable } : {}) });
      }
    }
  };
  await visit(dir);
  return pages.sort((a, b) => compareText(a.relative, b.relative));
}

async function whyNotAFile(entry: Dirent, absolute: string): Promise<string> {
  if (!entry.isSymbolicLink()) return `Not a page: ${entry.isFIFO() ? 'a FIFO' : entry.isSocket() ? 'a socket' : 'a device or special file'}, not a regular file`;
  const target = await stat(absolute).then((info) => (info.isDirectory() ? 'a folder' : 'a file'), (error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ELOOP' ? 'itself, in a loop' : code === 'ENOENT' ? 'a missing file' : `something unreadable (${systemReason(error)})`;
  });
  return `Not read: a symbolic link to ${target} (links are not followed)`;
}

/** `EACCES: permission denied, open '/x'` → `permission denied (EACCES)`: the page names itself. */
export function systemReason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const reason = message?.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '') ?? String(error);
  return code ? `${reason} (${code})` : reason;
}

/** The result of a page that could not be read: only the message that says why. */
export function unreadablePage(file: string, reason: string): PageResult {
  return {
    file, docType: 'other', objects: [], enums: [], typeLinks: [], derivedTypes: [],
    diagnostics: [{ file, line: 1, column: 1, severity: 'warning', ruleId: 'unreadable-file', reason }],
  };
}
