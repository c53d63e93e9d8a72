import type { AlignType } from 'mdast';

/**
 * One table line split into cells as micromark-extension-gfm-table splits it. Offsets index
 * the page text; the line holds no line ending.
 */

/** A cell of a row: where it starts (its leading pipe) and ends, and where its content is. */
export interface CellSpan {
  /** The cell's first character: the pipe before it (every row the fast path reads starts with one). */
  start: number;
  /** Where the next cell starts, or the row's end (trailing pipe and spaces included). */
  end: number;
  /** The content without the spaces and tabs around it; both -1 when the cell is empty. */
  contentStart: number;
  contentEnd: number;
}

const PIPE = 124;
const BACKSLASH = 92;
const SPACE = 32;
const TAB = 9;

/**
 * The cells of the row that starts with a pipe at `start` and ends (line ending excluded) at
 * `end`. Pipes split cells unless escaped (`\|`; `\\` escapes the backslash, so `\\|` splits),
 * code spans included. Each cell starts at its leading pipe and runs to the next one; the last
 * to the row's end. A trailing pipe opens no cell, unless the row holds nothing else (`|` is one
 * empty cell). With `limit`, it stops once it has found more cells than that.
 */
export function splitRow(text: string, start: number, end: number, limit = Infinity): CellSpan[] {
  const cells: CellSpan[] = [];
  let cellStart = start;
  let contentStart = -1;
  let contentEnd = -1;
  let index = start + 1;
  while (index < end) {
    const code = text.charCodeAt(index);
    if (code === PIPE) {
      cells.push({ start: cellStart, end: index, contentStart, contentEnd });
      if (cells.length > limit) return cells;
      cellStart = index;
      contentStart = -1;
      contentEnd = -1;
      index++;
      continue;
    }
    if (code === SPACE || code === TAB) {
      index++;
      continue;
    }
    if (contentStart < 0) contentStart = index;
    if (code === BACKSLASH && index + 1 < end) {
      const next = text.charCodeAt(index + 1);
      index += next === BACKSLASH || next === PIPE ? 2 : 1;
    } else {
      index++;
    }
    contentEnd = index;
  }
  if (contentStart >= 0 || cells.length === 0) {
    cells.push({ start: cellStart, end, contentStart, contentEnd });
  } else {
    cells[cells.length - 1].end = end;
  }
  return cells;
}

/**
 * A delimiter row's alignments, one per cell; undefined when the line is no delimiter row.
 * Every cell is `:?-+:?` between optional spaces and tabs, none is empty, and the row starts
 * with a pipe; a trailing pipe is optional.
 */
export function readDelimiterRow(text: string, start: number, end: number): AlignType[] | undefined {
  const cells = splitRow(text, start, end);
  const align: AlignType[] = [];
  for (const cell of cells) {
    if (cell.contentStart < 0) return undefined;
    let index = cell.contentStart;
    const left = text.charCodeAt(index) === 58;
    if (left) index++;
    const dashes = index;
    while (index < cell.contentEnd && text.charCodeAt(index) === 45) index++;
    if (index === dashes) return undefined;
    const right = index < cell.contentEnd && text.charCodeAt(index) === 58;
    if (right) index++;
    if (index !== cell.contentEnd) return undefined;
    align.push(left ? (right ? 'center' : 'left') : right ? 'right' : null);
  }
  return align;
}
