import type { Emphasis, Html, InlineCode, Link, PhrasingContent, Strong, Text } from 'mdast';
import type { Point } from 'unist';

/**
 * The inline content of a table cell in the shapes the Graph pages use most, built without the
 * parser: text, code spans, inline links whose label is text and whose destination is a plain
 * URL, `*emphasis*` and `**strong**` around text, and `<br>`. Anything else that could mean
 * something (escapes, character references, other HTML, autolinks, images, reference links,
 * underscores that may be emphasis, nesting) makes it give up (undefined), and the cell goes to
 * the parser (src/read/cellMicromark.ts). The nodes are those mdast-util-from-markdown builds for
 * the cell inside a table, where `\|` in a code span stands for `|`; test/read/markdown.test.ts
 * holds both to the same trees.
 */

/** Where a cell's content is: the page text, the range, and the line the range is on. */
export interface CellContent {
  text: string;
  start: number;
  end: number;
  line: number;
  lineStart: number;
}

const TAB = 9;
const SPACE = 32;
const EXCLAMATION = 33;
const NUMBER_SIGN = 35;
const AMPERSAND = 38;
const PAREN_OPEN = 40;
const PAREN_CLOSE = 41;
const ASTERISK = 42;
const SEMICOLON = 59;
const LESS_THAN = 60;
const BRACKET_OPEN = 91;
const BACKSLASH = 92;
const BRACKET_CLOSE = 93;
const UNDERSCORE = 95;
const BACKTICK = 96;
const LINE_BREAK_TAG = /<[Bb][Rr][ \t]*\/?>/y;

/** `! & * < [ \ ] _` by character code: the characters below the backtick (96) that may mean something inline. */
const INLINE_SYNTAX = new Uint8Array(96);
for (const character of '!&*<[\\]_') INLINE_SYNTAX[character.charCodeAt(0)] = 1;

/** Whether the cell holds characters that can mean something inline; without them it is one text node. */
export function hasInlineSyntax(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code < BACKTICK ? INLINE_SYNTAX[code] === 1 : code === BACKTICK) return true;
  }
  return false;
}

/** A node and where it ends. */
interface Found<T> { node: T; end: number }

/** The cell's nodes, or undefined when it holds more than the simple shapes. */
export function simpleCellContent(cell: CellContent): PhrasingContent[] | undefined {
  const { text, end } = cell;
  const nodes: PhrasingContent[] = [];
  let textStart = cell.start;
  let index = cell.start;
  let backticks: BacktickRuns | undefined;
  while (index < end) {
    const code = text.charCodeAt(index);
    let found: Found<PhrasingContent> | undefined;
    if (code === BACKTICK) {
      backticks ??= new BacktickRuns(text, index, end);
      const size = runLength(text, index, end, BACKTICK);
      const close = backticks.next(size, index + size);
      // Backticks that open no code span are text.
      if (close < 0) {
        index += size;
        continue;
      }
      found = { node: inlineCode(cell, index, close + size, text.slice(index + size, close)), end: close + size };
    } else if (code === BRACKET_OPEN) {
      found = plainLink(cell, index);
    } else if (code === ASTERISK) {
      found = plainEmphasis(cell, index);
    } else if (code === LESS_THAN) {
      if (index + 1 === end || isSpaceOrTab(text.charCodeAt(index + 1))) {
        index++;
        continue;
      }
      found = lineBreakTag(cell, index);
    } else if (code === UNDERSCORE) {
      // Between letters or digits, a run of underscores neither opens nor closes emphasis.
      const size = runLength(text, index, end, UNDERSCORE);
      if (index === cell.start || !isAsciiAlphanumeric(text.charCodeAt(index - 1))) return undefined;
      if (index + size >= end || !isAsciiAlphanumeric(text.charCodeAt(index + size))) return undefined;
      index += size;
      continue;
    } else if (code === EXCLAMATION) {
      if (index + 1 < end && text.charCodeAt(index + 1) === BRACKET_OPEN) return undefined;
      index++;
      continue;
    } else if (code === AMPERSAND) {
      if (mayReferToCharacter(text, index, end)) return undefined;
      index++;
      continue;
    } else if (code === BACKSLASH || code === BRACKET_CLOSE) {
      return undefined;
    } else {
      index++;
      continue;
    }
    if (!found) return undefined;
    if (textStart < index) nodes.push(textNode(cell, textStart, index));
    nodes.push(found.node);
    index = found.end;
    textStart = index;
  }
  if (textStart < end) nodes.push(textNode(cell, textStart, end));
  return nodes;
}

export function textNode(cell: CellContent, start: number, end: number): Text {
  return { type: 'text', value: cell.text.slice(start, end), position: { start: pointAt(cell, start), end: pointAt(cell, end) } };
}

export function pointAt(cell: CellContent, offset: number): Point {
  return { line: cell.line, column: offset - cell.lineStart + 1, offset };
}

/** In a table, `\|` in a code span stands for the pipe it keeps from splitting the cell (mdast-util-gfm-table). */
export function unescapePipes(value: string): string {
  return value.includes('\\') ? value.replace(/\\([\\|])/g, (whole: string, escaped: string) => (escaped === '|' ? escaped : whole)) : value;
}

function inlineCode(cell: CellContent, start: number, end: number, raw: string): InlineCode {
  // One space is cut from each side when both have one and the code is not only spaces.
  const padded = raw.charCodeAt(0) === SPACE && raw.charCodeAt(raw.length - 1) === SPACE && /[^ ]/.test(raw);
  const value = unescapePipes(padded ? raw.slice(1, -1) : raw);
  return { type: 'inlineCode', value, position: { start: pointAt(cell, start), end: pointAt(cell, end) } };
}

/** `[label](url)` at `start`: a label of plain text, a URL without spaces, parentheses, escapes or references. */
function plainLink(cell: CellContent, start: number): Found<Link> | undefined {
  const { text, end } = cell;
  const labelEnd = plainTextEnd(text, start + 1, end);
  if (labelEnd === start + 1 || labelEnd >= end || text.charCodeAt(labelEnd) !== BRACKET_CLOSE) return undefined;
  if (labelEnd + 1 >= end || text.charCodeAt(labelEnd + 1) !== PAREN_OPEN) return undefined;
  const urlStart = labelEnd + 2;
  let index = urlStart;
  while (index < end) {
    const code = text.charCodeAt(index);
    if (code === PAREN_CLOSE) break;
    if (code === AMPERSAND ? mayReferToCharacter(text, index, end) : !isUrlCharacter(code)) return undefined;
    index++;
  }
  if (index === urlStart || index >= end) return undefined;
  const node: Link = {
    type: 'link',
    title: null,
    url: text.slice(urlStart, index),
    children: [textNode(cell, start + 1, labelEnd)],
    position: { start: pointAt(cell, start), end: pointAt(cell, index + 1) },
  };
  return { node, end: index + 1 };
}

/**
 * `*text*` or `**text**` at `start`, plain text between, where the runs surely open and close
 * (flanking as micromark classifies it): the opening run at the cell's start or after a space,
 * a tab or ASCII punctuation, and not before a space; the closing one after a letter or digit,
 * or before the cell's end, a space, a tab or ASCII punctuation.
 */
function plainEmphasis(cell: CellContent, start: number): Found<Emphasis | Strong> | undefined {
  const { text, end } = cell;
  const size = runLength(text, start, end, ASTERISK);
  if (size > 2) return undefined;
  if (start > cell.start) {
    const before = text.charCodeAt(start - 1);
    if (!isSpaceOrTab(before) && !isAsciiPunctuation(before)) return undefined;
  }
  const contentStart = start + size;
  const contentEnd = plainTextEnd(text, contentStart, end);
  if (contentEnd === contentStart || contentEnd >= end || text.charCodeAt(contentEnd) !== ASTERISK) return undefined;
  if (runLength(text, contentEnd, end, ASTERISK) !== size) return undefined;
  const first = text.charCodeAt(contentStart);
  const last = text.charCodeAt(contentEnd - 1);
  if (isWhitespace(first) || isWhitespace(last)) return undefined;
  const closeEnd = contentEnd + size;
  const after = closeEnd < end ? text.charCodeAt(closeEnd) : undefined;
  if (!isAsciiAlphanumeric(last) && after !== undefined && !isSpaceOrTab(after) && !isAsciiPunctuation(after)) return undefined;
  const position = { start: pointAt(cell, start), end: pointAt(cell, closeEnd) };
  const children = [textNode(cell, contentStart, contentEnd)];
  const node: Emphasis | Strong = size === 2 ? { type: 'strong', children, position } : { type: 'emphasis', children, position };
  return { node, end: closeEnd };
}

/** `<br>`, `<br/>` or `<br />` at `start`: inline HTML. */
function lineBreakTag(cell: CellContent, start: number): Found<Html> | undefined {
  LINE_BREAK_TAG.lastIndex = start;
  if (!LINE_BREAK_TAG.test(cell.text) || LINE_BREAK_TAG.lastIndex > cell.end) return undefined;
  const end = LINE_BREAK_TAG.lastIndex;
  return { node: { type: 'html', value: cell.text.slice(start, end), position: { start: pointAt(cell, start), end: pointAt(cell, end) } }, end };
}

/** Whether the `&` at `index` may start a character reference: `&#`, or `&` and letters or digits up to a `;`. */
function mayReferToCharacter(text: string, index: number, end: number): boolean {
  let next = index + 1;
  if (next < end && text.charCodeAt(next) === NUMBER_SIGN) return true;
  while (next < end && isAsciiAlphanumeric(text.charCodeAt(next))) next++;
  return next > index + 1 && next < end && text.charCodeAt(next) === SEMICOLON;
}

/** The end of the run of plain text from `start`: no character that may mean something inline, no control character. */
function plainTextEnd(text: string, start: number, end: number): number {
  let index = start;
  while (index < end) {
    const code = text.charCodeAt(index);
    if (code < SPACE || (code < BACKTICK ? INLINE_SYNTAX[code] === 1 : code === BACKTICK)) break;
    index++;
  }
  return index;
}

function isUrlCharacter(code: number): boolean {
  return code > SPACE && code !== 127 && code !== PAREN_OPEN && code !== LESS_THAN && code !== BACKTICK
    && (code >= BACKTICK || INLINE_SYNTAX[code] === 0 || code === UNDERSCORE || code === EXCLAMATION);
}

function isSpaceOrTab(code: number): boolean {
  return code === SPACE || code === TAB;
}

/** Unicode whitespace, as micromark takes it for emphasis. */
function isWhitespace(code: number): boolean {
  return code < 128 ? code === SPACE || (code >= TAB && code <= 13) : /\s/.test(String.fromCharCode(code));
}

function isAsciiPunctuation(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
}

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function runLength(text: string, start: number, end: number, code: number): number {
  let index = start;
  while (index < end && text.charCodeAt(index) === code) index++;
  return index - start;
}

/**
 * The runs of backticks of a cell by length, to find where a code span closes: the next run of
 * the opening run's length. Found in one pass, so that many runs that close nothing cost no more
 * than a few (searching ahead from each would take the square of their number).
 */
class BacktickRuns {
  private readonly startsByLength = new Map<number, number[]>();
  /** Per length, the first run not before the last search: searches only move forward. */
  private readonly cursors = new Map<number, number>();

  constructor(text: string, start: number, end: number) {
    let index = start;
    while (index < end) {
      if (text.charCodeAt(index) !== BACKTICK) {
        index++;
        continue;
      }
      const length = runLength(text, index, end, BACKTICK);
      const starts = this.startsByLength.get(length);
      if (starts) starts.push(index);
      else this.startsByLength.set(length, [index]);
      index += length;
    }
  }

  /** The start of the first run of exactly `length` backticks from `from` on, or -1; `from` must not decrease between calls. */
  next(length: number, from: number): number {
    const starts = this.startsByLength.get(length);
    if (!starts) return -1;
    let cursor = this.cursors.get(length) ?? 0;
    while (cursor < starts.length && starts[cursor] < from) cursor++;
    this.cursors.set(length, cursor);
    return cursor < starts.length ? starts[cursor] : -1;
  }
}
