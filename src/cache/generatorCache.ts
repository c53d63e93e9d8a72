import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../model/types.js';
import { ModelCache } from './modelCache.js';
import { OutputCache } from './outputCache.js';
import { PageCache } from './pageCache.js';
import { TypeCache } from './typeCache.js';

const CACHE_SUBDIR = path.join('node_modules', '.cache', 'graph-docs-typegen');

/** The caches of a run, and the problems found in them (warnings about the cache, not the docs). */
export class GeneratorCache {
  readonly problems: Diagnostic[] = [];
  readonly pages: PageCache;
  readonly outputs: OutputCache;
  readonly types: TypeCache;
  readonly models: ModelCache;

  constructor(dir: string) {
    this.pages = new PageCache(dir, this.problems);
    this.models = new ModelCache(dir, this.problems);
    this.outputs = new OutputCache(dir, this.problems);
    this.types = new TypeCache(dir, this.problems);
  }
}

/** The cache in `dir`, the default one when undefined (if there is one), none when false. */
export function openCache(dir: string | false | undefined): GeneratorCache | undefined {
  const chosen = dir === undefined ? defaultCacheDir(process.cwd()) : dir;
  return chosen === false || chosen === undefined ? undefined : new GeneratorCache(path.resolve(chosen));
}

/**
 * node_modules/.cache/graph-docs-typegen of the package the folder is in (the nearest folder up
 * with a package.json), where babel-loader, ava and nyc keep theirs; none outside a package, so
 * that a run never leaves a node_modules folder in a folder that is not a project.
 */
export function defaultCacheDir(from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, CACHE_SUBDIR);
    if (path.dirname(dir) === dir) return undefined;
  }
}
