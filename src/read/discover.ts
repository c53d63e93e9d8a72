import { readdir } from 'node:fs/promises';
import path from 'node:path';

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
}

const VERSION_FOLDERS = ['v1.0', 'beta'];

/**
 * A docs folder holds API versions as `v1.0/` and `beta/` folders (the embedded docs, a clone's
 * `api-reference/`); any other folder is one version of its own.
 */
export async function findVersions(docsDir: string, fallbackVersion: string): Promise<VersionInput[]> {
  const found: VersionInput[] = [];
  const visit = async (dir: string, depth: number): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const child = path.join(dir, entry.name);
      if (VERSION_FOLDERS.includes(entry.name)) found.push({ apiVersion: entry.name, dir: child, outSubdir: entry.name });
      else if (depth < 2) await visit(child, depth + 1);
    }
  };
  await visit(docsDir, 0);
  return found.length > 0 ? found : [{ apiVersion: fallbackVersion, dir: docsDir, outSubdir: '' }];
}

/** Every `*.md` file below a folder, sorted; links, hidden folders and node_modules are not followed. */
export async function listPages(dir: string): Promise<PageFile[]> {
  const pages: PageFile[] = [];
  const visit = async (current: string): Promise<void> => {
    const entries = await readdir(current, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const absolute = path.join(current, entry.name);
      if (entry.isDirectory()) await visit(absolute);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) {
        pages.push({ absolute, relative: path.relative(dir, absolute).split(path.sep).join('/') });
      }
    }
  };
  await visit(dir);
  return pages.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}
