import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readExpectedFigures } from '../../scripts/figures/expected.js';
import { exampleFigures } from '../../scripts/figures/measure.js';
import { requestSummaryLine, summaryLine } from '../../src/examples/report.js';
import { verifyDocsExamples } from '../../src/examples/run.js';
import { CORPUS } from '../helpers/cli.js';
import { corpusTest } from '../helpers/corpus.js';

const corpus = suite('corpus: the api pages\' JSON examples against the generated validators');

/**
 * The figures are exact: a rise is as suspect as a fall (an enum check that lets any string
 * through raises the pass rate). The failures left are the docs' own (placeholder values such as
 * `"style-value"` or `"String"` where an enum member belongs, enum members in another case than
 * their page lists, bodies that contradict their page's Type column): see
 * test/known-docs-gaps.md, "Example verification". A change that moves a figure updates
 * test/expected-figures.json with `npm run figures -- --update`, and the diff shows what moved.
 */
for (const apiVersion of ['v1.0', 'beta']) {
  corpusTest(corpus, `${apiVersion}: the examples' counts and failures by cause are the expected ones`, async () => {
    // One generation per version: CI has two cores and thirty minutes for everything.
    const report = await verifyDocsExamples(path.join(CORPUS, apiVersion), {
      apiVersion, enumStyle: 'const', displayFile: (absolute) => path.relative(CORPUS, absolute),
    });
    const { counts } = report;
    console.log(`  ${apiVersion} ${summaryLine(counts)} repaired=${counts.repaired}`);
    assert.is(counts.found, counts.notJson + counts.noType + counts.checked);
    const expected = readExpectedFigures().examples[apiVersion];
    const measured = exampleFigures(report);
    assert.equal(measured.counts, expected.counts, `${summaryLine(counts)}; expected ${summaryLine(expected.counts)} (test/expected-figures.json)`);
    assert.equal(measured.causes, expected.causes, 'failures by cause (test/expected-figures.json)');
    const requests = report.requestBodies.counts;
    console.log(`  ${apiVersion} ${requestSummaryLine(requests)}`);
    assert.is(requests.found, requests.unmatched + requests.noType + requests.notJson + requests.checked);
    assert.equal(measured.requestBodies, expected.requestBodies, `${requestSummaryLine(requests)} (test/expected-figures.json)`);
  });
}

corpus.run();
