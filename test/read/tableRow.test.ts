import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readDelimiterRow, splitRow } from '../../src/read/tableRow.js';

/** Each cell as [start, end, content]: where it starts and ends in the row, and its content without the spaces around it. */
const cellsOf = (row: string) => splitRow(row, 0, row.length)
  .map((cell) => [cell.start, cell.end, cell.contentStart < 0 ? '' : row.slice(cell.contentStart, cell.contentEnd)]);

const ROWS: { given: string; want: (number | string)[][] }[] = [
  { given: '| a | b |', want: [[0, 4, 'a'], [4, 9, 'b']] },
  { given: '| a | b', want: [[0, 4, 'a'], [4, 7, 'b']] },
  { given: '| a | b |  ', want: [[0, 4, 'a'], [4, 11, 'b']] },
  { given: '| a \\| b |', want: [[0, 10, 'a \\| b']] },
  { given: '| a \\\\| b |', want: [[0, 6, 'a \\\\'], [6, 11, 'b']] },
  { given: '| `a|b` |', want: [[0, 4, '`a'], [4, 9, 'b`']] },
  { given: '| | b |', want: [[0, 2, ''], [2, 7, 'b']] },
  { given: '|| b ||', want: [[0, 1, ''], [1, 5, 'b'], [5, 7, '']] },
  { given: '|', want: [[0, 1, '']] },
  { given: '| |', want: [[0, 3, '']] },
  { given: '|\ta\tb\t|', want: [[0, 7, 'a\tb']] },
  { given: '| a\\', want: [[0, 4, 'a\\']] },
];

for (const { given, want } of ROWS) {
  test(`splitRow ${JSON.stringify(given)}`, () => assert.equal(cellsOf(given), want));
}

test('splitRow stops past a limit', () => {
  assert.is(splitRow('|'.repeat(1_000), 0, 1_000, 3).length, 4);
});

const DELIMITERS: { given: string; want: ReturnType<typeof readDelimiterRow> }[] = [
  { given: '|---|:--|--:|:-:|', want: [null, 'left', 'right', 'center'] },
  { given: '| - |\t:-\t', want: [null, 'left'] },
  { given: '|-|-|  ', want: [null, null] },
  { given: '|', want: undefined },
  { given: '|-||', want: undefined },
  { given: '|- -|', want: undefined },
  { given: '|::|', want: undefined },
  { given: '|:-:-|', want: undefined },
  { given: '|-a-|', want: undefined },
  { given: '|\\-|', want: undefined },
];

for (const { given, want } of DELIMITERS) {
  test(`readDelimiterRow ${JSON.stringify(given)}`, () => assert.equal(readDelimiterRow(given, 0, given.length), want));
}

test.run();
