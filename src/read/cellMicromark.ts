import type { Nodes, Paragraph, PhrasingContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { pointAt, unescapePipes, type CellContent } from './cellInline.js';

/**
 * The inline content of table cells that src/read/cellInline.ts leaves to the parser, parsed
 * all at once: a page's cells become the paragraphs of one document (a call of the parser costs
 * more than a cell), and their nodes are moved back to the cells' places.
 *
 * Each paragraph is the cell's content after a no-break space. The space keeps the line from
 * opening any block (heading, list, HTML, code, definition), and micromark classes it as
 * whitespace, as it does the start of a cell, so emphasis opens and closes as in the cell; it is
 * then cut from the first text node. Blank lines separate the paragraphs, so none continues
 * another.
 */

/** Separates a cell's content from the start of its line. */
const LEAD = '\u00A0';

/**
 * The nodes of each cell, in order; undefined when the parser did not give one paragraph per
 * cell (the caller then parses the page as a whole). `definitions` is markdown defining the
 * page's reference labels, for reference links in the cells to resolve as on the page.
 */
export function parseCellsWithMicromark(cells: readonly CellContent[], definitions: string): PhrasingContent[][] | undefined {
  const parts = [definitions];
  const starts: number[] = [];
  let offset = definitions.length;
  for (const cell of cells) {
    starts.push(offset);
    const content = cell.text.slice(cell.start, cell.end);
    parts.push(LEAD, content, '\n\n');
    offset += content.length + 3;
  }
  const paragraphs = fromMarkdown(parts.join('')).children.filter((node): node is Paragraph => node.type === 'paragraph');
  if (paragraphs.length !== cells.length) return undefined;
  const contents: PhrasingContent[][] = [];
  for (let index = 0; index < cells.length; index++) {
    const paragraph = paragraphs[index];
    if (paragraph.position?.start.offset !== starts[index]) return undefined;
    const children = moveToCell(paragraph.children, cells[index], starts[index]);
    if (!children) return undefined;
    contents.push(children);
  }
  return contents;
}

/** The paragraph's nodes at the cell's place, without the leading space. */
function moveToCell(children: PhrasingContent[], cell: CellContent, paragraphStart: number): PhrasingContent[] | undefined {
  const first = children[0];
  if (first?.type !== 'text' || !first.value.startsWith(LEAD)) return undefined;
  const shift = cell.start - (paragraphStart + LEAD.length);
  for (const child of children) move(child, cell, shift);
  first.value = first.value.slice(LEAD.length);
  if (!first.value) return children.slice(1);
  first.position!.start = pointAt(cell, cell.start);
  return children;
}

function move(node: Nodes, cell: CellContent, shift: number): void {
  const position = node.position;
  if (position) {
    position.start = pointAt(cell, position.start.offset! + shift);
    position.end = pointAt(cell, position.end.offset! + shift);
  }
  if (node.type === 'inlineCode') node.value = unescapePipes(node.value);
  if ('children' in node) for (const child of node.children) move(child, cell, shift);
}
