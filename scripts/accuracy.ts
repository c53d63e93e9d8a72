/**
 * `npm run accuracy`: generates both corpus versions and scores the declarations we ship against
 * the official typings with ../shared/tools/accuracy. Exit 1 when a version scores below a floor
 * (`--min-types`, `--min-recall`, `--min-precision`, `--min-type-agree`, `--min-enum-agree`, in
 * percent; the README's targets by default), 2 when the tool cannot run.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CORPUS, CORPUS_VERSIONS } from './figures/expected.js';
import { ACCURACY_TOOL, scoreAccuracy, scoresBelowFloors } from './figures/measure.js';
import { generateVersion } from '../src/pipeline.js';

/** The README's targets, by the name the tool's summary line gives each score. */
const TARGETS = { types: 99, recall: 97, precision: 98.5, typeAgree: 95, enumAgree: 85 };
const FLAGS: Record<keyof typeof TARGETS, string> = {
  types: 'min-types', recall: 'min-recall', precision: 'min-precision', typeAgree: 'min-type-agree', enumAgree: 'min-enum-agree',
};

const values = parseArgs({
  options: {
    show: { type: 'string', default: '0' },
    ...Object.fromEntries(Object.values(FLAGS).map((flag) => [flag, { type: 'string' as const }])),
  },
}).values as Record<string, string | undefined>;
const floors: Record<string, number> = {};
for (const [score, target] of Object.entries(TARGETS)) {
  const flag = FLAGS[score as keyof typeof TARGETS];
  const floor = values[flag] === undefined ? target : Number(values[flag]);
  if (values[flag]?.trim() === '' || !Number.isFinite(floor)) usage(`--${flag} takes a percentage, not '${values[flag]}'`);
  floors[score] = floor;
}
for (const needed of [CORPUS, ACCURACY_TOOL]) if (!existsSync(needed)) usage(`needs ${needed}`);

const show = values.show ?? '0';
const below: string[] = [];
for (const apiVersion of CORPUS_VERSIONS) {
  const docs = path.join(CORPUS, apiVersion, 'resources');
  const output = await generateVersion({ apiVersion, dir: docs, outSubdir: apiVersion }, { enumStyle: 'const', guards: true });
  let run;
  try {
    run = await scoreAccuracy(output.files, apiVersion, docs, ['--show', show]);
  } catch (error) {
    usage((error as Error).message);
  }
  if (show !== '0') console.log(run.stdout);
  console.log(`${apiVersion} ${run.summary}`);
  below.push(...scoresBelowFloors(run.summary, floors).map((problem) => `${apiVersion} ${problem}`));
}
if (below.length) {
  console.error(`accuracy: below the floor: ${below.join('; ')}`);
  process.exitCode = 1;
}

function usage(message: string): never {
  console.error(`accuracy: ${message}`);
  process.exit(2);
}
