import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Diagnostic } from '../model/types.js';
import type { PageResult } from '../read/types.js';
import { EntryStore, keepNewestSiblings } from './entryStore.js';
import { codeFingerprint } from './fingerprint.js';

/** The module every page is read through (in a worker or not); its code closure is the reader's version. */
const READER = new URL('../parallel/readPageText.js', import.meta.url);
/** Reader versions whose entries are kept: the current one and two before it (a branch switch back and forth). */
const GENERATIONS_KEPT = 3;

/** Each page's reading, by the page's bytes: the cache that makes a warm run skip the markdown parser. */
export class PageCache {
  private readonly fingerprint = codeFingerprint([READER]);
  private readonly store: EntryStore;
  private pruned = false;

  constructor(root: string, private readonly problems: Diagnostic[]) {
    this.store = new EntryStore(path.join(root, 'pages', this.fingerprint));
  }

  /**
   * A page's key: the reader's version, the page's path (a result names its page, in diagnostics
   * and sources) and its bytes. Content-addressed, so a page reverted to earlier bytes hits again
   * and an mtime alone never decides anything.
   */
  keyOf(file: string, bytes: Buffer): string {
    return createHash('sha256').update(`${this.fingerprint}\0${file}\0`).update(bytes).digest('hex');
  }

  /** The cached result; undefined when there is none or it is corrupt (then with a warning, and rewritten by the caller). */
  read(key: string, file: string): PageResult | undefined {
    const entry = this.store.read(key);
    if (entry.kind === 'missing') return undefined;
    if (entry.kind === 'hit') {
      const result = parsePageResult(entry.payload.toString('utf8'), file);
      if (result) return result;
    }
    const reason = entry.kind === 'corrupt' ? entry.reason : 'not a reading of this page';
    this.problems.push({
      file, line: 1, column: 1, severity: 'warning', ruleId: 'cache-entry-corrupt',
      reason: `The cached reading of this page is corrupt (${reason}: ${path.join(this.store.dir, key)}); the page was read again and the entry rewritten`,
    });
    return undefined;
  }

  write(key: string, json: string): void {
    if (!this.pruned) {
      keepNewestSiblings(this.store.dir, GENERATIONS_KEPT);
      this.pruned = true;
    }
    this.store.write(key, json);
  }
}

function parsePageResult(json: string, file: string): PageResult | undefined {
  try {
    const result = JSON.parse(json) as PageResult;
    return result?.file === file && Array.isArray(result.objects) && Array.isArray(result.enums) && Array.isArray(result.diagnostics) && Array.isArray(result.typeLinks) && Array.isArray(result.derivedTypes) ? result : undefined;
  } catch {
    return undefined;
  }
}
