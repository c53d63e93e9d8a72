import path from 'node:path';
import type { Diagnostic } from '../model/types.js';
import type { VersionOutput } from '../pipeline.js';
import { EntryStore, keepNewestSiblings, sha256 } from './entryStore.js';
import { codeFingerprint, filesIn } from './fingerprint.js';

/** The pipeline's code closure covers the model and the emitter; templates are read at run time. */
const GENERATOR = new URL('../pipeline.js', import.meta.url);
const TEMPLATES = new URL('../../../templates/', import.meta.url);
/**
 * Outputs are large (about 30 MB for beta), so only the current generator build keeps them, and
 * only its four most recently used: both versions of the docs, as they are and as they were.
 */
const GENERATIONS_KEPT = 1;
const OUTPUTS_KEPT = 4;

interface FileIndex {
  /** Each file's path and length in bytes, in the order of their contents after the header. */
  index: [string, number][];
}

/**
 * A whole version's output (model, diagnostics, JavaScript and declarations) by the bytes of all
 * its pages and the options: a run in which no page changed skips the model and the emitter,
 * which cost far more than reading the cached pages.
 */
export class OutputCache {
  private readonly fingerprint = codeFingerprint([GENERATOR], filesIn(TEMPLATES));
  private readonly store: EntryStore;

  constructor(root: string, private readonly problems: Diagnostic[]) {
    this.store = new EntryStore(path.join(root, 'outputs', this.fingerprint));
  }

  /** `inputs`: whatever the output depends on besides the generator's code (page keys, options), as JSON. */
  keyOf(inputs: unknown): string {
    return sha256(`${this.fingerprint}\0${JSON.stringify(inputs)}`);
  }

  read(key: string): VersionOutput | undefined {
    const entry = this.store.read(key);
    if (entry.kind === 'missing') return undefined;
    if (entry.kind === 'hit') {
      try {
        const output = decode(entry.payload);
        this.store.touch(key);
        return output;
      } catch {
        // Falls through to the warning: a checksum that matches a payload we cannot decode.
      }
    }
    const reason = entry.kind === 'corrupt' ? entry.reason : 'undecodable';
    this.problems.push({
      file: '.', line: 1, column: 1, severity: 'warning', ruleId: 'cache-entry-corrupt',
      reason: `The cached output of this version is corrupt (${reason}: ${path.join(this.store.dir, key)}); it was generated again and the entry rewritten`,
    });
    return undefined;
  }

  write(key: string, output: VersionOutput): void {
    keepNewestSiblings(this.store.dir, GENERATIONS_KEPT);
    if (this.store.write(key, encode(output))) this.store.keepNewest(OUTPUTS_KEPT);
  }
}

/**
 * A JSON header line (everything but the files' contents, and an index of those), then the
 * contents back to back: the bulk of an output is text, which JSON would escape and unescape.
 */
function encode(output: VersionOutput): Buffer {
  const { files, ...rest } = output;
  const contents = files.map((file) => Buffer.from(file.content));
  const header = { rest, files: { index: files.map((file, position) => [file.path, contents[position].length]) } satisfies FileIndex };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...contents]);
}

function decode(payload: Buffer): VersionOutput {
  const newline = payload.indexOf(0x0a);
  const header = JSON.parse(payload.toString('utf8', 0, newline)) as { rest: Omit<VersionOutput, 'files'>; files: FileIndex };
  let offset = newline + 1;
  const read = ({ index }: FileIndex) => index.map(([file, length]) => {
    const content = payload.toString('utf8', offset, offset + length);
    offset += length;
    return { path: file, content };
  });
  const files = read(header.files);
  if (offset !== payload.length) throw new Error('contents do not match the index');
  return { ...header.rest, files };
}
