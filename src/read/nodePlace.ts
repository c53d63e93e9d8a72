import type { Node } from 'mdast';

/** A 1-based line and column in a page. */
export interface Place { line: number; column: number }

/** Where a parsed node starts; line 1, column 1 for a node without a position. */
export function placeOf(node: { position?: { start: { line: number; column: number } } }): Place {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

/** The place of `offset` in a node's raw text. */
export function placeWithin(node: Node, raw: string, offset: number): Place {
  const start = placeOf(node);
  const before = raw.slice(0, offset);
  const lineBreak = before.lastIndexOf('\n');
  return lineBreak < 0
    ? { line: start.line, column: start.column + offset }
    : { line: start.line + (before.match(/\n/g)?.length ?? 0), column: offset - lineBreak };
}
