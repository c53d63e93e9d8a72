import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildReport, causeOf, formatMarkdown, formatSummary, summaryLine } from '../../src/examples/report.js';
import type { ExampleRef, Outcome } from '../../src/examples/verify.js';

const report = suite('examples: the verification report');

const ref = (line: number): ExampleRef => ({ file: 'api/a.md', line, kind: 'response', odataType: 'microsoft.graph.widget', isCollection: false, truncated: false });

const failure = (path: string, expected: string, found: string) => ({ path, line: 1, expected, found, message: `${path}: expected ${expected}, got ${found}` });

const OUTCOMES: Outcome[] = [
  { example: ref(10), status: 'passed', typeName: 'microsoft.graph.widget', repairs: [], items: 1, failures: [] },
  { example: ref(20), status: 'passed', typeName: 'microsoft.graph.widget', repairs: ['trailing comma'], items: 1, failures: [] },
  { example: ref(30), status: 'failed', typeName: 'microsoft.graph.widget', repairs: [], items: 1, failures: [
    { ...failure('$.color', 'color member or null', 'string "Red"'), hint: 'enum member in another case' },
    { ...failure('$.shade', 'color member', 'string "x-value"'), hint: 'placeholder value' },
  ] },
  { example: ref(40), status: 'failed', typeName: 'microsoft.graph.widget', repairs: [], items: 1, failures: [failure('$.size', 'integer (Int32) or null', 'string')] },
  { example: ref(50), status: 'notJson', reason: 'Unexpected token', line: 52 },
  { example: ref(60), status: 'noType', reason: 'no generated type Edm.String', repairs: [] },
];

report('counts every outcome; found = notJson + noType + checked', () => {
  const { counts, passRate, repairs } = buildReport('v1.0', 'docs/v1.0', OUTCOMES, []);
  assert.equal(counts, { found: 6, notJson: 1, noType: 1, checked: 4, passed: 2, failed: 2, repaired: 1, skipped: 0, failedOnDocsStyle: 1, undeclaredCollections: 0 });
  assert.is(passRate, 50);
  assert.equal(repairs, { 'trailing comma': 1 });
});

report('an example failing only on docs placeholders and enum case counts apart, for the record', () => {
  const built = buildReport('v1.0', 'docs/v1.0', OUTCOMES, []);
  assert.is(built.passRateWithoutDocsStyle, 75);
  assert.equal(built.hints, { 'enum member in another case': 1, 'placeholder value': 1 });
  assert.match(formatSummary(built, []), '1 of the failed examples fail only on docs placeholders');
});

report('groups failures by the shape of their message', () => {
  const { causes } = buildReport('v1.0', 'docs/v1.0', OUTCOMES, []);
  assert.equal(causes.map((cause) => [cause.cause, cause.examples, cause.failures.length]), [
    ['not a member of enum color', 1, 2],
    ['expected integer (Int32), got string', 1, 1],
  ]);
});

const causeCases: [string, string, string, string][] = [
  ['$.start', 'string (DateTimeOffset) or null', 'number', 'expected string (DateTimeOffset), got number'],
  ['$.size', 'integer (Int32)', 'number 1.5', 'expected integer (Int32), got number'],
  ['$.status', 'callRecords.callType member or null', 'string "Peer"', 'not a member of enum callRecords.callType'],
  ['$.value[0]["@odata.type"]', '#microsoft.graph.identity or a type derived from it', 'string "#microsoft.graph.x"',
    '@odata.type names a type that is neither the declared one nor derived from it'],
];

for (const [path, expected, found, want] of causeCases) {
  report(`cause of "${expected}, got ${found}"`, () => assert.is(causeOf({ path, expected, found }), want));
}

report('the summary ends with the figures line', () => {
  const built = buildReport('v1.0', 'docs/v1.0', OUTCOMES, []);
  assert.is(summaryLine(built.counts), 'examples: found=6 notJson=1 checked=4 passed=2 (50.0%)');
  const lines = formatSummary(built, ['r.md', 'r.json']).split('\n');
  assert.is(lines.at(-1), summaryLine(built.counts));
  assert.ok(lines.some((line) => line.includes('not a member of enum color')));
});

report('the markdown lists every failure with file:line and path, and the repaired count', () => {
  const markdown = formatMarkdown(buildReport('v1.0', 'docs/v1.0', OUTCOMES, [{ file: 'api/b.md', line: 3, odataType: 'x', reason: 'no body' }]));
  assert.match(markdown, '| repaired | 1 |');
  assert.match(markdown, '- `api/a.md:1` (example at line 30, `microsoft.graph.widget`): `$.color`: expected color member or null, got string "Red" (enum member in another case)');
  assert.match(markdown, '- `api/a.md:52` (`microsoft.graph.widget`): Unexpected token');
  assert.match(markdown, '- no body (1): `api/b.md:3`');
  assert.match(markdown, 'examples: found=6 notJson=1 checked=4 passed=2 (50.0%)');
});

report('no checked example is a 0% pass rate, not a division by zero', () => {
  assert.is(summaryLine(buildReport('beta', 'd', [], []).counts), 'examples: found=0 notJson=0 checked=0 passed=0 (0.0%)');
});

report.run();
