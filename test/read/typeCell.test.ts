import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseTypeCell } from '../../src/read/typeCell.js';

const cases: { given: string; want: ReturnType<typeof parseTypeCell> }[] = [
  { given: 'String', want: { type: { kind: 'primitive', name: 'String' }, collection: false } },
  { given: 'string', want: { type: { kind: 'primitive', name: 'String' }, collection: false } },
  { given: 'Edm.Int32', want: { type: { kind: 'primitive', name: 'Int32' }, collection: false } },
  { given: '`DateTimeOffset`', want: { type: { kind: 'primitive', name: 'DateTimeOffset' }, collection: false } },
  { given: '**Boolean**', want: { type: { kind: 'primitive', name: 'Boolean' }, collection: false } },
  { given: '(boolean or string or number) collection', want: { type: { kind: 'primitive', name: 'Untyped' }, collection: true } },
  { given: 'String or string', want: { type: { kind: 'primitive', name: 'String' }, collection: false } },
  { given: '[resultInfo](resultinfo.md)', want: { type: { kind: 'unresolved', name: 'resultInfo' }, collection: false } },
  { given: '[widgetPart](widgetpart.md) collection', want: { type: { kind: 'unresolved', name: 'widgetPart' }, collection: true } },
  { given: 'String collection', want: { type: { kind: 'primitive', name: 'String' }, collection: true } },
  { given: 'Collection(string)', want: { type: { kind: 'primitive', name: 'String' }, collection: true } },
  { given: 'Collection([columnDefinition][])', want: { type: { kind: 'unresolved', name: 'columnDefinition' }, collection: true } },
  { given: '[identitySet][]', want: { type: { kind: 'unresolved', name: 'identitySet' }, collection: false } },
  { given: 'microsoft.graph.widgetPart', want: { type: { kind: 'unresolved', name: 'microsoft.graph.widgetPart' }, collection: false } },
  { given: '[ageGroup](#agegroup-values)', want: { type: { kind: 'unresolved', name: 'ageGroup' }, collection: false } },
  { given: 'string, max length 20', want: { type: { kind: 'primitive', name: 'String' }, collection: false, maxLength: 20 } },
  { given: 'string, maximum size 50', want: { type: { kind: 'primitive', name: 'String' }, collection: false, maxLength: 50 } },
  { given: 'Int64', want: { type: { kind: 'primitive', name: 'Int64' }, collection: false } },
  { given: 'Edm.Binary', want: { type: { kind: 'primitive', name: 'Binary' }, collection: false } },
  { given: 'Stream', want: { type: { kind: 'primitive', name: 'Stream' }, collection: false } },
  { given: 'riskLevel', want: { type: { kind: 'unresolved', name: 'riskLevel' }, collection: false } },
  { given: 'Guid collection', want: { type: { kind: 'primitive', name: 'Guid' }, collection: true } },
  { given: '', want: undefined },
];

for (const { given, want } of cases) {
  test(`type cell ${JSON.stringify(given)}`, () => {
    assert.equal(parseTypeCell(given), want);
  });
}

test.run();
