import type { Nodes, Root } from 'mdast';
import type { Point } from 'unist';
/**
 * A page's text with its scanned tables and fenced code blocks taken out for the parser, and the
 * way back to the page's offsets. Each block's first line (a table's header row, a code block's
 * opening fence) becomes a thematic break (`***`, where the row's pipe or the fence was), which
 * holds the block's place in the tree and closes what the block closes; its other lines become
 * empty. Lines are kept, so lines and columns of everything else stay right; only offsets after
 * a block shift, by the characters taken out, and `restoreOffsets` shifts them back.
 */

/** Stands in for a block's first line; at least as long as the line (src/read/markdown.ts checks). */
export const PLACEHOLDER = '***';

/** A block to take out: where its first line's placeholder goes and where that line ends, then its other lines. */
export interface MaskedBlock {
  start: number;
  end: number;
  rest: readonly { lineStart: number; end: number }[];
}

export interface MaskedText {
  text: string;
  /** Where characters were taken out, in the masked text, in order, with how many were taken out up to there. */
  cuts: { at: number; removedSoFar: number }[];
}

/** Takes out `blocks`, in the order of the text, none overlapping. */
export function maskBlocks(text: string, blocks: readonly MaskedBlock[]): MaskedText {
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
  for (const block of blocks) {
    parts.push(text.slice(done, block.start), PLACEHOLDER);
    done = block.start + PLACEHOLDER.length;
    cut(done, block.end);
    for (const line of block.rest) cut(line.lineStart, line.end);
  }
  parts.push(text.slice(done));
  return { text: parts.join(''), cuts };
}

/**
 * Moves every node of a tree parsed from the masked text to the page's offsets. A point at a
 * cut stays before it: no node but the root ends where a block's line was emptied, and the
 * root's end is the end of the text (its column too is the page's, should a block end it).
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
