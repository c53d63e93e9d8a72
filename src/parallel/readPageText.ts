import { readPage } from '../read/readPage.js';
import { blankUnreadSections } from './unreadSections.js';

/**
 * How every page is read, in a worker thread or not: the reader's result in its JSON form. The
 * JSON is what the cache stores and what crosses from a worker (one string clones faster than an
 * object graph), and every caller parses it back, so a result never depends on the path it took
 * (a fresh read and a cache hit agree even on properties whose value is `undefined`).
 *
 * The compiled code of this module and of everything it imports is the reader's version in the
 * page cache's keys (src/cache/fingerprint.ts).
 */
export function readPageAsJson(file: string, text: string): string {
  return JSON.stringify(readPage(file, blankUnreadSections(text)));
}
