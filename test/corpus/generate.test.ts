import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readExpectedFigures } from '../../scripts/figures/expected.js';
import { apiPageFigures, lintFigures, scoreAccuracy } from '../../scripts/figures/measure.js';
import { generateVersion } from '../../src/pipeline.js';
import { CORPUS } from '../helpers/cli.js';
import { corpusTest } from '../helpers/corpus.js';
import { typeCheck, typeCheckDeclarations } from '../helpers/typecheck.js';

const corpus = suite('corpus: generate both versions of the real Graph docs');

const MINIMUM_TYPES: Record<string, number> = { 'v1.0': 950, beta: 2250 };
const UPDATE = 'test/expected-figures.json (after a change that moves it: `npm run figures -- --update`)';

/** Types whose base only their base page states (`educationoutcome.md:16`, `meetinginfo.md:23-28`, ...), in both versions. */
const STATED_BASES: Record<string, string> = {
  educationPointsOutcome: 'educationOutcome',
  educationRubricOutcome: 'educationOutcome',
  educationFeedbackOutcome: 'educationOutcome',
  organizerMeetingInfo: 'meetingInfo',
  tokenMeetingInfo: 'meetingInfo',
  acceptJoinResponse: 'participantJoiningResponse',
  rejectJoinResponse: 'participantJoiningResponse',
  inviteNewBotResponse: 'participantJoiningResponse',
};
const BETA_STATED_BASES: Record<string, string> = {
  educationIdentityMatchingConfiguration: 'educationIdentitySynchronizationConfiguration',
  malwareRiskEvent: 'identityRiskEvent',
};
/** Flags enums by their page's words or a JSON representation's joined members; and one numbered in bits that is none. */
const BETA_FLAGS: Record<string, boolean> = {
  'microsoft.graph.windowsArchitecture': true,
  'microsoft.graph.macOSSoftwareUpdateDelayPolicy': true,
  'microsoft.graph.ediscovery.sourceType': true,
  'microsoft.graph.windowsDefenderProductStatus': true,
  'microsoft.graph.managementAgentType': false,
};

for (const apiVersion of ['v1.0', 'beta']) {
  // One generation per version for all its figures: CI has two cores and thirty minutes for everything.
  corpusTest(corpus, `${apiVersion}: generates, type-checks under strict, gives the expected lint counts and accuracy`, async () => {
    const expected = readExpectedFigures();
    const docs = path.join(CORPUS, apiVersion, 'resources');
    const output = await generateVersion({ apiVersion, dir: docs, outSubdir: apiVersion }, { enumStyle: 'const' });
    const objects = output.model.types.filter((type) => type.kind !== 'enum');
    assert.ok(objects.length >= MINIMUM_TYPES[apiVersion], `${objects.length} object types`);
    assert.ok(output.files.some((file) => file.path === 'callRecords.d.ts'), 'callRecords namespace module');
    const measured = { lint: lintFigures(output.diagnostics), accuracy: (await scoreAccuracy(output.files, apiVersion, docs)).summary };
    assert.equal(measured, { lint: expected.lint[apiVersion], accuracy: expected.accuracy[apiVersion] }, `lint counts per rule and accuracy, as in ${UPDATE}`);
    assert.equal(typeCheck(output.files).slice(0, 10), []);
    const bases = Object.fromEntries(objects.filter((type) => type.namespace === 'microsoft.graph').map((type) => [type.name, type.baseType?.replace(/^microsoft\.graph\./, '')]));
    const wanted = apiVersion === 'beta' ? { ...STATED_BASES, ...BETA_STATED_BASES } : STATED_BASES;
    assert.equal(Object.fromEntries(Object.keys(wanted).map((name) => [name, bases[name]])), wanted);
    if (apiVersion === 'beta') {
      const flags = Object.fromEntries(output.model.types.flatMap((type) => (type.kind === 'enum' ? [[`${type.namespace}.${type.name}`, type.flags]] : [])));
      assert.equal(Object.fromEntries(Object.keys(BETA_FLAGS).map((name) => [name, flags[name]])), BETA_FLAGS);
    }
  });

  // The whole version folder, as a docs clone gives it: the api pages' operations too.
  corpusTest(corpus, `${apiVersion}: the whole version gives the expected operations and api page lint counts; paths.d.ts type-checks`, async () => {
    const output = await generateVersion({ apiVersion, dir: path.join(CORPUS, apiVersion), outSubdir: apiVersion }, { enumStyle: 'const' });
    assert.equal(apiPageFigures(output), readExpectedFigures().apiPages[apiVersion], `operations and lint counts per rule, as in ${UPDATE}`);
    assert.ok(output.files.find((file) => file.path === 'paths.d.ts')!.content.length > 1e6, 'paths.d.ts holds the operations');
    assert.equal(typeCheckDeclarations(output.files).slice(0, 10), []);
  });
}

corpus.run();
