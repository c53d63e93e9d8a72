#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runVerifyExamples } from '../examples/command.js';
import { runDiff } from './diffCommand.js';
import { apiChangesSince, apiChangesSummary, appendChangelog } from './apiChanges.js';
import { isGenerated } from '../emit/header.js';
import { generateInputs, loadTemplates, type GenerateOptions, type ProgressStage, type VersionOutput } from '../pipeline.js';
import { findVersions, type VersionInput } from '../read/discover.js';
import { compareTree, formatDifference } from '../write/compare.js';
import { writeTree } from '../write/tree.js';
import type { Diagnostic } from '../model/types.js';
import { modelOptionsOf, parseCommandLine, resolveOptions, UsageError, USAGE, type CliOptions } from './args.js';
import { CONFIG_FILE, loadConfig } from './config.js';
import { diagnosticsToList, formatDiagnostic, sortDiagnostics } from './diagnostics.js';
import { summaryLine, summaryTable } from './summary.js';
import { colorsEnabled, painter, ProgressLine, type Painter } from './terminal.js';
import { watchDocs } from './watch.js';
import { compareText } from '../compareText.js';

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

/** One output folder and the versions written into it. */
interface Target {
  out: string;
  versions: VersionInput[];
}

async function main(argv: string[]): Promise<number> {
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.kind === 'help') return print(USAGE), EXIT_OK;
    if (parsed.kind === 'version') return print(packageVersion()), EXIT_OK;
    const config = await loadConfig(parsed.configFile ?? CONFIG_FILE, parsed.configFile !== undefined);
    const options = resolveOptions(parsed.command, parsed.flags, config);
    if (options.command === 'verify-examples') {
      await requireDirectory(options.docs, '--docs');
      return await runVerifyExamples(options, print);
    }
    if (options.command === 'diff' && options.diff) return await runDiff({ ...options, diff: options.diff }, print, (line) => process.stderr.write(`graph-docs-typegen: ${line}\n`));
    if (options.watch) return await watchDocs(watchedFolders(options), () => runOnce(options).catch(reportFailure));
    return await runOnce(options);
  } catch (error) {
    return reportFailure(error);
  }
}

async function runOnce(options: CliOptions): Promise<number> {
  const started = performance.now();
  const paint = painter(colorsEnabled(process.stdout));
  const progress = new ProgressLine(process.stderr, !options.quiet && process.stderr.isTTY === true);
  const generateOptions = await generateOptionsOf(options, progress);
  const outputs: VersionOutput[] = [];
  const outcomes: string[] = [];
  let status = EXIT_OK;
  let diagnosticsShown: Diagnostic[] = [];
  for (const target of await targetsOf(options)) {
    const { versions, files } = await generateInputs(target.versions, generateOptions);
    progress.clear();
    outputs.push(...versions.map((version) => version.output));
    const diagnostics = sortDiagnostics(versions.flatMap(({ input, output }) =>
      output.diagnostics.map((diagnostic) => ({ ...diagnostic, file: displayPath(input.dir, diagnostic.file) }))));
    const { listed, unlisted } = diagnosticsToList(diagnostics, options.command === 'lint' || options.verbose);
    for (const diagnostic of listed) print(colouredDiagnostic(formatDiagnostic(diagnostic), diagnostic.severity, paint));
    if (unlisted > 0) print(paint.dim(`... and ${unlisted} more warnings, counted by rule below: \`graph-docs-typegen lint\` lists them all, as does --verbose`));
    diagnosticsShown = [...diagnosticsShown, ...diagnostics];
    if (options.command === 'lint') {
      outcomes.push('nothing written');
    } else if (options.check) {
      const report = formatDifference(await compareTree(target.out, files, isGenerated), 'npm run generate');
      if (report) {
        for (const line of apiChangesSummary(await apiChangesSince(target.out, versions))) print(line);
        print('');
        print(report);
        status = EXIT_FAILED;
      }
      outcomes.push(`${target.out} is ${report ? 'out of date' : 'up to date'}`);
    } else {
      // Read before the write replaces the model files the changes are counted from.
      const changes = options.changelog ? await apiChangesSince(target.out, versions) : undefined;
      const result = await writeTree(target.out, files, isGenerated);
      outcomes.push(`${target.out}: ${result.written.length} written, ${result.unchanged.length} unchanged, ${result.removed.length} removed`);
      if (changes) outcomes.push(await appendChangelog(target.out, changes));
    }
  }
  if (options.emitModel) await writeJson(options.emitModel, { models: outputs.map((output) => output.model) });
  if (options.reportJson) await writeJson(options.reportJson, { diagnostics: diagnosticsShown });
  const figures = { outputs, diagnostics: diagnosticsShown, outcome: outcomes.join('; '), elapsedMs: performance.now() - started };
  print(options.command === 'check' ? summaryLine(figures) : summaryTable(figures, paint));
  const failing = diagnosticsShown.some((diagnostic) => diagnostic.severity === 'error' || (options.strict && diagnostic.severity === 'warning'));
  return failing ? EXIT_FAILED : status;
}

async function generateOptionsOf(options: CliOptions, progress: ProgressLine): Promise<GenerateOptions> {
  return {
    enumStyle: options.enumStyle,
    templates: await loadTemplates(options.headerTemplate),
    guards: options.guards,
    jsonSchema: options.emit.includes('json-schema'),
    checkFormats: options.checkFormats,
    namingOverrides: options.namingOverrides,
    ...(options.docsBaseUrl ? { docsBaseUrl: options.docsBaseUrl } : {}),
    ...modelOptionsOf(options),
    progress: (stage: ProgressStage) => progress.update(stage.stage === 'read'
      ? `${stage.apiVersion}: pages parsed ${stage.done}/${stage.total}`
      : `${stage.apiVersion}: emitting ${stage.types} types`),
  };
}

async function targetsOf(options: CliOptions): Promise<Target[]> {
  if (options.versions) {
    const entries = Object.entries(options.versions).sort(([a], [b]) => compareText(a, b));
    for (const [apiVersion, { docs }] of entries) await requireDirectory(docs, `versions.${apiVersion}.docs`);
    return entries.map(([apiVersion, { docs, out }]) => ({ out, versions: [{ apiVersion, dir: docs, outSubdir: '' }] }));
  }
  await requireDirectory(options.docs, '--docs');
  return [{ out: options.out, versions: await findVersions(options.docs, options.apiVersion) }];
}

function watchedFolders(options: CliOptions): string[] {
  return options.versions ? Object.values(options.versions).map((version) => version.docs) : [options.docs];
}

function colouredDiagnostic(line: string, severity: 'error' | 'warning' | 'info', paint: Painter): string {
  return line.replace(` ${severity} `, ` ${paint.severity(severity, severity)} `);
}

function reportFailure(error: unknown): number {
  if (!(error instanceof Error)) throw error;
  process.stderr.write(`graph-docs-typegen: ${error.message.split('\n')[0]}\n`);
  if (process.env.GRAPH_DOCS_TYPEGEN_DEBUG && !(error instanceof UsageError)) process.stderr.write(`${error.stack}\n`);
  return EXIT_USAGE;
}

async function requireDirectory(dir: string, flag: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`${flag} ${dir}: not a folder`);
}

function displayPath(versionDir: string, file: string): string {
  return path.relative(process.cwd(), path.join(versionDir, file)).split(path.sep).join('/');
}

async function writeJson(file: string, data: unknown): Promise<void> {
  await writeFile(file, `${JSON.stringify(data, null, 2)}\n`);
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

process.exitCode = await main(process.argv.slice(2));
