/**
 * `npm run figures`: measures every corpus figure again and compares it with
 * test/expected-figures.json and the README (exit 1 with a diff when they differ);
 * `npm run figures -- --update` writes both instead. Run it after a change that moves a figure,
 * and read the diff: it is what the change did to the output on the real docs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { diffModels } from '../src/diff/compare.js';
import { verifyDocsExamples } from '../src/examples/run.js';
import type { Model } from '../src/model/types.js';
import { generateVersion } from '../src/pipeline.js';
import { unifiedDiff } from '../src/write/unified-diff.js';
import { CORPUS, CORPUS_VERSIONS, FIGURES_FILE, formatFigures, REPO_ROOT, type Figures } from './figures/expected.js';
import { ACCURACY_TOOL, apiPageFigures, diffFigures, diffOfficialFigure, exampleFigures, lintFigures, methodsSectionFigures, readerFigures, scoreAccuracy } from './figures/measure.js';
import { readmeWithFigures } from './figures/readme.js';

const { values } = parseArgs({ options: { update: { type: 'boolean' } } });
for (const needed of [CORPUS, ACCURACY_TOOL]) {
  if (!existsSync(needed)) {
    console.error(`figures: needs ${needed}`);
    process.exit(2);
  }
}

const figures: Figures = { accuracy: {}, examples: {}, lint: {}, apiPages: {}, methodsSections: {}, reader: { tablesFromLines: 0, codeBlocksFromLines: 0 }, diff: {}, diffOfficial: '' };
const wholeModels = new Map<string, Model>();
for (const apiVersion of CORPUS_VERSIONS) {
  process.stderr.write(`figures: ${apiVersion}\n`);
  const docs = path.join(CORPUS, apiVersion, 'resources');
  const output = await generateVersion({ apiVersion, dir: docs, outSubdir: '' }, { enumStyle: 'const' });
  figures.lint[apiVersion] = lintFigures(output.diagnostics);
  const whole = await generateVersion({ apiVersion, dir: path.join(CORPUS, apiVersion), outSubdir: '' }, { enumStyle: 'const' });
  figures.apiPages[apiVersion] = apiPageFigures(whole);
  wholeModels.set(apiVersion, whole.model);
  figures.accuracy[apiVersion] = (await scoreAccuracy(output.files, apiVersion, docs)).summary;
  figures.examples[apiVersion] = exampleFigures(await verifyDocsExamples(path.join(CORPUS, apiVersion), { apiVersion, enumStyle: 'const' }));
  figures.methodsSections[apiVersion] = await methodsSectionFigures(apiVersion);
}
figures.reader = await readerFigures();
figures.diff['v1.0..beta'] = diffFigures(diffModels(wholeModels.get('v1.0')!, wholeModels.get('beta')!, 'v1.0..beta'));
figures.diffOfficial = diffOfficialFigure();

const readmeFile = path.join(REPO_ROOT, 'README.md');
const readme = readFileSync(readmeFile, 'utf8');
const expected = existsSync(FIGURES_FILE) ? readFileSync(FIGURES_FILE, 'utf8') : '';
const measured = formatFigures(figures);
const { text: measuredReadme, problems } = readmeWithFigures(readme, figures);
for (const problem of problems) console.error(problem);

if (values.update) {
  writeFileSync(FIGURES_FILE, measured);
  writeFileSync(readmeFile, measuredReadme);
  console.log(`figures: wrote ${path.relative(REPO_ROOT, FIGURES_FILE)} and README.md; \`git diff\` shows what moved`);
} else {
  const diffs = [unifiedDiff(expected, measured, 'test/expected-figures.json', 'measured'), unifiedDiff(readme, measuredReadme, 'README.md', 'measured')].filter(Boolean);
  for (const diff of diffs) console.log(diff);
  console.log(diffs.length ? 'figures: the corpus figures moved; `npm run figures -- --update` writes them' : 'figures: the corpus gives the expected figures');
  if (diffs.length) process.exitCode = 1;
}
if (problems.length) process.exitCode = 1;
