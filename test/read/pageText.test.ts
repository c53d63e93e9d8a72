import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { preparePageText } from '../../src/read/pageText.js';

const cases: { given: string; text: string; want: string[]; wantText?: string }[] = [
  { given: 'a plain page', text: '# x\n\ntext\n', want: [], wantText: '# x\n\ntext\n' },
  { given: 'a byte order mark', text: '\uFEFF---\n', want: [], wantText: '---\n' },
  { given: 'lone CR line endings', text: 'a\rb\r\nc\r', want: [], wantText: 'a\nb\r\nc\n' },
  { given: 'a replacement character', text: 'a\nb \uFFFD\uFFFD\n', want: ['invalid-utf8@2:3'] },
  { given: 'NUL bytes', text: 'a\nb\nc\0\0', want: ['nul-bytes@3:2'], wantText: 'a\nb\nc\uFFFD\uFFFD' },
  { given: 'block quotes nested 40 deep', text: `${'> '.repeat(40)}deep\n`, want: ['nesting-too-deep@1:1'], wantText: `${'> '.repeat(31)}> deep\n` },
  { given: 'a list indented 300 columns', text: `- a\n${' '.repeat(300)}- b\n`, want: ['nesting-too-deep@2:1'], wantText: `- a\n${' '.repeat(128)}- b\n` },
  { given: 'a paragraph of 1,200 emphasis runs', text: `${'*a'.repeat(600)}\n${'_b'.repeat(600)}\n\nnext *para*\n`, want: ['too-many-emphasis-markers@1:1'] },
  { given: 'a table whose rows each hold 600 runs', text: `| a | b |\n|---|---|\n| ${'*x'.repeat(600)} | y |\n| ${'*x'.repeat(600)} | y |\n`, want: [] },
];

for (const { given, text, want, wantText } of cases) {
  test(`page text: ${given}`, () => {
    const prepared = preparePageText(text);
    assert.equal(prepared.findings.map((finding) => `${finding.ruleId}@${finding.line}:${finding.column}`), want);
    if (wantText !== undefined) assert.is(prepared.text, wantText);
    assert.is(prepared.text.split('\n').length, text.replace(/\r(?!\n)/g, '\n').split('\n').length, 'lines are kept');
  });
}

test('page text: emphasis markers past the limit become look-alikes, the line as long as before', () => {
  const prepared = preparePageText(`${'*_'.repeat(1_000)}\n`);
  assert.is(prepared.text, `${'\u2217\uFF3F'.repeat(1_000)}\n`);
});

test.run();
