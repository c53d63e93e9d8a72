import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { blankUnreadSections } from '../../src/parallel/unreadSections.js';
import { listPages } from '../../src/read/discover.js';
import { readResourcePage } from '../../src/read/page.js';
import { readExpectedFigures } from '../../scripts/figures/expected.js';
import { methodsSectionFigures } from '../../scripts/figures/measure.js';
import { CORPUS, REPO_ROOT } from '../helpers/cli.js';
import { corpusTest } from '../helpers/corpus.js';

const METHODS = `| Method | Return type | Description |
|:---|:---|:---|
| [Get widget](../api/widget-get.md) | [widget](widget.md) | Read a widget. |`;

const page = (methodsBody: string) => `# widget resource type

Namespace: microsoft.graph

A widget.

## Methods

${methodsBody}

## Properties

| Property | Type | Description |
|:---|:---|:---|
| id | String | The id. |
`;

test('a Methods section holding only its table is emptied, line for line', () => {
  const text = page(METHODS);
  const blanked = blankUnreadSections(text);
  assert.not.equal(blanked, text);
  assert.not.ok(blanked.includes('Get widget'));
  assert.ok(blanked.includes('## Methods\n'));
  assert.is(blanked.split('\n').length, text.split('\n').length);
  assert.is(blanked.split('\n').indexOf('## Properties'), text.split('\n').indexOf('## Properties'));
});

test('a Methods section with anything the reader could read stays whole', () => {
  for (const body of [
    `${METHODS}\n\nThis type inherits from [entity](entity.md).`,
    `${METHODS}\n\n<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widget" } -->`,
    `${METHODS}\n\n\`\`\`json\n{}\n\`\`\``,
    `${METHODS}\n\n[entity]: entity.md`,
    `| Property | Type | Description |\n|:---|:---|:---|\n| id | String | The id. |`,
    `${METHODS}\n\n| Method | Return type | Description |\n|:---|:---|:---|`,
  ]) {
    assert.is(blankUnreadSections(page(body)), page(body), body);
  }
});

test('a Methods heading inside a code block or a comment is not a section', () => {
  const fenced = `# x\n\n\`\`\`md\n\n## Methods\n\n${METHODS}\n\`\`\`\n`;
  assert.is(blankUnreadSections(fenced), fenced);
  const commented = `# x\n\n<!--\n\n## Methods\n\n${METHODS}\n\n## Properties\n-->\n`;
  assert.is(blankUnreadSections(commented), commented);
});

test('CRLF pages keep their line breaks', () => {
  const text = page(METHODS).replace(/\n/g, '\r\n');
  const blanked = blankUnreadSections(text);
  assert.not.ok(blanked.includes('Get widget'));
  assert.is(blanked.split('\r\n').length, text.split('\r\n').length);
});

/** The promise the blanking makes: the reader's result is the same with and without it. */
async function assertReaderUnchanged(dir: string, every: number): Promise<void> {
  const files = (await listPages(dir)).filter((_, index) => index % every === 0);
  for (const file of files) {
    const text = readFileSync(file.absolute, 'utf8');
    const blanked = blankUnreadSections(text);
    if (blanked === text) continue;
    assert.equal(readResourcePage(file.relative, blanked), readResourcePage(file.relative, text), file.relative);
  }
}

test('the reader reads the embedded docs the same with their Methods sections blanked', async () => {
  for (const version of ['v1.0', 'beta']) await assertReaderUnchanged(path.join(REPO_ROOT, 'docs', version), 1);
});

corpusTest(test, 'the reader reads a sample of the corpus the same with its Methods sections blanked; the expected pages are blanked', async () => {
  const expected = readExpectedFigures().methodsSections;
  for (const version of ['v1.0', 'beta']) {
    await assertReaderUnchanged(path.join(CORPUS, version, 'resources'), 5);
    assert.equal(await methodsSectionFigures(version), expected[version], `${version}: pages, and pages blanked (test/expected-figures.json)`);
  }
});

test.run();
