import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diffReport, markdownReport, summaryLines } from '../../src/diff/report.js';
import type { Change } from '../../src/diff/types.js';

const change = (type: string, member: string | null, breaking: boolean, kind: Change['kind'] = breaking ? 'property-removed' : 'property-added'): Change => ({
  kind, version: 'beta', type, member, breaking, rule: kind,
  from: kind.endsWith('-added') ? null : { value: 'Edm.String', place: 'resources/x.md:4' },
  to: kind.endsWith('-removed') ? null : { value: 'Edm.Int32', place: null },
});

// In the change list's order (by full name), microsoft.graph.callRecords.b falls between two microsoft.graph types.
const CHANGES = [
  change('/widgets', 'GET', true, 'operation-removed'),
  change('microsoft.graph.a', 'x', true),
  change('microsoft.graph.callRecords.b', 'y', true),
  change('microsoft.graph.z', 'w', false),
  change('microsoft.graph.z', 'v', true),
];

test('markdown: counts on top, breaking first, each namespace and type under one heading', () => {
  const text = markdownReport(diffReport('old', 'new', CHANGES));
  assert.match(text, /^# API changes: `old` → `new`\n\n4 breaking, 1 not breaking\.\n\n\| change \| breaking \| not breaking \|/);
  assert.equal(text.split('\n').filter((line) => line.startsWith('##')), [
    '## Breaking (4)', '### beta · microsoft.graph', '#### `a`', '#### `z`', '### beta · microsoft.graph.callRecords', '#### `b`',
    '### beta · operations', '#### `GET /widgets`',
    '## Not breaking (1)', '### beta · microsoft.graph', '#### `z`',
  ]);
  assert.match(text, '- property-removed `x` [property-removed]: was `Edm.String` (resources/x.md:4)');
  assert.match(text, '- property-added `w` [property-added]: now `Edm.Int32`\n');
});

test('markdown: docs text cannot end its code span or its line', () => {
  const text = markdownReport(diffReport('a`b', 'c', [{ ...change('microsoft.graph.a', 'odd`name', true), from: { value: 'x\ny ``z', place: null } }]));
  assert.match(text, '# API changes: `` a`b `` → `c`');
  assert.match(text, '- property-removed `` odd`name `` [property-removed]: was ``` x y ``z ```');
});

test('summary lines: breaking first, then the others, cut at the limit with a count', () => {
  assert.equal(summaryLines(diffReport('a', 'b', CHANGES), 2), [
    'API changes: 4 breaking, 1 not breaking',
    '  beta GET /widgets: operation-removed [operation-removed]: was `Edm.String` (resources/x.md:4)',
    '  beta microsoft.graph.a: property-removed `x` [property-removed]: was `Edm.String` (resources/x.md:4)',
    '  ... and 3 more: `graph-docs-typegen diff` lists them all',
  ]);
});

test.run();
