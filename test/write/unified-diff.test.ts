import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { limitLines, unifiedDiff } from '../../src/write/unified-diff.js';

interface Case {
  name: string;
  given: { old: string; new: string };
  /** The diff's lines; [] for no diff. */
  want: string[];
}

function lines(count: number, text: (index: number) => string): string {
  return Array.from({ length: count }, (_, index) => `${text(index)}\n`).join('');
}

const ALPHABET = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\no\n';

const CASES: Case[] = [
  { name: 'equal texts give no diff', given: { old: 'same\n', new: 'same\n' }, want: [] },
  {
    name: 'one line changed, with 3 lines of context each side',
    given: { old: '1\n2\n3\n4\n5\n6\n7\n8\n9\n', new: '1\n2\n3\n4\nX\n6\n7\n8\n9\n' },
    want: ['--- a/f', '+++ b/f', '@@ -2,7 +2,7 @@', ' 2', ' 3', ' 4', '-5', '+X', ' 6', ' 7', ' 8'],
  },
  {
    name: 'an insert at the start',
    given: { old: '1\n2\n3\n4\n5\n', new: '0\n1\n2\n3\n4\n5\n' },
    want: ['--- a/f', '+++ b/f', '@@ -1,3 +1,4 @@', '+0', ' 1', ' 2', ' 3'],
  },
  {
    name: 'an insert at the end',
    given: { old: '1\n2\n3\n4\n5\n', new: '1\n2\n3\n4\n5\n6\n' },
    want: ['--- a/f', '+++ b/f', '@@ -3,3 +3,4 @@', ' 3', ' 4', ' 5', '+6'],
  },
  {
    name: 'a deletion at the end',
    given: { old: '1\n2\n3\n4\n5\n', new: '1\n2\n3\n4\n' },
    want: ['--- a/f', '+++ b/f', '@@ -2,4 +2,3 @@', ' 2', ' 3', ' 4', '-5'],
  },
  {
    name: 'a new text without a newline at its end is marked',
    given: { old: '1\n2\n', new: '1\n2' },
    want: ['--- a/f', '+++ b/f', '@@ -1,2 +1,2 @@', ' 1', '-2', '+2', '\\ No newline at end of file'],
  },
  {
    name: 'an old text without a newline at its end is marked',
    given: { old: '1\n2', new: '1\n2\n3\n' },
    want: ['--- a/f', '+++ b/f', '@@ -1,2 +1,3 @@', ' 1', '-2', '\\ No newline at end of file', '+2', '+3'],
  },
  {
    name: 'changes 6 lines apart share a hunk, with the old last line lacking its newline',
    given: { old: '1\n2\n3\n4\n5\n6\n7\n8\n9', new: '1\nX\n3\n4\n5\n6\n7\n8\nY\n9\n' },
    want: [
      '--- a/f', '+++ b/f', '@@ -1,9 +1,10 @@',
      ' 1', '-2', '+X', ' 3', ' 4', ' 5', ' 6', ' 7', ' 8', '-9', '\\ No newline at end of file', '+Y', '+9',
    ],
  },
  {
    name: 'changes 9 lines apart get a hunk each',
    given: { old: ALPHABET, new: ALPHABET.replace('d\n', 'D\n') + 'p\n' },
    want: [
      '--- a/f', '+++ b/f',
      '@@ -1,7 +1,7 @@', ' a', ' b', ' c', '-d', '+D', ' e', ' f', ' g',
      '@@ -13,3 +13,4 @@', ' m', ' n', ' o', '+p',
    ],
  },
  {
    name: 'a missing file is all added lines',
    given: { old: '', new: 'a\nb\n' },
    want: ['--- a/f', '+++ b/f', '@@ -0,0 +1,2 @@', '+a', '+b'],
  },
  {
    name: 'an extra file is all removed lines',
    given: { old: 'a\nb\n', new: '' },
    want: ['--- a/f', '+++ b/f', '@@ -1,2 +0,0 @@', '-a', '-b'],
  },
  {
    name: 'a missing file of 2000 lines gets its diff: with one side empty there is nothing to search',
    given: { old: '', new: lines(2000, (index) => `line ${index}`) },
    want: ['--- a/f', '+++ b/f', '@@ -0,0 +1,2000 @@', ...Array.from({ length: 2000 }, (_, index) => `+line ${index}`)],
  },
  {
    name: '500 lines replaced are 1000 edits, still diffed',
    given: { old: lines(500, (index) => `old ${index}`), new: lines(500, (index) => `new ${index}`) },
    want: [
      '--- a/f', '+++ b/f', '@@ -1,500 +1,500 @@',
      ...Array.from({ length: 500 }, (_, index) => `-old ${index}`),
      ...Array.from({ length: 500 }, (_, index) => `+new ${index}`),
    ],
  },
  {
    name: '501 lines replaced are too many changes to show',
    given: { old: lines(501, (index) => `old ${index}`), new: lines(501, (index) => `new ${index}`) },
    want: ['--- a/f', '+++ b/f', 'too many changes to show a line diff: 501 lines before, 501 after (more than 1000 lines added or removed)'],
  },
  {
    name: 'a huge rewrite is summarised, a last line without newline counted',
    given: { old: lines(50_000, (index) => `export interface Type${index} { id: string }`) + 'end', new: lines(60_000, (index) => `// ${index}`) },
    want: ['--- a/f', '+++ b/f', 'too many changes to show a line diff: 50001 lines before, 60000 after (more than 1000 lines added or removed)'],
  },
];

for (const { name, given, want } of CASES) {
  test(`unifiedDiff: ${name}`, () => {
    const diff = unifiedDiff(given.old, given.new, 'a/f', 'b/f');
    assert.equal(diff === '' ? [] : diff.split('\n'), want);
  });
}

test('limitLines: keeps up to maxLines lines, then counts the rest', () => {
  const cases: Array<[string[], number, string[]]> = [
    [['a', 'b'], 2, ['a', 'b']],
    [['a', 'b', 'c', 'd'], 2, ['a', 'b', '... 2 more lines']],
    [[], 0, []],
  ];
  for (const [given, maxLines, want] of cases) assert.equal(limitLines(given, maxLines), want, `${given.length} lines, at most ${maxLines}`);
});

function numberedLines(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `export interface Type${index} { id: string }\n`);
}

test('unifiedDiff: two 50,000-line texts differing in 3 places give 3 hunks, fast', () => {
  const oldLines = numberedLines(50_000);
  const newLines = [...oldLines];
  for (const index of [10, 25_000, 49_990]) newLines[index] = `// changed ${index}\n`;
  const started = performance.now();
  const diff = unifiedDiff(oldLines.join(''), newLines.join(''), 'a/big.ts', 'b/big.ts');
  const elapsed = performance.now() - started;
  const hunkHeaders = diff.split('\n').filter((line) => line.startsWith('@@'));
  assert.equal(hunkHeaders, ['@@ -8,7 +8,7 @@', '@@ -24998,7 +24998,7 @@', '@@ -49988,7 +49988,7 @@']);
  assert.ok(elapsed < 2000, `took ${elapsed} ms`);
});

test('unifiedDiff: two entirely different 50,000-line texts give up fast', () => {
  const oldText = numberedLines(50_000).join('');
  const newText = numberedLines(50_000).map((line) => `// ${line}`).join('');
  const started = performance.now();
  const diff = unifiedDiff(oldText, newText, 'a/big.ts', 'b/big.ts');
  const elapsed = performance.now() - started;
  assert.match(diff, /^too many changes to show a line diff: 50000 lines before, 50000 after/m);
  assert.ok(elapsed < 2000, `took ${elapsed} ms`);
});

/** Small seeded generator, so a failing case can be replayed. */
function randomGenerator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function randomEdit(lines: string[], random: () => number, edits: number): string[] {
  const result = [...lines];
  for (let edit = 0; edit < edits; edit++) {
    const index = Math.floor(random() * (result.length + 1));
    const choice = random();
    if (choice < 0.33) result.splice(index, 1);
    else if (choice < 0.66) result.splice(index, 0, `new ${Math.floor(random() * 5)}\n`);
    else result[index] = `changed ${Math.floor(random() * 5)}\n`;
  }
  return result;
}

test('unifiedDiff: applying the diff to the old text gives the new text', () => {
  const random = randomGenerator(42);
  for (let round = 0; round < 200; round++) {
    const size = Math.floor(random() * 60);
    const oldLines = Array.from({ length: size }, () => `line ${Math.floor(random() * 8)}\n`);
    const newLines = randomEdit(oldLines, random, Math.floor(random() * 10));
    const oldText = oldLines.join('') + (random() < 0.2 ? 'no newline' : '');
    const newText = newLines.join('') + (random() < 0.2 ? 'no newline' : '');
    assert.is(applyUnifiedDiff(oldText, unifiedDiff(oldText, newText, 'a', 'b')), newText, `round ${round}`);
  }
});

test('unifiedDiff: 3000 scattered edits in 20,000 lines give up fast, repeated lines or not', () => {
  for (const [seed, line] of [[7, (index: number) => `line ${index}\n`], [11, (index: number) => `line ${index % 3000}\n`]] as const) {
    const oldLines = Array.from({ length: 20_000 }, (_, index) => line(index));
    const newLines = randomEdit(oldLines, randomGenerator(seed), 3000);
    const started = performance.now();
    const diff = unifiedDiff(oldLines.join(''), newLines.join(''), 'a', 'b');
    const elapsed = performance.now() - started;
    assert.is(diff.split('\n')[2], `too many changes to show a line diff: 20000 lines before, ${newLines.length} after (more than 1000 lines added or removed)`);
    assert.ok(elapsed < 2000, `took ${elapsed} ms`);
  }
});

/** A strict patch applier: every context and removed line must match where the hunk header says. */
function applyUnifiedDiff(oldText: string, diff: string): string {
  if (diff === '') return oldText;
  const oldLines = oldText === '' ? [] : oldText.split(/(?<=\n)/);
  const result: string[] = [];
  let oldPosition = 0;
  const diffLines = diff.split('\n').slice(2);
  for (let index = 0; index < diffLines.length; index++) {
    const line = diffLines[index];
    const lineEnd = diffLines[index + 1] === '\\ No newline at end of file' ? '' : '\n';
    const header = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@$/.exec(line);
    if (header) {
      const start = Number(header[2]) === 0 ? Number(header[1]) : Number(header[1]) - 1;
      assert.ok(start >= oldPosition, 'hunks are in order');
      result.push(...oldLines.slice(oldPosition, start));
      oldPosition = start;
    } else if (line.startsWith(' ') || line.startsWith('-')) {
      assert.is(oldLines[oldPosition], line.slice(1) + lineEnd, `line ${oldPosition + 1}`);
      if (line.startsWith(' ')) result.push(oldLines[oldPosition]);
      oldPosition++;
    } else if (line.startsWith('+')) {
      result.push(line.slice(1) + lineEnd);
    } else if (line !== '\\ No newline at end of file') {
      assert.unreachable(`not a diff line: ${line}`);
    }
  }
  return result.join('') + oldLines.slice(oldPosition).join('');
}

test.run();
