import { parseAnnotation, type Annotation } from './annotation.js';

/**
 * Half of an api page's bytes are its `## Example(s)` sections, and the api reader wants from
 * them only the annotations of request and response examples and the first line of the code
 * block after each; so they are read here by their lines, and emptied before the page is parsed.
 * Lines are emptied, not removed: every line and column the reader reports stays the page's own.
 *
 * A section is read so only when its lines say plainly what the tree walk of the reader would
 * make of them: headings (a `# [HTTP](#tab/http)` tab heading is depth 1, which the reader
 * passes over, so only a depth-2 heading ends the section), prose, thematic breaks, closed fences
 * and HTML comments at the top level. Anything the reader reads elsewhere on a page, or whose
 * block structure lines cannot settle (a table, a list, a block quote, other HTML, indented
 * code, a setext heading, a link definition, a permissions include, an "HTTP request" or
 * "Query parameters" or "Request body" subheading, a subheading with markup), keeps the
 * section whole, for the parser and the tree walk.
 *
 * test/read/exampleSections.test.ts checks on every api page of the corpus that the reader's
 * results are the same either way.
 */

/** What the reader's tree walk would meet in the emptied sections, in page order. */
export type ExampleEvent =
  /** An annotation comment whose blockType is request or response: it waits for the next code block. */
  | { kind: 'annotation'; line: number; column: number; annotation: Annotation }
  /** A fenced code block: `line` is its opening fence's, `firstLine` its first non-blank line (or ''). */
  | { kind: 'code'; line: number; firstLine: string }
  /** Prose under a "Response" subheading, which the reader reads when no Response section said what comes back. */
  | { kind: 'response-prose'; line: number };

export interface ExampleSections {
  /** The text with each section read here emptied; the same string when there is none. */
  text: string;
  events: ExampleEvent[];
}

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)(.*)$/;
const EXAMPLE_HEADING = /^examples?(?![\w\\*`&<[!])/i;
const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const HTML_COMMENT = /^ {0,3}<!--/;
const HTML = /^ {0,3}</;
const RAW_HTML = /^ {0,3}<(pre|script|style|textarea)(?:[ \t>]|$)/i;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const LIST_ITEM = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const BLOCK_QUOTE = /^ {0,3}>/;
const INDENTED = /^(?: {4}|[ ]{0,3}\t)/;
const DEFINITION = /^ {0,3}\[[^\]]*\]:/;
/** Characters of a table's delimiter row (with a pipe, and maybe in a block quote). */
const DELIMITER_CHARACTERS = /^[ \t>|:-]*$/;
const INCLUDE = /\[!INCLUDE\s*\[([^\]]*)\]\(([^)\s]+)\)\]/gi;
/** Subheadings under which the reader reads prose or code outside of examples. */
const READ_SUBSECTION = /^(?:http requests?\b|(?:optional )?query parameters?\b|request body\b|request headers?\b|(?:function )?parameters$)/;
const RESPONSE_SUBSECTION = /^response\b/;
/** Heading text that may read differently once its markup is parsed. */
const MARKUP = /[\\`*_<>[\]&!]/;
/** The words that start the subheadings above. */
const READ_SUBSECTION_WORDS = ['http request', 'optional query parameter', 'query parameter', 'request body', 'request header', 'function parameters', 'parameters', 'response'];
const QUOTE_MARKERS = /^(?: {0,3}> ?)+/;

/** Finds the Examples sections it can read by their lines, reads them and empties them. */
export function blankExampleSections(text: string): ExampleSections {
  const lines = text.split('\n');
  const events: ExampleEvent[] = [];
  let changed = false;
  for (const section of exampleSections(lines)) {
    const read = readSection(lines, section.start, section.end);
    if (!read) continue;
    events.push(...read);
    for (let index = section.start; index < section.end; index++) lines[index] = lines[index].endsWith('\r') ? '\r' : '';
    changed = true;
  }
  return { text: changed ? lines.join('\n') : text, events };
}

/**
 * The lines [start, end) of each section from a depth-2 Example(s) heading (unindented, outside
 * code, HTML comments and other HTML blocks) to the next depth-2 heading that is no Example one.
 */
function exampleSections(lines: string[]): { start: number; end: number }[] {
  const sections: { start: number; end: number }[] = [];
  let fence: Fence | undefined;
  let comment = false;
  /** An HTML block, which ends at a blank line, or at its end tag when it holds raw text (`<pre>`, `<script>`). */
  let html: RegExp | 'blank' | undefined;
  let open: number | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = withoutCr(lines[index]);
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
      continue;
    }
    if (comment) {
      if (line.includes('-->')) comment = false;
      continue;
    }
    if (html) {
      if (html === 'blank' ? !line.trim() : html.test(line)) html = undefined;
      continue;
    }
    fence = opensFence(line);
    if (fence) continue;
    if (HTML_COMMENT.test(line)) {
      comment = !line.includes('-->', line.indexOf('<!--') + 4);
      continue;
    }
    if (HTML.test(line)) {
      const rawText = RAW_HTML.exec(line)?.[1];
      const end = rawText ? new RegExp(`</${rawText}>`, 'i') : undefined;
      html = end ? (end.test(line) ? undefined : end) : line.trim() ? 'blank' : undefined;
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    if (!heading || heading[1].length !== 2) continue;
    const isExample = EXAMPLE_HEADING.test(headingText(heading[2]));
    if (isExample && open !== undefined) continue;
    if (open !== undefined) sections.push({ start: open, end: index });
    open = isExample && line.startsWith('##') ? index : undefined;
  }
  // A section still open at the end of the page, or inside an unclosed fence, comment or HTML, stays whole.
  if (open !== undefined && !fence && !comment && !html) sections.push({ start: open, end: lines.length });
  return sections;
}

interface Fence { indent: number; marker: string }

/** The events of one section, or undefined when its lines do not say plainly what the parser would make of them. */
function readSection(lines: string[], start: number, end: number): ExampleEvent[] | undefined {
  const events: ExampleEvent[] = [];
  /** The open fence, its line and the first non-blank line of its content (as it is in the code's value). */
  let fence: (Fence & { line: number; first?: { index: number; content: string } }) | undefined;
  let comment: { line: number; column: number; lines: string[] } | undefined;
  let subsection = '';
  let afterProse = false;
  for (let index = start; index < end; index++) {
    const raw = lines[index];
    const line = withoutCr(raw);
    if (fence) {
      if (closesFence(line, fence)) {
        const { first } = fence;
        // The code's value ends before the last content line's line ending.
        const firstLine = first === undefined ? '' : first.index === index - 1 ? withoutCr(first.content) : first.content;
        events.push({ kind: 'code', line: fence.line, firstLine });
        fence = undefined;
      } else if (fence.first === undefined && line.trim()) {
        const content = unindent(raw, fence.indent);
        if (content === undefined) return undefined;
        fence.first = { index, content };
      }
      continue;
    }
    if (comment) {
      comment.lines.push(raw);
      if (line.includes('-->')) {
        pushAnnotation(events, comment);
        comment = undefined;
      }
      continue;
    }
    const wasAfterProse = afterProse;
    afterProse = false;
    if (!line.trim()) continue;
    const opening = opensFence(line);
    if (opening) {
      fence = { ...opening, line: index + 1 };
      continue;
    }
    if (HTML_COMMENT.test(line)) {
      const column = line.indexOf('<!--') + 1;
      comment = { line: index + 1, column, lines: [raw] };
      if (line.includes('-->', column + 3)) {
        pushAnnotation(events, comment);
        comment = undefined;
      }
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      const depth = heading[1].length;
      // The reader passes over depth-1 headings; a depth-2 one here is another Example heading.
      if (depth === 1) continue;
      if (depth === 2) {
        subsection = '';
        continue;
      }
      const text = headingText(heading[2]);
      if (mayReadAsSubsection(text)) return undefined;
      subsection = text.toLowerCase();
      if (READ_SUBSECTION.test(subsection)) return undefined;
      continue;
    }
    if (wasAfterProse && SETEXT_UNDERLINE.test(line)) return undefined;
    if (THEMATIC_BREAK.test(line)) continue;
    // A block quote holding only prose (the docs' "> **Note:**") is prose to the reader.
    const quoted = BLOCK_QUOTE.test(line) ? line.replace(QUOTE_MARKERS, '') : undefined;
    if (quoted !== undefined && quoted.trim() && !isPlainProse(quoted, false)) return undefined;
    if (quoted === undefined && !isPlainProse(line, wasAfterProse)) return undefined;
    if (line.includes('[!INCLUDE') && !onlyOtherIncludes(line)) return undefined;
    if (RESPONSE_SUBSECTION.test(subsection)) events.push({ kind: 'response-prose', line: index + 1 });
    afterProse = true;
  }
  return fence || comment ? undefined : events;
}

/** A line that can only be text of a paragraph (or continue one, when `afterProse`). */
function isPlainProse(line: string, afterProse: boolean): boolean {
  if (INDENTED.test(line)) return afterProse;
  return !(opensFence(line) || ATX_HEADING.test(line) || SETEXT_UNDERLINE.test(line) || HTML.test(line) || LIST_ITEM.test(line)
    || BLOCK_QUOTE.test(line) || DEFINITION.test(line) || (line.includes('|') && DELIMITER_CHARACTERS.test(line)));
}

/**
 * Whether a subheading with markup may be one the reader reads under: its text up to the
 * markup is all it surely starts with once parsed.
 */
function mayReadAsSubsection(text: string): boolean {
  const markup = text.search(MARKUP);
  if (markup < 0) return false;
  const plain = text.slice(0, markup).toLowerCase();
  return READ_SUBSECTION_WORDS.some((words) => words.startsWith(plain) || plain.startsWith(words));
}

function pushAnnotation(events: ExampleEvent[], comment: { line: number; column: number; lines: string[] }): void {
  const annotation = parseAnnotation(comment.lines.join('\n'));
  if (annotation?.blockType === 'request' || annotation?.blockType === 'response') {
    events.push({ kind: 'annotation', line: comment.line, column: comment.column, annotation });
  }
}

/** Whether every include on the line is whole and none is a permissions table (which the reader reads anywhere). */
function onlyOtherIncludes(line: string): boolean {
  const includes = [...line.matchAll(INCLUDE)];
  return includes.length === line.split('[!INCLUDE').length - 1
    && includes.every(([, label, target]) => label.toLowerCase() !== 'permissions-table' && !/\/includes\/permissions\//i.test(target));
}

/** An ATX heading's text without its closing sequence of `#` (by hand: a regular expression would backtrack on long runs of spaces). */
function headingText(rest: string): string {
  const text = rest.trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === 0) return '';
  return end < text.length && (text[end - 1] === ' ' || text[end - 1] === '\t') ? text.slice(0, end).trim() : text;
}

function opensFence(line: string): Fence | undefined {
  const match = FENCE.exec(line);
  if (!match || (match[2][0] === '`' && match[3].includes('`'))) return undefined;
  return { indent: match[1].length, marker: match[2] };
}

function closesFence(line: string, fence: Fence): boolean {
  // Most lines in code start otherwise: no need to match them.
  if (!line.trimStart().startsWith(fence.marker[0])) return false;
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return match !== null && match[1][0] === fence.marker[0] && match[1].length >= fence.marker.length;
}

/** A content line with as many leading spaces taken off as its fence is indented; undefined when a tab is among them (the parser splits its columns). */
function unindent(line: string, indent: number): string | undefined {
  let start = 0;
  while (start < indent && line[start] === ' ') start++;
  if (start < indent && line[start] === '\t') return undefined;
  return line.slice(start);
}

function withoutCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
