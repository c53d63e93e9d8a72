import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { childPath, lineIndex, lineOf, valueAt } from '../../src/examples/locate.js';

const locate = suite('examples: find the line of a JSON path');

const TEXT = `{
  "value": [
    {
      "id": "1",
      "@odata.type": "#microsoft.graph.user",
      "a]b": { "c": [10,
        20] }
    }
  ],
  "escaped \\" key": true
}`;

const cases: [string, number | undefined][] = [
  ['$', 0],
  ['$.value', 1],
  ['$.value[0]', 2],
  ['$.value[0].id', 3],
  ['$.value[0]["@odata.type"]', 4],
  ['$.value[0]["a]b"].c[1]', 6],
  ['$["escaped \\" key"]', 9],
  // A property the body does not have points at the object that lacks it.
  ['$.value[0].missing', 2],
  ['$.value[0]["a]b"].c[7]', 5],
];

for (const [path, line] of cases) {
  locate(`${path} → line ${line}`, () => {
    assert.is(lineOf(lineIndex(TEXT), path), line);
  });
}

locate('child paths use the guards\' path format', () => {
  assert.is(childPath('$', 'value'), '$.value');
  assert.is(childPath('$.value', 2), '$.value[2]');
  assert.is(childPath('$', '@odata.type'), '$["@odata.type"]');
});

locate('the value a path points at', () => {
  const body = JSON.parse(TEXT) as unknown;
  assert.is(valueAt(body, '$.value[0].id'), '1');
  assert.is(valueAt(body, '$.value[0]["a]b"].c[1]'), 20);
  assert.is(valueAt(body, '$["escaped \\" key"]'), true);
  assert.is(valueAt(body, '$.value[3].id'), undefined);
  assert.is(valueAt(body, '$'), body);
});

locate.run();
