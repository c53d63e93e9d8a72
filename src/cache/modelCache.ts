import path from 'node:path';
import type { Diagnostic } from '../model/types.js';
import type { VersionModel } from '../pipeline.js';
import { EntryStore, keepNewestSiblings, sha256 } from './entryStore.js';
import { codeFingerprint } from './fingerprint.js';

/** The model builder and the namespace selection: the code a cached model depends on besides the reader's. */
const MODEL_BUILDER = [new URL('../model/build.js', import.meta.url), new URL('../model/select.js', import.meta.url)];
const GENERATIONS_KEPT = 1;
/** Both versions on both sides of a diff, and the same again as they were. */
const MODELS_KEPT = 8;

/**
 * A version's model by the bytes of all its pages: what `diff` reads, so that comparing two docs
 * folders costs about what two warm generates do.
 */
export class ModelCache {
  private readonly fingerprint = codeFingerprint(MODEL_BUILDER);
  private readonly store: EntryStore;

  constructor(root: string, private readonly problems: Diagnostic[]) {
    this.store = new EntryStore(path.join(root, 'models', this.fingerprint));
  }

  /** `inputs`: the page keys (which hold the reader's version) and the options, as JSON. */
  keyOf(inputs: unknown): string {
    return sha256(`${this.fingerprint}\0${JSON.stringify(inputs)}`);
  }

  read(key: string): VersionModel | undefined {
    const entry = this.store.read(key);
    if (entry.kind === 'missing') return undefined;
    if (entry.kind === 'hit') {
      try {
        const model = JSON.parse(entry.payload.toString('utf8')) as VersionModel;
        this.store.touch(key);
        return model;
      } catch {
        // Falls through to the warning.
      }
    }
    this.problems.push({
      file: '.', line: 1, column: 1, severity: 'warning', ruleId: 'cache-entry-corrupt',
      reason: `The cached model of this version is corrupt (${entry.kind === 'corrupt' ? entry.reason : 'undecodable'}: ${path.join(this.store.dir, key)}); it was built again and the entry rewritten`,
    });
    return undefined;
  }

  write(key: string, model: VersionModel): void {
    keepNewestSiblings(this.store.dir, GENERATIONS_KEPT);
    if (this.store.write(key, Buffer.from(JSON.stringify(model)))) this.store.keepNewest(MODELS_KEPT);
  }
}
