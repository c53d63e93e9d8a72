import type { Diagnostic } from '../model/types.js';
import type { VersionOutput } from '../pipeline.js';
import { codeFingerprint, filesIn } from './fingerprint.js';
import { VersionEntries } from './versionEntries.js';

/** The pipeline's code closure covers the model and the emitter; templates are read at run time. */
const GENERATOR = new URL('../pipeline.js', import.meta.url);
const TEMPLATES = new URL('../../../templates/', import.meta.url);

interface FileIndex {
  /** Each file's path and length in bytes, in the order of their contents after the header. */
  index: [string, number][];
}

/**
 * A whole version's output (model, diagnostics, JavaScript and declarations) by the bytes of all
 * its pages and the options: a run in which no page changed skips the model and the emitter,
 * which cost far more than reading the cached pages.
 */
export class OutputCache extends VersionEntries<VersionOutput> {
  constructor(root: string, problems: Diagnostic[]) {
    super(root, {
      folder: 'outputs',
      fingerprint: codeFingerprint([GENERATOR], filesIn(TEMPLATES)),
      // Outputs are large (about 30 MB for beta): both versions of the docs, as they are and as they were.
      kept: 4,
      encode,
      decode,
      corrupt: (detail) => `The cached output of this version is corrupt (${detail}); it was generated again and the entry rewritten`,
    }, problems);
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
