import type { Table, TableCell, TableRow } from 'mdast';
import type { Point } from 'unist';
import { hasInlineSyntax, simpleCellContent, textNode, type CellContent } from './cellInline.js';
import { splitRow } from './tableRow.js';
import type { ScannedTable, TableLine } from './blockScanner.js';

/**
 * The mdast `table` of a scanned table, as mdast-util-gfm-table builds it: `align` from the
 * delimiter row, one `tableRow` per other line (from its leading pipe to its end, trailing
 * spaces included), one `tableCell` per cell (from its leading pipe to the next cell's, the last
 * to the row's end), and the table from the header's leading pipe to the last row's end.
 *
 * Cells holding text, code spans and plain links get their nodes here; the others are returned
 * as `pending`, with no children yet, for the parser.
 */

export interface PendingCell {
  cell: TableCell;
  content: CellContent;
}

export function buildTable(text: string, scanned: ScannedTable, pending: PendingCell[]): Table {
  const rows: TableRow[] = [];
  for (let index = 0; index < scanned.lines.length; index++) {
    if (index !== 1) rows.push(buildRow(text, scanned.lines[index], pending));
  }
  const first = scanned.lines[0];
  const last = scanned.lines[scanned.lines.length - 1];
  return {
    type: 'table',
    align: scanned.align,
    children: rows,
    position: { start: point(first, first.start), end: point(last, last.end) },
  };
}

function buildRow(text: string, line: TableLine, pending: PendingCell[]): TableRow {
  const cells: TableCell[] = [];
  for (const span of splitRow(text, line.start, line.end)) {
    const cell: TableCell = { type: 'tableCell', children: [], position: { start: point(line, span.start), end: point(line, span.end) } };
    cells.push(cell);
    if (span.contentStart < 0) continue;
    const content: CellContent = { text, start: span.contentStart, end: span.contentEnd, line: line.line, lineStart: line.lineStart };
    const children = hasInlineSyntax(text, span.contentStart, span.contentEnd) ? simpleCellContent(content) : [textNode(content, content.start, content.end)];
    if (children) cell.children = children;
    else pending.push({ cell, content });
  }
  return { type: 'tableRow', children: cells, position: { start: point(line, line.start), end: point(line, line.end) } };
}

function point(line: TableLine, offset: number): Point {
  return { line: line.line, column: offset - line.lineStart + 1, offset };
}
