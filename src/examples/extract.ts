import type { HttpMethod } from '../model/types.js';
import { parseAnnotation } from '../read/annotation.js';
import { readRequestUrl } from '../read/httpRequest.js';

/** The block types whose code blocks are HTTP messages with a JSON body. */
export type ExampleKind = 'request' | 'response';

/** One JSON body an api page marks as an example of a documented type. */
export interface Example {
  /** The page, as the caller names it (relative to the api folder, posix separators). */
  file: string;
  /** 1-based line in the page of the body's first line. */
  line: number;
  kind: ExampleKind;
  /** As the annotation spells it, `#` and `Collection(...)` removed. */
  odataType: string;
  /** The body holds the items in `value` (or is a bare array). */
  isCollection: boolean;
  /** The page says the example leaves things out. */
  truncated: boolean;
  /** The body text, HTTP start line and headers removed. */
  body: string;
}

/** The JSON body an example request (blockType "request") sends, typed or not: checked against its operation. */
export interface RequestExample {
  file: string;
  /** 1-based line in the page of the body's first line. */
  line: number;
  method: BodyMethod;
  /** The URL as the request line writes it, host and version included. */
  url: string;
  truncated: boolean;
  body: string;
}

/** The methods whose request carries a body the operation types. */
export type BodyMethod = Extract<HttpMethod, 'POST' | 'PUT' | 'PATCH'>;
const BODY_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH']);

/** A typed annotation whose block holds no JSON to check, and why. */
export interface SkippedBlock {
  file: string;
  line: number;
  odataType: string;
  /** `no body` (`204 No Content`, or no code block after the annotation) or `content type text/csv`. */
  reason: string;
}

/** What a page yields: its typed examples, the typed blocks that hold no JSON body, and the request bodies. */
export interface PageExamples {
  examples: Example[];
  skipped: SkippedBlock[];
  requests: RequestExample[];
}

const FENCE_OPEN = /^(\s*)(`{3,}|~{3,})(.*)$/;
const HTTP_STATUS_LINE = /^HTTP(?:\/\d(?:\.\d)?)?\s+\d{3}\b/i;
const HTTP_REQUEST_LINE = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+\S/i;
const HTTP_HEADER_LINE = /^[A-Za-z][\w-]*\s*:/;
const CONTENT_TYPE_HEADER = /^content-type\s*:\s*([^\s;]+)/i;
/** `application/json`, `text/json`, `application/problem+json`: a declared type that is JSON. */
const JSON_MEDIA_TYPE = /^[\w.-]+\/(?:[\w.-]+\+)?json$/i;
/** `Collection(microsoft.graph.user)`: the annotation's other way to say isCollection. */
const COLLECTION_OF = /^Collection\((.+)\)$/i;

/**
 * Finds the examples of one api page with a line scanner rather than a markdown parser: the
 * only structure that matters is "annotation comment, then the next fenced block", and a scanner
 * keeps exact line numbers while skipping thousands of pages quickly.
 */
export function extractExamples(file: string, text: string): PageExamples {
  const lines = text.split(/\r?\n/);
  const result: PageExamples = { examples: [], skipped: [], requests: [] };
  let index = 0;
  while (index < lines.length) {
    const fence = FENCE_OPEN.exec(lines[index]);
    if (fence) {
      // A fenced block with no annotation before it: skip it whole, so comments inside code are not read.
      index = fenceEnd(lines, index, fence) + 1;
      continue;
    }
    if (!lines[index].includes('<!--')) {
      index++;
      continue;
    }
    const commentEnd = findCommentEnd(lines, index);
    const comment = lines.slice(index, commentEnd + 1).join('\n');
    const commentStart = comment.indexOf('<!--');
    const annotation = parseAnnotation(comment.slice(commentStart, comment.indexOf('-->', commentStart) + 3));
    index = commentEnd + 1;
    const kind = annotation?.blockType;
    if (!annotation || (kind !== 'request' && kind !== 'response')) continue;
    // Every request block is read for its body; only typed blocks are examples of a type.
    if (!annotation.odataType && kind !== 'request') continue;
    const blockStart = nextFence(lines, index);
    if (blockStart === undefined) {
      if (annotation.odataType) result.skipped.push({ file, line: commentEnd + 1, odataType: odataTypeOf(annotation.odataType).name, reason: 'no body' });
      continue;
    }
    let block = readBlock(lines, blockStart);
    index = block.end + 1;
    const request = kind === 'request' ? readRequestUrl(block.firstLine) : undefined;
    if (!block.body && block.httpOnly) {
      // Some pages put the status line in one block and the JSON in a ```json block right after.
      const jsonStart = nextFence(lines, index);
      if (jsonStart !== undefined && /^json\b/i.test(FENCE_OPEN.exec(lines[jsonStart])![3].trim())) {
        block = readBlock(lines, jsonStart);
        index = block.end + 1;
      }
    }
    if (request && BODY_METHODS.has(request.method) && block.body && (!block.contentType || JSON_MEDIA_TYPE.test(block.contentType))) {
      result.requests.push({ file, line: block.start + 2 + block.body.offset, method: request.method as BodyMethod, url: request.url, truncated: annotation.truncated, body: block.body.text });
    }
    if (!annotation.odataType) continue;
    const { name: odataType, collection } = odataTypeOf(annotation.odataType);
    const isCollection = annotation.isCollection || collection;
    if (!block.body) {
      result.skipped.push({ file, line: block.start + 1, odataType, reason: 'no body' });
      continue;
    }
    if (block.contentType && !JSON_MEDIA_TYPE.test(block.contentType)) {
      // The page itself says the body is a CSV report, MIME text or bytes: not an example of JSON.
      result.skipped.push({ file, line: block.start + 2 + block.body.offset, odataType, reason: `content type ${block.contentType.toLowerCase()}` });
      continue;
    }
    result.examples.push({
      file, line: block.start + 2 + block.body.offset, kind, odataType, isCollection, truncated: annotation.truncated, body: block.body.text,
    });
  }
  return result;
}

/** The annotation's type without `Collection(...)` and `#`, and whether `Collection(...)` said it is a list. */
function odataTypeOf(written: string): { name: string; collection: boolean } {
  const typeName = COLLECTION_OF.exec(written);
  return typeName ? { name: typeName[1].replace(/^#/, '').trim(), collection: true } : { name: written, collection: false };
}

/** The line holding `-->`; a comment left open runs to the end of the page. */
function findCommentEnd(lines: string[], start: number): number {
  const opening = lines[start].indexOf('<!--');
  if (lines[start].indexOf('-->', opening + 4) >= 0) return start;
  for (let index = start + 1; index < lines.length; index++) if (lines[index].includes('-->')) return index;
  return lines.length - 1;
}

/**
 * The code block an annotation describes: the next fence, past blank lines only. Anything else
 * first (prose, a heading, another comment) means the annotation describes no block.
 */
function nextFence(lines: string[], start: number): number | undefined {
  for (let index = start; index < lines.length; index++) {
    if (FENCE_OPEN.test(lines[index])) return index;
    if (lines[index].trim() !== '') return undefined;
  }
  return undefined;
}

/** The closing line of a fenced block: same character, at least as long; or the page's end. */
function fenceEnd(lines: string[], start: number, opening: RegExpExecArray): number {
  const marker = opening[2];
  const closing = new RegExp(`^\\s*${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
  for (let index = start + 1; index < lines.length; index++) if (closing.test(lines[index])) return index;
  return lines.length;
}

interface Block {
  /** 0-based lines of the opening and closing fences. */
  start: number;
  end: number;
  body?: { text: string; offset: number };
  /** The block holds an HTTP start line and headers, nothing more. */
  httpOnly: boolean;
  /** The media type its Content-Type header declares. */
  contentType?: string;
  /** Its first line that is not blank, trimmed: an HTTP start line, or the body's. */
  firstLine: string;
}

function readBlock(lines: string[], start: number): Block {
  const fence = FENCE_OPEN.exec(lines[start])!;
  const end = fenceEnd(lines, start, fence);
  const content = lines.slice(start + 1, end).map((line) => stripIndent(line, fence[1].length));
  const body = bodyOf(content);
  const first = content.find((line) => line.trim() !== '')?.trim() ?? '';
  const isHttp = HTTP_STATUS_LINE.test(first) || HTTP_REQUEST_LINE.test(first);
  const headers = isHttp ? content.slice(0, body?.offset ?? content.length) : [];
  const contentType = headers.map((line) => CONTENT_TYPE_HEADER.exec(line.trim())?.[1]).find(Boolean);
  return { start, end, body, httpOnly: !body && isHttp, firstLine: first, ...(contentType ? { contentType } : {}) };
}

function stripIndent(line: string, indent: number): string {
  let cut = 0;
  while (cut < indent && (line[cut] === ' ' || line[cut] === '\t')) cut++;
  return line.slice(cut);
}

/**
 * The body of an HTTP message, or the whole block when it holds no start line. Headers end at
 * the first blank line, or at the first line that is not a header (pages often omit the blank
 * line before the JSON). `offset` is the body's first line within the block.
 */
function bodyOf(content: string[]): { text: string; offset: number } | undefined {
  let start = content.findIndex((line) => line.trim() !== '');
  if (start < 0) return undefined;
  const first = content[start].trim();
  if (HTTP_STATUS_LINE.test(first) || HTTP_REQUEST_LINE.test(first)) {
    start++;
    while (start < content.length && HTTP_HEADER_LINE.test(content[start].trim())) start++;
  }
  while (start < content.length && content[start].trim() === '') start++;
  let end = content.length;
  while (end > start && content[end - 1].trim() === '') end--;
  if (start >= end) return undefined;
  return { text: content.slice(start, end).join('\n'), offset: start };
}
