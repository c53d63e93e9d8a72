import { diffModels } from '../diff/compare.js';
import { diffReport, jsonReport, markdownReport } from '../diff/report.js';
import { modelsOf, pairVersions, sideOf } from '../diff/sides.js';
import type { ProgressStage } from '../pipeline.js';
import { modelOptionsOf, type CliOptions, type DiffFlags } from './args.js';
import { ProgressLine } from './terminal.js';

const EXIT_OK = 0;
const EXIT_BREAKING = 1;

/** `diff`: both sides read with the same options, each version pair compared, the report printed. */
export async function runDiff(options: CliOptions & { diff: DiffFlags }, print: (text: string) => void, warn: (text: string) => void): Promise<number> {
  const sideOptions = { fallbackVersion: options.apiVersion, docs: options.docs, ...modelOptionsOf(options) };
  const { diff } = options;
  const progress = new ProgressLine(process.stderr, !options.quiet && process.stderr.isTTY === true);
  const read = async (flag: string, side: string) => {
    const models = await modelsOf(await sideOf(side), {
      ...sideOptions, progress: (stage: ProgressStage) => stage.stage === 'read' && progress.update(`${flag} ${stage.apiVersion}: pages parsed ${stage.done}/${stage.total}`),
    });
    progress.clear();
    return models;
  };
  const from = await read('--from', diff.from);
  const to = await read('--to', diff.to);
  const pairs = pairVersions(from, to, diff.fromVersion, diff.toVersion);
  if (diff.fromVersion === undefined && diff.toVersion === undefined) {
    for (const [side, models, other] of [['--from', from, to], ['--to', to, from]] as const) {
      for (const version of models.keys()) if (!other.has(version)) warn(`${version}: only in ${side}, not compared`);
    }
  }
  const report = diffReport(diff.from, diff.to, pairs.flatMap((pair) => diffModels(pair.from, pair.to, pair.version)));
  print((diff.format === 'json' ? jsonReport(report) : markdownReport(report)).replace(/\n$/, ''));
  return diff.failOnBreaking && report.summary.breaking > 0 ? EXIT_BREAKING : EXIT_OK;
}
