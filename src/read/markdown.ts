import type { Code, Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { parseCellsWithMicromark } from './cellMicromark.js';
import { buildCode } from './codeNodes.js';
import { maskBlocks, PLACEHOLDER, restoreOffsets, type MaskedBlock } from './blockMask.js';
import { buildTable, type PendingCell } from './tableNodes.js';
import { scanBlocks, type ScannedTable, type SkipReason } from './blockScanner.js';

/**
 * CommonMark with GFM tables, the only GitHub extension the reader uses. The others
 * (autolink literals, strikethrough, footnotes, task lists) change nothing it reads from the
 * Graph pages, yet the autolink one alone walks every text node again: without them a page
 * parses about a third faster.
 *
 * Tables are half a page's bytes and half of micromark's time, and their lines are simple; so
 * are the fenced code blocks (the JSON representations), a good part of the rest. So the tables
 * and closed code fences the scanner is sure of (src/read/blockScanner.ts) are built from their
 * lines (src/read/tableNodes.ts, src/read/codeNodes.ts), and micromark parses the rest: the page
 * with each such block's first line (header row, opening fence) replaced by a thematic break and
 * its other lines emptied (src/read/blockMask.ts). Each break must come back as a top-level node
 * exactly where its block starts, which proves that the block starts a top-level block there
 * (not inside a list, a block quote, code or HTML); the block then takes its place. A table or
 * a code fence is as sure an end of what comes before as a thematic break, and at the top level
 * where it ends (a table at a line that cannot be a row, code at its closing fence) the next
 * line starts a block, as after the emptied lines. Anything unexpected parses the page whole.
 *
 * The tree is the one micromark builds for the whole page, every node and position alike:
 * test/read/markdown.test.ts compares the two on every page of the corpus.
 */
export function parseMarkdown(text: string): Root {
  return parseMarkdownReporting(text).tree;
}

/** The whole page by micromark, tables included: the reference the fast path must equal. */
export function parseWithMicromark(text: string): Root {
  return fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
}

/** Why a page was parsed as a whole after all. */
export type Fallback =
  /** NUL, a lone CR or a byte order mark: characters micromark rewrites before parsing. */
  | 'rewritten-characters'
  /** A table's first line does not start a top-level block (it is in a list, a block quote, code or HTML). */
  | 'table-not-top-level'
  /** A code fence does not start a top-level block. */
  | 'code-not-top-level'
  /** A reference definition's label spans lines, so cells cannot be given the page's definitions. */
  | 'multiline-definition-label'
  /** The cells left to micromark did not come back one paragraph each. */
  | 'cells-unparsed';

export interface ParseReport {
  tree: Root;
  /** Tables built from their lines. */
  fastTables: number;
  /** Fenced code blocks built from their lines. */
  fastCode: number;
  /** Table-like lines left to micromark, and why. */
  skipped: { line: number; reason: SkipReason | 'short-header' }[];
  fallback?: Fallback;
}

const REWRITTEN_CHARACTERS = /[\0\uFEFF]|\r(?!\n)/;

export function parseMarkdownReporting(text: string): ParseReport {
  if (REWRITTEN_CHARACTERS.test(text)) return { tree: parseWithMicromark(text), fastTables: 0, fastCode: 0, skipped: [], fallback: 'rewritten-characters' };
  const scan = scanBlocks(text);
  const skipped: ParseReport['skipped'] = [...scan.skipped];
  const blocks: Block[] = [];
  for (const table of scan.tables) {
    const header = table.lines[0];
    if (header.end - header.start >= PLACEHOLDER.length) blocks.push({ start: header.start, end: header.end, rest: table.lines.slice(1), line: header.line, table });
    else skipped.push({ line: header.line, reason: 'short-header' });
  }
  const tables = blocks.length;
  for (const fence of scan.fences) {
    const code = buildCode(text, fence);
    if (code) blocks.push({ start: fence.open.start, end: fence.open.end, rest: [...fence.content, fence.close], line: fence.open.line, code });
  }
  if (blocks.length === 0) return { tree: parseWithMicromark(text), fastTables: 0, fastCode: 0, skipped };
  if (tables > 0 && tables < blocks.length) blocks.sort((a, b) => a.start - b.start);
  const masked = maskBlocks(text, blocks);
  const tree = parseWithMicromark(masked.text);
  restoreOffsets(tree, masked, text);
  const fallback = putBlocks(tree, text, blocks);
  if (fallback) return { tree: parseWithMicromark(text), fastTables: 0, fastCode: 0, skipped, fallback };
  return { tree, fastTables: tables, fastCode: blocks.length - tables, skipped };
}

/** A table or a code block built from its lines, and what stands in for it in the masked text. */
type Block = MaskedBlock & { line: number } & ({ table: ScannedTable; code?: undefined } | { code: Code; table?: undefined });

/** Replaces each block's placeholder in the tree by the block; the reason when that cannot be done. */
function putBlocks(tree: Root, text: string, blocks: readonly Block[]): Fallback | undefined {
  const children = tree.children;
  const pending: PendingCell[] = [];
  let child = 0;
  for (const block of blocks) {
    while (child < children.length && children[child].position!.start.offset! < block.start) child++;
    if (!isPlaceholderAt(children[child], block)) return block.table ? 'table-not-top-level' : 'code-not-top-level';
    children[child] = block.table ? buildTable(text, block.table, pending) : block.code!;
  }
  if (pending.length === 0) return undefined;
  const definitions = definitionsOf(tree, text);
  if (definitions === undefined) return 'multiline-definition-label';
  const contents = parseCellsWithMicromark(pending.map((cell) => cell.content), definitions);
  if (!contents) return 'cells-unparsed';
  for (let index = 0; index < pending.length; index++) pending[index].cell.children = contents[index];
  return undefined;
}

/** The placeholder of the block's first line, a thematic break at the top level where the block starts. */
function isPlaceholderAt(node: RootContent | undefined, block: Block): boolean {
  const { line, start } = block;
  const position = node?.position;
  return node?.type === 'thematicBreak' && position?.start.line === line && position.start.offset === start && position.end.offset === start + PLACEHOLDER.length;
}

/**
 * Markdown that defines the labels the page defines (`[label]: x`), for the cells parsed apart
 * to resolve reference links as on the page: only whether a label is defined matters there.
 * Undefined when a label spans lines.
 */
function definitionsOf(tree: Root, text: string): string | undefined {
  const labels: string[] = [];
  const visit = (nodes: readonly Nodes[]): boolean => {
    for (const node of nodes) {
      if (node.type === 'definition') {
        const label = rawLabel(text, node.position!.start.offset!);
        if (label === undefined) return false;
        labels.push(`[${label}]: x\n\n`);
      } else if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') {
        if (!visit(node.children)) return false;
      }
    }
    return true;
  };
  return visit(tree.children) ? labels.join('') : undefined;
}

/** The label of the definition at `start` as written, between its brackets; undefined when it spans lines. */
function rawLabel(text: string, start: number): string | undefined {
  if (text[start] !== '[') return undefined;
  let index = start + 1;
  while (index < text.length) {
    const character = text[index];
    if (character === '\n' || character === '\r') return undefined;
    if (character === ']') return text.slice(start + 1, index);
    index += character === '\\' && text[index + 1] !== '\n' && text[index + 1] !== '\r' ? 2 : 1;
  }
  return undefined;
}
