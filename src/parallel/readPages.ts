import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { PageCache } from '../cache/pageCache.js';
import { listPages, systemReason, unreadablePage } from '../read/discover.js';
import type { PageResult } from '../read/types.js';
import { WorkerPool } from './workerPool.js';

/** A page's path relative to its version folder, its bytes as on disk and, with a cache, its key there. */
export interface PageBytes {
  file: string;
  bytes: Buffer;
  key?: string;
  /** Why the page could not be read; its bytes are then empty. */
  unreadable?: string;
}

export interface ReadPagesOptions {
  /** Threads that parse; default the core count. One parses in this thread. */
  jobs?: number;
  cache?: PageCache;
  /** Told each time a page is ready (from the cache or parsed), with how many of all are. */
  onPageRead?: (done: number, total: number) => void;
  /** Threads to parse on, kept open by the caller for later work; else threads are started and stopped here. */
  pool?: WorkerPool;
}

/** Below this many pages to parse, starting threads (each loads the parser afresh) costs more than it saves. */
const MIN_PAGES_FOR_THREADS = 50;

/**
 * Every page of a version folder, in path order, keyed for `cache`. Read synchronously: for
 * thousands of small files one blocking read each is several times cheaper than a promise each.
 */
export async function loadPages(dir: string, cache?: PageCache): Promise<PageBytes[]> {
  return (await listPages(dir)).map((page) => {
    const file = page.relative;
    const read = page.unreadable === undefined ? readRegularFile(page.absolute) : { unreadable: page.unreadable };
    if ('unreadable' in read) return { file, bytes: Buffer.alloc(0), unreadable: read.unreadable, ...(cache ? { key: `unreadable ${read.unreadable}` } : {}) };
    return cache ? { file, bytes: read.bytes, key: cache.keyOf(file, read.bytes) } : { file, bytes: read.bytes };
  });
}

/**
 * A file's bytes, or why they cannot be had. Opened without blocking and without following a
 * link, then checked to be a regular file: a page replaced by a FIFO or a link after it was
 * listed is reported, never waited on.
 */
function readRegularFile(absolute: string): { bytes: Buffer } | { unreadable: string } {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
    if (!fstatSync(descriptor).isFile()) return { unreadable: 'Not a page: no longer a regular file' };
    return { bytes: readFileSync(descriptor) };
  } catch (error) {
    return { unreadable: `Page cannot be read: ${systemReason(error)}` };
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/**
 * Each page's result, in the order of `pages`: from the cache when it holds the page's bytes,
 * else parsed (on worker threads when there are many) and then cached.
 */
export async function readPageBytes(pages: PageBytes[], options: ReadPagesOptions = {}): Promise<PageResult[]> {
  const { cache } = options;
  const keys = cache ? pages.map((page) => page.key ?? cache.keyOf(page.file, page.bytes)) : [];
  const results = pages.map((page, index) => (page.unreadable !== undefined ? unreadablePage(page.file, page.unreadable) : cache?.read(keys[index], page.file)));
  const missing = results.flatMap((result, index) => (result ? [] : [index]));
  const texts = missing.map((index) => ({ file: pages[index].file, text: pages[index].bytes.toString('utf8') }));
  let done = pages.length - missing.length;
  options.onPageRead?.(done, pages.length);
  const keep = (position: number, json: string): void => {
    const index = missing[position];
    cache?.write(keys[index], json);
    results[index] = JSON.parse(json) as PageResult;
    options.onPageRead?.(++done, pages.length);
  };
  const threads = options.pool?.threads ?? options.jobs ?? availableParallelism();
  if (threads > 1 && texts.length >= MIN_PAGES_FOR_THREADS) {
    const pool = options.pool ?? new WorkerPool(threads);
    try {
      await pool.read(texts, keep);
    } finally {
      if (!options.pool) await pool.close();
    }
  } else if (texts.length > 0) {
    // Loaded only when a page needs parsing: a warm run never pays for loading remark.
    const { readPageAsJson } = await import('./readPageText.js');
    texts.forEach((page, position) => keep(position, readPageAsJson(page.file, page.text)));
  }
  return results as PageResult[];
}
