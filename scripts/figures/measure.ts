/** How each corpus figure is measured; the corpus tests and `npm run figures` share these. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SourceFile } from '../../src/emit/files.js';
import { countByRule } from '../../src/cli/diagnostics.js';
import type { VerificationReport } from '../../src/examples/report.js';
import type { Diagnostic } from '../../src/model/types.js';
import type { VersionOutput } from '../../src/pipeline.js';
import { blankUnreadSections } from '../../src/parallel/unreadSections.js';
import { listPages } from '../../src/read/discover.js';
import { splitFrontMatter } from '../../src/read/frontMatter.js';
import { parseMarkdownReporting } from '../../src/read/markdown.js';
import { preparePageText } from '../../src/read/pageText.js';
import { CORPUS, REPO_ROOT, type DiffFigures, type ExampleFigures, type Figures } from './expected.js';
import { diffReport, kindCounts } from '../../src/diff/report.js';
import type { Change } from '../../src/diff/types.js';

export const ACCURACY_TOOL = path.resolve(REPO_ROOT, '../shared/tools/accuracy/compare.mjs');

/** What `lint` prints, counted per rule: errors and warnings (info is for the JSON report only). */
export function lintFigures(diagnostics: readonly Diagnostic[]): Record<string, number> {
  return Object.fromEntries(countByRule(diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')));
}

/** A whole version's operations, and the lint counts of what is not a resource page. */
export function apiPageFigures(output: VersionOutput): Figures['apiPages'][string] {
  return { operations: output.model.operations.length, lint: lintFigures(output.diagnostics.filter((diagnostic) => !diagnostic.file.startsWith('resources/'))) };
}

export function diffFigures(changes: readonly Change[]): DiffFigures {
  const report = diffReport('', '', [...changes]);
  return { ...report.summary, kinds: Object.fromEntries([...kindCounts(changes)].filter(([, count]) => count.breaking + count.nonBreaking > 0)) };
}

/** Runs `npm run diff-official` (in a child: it is a script of its own) and returns its last line. */
export function diffOfficialFigure(): string {
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist/scripts/diffOfficial.js')], { encoding: 'utf8', cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`diff-official failed (exit ${run.status}): ${run.stderr.trim().split('\n')[0]}`);
  return run.stdout.trimEnd().split('\n').at(-1) ?? '';
}

export function exampleFigures(report: VerificationReport): ExampleFigures {
  return {
    counts: report.counts,
    requestBodies: report.requestBodies.counts,
    causes: Object.fromEntries(report.causes.map((cause) => [cause.cause, { examples: cause.examples, failures: cause.failures.length }])),
  };
}

export interface AccuracyRun {
  /** The tool's whole output; its last line is the summary. */
  stdout: string;
  summary: string;
}

/** Scores one version's declarations with the accuracy tool; throws when the tool fails. */
export async function scoreAccuracy(files: readonly SourceFile[], apiVersion: string, docs: string, extraArgs: string[] = []): Promise<AccuracyRun> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'graph-docs-typegen-accuracy-'));
  try {
    for (const file of files.filter((candidate) => candidate.path.endsWith('.d.ts'))) {
      await mkdir(path.dirname(path.join(temp, file.path)), { recursive: true });
      await writeFile(path.join(temp, file.path), file.content);
    }
    // The tool resolves the official typings and typescript from the current folder's node_modules.
    const run = spawnSync(process.execPath, [ACCURACY_TOOL, '--oracle', apiVersion, '--generated', temp, '--docs', docs, ...extraArgs],
      { encoding: 'utf8', cwd: REPO_ROOT, maxBuffer: 256 * 1024 * 1024 });
    if (run.status !== 0) throw new Error(`the accuracy tool failed (exit ${run.status}): ${run.stderr.trim().split('\n')[0]}`);
    return { stdout: run.stdout, summary: run.stdout.trimEnd().split('\n').at(-1) ?? '' };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** The accuracy tool's scores, by the names its summary line gives them, that are below their floor (in percent). */
export function scoresBelowFloors(summary: string, floors: Record<string, number>): string[] {
  return Object.entries(floors).flatMap(([score, floor]) => {
    const value = Number(new RegExp(`\\b${score}=([\\d.]+)%`).exec(summary)?.[1]);
    if (Number.isNaN(value)) return [`${score} missing from the summary`];
    return value < floor ? [`${score} ${value}% is below ${floor}%`] : [];
  });
}

/** The text the reader's markdown parser sees: Methods sections blanked, text prepared, front matter split off. */
export function parsedBody(text: string): string {
  return splitFrontMatter(preparePageText(blankUnreadSections(text)).text).body;
}

export async function readerFigures(): Promise<Figures['reader']> {
  const figures = { tablesFromLines: 0, codeBlocksFromLines: 0 };
  for (const version of ['v1.0', 'beta']) {
    for (const page of await listPages(path.join(CORPUS, version, 'resources'))) {
      if (page.unreadable) continue;
      const report = parseMarkdownReporting(parsedBody(readFileSync(page.absolute, 'utf8')));
      figures.tablesFromLines += report.fastTables;
      figures.codeBlocksFromLines += report.fastCode;
    }
  }
  return figures;
}

export async function methodsSectionFigures(apiVersion: string): Promise<Figures['methodsSections'][string]> {
  const pages = (await listPages(path.join(CORPUS, apiVersion, 'resources'))).filter((page) => !page.unreadable);
  let blanked = 0;
  for (const page of pages) {
    const text = readFileSync(page.absolute, 'utf8');
    if (blankUnreadSections(text) !== text) blanked++;
  }
  return { pages: pages.length, blanked };
}
