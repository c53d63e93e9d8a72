/**
 * parseMarkdown builds the tables it is sure of from their lines and leaves the rest of the page
 * to micromark. Its promise: the tree is the one micromark builds for the whole page
 * (mdast-util-from-markdown with micromark-extension-gfm-table and mdast-util-gfm-table), every
 * node and position alike. Given a page, want: that tree, and the way it was taken (tables
 * built from lines, table-like lines left to micromark and why, the page parsed whole and why),
 * so that no case passes only because the fast path stepped aside.
 *
 * Then the same promise on generated pages (MARKDOWN_FUZZ_RUNS and MARKDOWN_FUZZ_SEED change
 * their number and seed), on input built to be slow, and on every page of the 2021-07 corpus
 * (when it is there), as the reader parses them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { listPages } from '../../src/read/discover.js';
import { parseMarkdown, parseMarkdownReporting, type Fallback, type ParseReport } from '../../src/read/markdown.js';
import { readExpectedFigures } from '../../scripts/figures/expected.js';
import { parsedBody } from '../../scripts/figures/measure.js';
import { CORPUS } from '../helpers/cli.js';
import { corpusTest } from '../helpers/corpus.js';

/** The reference: micromark on the whole page, as the reader parsed pages before. */
function micromark(text: string): Root {
  return fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
}

interface Case {
  name: string;
  given: string;
  want: { fastTables: number; fastCode?: number; skipped?: ParseReport['skipped'][number]['reason'][]; fallback?: Fallback };
}

const TABLE = '| Property | Type | Description |\n|:---|:---|:---|\n| id | String | The id. |';
const table = (...rows: string[]) => `| a | b |\n|---|---|\n${rows.join('\n')}`;

const CASES: Case[] = [
  { name: 'a plain table after a heading and a blank line', given: `# widget\n\n${TABLE}\n`, want: { fastTables: 1 } },
  { name: 'a table right under a heading', given: `## Properties\n${TABLE}\n\nText.\n`, want: { fastTables: 1 } },
  { name: 'a table at the start of the text', given: `${TABLE}\n\nText.`, want: { fastTables: 1 } },
  { name: 'a table at the end of the text without a line ending', given: `Text.\n\n${TABLE}`, want: { fastTables: 1 } },
  { name: 'a table at the end of the text with trailing blank lines', given: `Text.\n\n${TABLE}\n\n  \n`, want: { fastTables: 1 } },
  { name: 'two tables and prose between', given: `${TABLE}\n\nText *a*.\n\n${TABLE}\n\n- item\n`, want: { fastTables: 2 } },
  { name: 'escaped pipes', given: table('| a \\| b | c \\\\| d |', '| \\|x\\| | \\\\\\| |'), want: { fastTables: 1 } },
  { name: 'pipes in code spans split cells unless escaped', given: table('| `a|b` | c |', '| `a\\|b` | `\\\\|` |', '| `` x\\|y `` | ` ` |'), want: { fastTables: 1 } },
  { name: 'alignment', given: '| a | b | c | d |\n|:-|:-:|-:|-|\n| 1 | 2 | 3 | 4 |', want: { fastTables: 1 } },
  { name: 'alignment with spaces and tabs in the delimiter row', given: '| a | b |\n|\t:--- \t|  ---:|  \n| 1 | 2 |', want: { fastTables: 1 } },
  { name: 'empty cells', given: table('| | b |', '|| b |', '| a ||', '|', '| |', '|||'), want: { fastTables: 1 } },
  { name: 'short and long rows', given: table('| 1 |', '| 1 | 2 | 3 | 4 |', '| 1 | 2 | 3', '|1|2'), want: { fastTables: 1 } },
  { name: 'no trailing pipes, trailing spaces and tabs', given: '| a | b\n|---|---\t\n| 1 | 2  \t\n| 3 | 4 |   ', want: { fastTables: 1 } },
  { name: 'indented rows', given: `Text.\n\n   | a | b |\n |---|---|\n  | 1 | 2 |\n| 3 | 4 |`, want: { fastTables: 1 } },
  { name: 'CRLF line endings', given: `# x\r\n\r\n${TABLE.replace(/\n/g, '\r\n')}\r\n| *e* | [l](u.md) | \`c\` |\r\n\r\nText.\r\n`, want: { fastTables: 1 } },
  { name: 'tabs in cells', given: table('|\ta\t|\tb `\tc\t` |', '| a\tb | [x\ty](z) |'), want: { fastTables: 1 } },
  { name: 'entities', given: table('| &amp; | &#124; &#x7C; |', '| R&D | &foo; &nbsp; |', '| & | a&b=c |', '| [l](u?a=1&b=2) | [l](u&amp;v) |'), want: { fastTables: 1 } },
  {
    name: 'emphasis and strong',
    given: table('| *a* | **b** |', '| **Note:** text | (**id**) |', '| _c_ | a_b_c |', '| ***x*** | a**b**c |', '| ** x** | **a** **b** |', '| *a*b | x*y* |', '| __u__ | **a*b** |'),
    want: { fastTables: 1 },
  },
  {
    name: 'links and images',
    given: table('| [a](b.md) | [a b](http://x.y/z_w?q=1) |', '| [a](b "t") | [a](<b c>) |', '| ![i](j.png) | [a]() |', '| [`c`](d) | [**s**](t) |', '| [a](b(c)) | [a] (b) |'),
    want: { fastTables: 1 },
  },
  { name: 'HTML in cells', given: table('| a<br>b | <br/> <br /> <BR> |', '| <b>x</b> | <a href="y">z</a> |', '| < b | <= 3 |', '| <http://x.y> | <a@b.c> |'), want: { fastTables: 1 } },
  { name: 'backslashes', given: table('| \\* | a\\ |', '| \\\\ | \\[x\\] |'), want: { fastTables: 1 } },
  { name: 'unmatched backticks and brackets', given: table('| ` | `` ` `` |', '| [ | ] |', '| [a | a] |', '| ```a`` | `a`` |'), want: { fastTables: 1 } },
  { name: 'no-break spaces and other Unicode', given: table('| \u00a0a\u00a0 | **\u00a0b** |', '| *é* | “**q**” |'), want: { fastTables: 1 } },
  {
    name: 'reference links resolve by the page\'s definitions',
    given: `${table('| [user][] | [user] |', '| [x][user] | [nope][] |', '| [User Type][] | [a]: b |')}\n\n[user]: user.md\n\n> [user type]: x.md "t"\n`,
    want: { fastTables: 1 },
  },
  { name: 'a definition label spanning lines', given: `${table('| [a b][] | x |')}\n\n[a\nb]: c.md\n`, want: { fastTables: 0, fallback: 'multiline-definition-label' } },
  { name: 'a table after a paragraph', given: `Text.\n${TABLE}\n`, want: { fastTables: 0, skipped: ['after-text'] } },
  { name: 'a table after a list item line', given: `- item\n${TABLE}\n`, want: { fastTables: 0, skipped: ['after-text'] } },
  { name: 'a table with a lazy row', given: `${TABLE}\nlazy row\n\nText.\n`, want: { fastTables: 0, skipped: ['line-without-pipe'] } },
  { name: 'a table ended by a heading', given: `${TABLE}\n# Heading\n   ## Heading\n${TABLE}\n## Heading`, want: { fastTables: 2 } },
  { name: 'a table ended by a fence', given: `${TABLE}\n\`\`\`json\n| x |\n\`\`\`\n${TABLE}\n~~~\n`, want: { fastTables: 2, fastCode: 1 } },
  { name: 'a table ended by an HTML comment', given: `${TABLE}\n<!-- c -->\n${TABLE}\n<!--\n${TABLE}\n-->\n${TABLE}\n`, want: { fastTables: 3 } },
  { name: 'a table ended by a line like a heading', given: `${TABLE}\n#hashtag\n\n${TABLE}\n####### seven\n`, want: { fastTables: 0, skipped: ['line-without-pipe', 'line-without-pipe'] } },
  { name: 'a table ended by a line like a fence', given: `${TABLE}\n\`\`\`a\`\n`, want: { fastTables: 0, skipped: ['line-without-pipe'] } },
  { name: 'a table ended by other HTML', given: `${TABLE}\n<div>\n\n${TABLE}\n<3\n`, want: { fastTables: 0, skipped: ['line-without-pipe', 'line-without-pipe'] } },
  { name: 'a table with a row indented four spaces', given: `${TABLE}\n    | x | y | z |\n`, want: { fastTables: 0, skipped: ['line-without-pipe'] } },
  { name: 'a table inside a list item', given: `- item\n\n  ${TABLE.replace(/\n/g, '\n  ')}\n`, want: { fastTables: 0, skipped: ['indented-in-container'] } },
  { name: 'a table inside a list item indented by a tab', given: `- item\n\n\t${TABLE.replace(/\n/g, '\n\t')}\n`, want: { fastTables: 0 } },
  { name: 'an unindented table after a list closes it', given: `- item\n\n${TABLE}\n\n  more\n`, want: { fastTables: 1 } },
  { name: 'a table inside a block quote', given: `> ${TABLE.replace(/\n/g, '\n> ')}\n`, want: { fastTables: 0 } },
  { name: 'a table inside a block quote and a list', given: `> - a\n>\n>   ${TABLE.replace(/\n/g, '\n>   ')}\n`, want: { fastTables: 0 } },
  { name: 'a table in fenced code', given: `\`\`\`md\n\n${TABLE}\n\n\`\`\`\n\n~~~\n${TABLE}\n~~~\n`, want: { fastTables: 0, fastCode: 2 } },
  { name: 'a table after fenced code', given: `\`\`\`json\n{}\n\`\`\`\n${TABLE}\n`, want: { fastTables: 1, fastCode: 1 } },
  { name: 'a table in an unclosed fence', given: `\`\`\`\n\n${TABLE}\n`, want: { fastTables: 0 } },
  { name: 'a table in an HTML comment', given: `<!--\n\n${TABLE}\n\n-->\n\n${TABLE}\n`, want: { fastTables: 1 } },
  { name: 'a table after an HTML block', given: `<div>\n\n${TABLE}\n\n</div>\n`, want: { fastTables: 1 } },
  { name: 'a table in an HTML block', given: `<div>\n${TABLE}\n</div>\n`, want: { fastTables: 0 } },
  { name: 'a table after a one-line comment', given: `<!-- { "blockType": "resource" } -->\n\n${TABLE}\n<!-- x -->\n${TABLE}\n`, want: { fastTables: 2 } },
  { name: 'a table after a comment in an HTML block', given: `<div>\n<!--\n-->\n${TABLE}\n`, want: { fastTables: 0 } },
  { name: 'a table after a comment that interrupts a paragraph', given: `Text.\n<!--\n-->\n${TABLE}\n`, want: { fastTables: 1 } },
  { name: 'indented code around a table', given: `    code\n\n${TABLE}\n\n    more code\n`, want: { fastTables: 1 } },
  { name: 'a fence opened in a list item, closed by a line of its own', given: `- \`\`\`\n\n\`\`\`\n\n${TABLE}\n`, want: { fastTables: 0 } },
  { name: 'delimiter row with fewer cells', given: '| a | b |\n|---|\n| 1 | 2 |', want: { fastTables: 0 } },
  { name: 'delimiter row with an empty cell', given: '| a | b |\n|---||\n| 1 | 2 |', want: { fastTables: 0 } },
  { name: 'delimiter row with spaces inside a cell', given: '| a | b |\n|- -|---|\n| 1 | 2 |', want: { fastTables: 0 } },
  { name: 'a lone pipe is no header row', given: '|\n|-|\n| 1 |', want: { fastTables: 0 } },
  { name: 'a header of one empty cell', given: '| |\n|-|\n| 1 |', want: { fastTables: 1 } },
  { name: 'a header shorter than the placeholder', given: '|a\n|-\n|b', want: { fastTables: 0, skipped: ['short-header'] } },
  { name: 'a header row only', given: '| a | b |\n|---|---|', want: { fastTables: 1 } },
  { name: 'a table like the reader\'s group headings', given: table('| **Device configuration** | |', '| name | String |'), want: { fastTables: 1 } },
  { name: 'a lone carriage return', given: `Text.\r${TABLE}\n`, want: { fastTables: 0, fallback: 'rewritten-characters' } },
  { name: 'a NUL character', given: `${TABLE}\n| \0 | x | y |\n`, want: { fastTables: 0, fallback: 'rewritten-characters' } },
  { name: 'a byte order mark', given: `\uFEFF${TABLE}\n`, want: { fastTables: 0, fallback: 'rewritten-characters' } },
  { name: 'no table at all', given: '# Title\n\nText with | a pipe.\n', want: { fastTables: 0 } },
  { name: 'an empty text', given: '', want: { fastTables: 0 } },
];


const JSON_BLOCK = '```json\n{\n  "@odata.type": "#microsoft.graph.widget",\n  "id": "String (identifier)"\n}\n```';

const CODE_CASES: Case[] = [
  { name: 'a JSON block after a heading', given: `# widget\n\n${JSON_BLOCK}\n\nText.\n`, want: { fastTables: 0, fastCode: 1 } },
  { name: 'backticks, tildes, and each inside the other', given: '```\n~~~\nx\n~~~\n```\n\n~~~\n```\n``` a\n~~~\n', want: { fastTables: 0, fastCode: 2 } },
  { name: 'a longer closing fence, trailing spaces and tabs', given: '```\na\n``\n```` \t\n\n~~~~\nb\n~~~~~~\n', want: { fastTables: 0, fastCode: 2 } },
  { name: 'a shorter fence does not close', given: '````\na\n```\n````\n\n~~~~ x\n~~~\n~~~~\n', want: { fastTables: 0, fastCode: 2 } },
  { name: 'a fence of the other marker does not close', given: '```\n~~~\n```\n', want: { fastTables: 0, fastCode: 1 } },
  { name: 'a closing fence followed by text is content', given: '```\n``` x\n```\n', want: { fastTables: 0, fastCode: 1 } },
  { name: 'a closing fence indented four spaces is content', given: '```\n    ```\n   ```\n', want: { fastTables: 0, fastCode: 1 } },
  {
    name: 'info strings with meta',
    given: '```json  {"a": 1} title="x y"  \nx\n```\n\n~~~\tjs\tm\t\n~~~\n\n``` json \n```\n\n~~~ a`b ` c\n~~~\n\n```é“x” ä\n```\n',
    want: { fastTables: 0, fastCode: 5 },
  },
  {
    name: 'info strings with escapes or character references are left to micromark',
    given: '```a\\_b\nx\n```\n\n```a&amp;b\nx\n```\n\n```a b\\\n```\n\n```a &\n```\n',
    want: { fastTables: 0 },
  },
  { name: 'a backtick fence with a backtick in its info string is no fence', given: '```a`b\nx\n```\n', want: { fastTables: 0 } },
  { name: 'indented fences', given: '  ```\n  a\n b\nc\n    d\n   \n\n  ```\n\n   ~~~ x\n     y\n  ~~~\n\n ```\nz\n     ```\n ```\n', want: { fastTables: 0, fastCode: 3 } },
  {
    name: 'an indented fence over content indented by a tab is left to micromark',
    given: '  ```\n\tx\n  ```\n\n```\n\tx\t\n```\n\n  ```\n  \tx\n```\n',
    want: { fastTables: 0, fastCode: 2 },
  },
  { name: 'empty blocks', given: '```\n```\n\n```\n\n```\n\n~~~\n\n\n~~~\n\n```\n  \n```\n', want: { fastTables: 0, fastCode: 4 } },
  { name: 'a fence inside a list item', given: '- item\n\n  ```\n  x\n  ```\n\n- ```\n  y\n  ```\n', want: { fastTables: 0 } },
  { name: 'a fence inside a block quote', given: '> ```\n> x\n> ```\n\n> a\n>\n> ```\n> y\n```\n', want: { fastTables: 0 } },
  { name: 'a fence after a list or a block quote closes them', given: '- a\n```\nx\n```\n\n> b\n```\ny\n```\n  - c\n', want: { fastTables: 0, fastCode: 2 } },
  { name: 'a fence in an HTML block', given: '<div>\n```\nx\n```\n</div>\n\n<!--\n```\ny\n```\n-->\n', want: { fastTables: 0 } },
  { name: 'a fence after an HTML comment', given: '<!-- { "blockType": "resource" } -->\n```json\n{}\n```\n', want: { fastTables: 0, fastCode: 1 } },
  { name: 'an unclosed fence', given: 'Text.\n\n```json\n{}\n\n| a |\n|---|\n', want: { fastTables: 0 } },
  { name: 'an unclosed fence after a closed one', given: '```\nx\n```\n\n~~~\ny\n```\n', want: { fastTables: 0, fastCode: 1 } },
  { name: 'a fence directly after a paragraph line', given: 'Text.\n```\nx\n```\nMore.\n===\n', want: { fastTables: 0, fastCode: 1 } },
  { name: 'a fence right under a heading and before indented code', given: '# H\n```\nx\n```\n    code\n\n   ## G\n~~~\n~~~\n[l]: u\n', want: { fastTables: 0, fastCode: 2 } },
  { name: 'a fence at the end of the text without a line ending', given: 'Text.\n\n```\nx\n```', want: { fastTables: 0, fastCode: 1 } },
  { name: 'a fence at the start of the text and a closing fence at its end', given: '```\n\n```', want: { fastTables: 0, fastCode: 1 } },
  {
    name: 'tables and fences in turns',
    given: `${TABLE}\n${JSON_BLOCK}\n${TABLE}\n\n${JSON_BLOCK}\n\n| [a][] |\n|-|\n\n[a]: b\n${JSON_BLOCK}`,
    want: { fastTables: 3, fastCode: 3 },
  },
  { name: 'CRLF line endings', given: `# x\r\n\r\n${JSON_BLOCK.replace(/\n/g, '\r\n')}\r\n  \`\`\`\r\n  a\r\n\r\n b\r\n\`\`\`\r\n`, want: { fastTables: 0, fastCode: 2 } },
  { name: 'a fence the scan takes for closed, opened in a list item', given: '- a\n\n  ```\n\n```\n\n```\nx\n```\n', want: { fastTables: 0, fallback: 'code-not-top-level' } },
  { name: 'a fence opened in a list item, then one of its own', given: '- ```\n  x\n```\ny\n```\n', want: { fastTables: 0, fastCode: 1 } },
];

for (const [kind, cases] of [['tables', CASES], ['code', CODE_CASES]] as const) {
  for (const { name, given, want } of cases) {
    test(`${kind}: ${name}`, () => {
      const report = parseMarkdownReporting(given);
      assert.equal(report.tree, micromark(given), 'the tree micromark builds');
      assert.is(report.fastTables, want.fastTables, 'tables built from their lines');
      assert.is(report.fastCode, want.fastCode ?? 0, 'code blocks built from their lines');
      assert.equal(report.skipped.map((skip) => skip.reason), want.skipped ?? [], 'table-like lines left to micromark');
      assert.is(report.fallback, want.fallback, 'why the page was parsed whole');
    });
  }

  test(`${kind}: every case with CRLF line endings`, () => {
    for (const { name, given } of cases) {
      const crlf = given.replace(/\r?\n/g, '\r\n');
      assert.equal(parseMarkdown(crlf), micromark(crlf), name);
    }
  });
}

// ------------------------------------------------------------------------------------------
// Generated pages

const INLINE = [
  'a', 'b c', ' ', '\t', '`x`', '`` y ` ``', '` z `', '`', '``', '\\|', '\\\\', '\\', '\\*', '&amp;', '&#124;', '&', 'R&D', '&foo;',
  '*', '**', '***', '*e*', '**s**', '**a:**', '(**b**)', '*a*b', 'x**y**', '_', '__', 'a_b', '_u_', '[l](u.md)', '[l](u&v=1)',
  '[l](u&amp;)', '[l]', '[l][]', '[r][l]', '![i](j)', '!', '<br>', '<br />', '<b>', '</b>', '<', '<=', '<http://x.y>', '<a@b.c>',
  '[', ']', '(', ')', 'é', '\u00a0', '“', '.', ':', '~~x~~', '[a `b](c)`', '#', '-', '1.', '>', '=',
];
const cell = fc.array(fc.constantFrom(...INLINE), { maxLength: 5 }).map((parts) => parts.join(''));
const edges = fc.record({ lead: fc.constantFrom('', ' ', '   ', '    ', '\t'), end: fc.boolean(), trail: fc.constantFrom('', ' ', '\t') });
/** A line that starts with a pipe after up to three spaces, of `cells` cells. */
const row = (cells: number) => fc.tuple(fc.array(cell, { minLength: cells, maxLength: cells }), edges)
  .map(([parts, { lead, end, trail }]) => `${lead.trim() || lead.length > 3 ? '' : lead}|${parts.join('|')}${end ? '|' : ''}${trail}`);
/** Any line with cells, pipes at its ends or not, indented or not. */
const looseRow = fc.tuple(fc.array(cell, { maxLength: 5 }), edges, fc.boolean())
  .map(([parts, { lead, end, trail }, pipe]) => `${lead}${pipe ? '|' : ''}${parts.join('|')}${end ? '|' : ''}${trail}`);
const delimiterRow = (cells: fc.Arbitrary<string[]>) => fc.tuple(cells, edges)
  .map(([parts, { lead, end, trail }]) => `${lead.trim() || lead.length > 3 ? '' : lead}|${parts.join('|')}${end ? '|' : ''}${trail}`);
const validDelimiter = (cells: number) =>
  delimiterRow(fc.array(fc.constantFrom('-', '---', ':-', '-:', ':-:', ' --- ', '\t-\t'), { minLength: cells, maxLength: cells }));
const looseDelimiter = (cells: number) =>
  delimiterRow(fc.array(fc.constantFrom('-', ':-:', '', '- -', '::', 'x'), { minLength: Math.max(1, cells - 1), maxLength: cells + 1 }));
const generatedTable = fc.integer({ min: 1, max: 4 }).chain((cells) => fc.tuple(
  fc.oneof(row(cells), row(cells), looseRow),
  fc.oneof(validDelimiter(cells), validDelimiter(cells), validDelimiter(cells), looseDelimiter(cells)),
  fc.array(fc.oneof(row(cells), row(cells + 1), looseRow, fc.constantFrom('|', 'lazy', '# h', '    | x |')), { maxLength: 5 }),
).map(([header, delimiter, body]) => [header, delimiter, ...body].join('\n')));
const OTHER_BLOCKS = [
  '', '', 'Text.', '# Heading', '- item', '  - nested', '1. one', '> quote', '```', '~~~', '    indented', '<!--', '-->',
  '<!-- c -->', '<div>', '</div>', '[l]: http://x', '[r]: y "t"', '   ', '***', '---', '===', 'a | b', '| lone', '-|-', '\t|x|',
];
const CODE_LINES = ['', '  ', 'x', '{', '  "a": 1', '\tb', ' \t c', '| a |', '|---|', '```', '````', '~~~', '  ```', '    ```', '``` x', '- d', '> e', '<!--', '-->'];
/** A code fence, closed or not, its content lines, and maybe a closing fence; indented or not. */
const generatedFence = fc.tuple(
  fc.constantFrom('', '', ' ', '  ', '   '),
  fc.constantFrom('```', '```', '~~~', '````', '~~~~~'),
  fc.constantFrom('', '', 'json', 'json ', ' json', 'js a b ', '\tx\ty\t', 'a`b', 'a\\b', 'a&amp;', 'é'),
  fc.array(fc.constantFrom(...CODE_LINES), { maxLength: 5 }),
  fc.constantFrom('', '', '', '', '  ', ' \t', '`', '~'),
  fc.constantFrom('', '', '', ' ', '   ', '    '),
  fc.integer({ min: 0, max: 9 }),
).map(([indent, fence, info, content, trail, closeIndent, closing]) => [
  `${indent}${fence}${info}`,
  ...content,
  ...(closing === 0 ? [] : [`${closeIndent}${fence}${closing > 6 ? fence[0] : ''}${trail}`]),
].join('\n'));
const generatedPage = fc.tuple(
  fc.array(fc.oneof(fc.constantFrom(...OTHER_BLOCKS), generatedTable, generatedTable, generatedFence), { minLength: 1, maxLength: 12 }),
  fc.constantFrom('\n', '\n\n', '\n\n'),
  fc.constantFrom('\n', '\r\n'),
  fc.constantFrom('', '\n'),
).map(([blocks, separator, lineEnding, end]) => `${blocks.join(separator)}${end}`.replace(/\n/g, lineEnding));

test('tables and code: generated pages parse to micromark\'s tree', () => {
  let fastTables = 0;
  let fastCode = 0;
  fc.assert(fc.property(generatedPage, (text) => {
    const report = parseMarkdownReporting(text);
    fastTables += report.fastTables;
    fastCode += report.fastCode;
    assert.equal(report.tree, micromark(text), JSON.stringify(text));
  }), { numRuns: Number(process.env.MARKDOWN_FUZZ_RUNS ?? 1_500), seed: Number(process.env.MARKDOWN_FUZZ_SEED ?? 20_210_701) });
  assert.ok(fastTables > 300, `${fastTables} tables built from their lines`);
  assert.ok(fastCode > 300, `${fastCode} code blocks built from their lines`);
});

// ------------------------------------------------------------------------------------------
// Input built to be slow

const SLOW_CASES: { name: string; given: string }[] = [
  { name: 'a table of 10,000 columns', given: `# T\n\n|${'h|'.repeat(10_000)}\n|${'-|'.repeat(10_000)}\n|${'a `b` [c](d) **e**|'.repeat(10_000)}\n` },
  { name: 'a line of 200,000 pipes', given: `${'|'.repeat(200_000)}\n` },
  { name: 'a header row of 200,000 pipes', given: `${'|'.repeat(200_000)}\n|-|\n| x |\n` },
  { name: 'a body row of 20,000 pipes', given: `| a |\n|---|\n${'|'.repeat(20_000)}\n` },
  { name: '3,000 cells for micromark', given: `|${'h|'.repeat(3_000)}\n|${'-|'.repeat(3_000)}\n|${'[x] *a|'.repeat(3_000)}\n` },
  { name: 'a cell of 5,000 unmatched backtick runs', given: `| a |\n|---|\n| ${Array.from({ length: 5_000 }, (_, index) => '`'.repeat(1 + (index % 60))).join(' ')} |\n` },
  { name: '1,000 tables in list items', given: Array.from({ length: 1_000 }, () => `- item\n\n  ${table('| c | d |').replace(/\n/g, '\n  ')}\n`).join('\n') },
];

// Whether they stay fast is the bench's business (tests assert no timings); the hostile tests'
// budget catches a hang.
for (const { name, given } of SLOW_CASES) {
  test(`tables: ${name} parse to micromark's tree`, () => {
    assert.equal(parseMarkdown(given), micromark(given));
  });
}

// ------------------------------------------------------------------------------------------
// The corpus

corpusTest(test, 'tables: every page of the corpus parses to micromark\'s tree, with the expected blocks built from their lines', async () => {
  const fallbacks = new Map<string, number>();
  const count = (reason: string) => fallbacks.set(reason, (fallbacks.get(reason) ?? 0) + 1);
  let fastTables = 0;
  let fastCode = 0;
  for (const version of ['v1.0', 'beta']) {
    for (const page of await listPages(path.join(CORPUS, version, 'resources'))) {
      if (page.unreadable) continue;
      const body = parsedBody(readFileSync(page.absolute, 'utf8'));
      const report = parseMarkdownReporting(body);
      assert.equal(report.tree, micromark(body), `${version}/${page.relative}`);
      fastTables += report.fastTables;
      fastCode += report.fastCode;
      for (const skip of report.skipped) count(skip.reason);
      if (report.fallback) count(`page: ${report.fallback}`);
    }
  }
  console.log(`corpus: ${fastTables} tables and ${fastCode} code blocks built from their lines; left to micromark: ${JSON.stringify(Object.fromEntries(fallbacks))}`);
  assert.equal({ tablesFromLines: fastTables, codeBlocksFromLines: fastCode }, readExpectedFigures().reader, 'test/expected-figures.json');
});

test.run();
