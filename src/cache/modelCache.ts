import type { Diagnostic } from '../model/types.js';
import type { VersionModel } from '../pipeline.js';
import { codeFingerprint } from './fingerprint.js';
import { VersionEntries } from './versionEntries.js';

/** The model builder and the namespace selection: the code a cached model depends on besides the reader's. */
const MODEL_BUILDER = [new URL('../model/build.js', import.meta.url), new URL('../model/select.js', import.meta.url)];

/**
 * A version's model by the bytes of all its pages: what `diff` reads, so that comparing two docs
 * folders costs about what two warm generates do.
 */
export class ModelCache extends VersionEntries<VersionModel> {
  constructor(root: string, problems: Diagnostic[]) {
    super(root, {
      folder: 'models',
      fingerprint: codeFingerprint(MODEL_BUILDER),
      // Both versions on both sides of a diff, and the same again as they were.
      kept: 8,
      encode: (model) => Buffer.from(JSON.stringify(model)),
      decode: (payload) => JSON.parse(payload.toString('utf8')) as VersionModel,
      corrupt: (detail) => `The cached model of this version is corrupt (${detail}); it was built again and the entry rewritten`,
    }, problems);
  }
}
