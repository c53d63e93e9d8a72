import path from 'node:path';
import type { Diagnostic } from '../model/types.js';
import { EntryStore, keepNewestSiblings, sha256 } from './entryStore.js';

/** How one kind of whole-version entry (an output, a model, a version's type texts) is kept. */
export interface VersionEntryKind<T> {
  /** The cache's subfolder, and the fingerprint of the code the entries depend on. */
  folder: string;
  fingerprint: string;
  /** Entries kept, most recently used first; only the current code's entries are kept. */
  kept: number;
  encode(value: T): Buffer;
  decode(payload: Buffer): T;
  /** The warning for a corrupt entry, given what is wrong with it and where it is. */
  corrupt(detail: string): string;
}

/**
 * Whole-version entries by a key of everything they depend on besides the code: read back
 * decoded, a corrupt or undecodable one reported as a warning and treated as missing.
 */
export class VersionEntries<T> {
  private readonly store: EntryStore;

  constructor(root: string, private readonly kind: VersionEntryKind<T>, private readonly problems: Diagnostic[]) {
    this.store = new EntryStore(path.join(root, kind.folder, kind.fingerprint));
  }

  /** `inputs`: whatever the entry depends on besides the code (page keys, options), as JSON. */
  keyOf(inputs: unknown): string {
    return sha256(`${this.kind.fingerprint}\0${JSON.stringify(inputs)}`);
  }

  read(key: string): T | undefined {
    const entry = this.store.read(key);
    if (entry.kind === 'missing') return undefined;
    if (entry.kind === 'hit') {
      try {
        const value = this.kind.decode(entry.payload);
        this.store.touch(key);
        return value;
      } catch {
        // Falls through to the warning: a checksum that matches a payload we cannot decode.
      }
    }
    const reason = entry.kind === 'corrupt' ? entry.reason : 'undecodable';
    this.problems.push({
      file: '.', line: 1, column: 1, severity: 'warning', ruleId: 'cache-entry-corrupt',
      reason: this.kind.corrupt(`${reason}: ${path.join(this.store.dir, key)}`),
    });
    return undefined;
  }

  write(key: string, value: T): void {
    keepNewestSiblings(this.store.dir, 1);
    if (this.store.write(key, this.kind.encode(value))) this.store.keepNewest(this.kind.kept);
  }
}
