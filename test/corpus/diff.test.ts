import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { applyChanges } from '../../src/diff/apply.js';
import { diffModels } from '../../src/diff/compare.js';
import { diffReport } from '../../src/diff/report.js';
import type { Change } from '../../src/diff/types.js';
import { viewOf, type VersionView } from '../../src/diff/view.js';
import type { Model } from '../../src/model/types.js';
import { readModel } from '../../src/pipeline.js';
import { readExpectedFigures } from '../../scripts/figures/expected.js';
import { diffFigures, diffOfficialFigure } from '../../scripts/figures/measure.js';
import { CORPUS, REPO_ROOT } from '../helpers/cli.js';
import { corpusTest } from '../helpers/corpus.js';

const corpus = suite('corpus diff');
const models = new Map<string, Model>();
const wholeModel = async (apiVersion: string): Promise<Model> => {
  if (!models.has(apiVersion)) models.set(apiVersion, (await readModel({ apiVersion, dir: path.join(CORPUS, apiVersion), outSubdir: '' })).model);
  return models.get(apiVersion)!;
};

/** What of a view the changes describe: every value by name, places left out. */
const values = (view: VersionView) => ({
  types: [...view.types].map(([name, type]) => [name, { ...type, place: undefined, members: [...type.members].map(([member, entry]) => [member, entry.value]).sort() }]).sort(),
  operations: [...view.operations].map(([key, each]) => [key, each.request, each.response, each.permissions]).sort(),
});

const MIRROR: Record<string, string> = {
  'type-added': 'type-removed', 'enum-added': 'enum-removed', 'property-added': 'property-removed', 'enum-member-added': 'enum-member-removed',
  'operation-added': 'operation-removed',
};

corpusTest(corpus, 'v1.0 → beta and back: the expected counts per kind, the JSON shape, and each change list applied gives the other model', async () => {
  const [v1, beta] = [await wholeModel('v1.0'), await wholeModel('beta')];
  const forward = diffModels(v1, beta, 'v1.0..beta');
  const backward = diffModels(beta, v1, 'beta..v1.0');
  assert.equal(diffFigures(forward), readExpectedFigures().diff['v1.0..beta'], 'test/expected-figures.json: `npm run figures` re-measures');

  const validate = new Ajv().compile(JSON.parse(readFileSync(path.join(REPO_ROOT, 'diff.schema.json'), 'utf8')) as object);
  assert.ok(validate(JSON.parse(JSON.stringify(diffReport('a', 'b', forward)))), JSON.stringify(validate.errors?.slice(0, 3)));

  for (const [from, to, changes] of [[v1, beta, forward], [beta, v1, backward]] as [Model, Model, Change[]][]) {
    const applied = applyChanges(viewOf(from), JSON.parse(JSON.stringify(changes)) as Change[]);
    assert.ok(JSON.stringify(values(applied)) === JSON.stringify(values(viewOf(to))), `${from.apiVersion} + changes = ${to.apiVersion}`);
  }
  const count = (changes: Change[], kind: string) => changes.filter((change) => change.kind === kind).length;
  for (const [added, removed] of Object.entries(MIRROR)) {
    assert.is(count(forward, added), count(backward, removed), `${added} one way is ${removed} the other`);
    assert.is(count(forward, removed), count(backward, added));
  }
  assert.is(count(forward, 'property-changed'), count(backward, 'property-changed'));
});

corpusTest(corpus, 'diff-official: the property lists against the official typings score the expected recall and precision', () => {
  assert.is(diffOfficialFigure(), readExpectedFigures().diffOfficial);
});

corpus.run();
