import type { AlignType } from 'mdast';
import { readDelimiterRow, splitRow } from './tableRow.js';

/**
 * Finds the blocks of a page the parser may skip (src/read/markdown.ts), by its lines, without
 * parsing it: the GFM tables and fenced code blocks it is sure of. For tables, sure means: after a blank
 * line, an ATX heading, a code fence, an HTML block that ends at a terminator or the start of
 * the text; not inside fenced code or an HTML block, not indented while a list item or block
 * quote may be open; a header row and a delimiter row with as many cells (as
 * micromark-extension-gfm-table requires); every row starting with a pipe after at most three
 * spaces; and the rows ended by a blank line, the end of the text, or a line that cannot be a row
 * (an ATX heading, a code fence, an HTML comment). Table-like lines that fail this are left to
 * the parser, with the reason.
 *
 * It also finds the fenced code blocks it is sure of: opened outside HTML blocks, at no
 * indentation or while no list item or block quote may be open, and closed by a fence of their
 * own (as CommonMark closes them: the same marker, at least as long, after at most three spaces,
 * followed by spaces and tabs only).
 *
 * Lines are all the scan looks at, so it follows containers and HTML blocks only roughly; the
 * caller checks that each table's or code block's first line does start a top-level block.
 */

/** One line of a table. */
export interface TableLine {
  /** 1-based line number. */
  line: number;
  /** Offset of the line's first character. */
  lineStart: number;
  /** Offset of the row's first character, its leading pipe. */
  start: number;
  /** Offset of the line's end, before `\r\n` or `\n`. */
  end: number;
}

export interface ScannedTable {
  align: AlignType[];
  /** The header row, the delimiter row, then the body rows. */
  lines: TableLine[];
}

/** Why a table-like run of lines was left to the parser. */
export type SkipReason =
  /** The header row follows a line of text: it may continue a paragraph. */
  | 'after-text'
  /**
   * The rows are followed, without a blank line between, by a line that does not start with a
   * pipe after at most three spaces and is no heading, fence or HTML comment: it may be a lazy
   * row, or a block that interrupts the table.
   */
  | 'line-without-pipe'
  /** The header row is indented, and a list item or block quote above may still be open: the table may be inside it. */
  | 'indented-in-container';

/**
 * A fenced code block the scan is sure of: opened outside HTML blocks and, when indented, while
 * no list item or block quote may be open; closed by a fence of its own (an unclosed one is left
 * to the parser). The caller still checks that its opening line starts a top-level block.
 */
export interface ScannedFence {
  /** The opening fence's line; `start` is the fence's first character, after its indentation. */
  open: TableLine;
  /** The lines between the fences. */
  content: Line[];
  /** The closing fence's line. */
  close: Line;
}

export interface Scan {
  tables: ScannedTable[];
  fences: ScannedFence[];
  skipped: { line: number; reason: SkipReason }[];
}

const ROW = /^ {0,3}\|/;
const BLANK = /^[ \t]*$/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HTML_START = /^ {0,3}</;
const HTML_COMMENT_START = /^ {0,3}<!--/;
/** A list item marker or a block quote marker. */
const CONTAINER_START = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)|^ {0,3}>/;
/** HTML blocks that end at a terminator rather than at a blank line (CommonMark kinds 1 to 5). */
const HTML_WITH_TERMINATOR: { start: RegExp; end: RegExp }[] = [
  { start: /^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|$)/i, end: /<\/(?:script|pre|style|textarea)>/i },
  { start: /^ {0,3}<!--/, end: /-->/ },
  { start: /^ {0,3}<\?/, end: /\?>/ },
  { start: /^ {0,3}<![A-Za-z]/, end: />/ },
  { start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/ },
];

type Context =
  | { kind: 'flow' }
  /** `open`: the index of the opening line, when the block may be one the scan is sure of. */
  | { kind: 'fence'; marker: string; open?: number }
  /** An HTML block that ends at a terminator; `inBlock` when it opened inside one that ends at a blank line. */
  | { kind: 'html'; end: RegExp; inBlock: boolean }
  | { kind: 'html-until-blank' };

/** What the previous line leaves open: whether a table may start on the next one. */
type Previous = 'boundary' | 'text';

export function scanBlocks(text: string): Scan {
  const lines = splitLines(text);
  const tables: ScannedTable[] = [];
  const fences: ScannedFence[] = [];
  const skipped: Scan['skipped'] = [];
  let context: Context = { kind: 'flow' };
  let previous: Previous = 'boundary';
  /** A list item or block quote may be open: an indented line may belong to it. */
  let inContainer = false;
  let index = 0;
  while (index < lines.length) {
    const line = lines[index];
    const content = text.slice(line.lineStart, line.end);
    index++;
    if (context.kind === 'fence') {
      if (closesFence(content, context.marker)) {
        if (context.open !== undefined) {
          const open = lines[context.open];
          fences.push({ open: { ...open, start: open.lineStart + indentOf(text, open.lineStart) }, content: lines.slice(context.open + 1, index - 1), close: line });
        }
        context = { kind: 'flow' };
        previous = 'boundary';
      }
      continue;
    }
    if (context.kind === 'html') {
      if (!context.end.test(content)) continue;
      context = context.inBlock ? { kind: 'html-until-blank' } : { kind: 'flow' };
      // The block ends with the line of its terminator: the next line starts a block.
      previous = context.kind === 'flow' ? 'boundary' : 'text';
      continue;
    }
    if (BLANK.test(content)) {
      context = { kind: 'flow' };
      previous = 'boundary';
      continue;
    }
    // Checked even in an HTML block that ends at a blank line: the line before may not have opened one.
    if (isFence(content)) {
      // In an HTML block that ends at a blank line, or indented under a list item or block quote, the fence may be no top-level block.
      const sure: boolean = context.kind === 'flow' && (!inContainer || indentOf(text, line.lineStart) === 0);
      context = { kind: 'fence', marker: FENCE.exec(content)![1], open: sure ? index - 1 : undefined };
      continue;
    }
    if (context.kind === 'html-until-blank') {
      // The block may have been a paragraph: what could interrupt one is followed still.
      if (CONTAINER_START.test(content)) inContainer = true;
      const html = HTML_START.test(content) ? htmlContext(content, true) : undefined;
      if (html?.kind === 'html') context = html;
      continue;
    }
    const wasBoundary = previous === 'boundary';
    previous = 'text';
    if (CONTAINER_START.test(content)) {
      inContainer = true;
      continue;
    }
    const indent = indentOf(text, line.lineStart);
    // An unindented line after a blank line or a heading is no lazy continuation: it closes every container.
    if (wasBoundary && !isSpaceOrTab(content.charCodeAt(0))) inContainer = false;
    if (HTML_START.test(content)) {
      context = htmlContext(content, false);
      if (context.kind === 'flow') previous = 'boundary';
      continue;
    }
    if (ATX_HEADING.test(content)) {
      previous = 'boundary';
      continue;
    }
    const align = ROW.test(content) && index < lines.length ? headerAndDelimiter(text, line, lines[index]) : undefined;
    if (!align) continue;
    let last = index + 1;
    while (last < lines.length && ROW.test(text.slice(lines[last].lineStart, lines[last].end))) last++;
    const reason = !wasBoundary ? 'after-text'
      : indent > 0 && inContainer ? 'indented-in-container'
        : last < lines.length && !endsTable(text.slice(lines[last].lineStart, lines[last].end)) ? 'line-without-pipe'
          : undefined;
    // Either way the rows are a table or text: a blank line is needed before the next table.
    if (reason) skipped.push({ line: line.line, reason });
    else tables.push({ align, lines: lines.slice(index - 1, last).map((row) => ({ ...row, start: row.lineStart + indentOf(text, row.lineStart) })) });
    index = last;
  }
  return { tables, fences, skipped };
}

export interface Line {
  line: number;
  lineStart: number;
  end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let lineStart = 0;
  let number = 1;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const next = newline < 0 ? text.length : newline;
    const end = next > lineStart && text.charCodeAt(next - 1) === 13 ? next - 1 : next;
    lines.push({ line: number++, lineStart, end });
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return lines;
}

/** The alignments when `header` and `delimiter` open a table: as many delimiter cells as header cells. */
function headerAndDelimiter(text: string, header: Line, delimiter: Line): AlignType[] | undefined {
  const delimiterContent = text.slice(delimiter.lineStart, delimiter.end);
  if (!ROW.test(delimiterContent)) return undefined;
  const headerStart = header.lineStart + indentOf(text, header.lineStart);
  const align = readDelimiterRow(text, delimiter.lineStart + indentOf(text, delimiter.lineStart), delimiter.end);
  if (!align) return undefined;
  // A lone pipe is no header row; `| |` is one of a single empty cell.
  const pipe = text.indexOf('|', headerStart + 1);
  const cells = splitRow(text, headerStart, header.end, align.length);
  if (cells.length === 1 && cells[0].contentStart < 0 && (pipe < 0 || pipe >= header.end)) return undefined;
  return cells.length === align.length ? align : undefined;
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}

function indentOf(text: string, lineStart: number): number {
  let index = lineStart;
  while (text.charCodeAt(index) === 32) index++;
  return index - lineStart;
}

/** What a line starting with `<` opens: an HTML block ending at a terminator (flow again when the line holds it), or one ending at a blank line. */
function htmlContext(content: string, inBlock: boolean): Context {
  for (const kind of HTML_WITH_TERMINATOR) {
    const start = kind.start.exec(content);
    if (!start) continue;
    if (!kind.end.test(content.slice(start[0].length))) return { kind: 'html', end: kind.end, inBlock };
    return inBlock ? { kind: 'html-until-blank' } : { kind: 'flow' };
  }
  return { kind: 'html-until-blank' };
}

/** Whether the line surely ends a table above it rather than being a row of it: a blank line, an ATX heading, a code fence, an HTML comment. */
function endsTable(content: string): boolean {
  return BLANK.test(content) || ATX_HEADING.test(content) || HTML_COMMENT_START.test(content) || isFence(content);
}

function isFence(content: string): boolean {
  const fence = FENCE.exec(content);
  return fence !== null && !(fence[1][0] === '`' && fence[2].includes('`'));
}

function closesFence(content: string, marker: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(content);
  return match !== null && match[1][0] === marker[0] && match[1].length >= marker.length;
}
