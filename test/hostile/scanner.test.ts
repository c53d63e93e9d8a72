/** The check the hostile tests rely on: it must see page text that escaped into code, and only that. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { codeTokensContaining } from './scanner.js';

const CASES: { given: string; source: string; needle: string; want: number[] }[] = [
  { given: 'a needle inside a JSDoc comment', source: '/** a <script> b */\nexport interface A {}\n', needle: '<script>', want: [] },
  { given: 'a needle inside a line comment', source: '// ${process.exit(1)}\nexport {};\n', needle: '${process', want: [] },
  { given: 'a needle inside a string literal', source: 'export const a = "*/ `${x}` <script>";\n', needle: '<script>', want: [] },
  { given: 'a needle inside a single-quoted string', source: "export const a = '\\u2028 ${process}';\n", needle: '${process', want: [] },
  { given: 'page text that closed a JSDoc comment early', source: '/** a */ b\n */\nexport interface A {}\n', needle: '*/', want: [2] },
  { given: 'a tag split into several tokens', source: '/** x */\nconst a = 1 <script> 2;\n', needle: '<script>', want: [2] },
  { given: 'a substitution in a template literal', source: 'export const a = `x${process.exit(1)}`;\n', needle: '${process', want: [1] },
  { given: 'a template literal after a substitution', source: 'const b = `a${ {c: 1}.c }b`; const d = "<script>";\n', needle: '<script>', want: [] },
  { given: 'text after a U+2028 that ended a line comment', source: '// note\u2028export const pwned = 1;\n', needle: 'export const pwned', want: [1] },
  { given: 'a U+2028 in code', source: 'export const a = 1;\u2028export const b = 2;\n', needle: '\u2028', want: [1] },
  { given: 'a regular expression holding a quote', source: 'const r = /"/; const s = "<script>";\n', needle: '<script>', want: [] },
  { given: 'a division, not a regular expression', source: 'const r = a / b; const s = "/ <script>";\n', needle: '<script>', want: [] },
  { given: 'text that escaped a string literal', source: 'const s = ""; export const pwned = 1; "";\n', needle: 'export const pwned', want: [1] },
];

for (const { given, source, needle, want } of CASES) {
  test(`codeTokensContaining: ${given}`, () => {
    assert.equal(codeTokensContaining(source, needle).map((run) => run.line), want);
  });
}

test.run();
