/**
 * Output paths come from the emitters; these checks make sure none of them can land outside
 * the output directory or be read differently on another platform.
 */

import type { OutputFile } from './tree.js';

/** Throws an Error naming the first bad path; returns the set of (valid, distinct) paths. */
export function validateOutputPaths(files: readonly OutputFile[]): Set<string> {
  const paths = new Set<string>();
  for (const { path } of files) {
    const problem = pathProblem(path);
    if (problem) throw new Error(`invalid output path ${JSON.stringify(path)}: ${problem}`);
    if (paths.has(path)) throw new Error(`duplicate output path ${path}`);
    paths.add(path);
  }
  for (const path of paths) {
    const clash = ancestorsOf(path).find((dir) => paths.has(dir));
    if (clash !== undefined) {
      throw new Error(`output path ${clash} is both a file and the directory of ${path}`);
    }
  }
  return paths;
}

/** `a/b/c` → `['a', 'a/b']`. */
export function ancestorsOf(relativePath: string): string[] {
  const segments = relativePath.split('/');
  return segments.slice(0, -1).map((_, index) => segments.slice(0, index + 1).join('/'));
}

function pathProblem(path: unknown): string | undefined {
  if (typeof path !== 'string' || path === '') return 'it must be a non-empty string';
  if (path.includes('\0')) return 'it contains a NUL character';
  if (path.includes('\\')) return 'it contains a backslash (use / as the separator)';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'it must be relative';
  const segments = path.split('/');
  if (segments.includes('')) return 'it has an empty segment';
  if (segments.includes('.') || segments.includes('..')) return 'it has a . or .. segment';
  return undefined;
}
