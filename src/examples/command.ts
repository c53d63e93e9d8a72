import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../cli/args.js';
import type { EnumStyle } from '../emit/declarations.js';
import { formatMarkdown, formatSummary } from './report.js';
import { verifyDocsExamples } from './run.js';

export interface VerifyExamplesCommand {
  /** A docs version folder holding `resources/` and `api/`. */
  docs: string;
  /** Used when the folder is not called `v1.0` or `beta`. */
  apiVersion: string;
  enumStyle: EnumStyle;
  /** Where `verify-examples-report.md` and `.json` go. */
  reportDir: string;
  /** The pass rate in percent below which the run fails (exit 1). */
  minPassRate: number;
  /** As for generate: threads that parse pages, and false with --no-cache. */
  jobs?: number;
  cache?: boolean;
}

const REPORT_NAME = 'verify-examples-report';

/** `verify-examples`: writes the markdown and JSON reports, prints the summary; returns the exit code (1 below the floor). */
export async function runVerifyExamples(options: VerifyExamplesCommand, print: (text: string) => void): Promise<number> {
  for (const folder of ['resources', 'api']) {
    const info = await stat(path.join(options.docs, folder)).catch(() => undefined);
    if (!info?.isDirectory()) throw new UsageError(`--docs ${options.docs}: not a docs version folder (no ${folder}/ inside)`);
  }
  const folderName = path.basename(path.resolve(options.docs));
  const apiVersion = folderName === 'v1.0' || folderName === 'beta' ? folderName : options.apiVersion;
  const read = { ...(options.jobs ? { jobs: options.jobs } : {}), ...(options.cache === false ? { cacheDir: false as const } : {}) };
  const report = await verifyDocsExamples(options.docs, { apiVersion, enumStyle: options.enumStyle, read });
  await mkdir(options.reportDir, { recursive: true });
  const markdownFile = path.join(options.reportDir, `${REPORT_NAME}.md`);
  const jsonFile = path.join(options.reportDir, `${REPORT_NAME}.json`);
  await writeFile(markdownFile, formatMarkdown(report));
  await writeFile(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  print(formatSummary(report, [markdownFile, jsonFile]));
  if (report.passRate >= options.minPassRate) return 0;
  process.stderr.write(`graph-docs-typegen: ${report.passRate.toFixed(1)}% of the checked examples pass, below --min-pass-rate ${options.minPassRate}\n`);
  return 1;
}
