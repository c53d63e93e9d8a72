import type { Nodes, Root } from 'mdast';
import type { Point } from 'unist';
import type { ScannedTable } from './tableScanner.js';

/**
 * A page's text with its scanned tables taken out for the parser, and the way back to the
 * page's offsets. Each table's header row becomes a thematic break (`***`, where the row's pipe
 * was), which holds the table's place in the tree and closes what a table closes; its other
 * lines become empty. Lines are kept, so lines and columns of everything else stay right; only
 * offsets after a table shift, by the characters taken out, and `restoreOffsets` shifts them back.
 */

/** Stands in for a table's header row; at least as long as the row (src/read/markdown.ts checks). */
export const PLACEHOLDER = '***';

export interface MaskedText {
  text: string;
  /** Where characters were taken out, in the masked text, in order, with how many were taken out up to there. */
  cuts: { at: number; removedSoFar: number }[];
}

export function maskTables(text: string, tables: readonly ScannedTable[]): MaskedText {
  const parts: string[] = [];
  const cuts: MaskedText['cuts'] = [];
  let removed = 0;
  let done = 0;
  /** Takes out [from, to), keeping what lies between the last cut and `from`. */
  const cut = (from: number, to: number) => {
    parts.push(text.slice(done, from));
    done = to;
    if (to === from) return;
    const at = from - removed;
    removed += to - from;
    cuts.push({ at, removedSoFar: removed });
  };
  for (const { lines } of tables) {
    const header = lines[0];
    parts.push(text.slice(done, header.start), PLACEHOLDER);
    done = header.start + PLACEHOLDER.length;
    cut(done, header.end);
    for (let index = 1; index < lines.length; index++) cut(lines[index].lineStart, lines[index].end);
  }
  parts.push(text.slice(done));
  return { text: parts.join(''), cuts };
}

/**
 * Moves every node of a tree parsed from the masked text to the page's offsets. A point at a
 * cut stays before it: no node but the root ends where a table line was emptied, and the
 * root's end is the end of the text (its column too is the page's, should a table end it).
 */
export function restoreOffsets(tree: Root, masked: MaskedText, page: string): void {
  if (masked.cuts.length === 0) return;
  const move = (point: Point) => {
    point.offset = point.offset! + removedBefore(masked.cuts, point.offset!);
  };
  const visit = (node: Nodes) => {
    if (node.position) {
      move(node.position.start);
      move(node.position.end);
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  for (const child of tree.children) visit(child);
  const root = tree.position;
  if (!root) return;
  move(root.start);
  if (root.end.offset === masked.text.length) {
    root.end.offset = page.length;
    root.end.column = page.length - page.lastIndexOf('\n');
  } else {
    move(root.end);
  }
}

/** Characters taken out before masked offset `offset`: by the cuts strictly before it. */
function removedBefore(cuts: MaskedText['cuts'], offset: number): number {
  let low = 0;
  let high = cuts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cuts[middle].at < offset) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? 0 : cuts[low - 1].removedSoFar;
}
