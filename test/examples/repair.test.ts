import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseBody, type Repair } from '../../src/examples/repair.js';

const repair = suite('examples: parse a body, repairing the docs shorthand');

interface Case {
  name: string;
  body: string;
  truncated?: boolean;
  /** The value and the repairs made, or the reason and line of a body that stays not JSON. */
  want: { value: unknown; repairs: Repair[] } | { reason: RegExp; line?: number };
}

const cases: Case[] = [
  { name: 'plain JSON is not touched', body: '{ "a": [1, 2] }', want: { value: { a: [1, 2] }, repairs: [] } },
  {
    name: '... lines and a lone ellipsis character',
    body: '{\n  "value": [\n    { "id": "1" },\n    ...\n  ],\n  …\n  "b": 2\n}',
    want: { value: { value: [{ id: '1' }], b: 2 }, repairs: ['ellipsis', 'trailing comma'] },
  },
  {
    name: 'elided values lose their key; an ellipsis in brackets empties them',
    body: '{ "id": ..., "list": [...], "object": { ... }, "c": 3 }',
    want: { value: { list: [], object: {}, c: 3 }, repairs: ['elided value', 'ellipsis', 'trailing comma'] },
  },
  {
    name: 'line and block comments outside strings; // inside a string stays',
    body: '{\n  "url": "https://contoso.com/a", // the site\n  /* hidden */ "b": true\n}',
    want: { value: { url: 'https://contoso.com/a', b: true }, repairs: ['comment'] },
  },
  {
    name: 'trailing commas in objects and arrays',
    body: '{ "a": [1, 2,], "b": { "c": 1, }, }',
    want: { value: { a: [1, 2], b: { c: 1 } }, repairs: ['trailing comma'] },
  },
  {
    name: 'dots inside strings and numbers are not shorthand',
    body: '{ "a": "wait...", "b": 1.5, ',
    truncated: true,
    want: { value: { a: 'wait...', b: 1.5 }, repairs: ['trailing comma', 'closed truncated body'] },
  },
  {
    name: 'a body cut short is closed only when the page says it is truncated',
    body: '{ "value": [ { "id": "1" }',
    want: { reason: /Expected ',' or ']'|Unexpected end/ },
  },
  {
    name: 'a truncated body cut short is closed',
    body: '{ "value": [ { "id": "1" }, ...',
    truncated: true,
    want: { value: { value: [{ id: '1' }] }, repairs: ['ellipsis', 'trailing comma', 'closed truncated body'] },
  },
  {
    name: 'a missing comma is not shorthand: reported with the parser\'s reason and line',
    body: '{\n  "a": 1\n  "b": 2\n}',
    want: { reason: /^Expected ',' or '}' after property value$/, line: 2 },
  },
  { name: 'text that is not JSON at all', body: 'Received: from contoso.com', want: { reason: /^Unexpected token 'R'$/ } },
  { name: 'a raw tab inside a string', body: '{ "a": "x\ty" }', want: { reason: /^Bad control character in string literal$/, line: 0 } },
];

for (const { name, body, truncated = false, want } of cases) {
  repair(name, () => {
    const parsed = parseBody(body, { truncated });
    if ('value' in want) {
      assert.is(parsed.kind, 'json', parsed.kind === 'notJson' ? parsed.reason : '');
      if (parsed.kind !== 'json') return;
      assert.equal(parsed.value, want.value);
      assert.equal([...parsed.repairs].sort(), [...want.repairs].sort());
    } else {
      assert.is(parsed.kind, 'notJson');
      if (parsed.kind !== 'notJson') return;
      assert.match(parsed.reason, want.reason);
      if (want.line !== undefined) assert.is(parsed.line, want.line);
    }
  });
}

repair('a repaired text keeps every line where it was', () => {
  const body = '{\n  // note\n  "a": 1,\n  ...\n  "b": 2,\n}';
  const parsed = parseBody(body, { truncated: false });
  assert.is(parsed.kind, 'json');
  if (parsed.kind !== 'json') return;
  assert.is(parsed.text.split('\n').length, body.split('\n').length);
  assert.is(parsed.text.split('\n')[4].trim(), '"b": 2');
});

repair.run();
