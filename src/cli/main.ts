#!/usr/bin/env node
import { stat, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isGenerated } from '../emit/header.js';
import type { Diagnostic } from '../model/types.js';
import { generateDocs, type VersionOutput } from '../pipeline.js';
import { compareTree, formatDifference } from '../write/compare.js';
import { writeTree } from '../write/tree.js';
import { runVerifyExamples } from '../examples/command.js';
import { parseCommandLine, UsageError, USAGE, type CliOptions } from './args.js';
import { countByRule, formatDiagnostic, sortDiagnostics } from './diagnostics.js';

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

async function main(argv: string[]): Promise<number> {
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.kind === 'help') return print(USAGE), EXIT_OK;
    if (parsed.kind === 'version') return print(packageVersion()), EXIT_OK;
    return await run(parsed.options);
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    process.stderr.write(`graph-docs-typegen: ${error.message}\n`);
    if (process.env.GRAPH_DOCS_TYPEGEN_DEBUG && !(error instanceof UsageError)) process.stderr.write(`${error.stack}\n`);
    return EXIT_USAGE;
  }
}

async function run(options: CliOptions): Promise<number> {
  const started = performance.now();
  await requireDirectory(options.docs, '--docs');
  if (options.command === 'verify-examples') return runVerifyExamples(options, print);
  const { versions, files } = await generateDocs(options.docs, options.apiVersion, {
    enumStyle: options.enumStyle, jobs: options.jobs, ...(options.cache ? {} : { cacheDir: false }),
  });
  const outputs = versions.map((version) => version.output);
  const diagnostics = sortDiagnostics(versions.flatMap(({ input, output }) =>
    output.diagnostics.map((diagnostic) => ({ ...diagnostic, file: displayPath(input.dir, diagnostic.file) }))));
  for (const diagnostic of diagnostics) if (diagnostic.severity !== 'info') print(formatDiagnostic(diagnostic));
  if (options.emitModel) await writeJson(options.emitModel, { models: outputs.map((output) => output.model) });
  if (options.reportJson) await writeJson(options.reportJson, { diagnostics });
  let status = EXIT_OK;
  let written = '';
  if (options.command === 'lint') {
    written = 'nothing written';
  } else if (options.check) {
    const difference = await compareTree(options.out, files, isGenerated);
    const report = formatDifference(difference, 'npm run generate');
    if (report) {
      print(report);
      status = EXIT_FAILED;
    }
    written = report ? `${options.out} is out of date` : `${options.out} is up to date`;
  } else {
    const result = await writeTree(options.out, files, isGenerated);
    written = `${result.written.length} written, ${result.unchanged.length} unchanged, ${result.removed.length} removed`;
  }
  print(summary(outputs, diagnostics, written, performance.now() - started));
  const failing = diagnostics.some((diagnostic) => diagnostic.severity === 'error' || (options.strict && diagnostic.severity === 'warning'));
  return failing ? EXIT_FAILED : status;
}

function summary(outputs: VersionOutput[], diagnostics: Diagnostic[], written: string, elapsedMs: number): string {
  const types = outputs.reduce((sum, output) => sum + output.model.types.filter((type) => type.kind !== 'enum').length, 0);
  const enums = outputs.reduce((sum, output) => sum + output.model.types.filter((type) => type.kind === 'enum').length, 0);
  const pages = outputs.reduce((sum, output) => sum + output.pages, 0);
  const shown = diagnostics.filter((diagnostic) => diagnostic.severity !== 'info');
  const byRule = [...countByRule(shown)].map(([rule, count]) => `${rule} ${count}`).join(', ');
  const errors = shown.filter((diagnostic) => diagnostic.severity === 'error').length;
  return `graph-docs-typegen: ${pages} pages, ${types} types, ${enums} enums, ${shown.length - errors} warnings, ${errors} errors`
    + `${byRule ? ` (${byRule})` : ''}; ${written} in ${(elapsedMs / 1000).toFixed(1)} s`;
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
