import { diffLines, type ChangeBlock } from './line-diff.js';

const CONTEXT_LINES = 3;
const NO_NEWLINE_MARKER = '\\ No newline at end of file';

/**
 * A unified diff (`---`/`+++` header, `@@ -l,n +l,n @@` hunks with 3 lines of context), as lines
 * joined by '\n' without a trailing newline; '' when the texts are equal. With maxLines, only the
 * first maxLines lines are kept, followed by `... N more lines`.
 */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, maxLines?: number): string {
  if (oldText === newText) return '';
  const oldLines = splitLines(oldText);
  const newLines = splitLines(newText);
  const hunks = groupIntoHunks(diffLines(oldLines, newLines));
  const lines = [`--- ${oldName}`, `+++ ${newName}`];
  for (const hunk of hunks) appendHunk(lines, hunk, oldLines, newLines);
  return limitLines(lines, maxLines).join('\n');
}

/** The first maxLines lines, then a count of the rest. */
export function limitLines(lines: string[], maxLines: number | undefined): string[] {
  if (maxLines === undefined || lines.length <= maxLines) return lines;
  return [...lines.slice(0, maxLines), `... ${lines.length - maxLines} more lines`];
}

/** Lines keep their '\n', so a last line without one differs from the same line with one. */
function splitLines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

/** Change blocks close enough to share context lines go into one hunk. */
function groupIntoHunks(blocks: ChangeBlock[]): ChangeBlock[][] {
  const hunks: ChangeBlock[][] = [];
  for (const block of blocks) {
    const current = hunks.at(-1);
    const previous = current?.at(-1);
    if (current !== undefined && previous !== undefined && block.aStart - previous.aEnd <= 2 * CONTEXT_LINES) {
      current.push(block);
    } else {
      hunks.push([block]);
    }
  }
  return hunks;
}

function appendHunk(out: string[], blocks: ChangeBlock[], oldLines: string[], newLines: string[]): void {
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  const leading = Math.min(CONTEXT_LINES, first.aStart);
  const trailing = Math.min(CONTEXT_LINES, oldLines.length - last.aEnd);
  const oldStart = first.aStart - leading;
  const oldEnd = last.aEnd + trailing;
  const newStart = first.bStart - leading;
  const newEnd = last.bEnd + trailing;
  out.push(`@@ -${hunkRange(oldStart, oldEnd)} +${hunkRange(newStart, newEnd)} @@`);
  let oldPosition = oldStart;
  for (const block of blocks) {
    appendLines(out, ' ', oldLines, oldPosition, block.aStart);
    appendLines(out, '-', oldLines, block.aStart, block.aEnd);
    appendLines(out, '+', newLines, block.bStart, block.bEnd);
    oldPosition = block.aEnd;
  }
  appendLines(out, ' ', oldLines, oldPosition, oldEnd);
}

/** 1-based start and count; an empty range names the line before it, as diff(1) does. */
function hunkRange(start: number, end: number): string {
  const count = end - start;
  return `${count === 0 ? start : start + 1},${count}`;
}

function appendLines(out: string[], marker: string, lines: string[], start: number, end: number): void {
  for (let index = start; index < end; index++) {
    const line = lines[index];
    if (line.endsWith('\n')) {
      out.push(marker + line.slice(0, -1));
    } else {
      out.push(marker + line, NO_NEWLINE_MARKER);
    }
  }
}
