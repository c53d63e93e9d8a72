/**
 * `npm run bench:consumer`: what the generated package costs the projects that use it, against
 * the official beta typings of the same month (`@microsoft/microsoft-graph-types-beta`).
 *
 * Generates the package for the beta corpus (resources/) into a temporary project, beside the
 * official typings and openapi-fetch, then, in one process tree and in turns, with the median of
 * the rounds (`--runs N`, default 5), times `tsc --noEmit` (skipLibCheck, strict, node16) of a file:
 *   1. importing two types (User, Message) from the official typings;
 *   2. importing the same two types from the generated package;
 *   3. importing one guard (isUser) from its guards' entry;
 *   4. creating an openapi-fetch client from its paths;
 * each in its own process, timed from spawn to exit, with its peak RSS (scripts/bench/usage.ts).
 * Then the bytes of declarations the type-only import parses (tsc --listFilesOnly) against the
 * official typings' one file, and the minified esbuild bundles of `isRecordOperation` alone and
 * `isUser` alone.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildSync } from 'esbuild';
import { medianOf } from './median.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CORPUS_BETA = path.resolve(REPO_ROOT, '../shared/corpus/graph-docs-2021-07/beta/resources');
const CLI = path.join(REPO_ROOT, 'dist/src/cli/main.js');
const TSC = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
const USAGE = pathToFileURL(path.join(REPO_ROOT, 'dist/scripts/bench/usage.js')).href;
const PACKAGE = '@graph-docs-typegen/graph-types';

/** The files each item compiles: the same two uses, written against each package. */
const FILES: Record<string, string> = {
  'official.ts': `import type { User, Message } from '@microsoft/microsoft-graph-types-beta';
export const user: User = { displayName: 'Ada' };
export const message: Message = { subject: 'Hello' };
`,
  'types.ts': `import type { User, Message } from '${PACKAGE}/beta';
export const user: User = { displayName: 'Ada' };
export const message: Message = { subject: 'Hello' };
`,
  'guard.ts': `import { isUser } from '${PACKAGE}/beta/guards';
export const valid: boolean = isUser(JSON.parse('{"displayName": "Ada"}'));
`,
  'paths.ts': `import createClient from 'openapi-fetch';
import type { paths } from '${PACKAGE}/beta/paths';
export const client = createClient<paths>({ baseUrl: 'https://graph.microsoft.com/beta' });
`,
};

const ITEMS: { file: string; title: string }[] = [
  { file: 'official.ts', title: '1. official typings: User and Message' },
  { file: 'types.ts', title: '2. generated: User and Message' },
  { file: 'guard.ts', title: '3. generated: isUser from beta/guards' },
  { file: 'paths.ts', title: '4. generated: paths with openapi-fetch' },
];

interface Sample {
  seconds: number;
  peakRssMb: number;
}

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const workspace = mkdtempSync(path.join(os.tmpdir(), 'graph-docs-typegen-consumer-cost-'));

try {
  const project = setUpProject();
  const samples = new Map<string, Sample[]>(ITEMS.map((item) => [item.file, []]));
  for (let round = 0; round < runs; round++) {
    for (const item of ITEMS) samples.get(item.file)!.push(await timeTsc(project, item.file));
  }
  console.log(report(project, samples));
} finally {
  rmSync(workspace, { recursive: true, force: true });
}

/** The temporary project: the generated beta package, the official typings and openapi-fetch in its node_modules. */
function setUpProject(): string {
  const project = path.join(workspace, 'project');
  const packageDir = path.join(project, 'node_modules', PACKAGE);
  const generated = spawnSync(process.execPath, [CLI, 'generate', '--docs', CORPUS_BETA, '--api-version', 'beta', '--out', path.join(packageDir, 'beta'), '--quiet'], {
    cwd: REPO_ROOT, encoding: 'utf8',
  });
  if (generated.status !== 0) throw new Error(`generate failed:\n${generated.stderr}`);
  cpSync(path.join(REPO_ROOT, 'generated/package.json'), path.join(packageDir, 'package.json'));
  for (const dependency of ['@microsoft/microsoft-graph-types-beta', 'openapi-fetch', 'openapi-typescript-helpers']) {
    mkdirSync(path.dirname(path.join(project, 'node_modules', dependency)), { recursive: true });
    symlinkSync(path.join(REPO_ROOT, 'node_modules', dependency), path.join(project, 'node_modules', dependency), 'dir');
  }
  writeFileSync(path.join(project, 'package.json'), '{ "private": true, "type": "module" }\n');
  for (const [file, content] of Object.entries(FILES)) {
    writeFileSync(path.join(project, file), content);
    writeTsconfig(project, file);
  }
  return project;
}

/** tsc on one file, through a tsconfig of its own (flags cannot say `types: []`, which keeps @types out). */
function tscArguments(file: string, ...more: string[]): string[] {
  return [TSC, '-p', `${file}.tsconfig.json`, ...more];
}

function writeTsconfig(project: string, file: string): void {
  const compilerOptions = { noEmit: true, skipLibCheck: true, strict: true, module: 'node16', moduleResolution: 'node16', target: 'es2022', types: [] };
  writeFileSync(path.join(project, `${file}.tsconfig.json`), `${JSON.stringify({ compilerOptions, files: [file] }, null, 2)}\n`);
}

async function timeTsc(project: string, file: string): Promise<Sample> {
  const usageFile = path.join(workspace, 'usage.json');
  rmSync(usageFile, { force: true });
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', USAGE, ...tscArguments(file)], {
    cwd: project, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GRAPH_DOCS_TYPEGEN_BENCH_USAGE: usageFile },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const seconds = (performance.now() - started) / 1000;
  if (status !== 0) throw new Error(`tsc ${file} exited with ${status}\n${output}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRSS: number };
  return { seconds, peakRssMb: usage.maxRSS / 1024 };
}

/** The declaration files of one package that tsc reads for a file, and their bytes. */
function parsedDeclarations(project: string, file: string, packageName: string): { files: string[]; bytes: number } {
  const listed = spawnSync(process.execPath, tscArguments(file, '--listFilesOnly'), { cwd: project, encoding: 'utf8' });
  const files = listed.stdout.split('\n').filter((line) => line.includes(`/node_modules/${packageName}/`));
  return { files: files.map((line) => line.slice(line.indexOf(packageName) + packageName.length + 1)), bytes: files.reduce((sum, line) => sum + statSync(line).size, 0) };
}

function bundleBytes(project: string, name: string): number {
  const result = buildSync({
    stdin: { contents: `import { ${name} } from '${PACKAGE}/beta/guards';\nconsole.log(${name}(JSON.parse(process.argv[2])));\n`, resolveDir: project },
    bundle: true, minify: true, format: 'esm', platform: 'node', write: false,
  });
  return result.outputFiles[0].contents.length;
}

function report(project: string, samples: Map<string, Sample[]>): string {
  const official = samples.get('official.ts')!;
  const officialSeconds = medianOf(official.map((sample) => sample.seconds));
  const officialRss = medianOf(official.map((sample) => sample.peakRssMb));
  const rows = ITEMS.map(({ file, title }) => {
    const seconds = medianOf(samples.get(file)!.map((sample) => sample.seconds));
    const rss = medianOf(samples.get(file)!.map((sample) => sample.peakRssMb));
    return `| ${title} | ${seconds.toFixed(2)} | ${(seconds / officialSeconds).toFixed(2)} | ${rss.toFixed(0)} | ${(rss / officialRss).toFixed(2)} |`;
  });
  const ours = parsedDeclarations(project, 'types.ts', PACKAGE);
  const theirs = parsedDeclarations(project, 'official.ts', '@microsoft/microsoft-graph-types-beta');
  return [
    `tsc --noEmit (skipLibCheck), beta corpus, median of ${runs}, on ${os.cpus().length} cores, node ${process.version}, load ${os.loadavg()[0].toFixed(1)}`,
    '',
    '| file | median s | × official | peak RSS MB | × official |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `Declarations a type-only import parses: generated ${ours.bytes} bytes (${ours.files.join(', ')}); official ${theirs.bytes} bytes (${theirs.files.join(', ')}).`,
    `Bundles (esbuild, minified): isRecordOperation alone ${bundleBytes(project, 'isRecordOperation')} bytes, isUser alone ${bundleBytes(project, 'isUser')} bytes.`,
  ].join('\n');
}
