import type { Code } from 'mdast';
import type { ScannedFence } from './blockScanner.js';

/**
 * The mdast `code` of a scanned fenced code block, as mdast-util-from-markdown builds it:
 * `lang` and `meta` from the info string (the first word and the rest of the line after the
 * spaces and tabs that follow it, trailing ones included; null when absent), `value` the lines
 * between the fences with as many leading spaces taken off as the opening fence is indented,
 * joined by their own line endings, and the node from the opening fence's first character to
 * the closing line's end.
 *
 * Undefined when the parser should build it: an info string with a backslash or an ampersand
 * (escapes and character references, which micromark decodes), or a content line whose
 * indentation to take off holds a tab (micromark takes off part of the tab's columns).
 */
export function buildCode(text: string, fence: ScannedFence): Code | undefined {
  const { open, close } = fence;
  const indent = open.start - open.lineStart;
  let index = open.start;
  const marker = text.charCodeAt(index);
  while (text.charCodeAt(index) === marker) index++;
  index = skipSpaceOrTab(text, index, open.end);
  let lang: string | null = null;
  let meta: string | null = null;
  if (index < open.end) {
    const infoStart = index;
    while (index < open.end && !isSpaceOrTab(text.charCodeAt(index))) index++;
    lang = text.slice(infoStart, index);
    index = skipSpaceOrTab(text, index, open.end);
    if (index < open.end) meta = text.slice(index, open.end);
    if (/[\\&]/.test(text.slice(infoStart, open.end))) return undefined;
  }
  const parts: string[] = [];
  for (let line = 0; line < fence.content.length; line++) {
    const { lineStart, end } = fence.content[line];
    let start = lineStart;
    while (start < end && start - lineStart < indent && text.charCodeAt(start) === 32) start++;
    if (start < end && start - lineStart < indent && text.charCodeAt(start) === 9) return undefined;
    if (line > 0) parts.push(text.slice(fence.content[line - 1].end, lineStart));
    parts.push(text.slice(start, end));
  }
  return {
    type: 'code',
    lang,
    meta,
    value: parts.join(''),
    position: {
      start: { line: open.line, column: indent + 1, offset: open.start },
      end: { line: close.line, column: close.end - close.lineStart + 1, offset: close.end },
    },
  };
}

function skipSpaceOrTab(text: string, index: number, end: number): number {
  while (index < end && isSpaceOrTab(text.charCodeAt(index))) index++;
  return index;
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}
