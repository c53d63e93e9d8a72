/**
 * A page's text made safe to parse. The markdown parser is exact but not built for hostile input:
 * thousands of nested block quotes overflow the stack, a list nested a thousand deep or a block of
 * thousands of emphasis markers takes minutes (the parser's work grows with the square of them).
 * So before parsing, line endings and encoding damage are settled and such structures are cut to
 * a depth and size no real page reaches (none of the 2021-07 corpus is touched), each change reported. Lines are never added or removed,
 * so every line number the reader reports is the page's own.
 */

/** A problem with the page's text, as the reader reports it. */
export interface TextFinding {
  line: number;
  column: number;
  ruleId: string;
  reason: string;
}

export interface PreparedText {
  text: string;
  findings: TextFinding[];
}

/** Block quotes and list items a line may open; real pages use three at most. */
const MAX_CONTAINERS = 32;
/** Columns of indentation kept; lists nested by indentation stop deepening beyond this. */
const MAX_INDENT = 128;
/** Runs of `*` or `_` one paragraph (or one table row) may hold before they are read as plain characters; real pages have a few dozen. */
const MAX_EMPHASIS_RUNS = 1_000;

const CONTAINER_MARKER = /[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))/y;
const EMPHASIS_RUN = /\*+|_+/g;
const LOOK_ALIKES: Record<string, string> = { '*': '\u2217', _: '\uFF3F' };
const TABLE_ROW = /^[ \t]*\|/;
const BLANK = /^[ \t]*$/;

export function preparePageText(raw: string): PreparedText {
  const findings: TextFinding[] = [];
  // A byte order mark is no text; left in, it hides the front matter's opening `---`.
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  // A lone CR ends a line as CRLF and LF do; the parser counts it so too, but the reader splits on LF.
  text = text.replace(/\r(?!\n)/g, '\n');
  // Decoding replaced each invalid UTF-8 sequence with U+FFFD. A page may hold the character
  // itself, but then its text was damaged the same way before (a character lost in a conversion).
  reportFirst(text, '\uFFFD', findings, 'invalid-utf8', (count) =>
    `Page holds ${count} U+FFFD replacement ${count === 1 ? 'character' : 'characters'}: bytes that are not valid UTF-8, in this file or in the text it was copied from`);
  if (reportFirst(text, '\0', findings, 'nul-bytes', (count) =>
    `Page holds ${count} NUL ${count === 1 ? 'byte' : 'bytes'}, read as U+FFFD`)) {
    text = text.replaceAll('\0', '\uFFFD');
  }
  const lines = text.split('\n');
  const cut = limitNesting(lines, findings) + limitEmphasis(lines, findings);
  return { text: cut > 0 ? lines.join('\n') : text, findings };
}

/** Reports the first occurrence of `character`, if any, with the count of all. */
function reportFirst(text: string, character: string, findings: TextFinding[], ruleId: string, reason: (count: number) => string): boolean {
  const first = text.indexOf(character);
  if (first < 0) return false;
  findings.push({ ...placeOf(text, first), ruleId, reason: reason(text.split(character).length - 1) });
  return true;
}

function placeOf(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: (before.match(/\n/g)?.length ?? 0) + 1, column: index - lineStart + 1 };
}

/** Cuts each line's block quote and list markers to MAX_CONTAINERS and its indentation to MAX_INDENT. Returns the lines changed. */
function limitNesting(lines: string[], findings: TextFinding[]): number {
  let changed = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const ends = markerEnds(line);
    const limited = ends.length > MAX_CONTAINERS ? line.slice(0, ends[MAX_CONTAINERS - 1]) + line.slice(ends.at(-1)) : limitIndent(line);
    if (limited === line) continue;
    if (changed === 0) {
      findings.push({
        line: index + 1, column: 1, ruleId: 'nesting-too-deep',
        reason: `Block quotes or lists nested deeper than ${MAX_CONTAINERS} levels (or indented beyond ${MAX_INDENT} columns) are read as that deep`,
      });
    }
    lines[index] = limited;
    changed++;
  }
  return changed;
}

/** Where each block quote or list marker that opens the line ends. */
function markerEnds(line: string): number[] {
  const ends: number[] = [];
  CONTAINER_MARKER.lastIndex = 0;
  while (CONTAINER_MARKER.test(line)) ends.push(CONTAINER_MARKER.lastIndex);
  return ends;
}

function limitIndent(line: string): string {
  const indent = /^[ \t]*/.exec(line)![0];
  if (indent.length <= MAX_INDENT / 4) return line;
  let columns = 0;
  for (const character of indent) columns += character === '\t' ? 4 - (columns % 4) : 1;
  return columns > MAX_INDENT ? ' '.repeat(MAX_INDENT) + line.slice(indent.length) : line;
}

/**
 * Replaces every `*` and `_` of a paragraph (lines up to a blank one) or of a table row (the
 * parser reads each cell on its own) that holds more than MAX_EMPHASIS_RUNS runs of them with a
 * look-alike (U+2217, U+FF3F) that means nothing to the parser. Backslash escapes would do as
 * well but cost the parser as much again, and would shift columns. Returns the lines changed.
 */
function limitEmphasis(lines: string[], findings: TextFinding[]): number {
  let changed = 0;
  let paragraph: number[] = [];
  let runs = 0;
  const neutralize = (indices: number[]) => {
    findings.push({
      line: indices[0] + 1, column: 1, ruleId: 'too-many-emphasis-markers',
      reason: `More than ${MAX_EMPHASIS_RUNS} runs of emphasis markers (* or _) in one paragraph or table row: they are read as plain characters (∗, ＿)`,
    });
    for (const index of indices) lines[index] = lines[index].replace(/[*_]/g, (marker) => LOOK_ALIKES[marker]);
    changed += indices.length;
  };
  const endParagraph = () => {
    if (runs > MAX_EMPHASIS_RUNS) neutralize(paragraph);
    paragraph = [];
    runs = 0;
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (BLANK.test(line)) {
      endParagraph();
      continue;
    }
    const lineRuns = countRuns(line);
    if (TABLE_ROW.test(line)) {
      endParagraph();
      if (lineRuns > MAX_EMPHASIS_RUNS) neutralize([index]);
      continue;
    }
    paragraph.push(index);
    runs += lineRuns;
  }
  endParagraph();
  return changed;
}

function countRuns(line: string): number {
  if (!line.includes('*') && !line.includes('_')) return 0;
  return line.match(EMPHASIS_RUN)?.length ?? 0;
}
