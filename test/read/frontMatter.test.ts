import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { splitFrontMatter } from '../../src/read/frontMatter.js';

const cases = [
  { given: '---\ndoc_type: resourcePageType\n---\n# x', want: { doc_type: 'resourcePageType' } },
  { given: '---\ndoc_type: "enumPageType"\ntitle: \'a: b\'\n---\n', want: { doc_type: 'enumPageType', title: 'a: b' } },
  { given: '---\r\ndoc_type: conceptualPageType\r\n---\r\n', want: { doc_type: 'conceptualPageType' } },
  { given: '# no front matter', want: {} },
];

for (const { given, want } of cases) {
  test(`front matter ${JSON.stringify(given.slice(0, 30))}`, () => {
    const result = splitFrontMatter(given);
    assert.equal(result.fields, want);
    assert.is(result.body.split('\n').length, given.split('\n').length, 'line numbers are kept');
  });
}

test('reports front matter that never closes', () => {
  assert.is(splitFrontMatter('---\ndoc_type: x\n# title').unclosed, true);
});

test.run();
