import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readJsonMembers } from '../../src/read/jsonBlock.js';

test('reads top-level members with their types, lines and enum lists', () => {
  const members = readJsonMembers(`{
  "id": "String (identifier)",
  "size": 1024,
  "isOn": true,
  "resultInfo": {"@odata.type": "#microsoft.graph.resultInfo", "code": 1},
  "tags": ["String"],
  "parts": [{"@odata.type": "microsoft.graph.widgetPart"}],
  "key": {"@odata.type": "Edm.Binary"},
  "status": "notStarted | running | completed",
  "nested": {
    "inner": "String"
  },
  "last": "DateTimeOffset"
}`);
  assert.equal(members.map((member) => [member.name, member.line]), [
    ['id', 1], ['size', 2], ['isOn', 3], ['resultInfo', 4], ['tags', 5], ['parts', 6], ['key', 7], ['status', 8], ['nested', 9], ['last', 12],
  ]);
  const byName = Object.fromEntries(members.map((member) => [member.name, member]));
  assert.equal(byName.id.type, { kind: 'primitive', name: 'String' });
  assert.equal(byName.size.type, { kind: 'primitive', name: 'Int32' });
  assert.equal(byName.isOn.type, { kind: 'primitive', name: 'Boolean' });
  assert.equal(byName.resultInfo.type, { kind: 'unresolved', name: 'microsoft.graph.resultInfo' });
  assert.equal([byName.tags.type, byName.tags.collection], [{ kind: 'primitive', name: 'String' }, true]);
  assert.equal([byName.parts.type, byName.parts.collection], [{ kind: 'unresolved', name: 'microsoft.graph.widgetPart' }, true]);
  assert.equal(byName.key.type, { kind: 'primitive', name: 'Binary' });
  assert.equal(byName.status.enumValues, ['notStarted', 'running', 'completed']);
  assert.equal(byName.nested.type, { kind: 'primitive', name: 'Untyped' });
});

test('tolerates the docs shorthand: comments, ellipses, trailing commas, broken strings', () => {
  const members = readJsonMembers(`{
  // a comment
  "a": "String",
  ...
  "b": "Int32",
}`);
  assert.equal(members.map((member) => member.name), ['a', 'b']);
  assert.equal(readJsonMembers('{ "unterminated: 1\n'), []);
});

test.run();
