/**
 * Parsing is most of the generator's time, so sections the reader never looks at are blanked
 * before parsing. Only one kind qualifies: a `## Methods` section that holds nothing but one
 * table headed "Method", which the reader ignores (its first column is neither a property nor an
 * enum member column). A third of the 2021-07 resource pages have one (33% in v1.0, 35% in beta:
 * test/expected-figures.json), about 14% of their text. Anything else in the section (prose,
 * which the reader scans for "inherits from" and "open type"; code, HTML, link definitions)
 * keeps it whole.
 *
 * Lines are emptied rather than removed, so every line and column the reader reports stays right.
 * test/parallel/unreadSections.test.ts checks that the reader's results do not change.
 */

const METHODS_HEADING = /^ {0,3}##[ \t]+methods[ \t]*#*[ \t\r]*$/i;
/** Headings of depth 1 or 2 end a section; deeper ones stay inside it. */
const SECTION_END = /^ {0,3}#{1,2}(?:[ \t\r]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const METHODS_TABLE_HEADER = /^ {0,3}\|?[ \t]*\**methods?\**[ \t]*\|/i;
const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t\r]*$/;
const TABLE_ROW = /^ {0,3}\|/;
const BLANK = /^[ \t\r]*$/;

/** The page text with every unread Methods section's body emptied; the same string when there is none. */
export function blankUnreadSections(text: string): string {
  const lines = text.split('\n');
  let changed = false;
  for (const section of methodsSections(lines)) {
    if (!isOnlyAMethodsTable(lines.slice(section.start, section.end))) continue;
    for (let index = section.start; index < section.end; index++) lines[index] = lines[index].endsWith('\r') ? '\r' : '';
    changed = true;
  }
  return changed ? lines.join('\n') : text;
}

/** The body lines [start, end) of each `## Methods` section outside code, preceded by a blank line. */
function methodsSections(lines: string[]): { start: number; end: number }[] {
  const sections: { start: number; end: number }[] = [];
  let fence: string | undefined;
  let open: { start: number } | undefined;
  let htmlComment = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (htmlComment || fence) {
      if (htmlComment && line.includes('-->')) htmlComment = false;
      if (fence && closesFence(line, fence)) fence = undefined;
      continue;
    }
    const opening = FENCE.exec(line);
    if (opening) {
      fence = opening[1];
      continue;
    }
    if (opensHtmlComment(line)) htmlComment = true;
    if (!SECTION_END.test(line)) continue;
    if (open) sections.push({ start: open.start, end: index });
    open = METHODS_HEADING.test(line) && index > 0 && BLANK.test(lines[index - 1]) ? { start: index + 1 } : undefined;
  }
  // A section still open at the end of the page, or inside an unclosed fence or comment, stays whole.
  if (open && !fence && !htmlComment) sections.push({ start: open.start, end: lines.length });
  return sections;
}

/** Blank lines around one table whose header row says Method and whose every row starts with a pipe. */
function isOnlyAMethodsTable(body: string[]): boolean {
  const first = body.findIndex((line) => !BLANK.test(line));
  if (first < 0) return false;
  let last = body.length - 1;
  while (BLANK.test(body[last])) last--;
  const table = body.slice(first, last + 1);
  return table.length >= 2 && METHODS_TABLE_HEADER.test(table[0]) && DELIMITER_ROW.test(table[1])
    && table.every((line) => TABLE_ROW.test(line));
}

function closesFence(line: string, fence: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t\r]*$/.exec(line);
  return match !== null && match[1][0] === fence[0] && match[1].length >= fence.length;
}

function opensHtmlComment(line: string): boolean {
  const start = line.indexOf('<!--');
  return start >= 0 && !line.includes('-->', start + 4);
}
