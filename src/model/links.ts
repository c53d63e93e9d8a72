import path from 'node:path';
import type { PageResult } from '../read/types.js';
import type { Diagnostic } from './types.js';

/**
 * Links that name types (Type cells, "Inherits from" sentences) whose target is a `.md` page of
 * the docs folder that does not exist. Targets are resolved against the page list only, never
 * the file system. Links that leave the folder cannot be checked and are left alone, except
 * `../<folder>/x.md`, which comes back in: `folderName` is the docs folder's own name.
 * Pages are matched without regard to case, as the published docs resolve them.
 */
export function brokenTypeLinks(pages: PageResult[], folderName?: string): Diagnostic[] {
  const known = new Set(pages.map((page) => page.file.toLowerCase()));
  const diagnostics: Diagnostic[] = [];
  for (const page of pages) {
    for (const link of page.typeLinks) {
      const file = pageFileOf(link.target, page.file, folderName);
      if (file === undefined || known.has(file.toLowerCase())) continue;
      diagnostics.push({
        ...link.place, severity: 'warning', ruleId: 'broken-link',
        reason: `Link to ${JSON.stringify(link.target.slice(0, 200))} names no page of the docs folder`,
      });
    }
  }
  return diagnostics;
}

/** The docs-folder-relative page a link points at; undefined for links that are not to a `.md` page inside the folder. */
export function pageFileOf(target: string, fromFile: string, folderName: string | undefined): string | undefined {
  const bare = target.replace(/[?#].*$/, '');
  if (!/\.md$/i.test(bare) || /^[a-z][a-z0-9+.-]*:|^[\\/]/i.test(bare)) return undefined;
  let resolved = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), safeDecode(bare)));
  if (folderName && resolved.startsWith(`../${folderName}/`)) resolved = resolved.slice(folderName.length + 4);
  return resolved.startsWith('../') ? undefined : resolved;
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}
