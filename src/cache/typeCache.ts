import type { EmittedType, SharePart } from '../emit/emittedType.js';
import type { Diagnostic } from '../model/types.js';
import { codeFingerprint } from './fingerprint.js';
import { VersionEntries } from './versionEntries.js';

/** The emitter's code closure: what a type's printed text depends on besides its key. */
const EMITTER = new URL('../emit/files.js', import.meta.url);

/**
 * Each type's emitted text from the last run on a version folder, by type key (src/emit/emittedType.ts):
 * after a page edit only the types whose key changed are printed again. One entry per version
 * folder and options, replaced after each run that printed anything; a stale share is never
 * wrong, because its key names everything its text depends on.
 */
export class TypeCache extends VersionEntries<ReadonlyMap<string, EmittedType>> {
  constructor(root: string, problems: Diagnostic[]) {
    super(root, {
      folder: 'types',
      fingerprint: codeFingerprint([EMITTER]),
      // One set per version folder and options: both versions of a project, and a second project or option set.
      kept: 4,
      encode,
      decode,
      corrupt: (detail) => `The cached type texts of this version are corrupt (${detail}); every type was printed again and the entry rewritten`,
    }, problems);
  }
}

type IndexRow = [key: string, imports: EmittedType['imports'], parts: [part: SharePart, bytes: number][]];

/** A JSON index line, then every text back to back: JSON would escape and unescape megabytes of code. */
function encode(emitted: ReadonlyMap<string, EmittedType>): Buffer {
  const index: IndexRow[] = [];
  const contents: Buffer[] = [];
  for (const [key, share] of emitted) {
    const parts: IndexRow[2] = [];
    for (const [part, text] of Object.entries(share.texts) as [SharePart, string][]) {
      const bytes = Buffer.from(text);
      parts.push([part, bytes.length]);
      contents.push(bytes);
    }
    index.push([key, share.imports, parts]);
  }
  return Buffer.concat([Buffer.from(`${JSON.stringify(index)}\n`), ...contents]);
}

function decode(payload: Buffer): Map<string, EmittedType> {
  const newline = payload.indexOf(0x0a);
  const index = JSON.parse(payload.toString('utf8', 0, newline)) as IndexRow[];
  let offset = newline + 1;
  const text = (length: number): string => {
    const value = payload.toString('utf8', offset, offset + length);
    offset += length;
    return value;
  };
  const emitted = new Map<string, EmittedType>();
  for (const [key, imports, parts] of index) {
    emitted.set(key, { imports, texts: Object.fromEntries(parts.map(([part, bytes]) => [part, text(bytes)])) });
  }
  if (offset !== payload.length) throw new Error('contents do not match the index');
  return emitted;
}
