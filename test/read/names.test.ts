import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isTypeName, readNameCell, type NameCell } from '../../src/read/names.js';

const NAME_CELLS: { given: string; want: 'skip' | 'silent' | { name: string; warned: boolean } }[] = [
  { given: 'id', want: { name: 'id', warned: false } },
  { given: '**id**', want: { name: 'id', warned: false } },
  { given: '`displayName`', want: { name: 'displayName', warned: false } },
  { given: 'id (deprecated)', want: { name: 'id', warned: false } },
  { given: 'displayName<br>(Deprecated)', want: { name: 'displayName', warned: false } },
  { given: '_id (deprecated)', want: { name: '_id', warned: false } },
  { given: '__proto__', want: { name: '__proto__', warned: false } },
  { given: 'class', want: { name: 'class', warned: false } },
  { given: '@odata.type', want: { name: '@odata.type', warned: false } },
  { given: '@microsoft.graph.downloadUrl', want: { name: '@microsoft.graph.downloadUrl', warned: false } },
  { given: 'x-ms-id', want: { name: 'x-ms-id', warned: true } },
  { given: 'a.b', want: { name: 'a.b', warned: true } },
  { given: 'with space', want: 'skip' },
  { given: '123abc', want: 'skip' },
  { given: '<script>', want: 'skip' },
  { given: '${x}', want: 'skip' },
  { given: 'file/localizations', want: 'skip' },
  { given: '', want: 'silent' },
  { given: '** **', want: 'silent' },
];

const outcome = (cell: NameCell) =>
  (cell.name !== undefined ? { name: cell.name, warned: cell.warning !== undefined } : cell.problem ? 'skip' : 'silent');

for (const { given, want } of NAME_CELLS) {
  test(`name cell ${JSON.stringify(given)}`, () => assert.equal(outcome(readNameCell(given)), want));
}

const TYPE_NAMES: [string, boolean][] = [
  ['user', true], ['microsoft.graph.user', true], ['microsoft.graph.callRecords.session', true], ['microsoft.graph.x-y.widget', true],
  ['../../evil', false], ['microsoft.graph.evil/../x', false], ['/etc/passwd', false], ['a*/b', false], ['a..b', false],
  ['microsoft.graph.', false], ['x-y', false], ['', false], ['<script>', false],
];

for (const [name, want] of TYPE_NAMES) {
  test(`type name ${JSON.stringify(name)}`, () => assert.is(isTypeName(name), want));
}

test.run();
