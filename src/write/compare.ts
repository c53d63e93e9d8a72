/**
 * Check mode: compares the tree generate would write with what is on disk, writing nothing.
 */

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validateOutputPaths } from './paths.js';
import { isForeign, resolveOutDir, scanTree, type ExistingEntry } from './scan.js';
import type { IsGenerated, OutputFile } from './tree.js';
import { limitLines, unifiedDiff } from './unified-diff.js';

export { unifiedDiff } from './unified-diff.js';

/** Relative paths, each list sorted; diffs has a unified diff for every one of them. */
export interface TreeDifference {
  /** On disk with other content. */
  changed: string[];
  /** Not on disk. */
  missing: string[];
  /** Generated files on disk that would no longer be produced. */
  extra: string[];
  diffs: Map<string, string>;
}

const REPORT_DIFF_LINES = 40;

export async function compareTree(outDir: string, files: OutputFile[], isGenerated: IsGenerated): Promise<TreeDifference> {
  const outputPaths = validateOutputPaths(files);
  const root = await resolveOutDir(outDir);
  const existing = await scanTree(root, isGenerated);
  const difference: TreeDifference = { changed: [], missing: [], extra: [], diffs: new Map() };
  for (const file of files) {
    const entry = existing.entries.get(file.path);
    if (entry === undefined) {
      difference.missing.push(file.path);
      difference.diffs.set(file.path, unifiedDiff('', file.content, '/dev/null', `b/${file.path}`));
      continue;
    }
    const current = await currentBytes(root, entry);
    if (!current.equals(Buffer.from(file.content, 'utf8'))) {
      difference.changed.push(file.path);
      difference.diffs.set(file.path, unifiedDiff(current.toString('utf8'), file.content, `a/${file.path}`, `b/${file.path}`));
    }
  }
  for (const entry of existing.entries.values()) {
    if (isForeign(entry) || outputPaths.has(entry.path)) continue;
    difference.extra.push(entry.path);
    difference.diffs.set(entry.path, unifiedDiff(entry.generatedBytes?.toString('utf8') ?? '', '', `a/${entry.path}`, '/dev/null'));
  }
  difference.changed.sort();
  difference.missing.sort();
  difference.extra.sort();
  return difference;
}

/** What stands at an output path; a symlink, directory or special file counts as empty. */
async function currentBytes(root: string, entry: ExistingEntry): Promise<Buffer> {
  if (entry.generatedBytes !== undefined) return entry.generatedBytes;
  return entry.type === 'file' ? readFile(join(root, entry.path)) : Buffer.alloc(0);
}

/**
 * The report for check mode: per file a `changed|missing|extra: path` line and its diff cut at 40
 * lines, then how to fix it. '' when there is no difference.
 */
export function formatDifference(diff: TreeDifference, fixCommand: string): string {
  const sections = [
    ...diff.changed.map((path) => fileSection('changed', path, diff.diffs)),
    ...diff.missing.map((path) => fileSection('missing', path, diff.diffs)),
    ...diff.extra.map((path) => fileSection('extra', path, diff.diffs)),
  ];
  if (sections.length === 0) return '';
  return [...sections, `run \`${fixCommand}\` to update`].join('\n\n');
}

function fileSection(kind: 'changed' | 'missing' | 'extra', path: string, diffs: Map<string, string>): string {
  const diffText = diffs.get(path) ?? '';
  const diffLines = diffText === '' ? [] : limitLines(diffText.split('\n'), REPORT_DIFF_LINES);
  return [`${kind}: ${path}`, ...diffLines].join('\n');
}
