import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Example } from '../../src/examples/extract.js';
import type { GeneratedTypes, ValidationIssue } from '../../src/examples/validators.js';
import { verifyExample } from '../../src/examples/verify.js';

const verify = suite('examples: check one example with its type\'s validator');

/** A stand-in for a generated `validateWidget`: `size` must be a number, `color` a widgetColor member. */
function validateWidget(value: unknown): ValidationIssue[] {
  const { size, color } = value as { size?: unknown; color?: unknown };
  const issues: ValidationIssue[] = [];
  if (size !== undefined && typeof size !== 'number') {
    issues.push({ path: '$.size', expected: 'integer (Int32)', found: typeof size, message: `$.size: expected integer (Int32), got ${typeof size}` });
  }
  if (color !== undefined && color !== 'red' && color !== 'green') {
    issues.push({ path: '$.color', expected: 'widgetColor member or null', found: 'string', message: '$.color: expected widgetColor member or null, got string' });
  }
  return issues;
}

const lookup: GeneratedTypes = {
  validatorFor: (odataType) =>
    odataType === 'microsoft.graph.widget' ? { validator: validateWidget, fullName: 'microsoft.graph.widget' } : { reason: `no generated type ${odataType}` },
  enumMembers: (name) => (name === 'widgetColor' ? ['red', 'green'] : undefined),
  declares: (fullName, property) => fullName === 'microsoft.graph.widget' && ['size', 'color'].includes(property),
  valueValidator: () => undefined,
};

function example(body: string, overrides: Partial<Example> = {}): Example {
  return { file: 'api/widget-get.md', line: 20, kind: 'response', odataType: 'microsoft.graph.widget', isCollection: false, truncated: false, body, ...overrides };
}

verify('a valid single object passes', () => {
  const outcome = verifyExample(example('{ "size": 3 }'), lookup);
  assert.is(outcome.status, 'passed');
});

verify('a failure names the JSON path and the line of the value in the page', () => {
  const outcome = verifyExample(example('{\n  "name": "a",\n  "size": "big"\n}'), lookup);
  assert.is(outcome.status, 'failed');
  if (outcome.status !== 'failed') return;
  assert.equal(outcome.failures.map((failure) => [failure.path, failure.line, failure.message]), [['$.size', 22, '$.size: expected integer (Int32), got string']]);
});

verify('a collection is checked item by item in value, paths from the body root', () => {
  const outcome = verifyExample(example('{\n  "@odata.context": "x",\n  "value": [\n    { "size": 1 },\n    { "size": "2" }\n  ]\n}', { isCollection: true }), lookup);
  assert.is(outcome.status, 'failed');
  if (outcome.status !== 'failed') return;
  assert.is(outcome.items, 2);
  assert.equal(outcome.failures.map((failure) => [failure.path, failure.line, failure.message]), [['$.value[1].size', 24, '$.value[1].size: expected integer (Int32), got string']]);
});

verify('a bare array is a collection too', () => {
  const outcome = verifyExample(example('[{ "size": 1 }, { "size": 2 }]', { isCollection: true }), lookup);
  assert.is(outcome.status, 'passed');
  if (outcome.status === 'passed') assert.is(outcome.items, 2);
});

verify('isCollection with a single object fails: the example contradicts its annotation', () => {
  const outcome = verifyExample(example('{ "size": 1 }', { isCollection: true }), lookup);
  assert.is(outcome.status, 'failed');
  if (outcome.status === 'failed') assert.is(outcome.failures[0].found, 'no value property');
});

verify('a collection whose annotation lacks isCollection is still checked item by item, and says so', () => {
  const outcome = verifyExample(example('{ "@odata.context": "x", "value": [{ "size": "1" }] }'), lookup);
  assert.is(outcome.status, 'failed');
  if (outcome.status !== 'failed') return;
  assert.is(outcome.undeclaredCollection, true);
  assert.equal(outcome.failures.map((failure) => failure.path), ['$.value[0].size']);
});

verify('a repaired body is checked and says what was repaired', () => {
  const outcome = verifyExample(example('{\n  "size": 1,\n  ...\n}', { truncated: true }), lookup);
  assert.is(outcome.status, 'passed');
  if (outcome.status === 'passed') assert.equal(outcome.repairs.sort(), ['ellipsis', 'trailing comma']);
});

verify('not JSON: the reason and the line in the page', () => {
  const outcome = verifyExample(example('{\n  "a": 1\n  "b": 2\n}'), lookup);
  assert.is(outcome.status, 'notJson');
  if (outcome.status === 'notJson') assert.equal([outcome.line, outcome.reason], [22, "Expected ',' or '}' after property value"]);
});

verify('a type with no validator is counted apart, not checked', () => {
  const outcome = verifyExample(example('"text"', { odataType: 'Edm.String' }), lookup);
  assert.equal(outcome.status === 'noType' && outcome.reason, 'no generated type Edm.String');
});

const hintCases: [string, string, string | undefined][] = [
  ['a placeholder for a number', '{ "size": "size-value" }', 'placeholder value'],
  ['a type name for a number', '{ "size": "Int32" }', 'placeholder value'],
  ['a number in quotes', '{ "size": "42" }', 'literal in quotes'],
  ['an empty object', '{ "size": {} }', 'placeholder value'],
  ['an empty string for an enum', '{ "color": "" }', 'placeholder value'],
  ['an enum member in another case', '{ "color": "Red" }', 'enum member in another case'],
  ['enum members joined by commas', '{ "color": "red,green" }', 'enum members joined by commas'],
  ['a plain wrong value has no hint', '{ "color": "blue" }', undefined],
];

for (const [name, body, hint] of hintCases) {
  verify(`hint: ${name}`, () => {
    const outcome = verifyExample(example(body), lookup);
    assert.is(outcome.status, 'failed');
    if (outcome.status === 'failed') assert.is(outcome.failures[0].hint, hint);
  });
}

verify.run();
