/**
 * `npm run bench`: how fast the generator is on the real docs, against the bare markdown parse.
 *
 * For each API version of ../shared/corpus/graph-docs-2021-07 (resources/ only), in one process
 * tree and in turns (every round runs every item once, so noise on a shared machine hits all
 * items alike), with the median of the rounds:
 *   1. baseline: unified + remark-parse + remark-gfm over every page, one thread;
 *   2. cold generate: the CLI with an empty cache and no output folder;
 *   3. warm generate: the CLI again, nothing changed;
 *   4. warm generate after one page changed (a property description of user.md, new each round);
 *   5. the drift check (`check`), warm;
 * each as a user runs it: `node dist/src/cli/main.js ...` in its own process, timed from spawn
 * to exit, with its peak RSS and its CPU time (all threads; less sensitive than the wall time to
 * other work on the machine). The processes run a copy of dist/, so a rebuild meanwhile (which
 * would empty the cache by changing the generator's fingerprint) does not disturb the figures. Then 1-3 again at 25% and 50% of the pages, to show how the cost
 * grows; and 6. the user guards of the generated beta package against an ajv-compiled JSON
 * Schema of the same type, over the docs' real user examples. Last, where a cold run's time goes,
 * and how parsing scales to two threads on this machine (scripts/bench/scaling.ts).
 *
 * The whole version (resources/ and api/, read in place) is a group of its own, in the same
 * rounds: 1-3 over every page of the version folder.
 *
 * Options: --runs N (default 5), --versions beta,v1.0, --groups resources,whole (default both),
 * --guard-calls N (default 1e6), --json FILE (the same figures as JSON, for comparing two runs).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Model } from '../src/model/types.js';
import { listPages } from '../src/read/discover.js';
import { timeCalls, userGuardPairs } from './bench/guards.js';
import { medianOf } from './bench/median.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = path.resolve(REPO_ROOT, '../shared/corpus/graph-docs-2021-07');
/** The page item 4 edits: a large type in the largest module, so the change is realistic. */
const EDITED_PAGE = 'user.md';
const FRACTIONS = [25, 50, 100];

type Item = 'baseline' | 'cold' | 'warm' | 'onePage' | 'check';

const ITEM_TITLES: Record<Item, string> = {
  baseline: '1. baseline: remark-parse + GFM, one thread',
  cold: '2. cold generate (empty cache)',
  warm: '3. warm generate, no change',
  onePage: '4. warm generate, one page changed',
  check: '5. drift check, warm',
};

interface ItemFigures { medianSeconds: number; minSeconds: number; maxSeconds: number; timesBaseline: number; cpuSeconds: number; peakRssMb: number }

/** What --json writes: every figure the report prints, in seconds, MB and nanoseconds, keyed by version and item. */
interface BenchFigures {
  machine?: { cores: number; cpu: string; node: string; runs: number; loadBefore: number; loadAfter: number };
  versions: Record<string, {
    pages: number;
    megabytes: number;
    items: Partial<Record<Item, ItemFigures>>;
    growth: Record<string, { pages: number; megabytes: number; baselineSeconds: number; coldSeconds: number; warmSeconds: number }>;
  }>;
  /** The whole version folders (resources/ and api/), by version. */
  whole: Record<string, { pages: number; megabytes: number; items: Partial<Record<Item, ItemFigures>> }>;
  phases: Record<string, Record<string, number>>;
  scaling: Record<string, { aloneSeconds: number; togetherSeconds: number }>;
  guards?: { version: string; calls: number; examples: number; pairs: Record<string, { nsPerCall: number; ajvNsPerCall: number; timesAjv: number }> };
}

const figures: BenchFigures = { versions: {}, whole: {}, phases: {}, scaling: {} };

interface Sample {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
}

/** One version at one fraction of its pages: its own docs copy, output and cache (the cwd's node_modules/.cache). */
interface Group {
  version: string;
  percent: number;
  docs: string;
  /** The working folder of its runs, which holds its cache. */
  cwd: string;
  out: string;
  pages: number;
  megabytes: number;
  items: Item[];
  samples: Map<Item, Sample[]>;
  /** The whole version folder rather than a fraction of its resources/. */
  whole?: boolean;
}

const { values } = parseArgs({
  options: { runs: { type: 'string' }, versions: { type: 'string' }, groups: { type: 'string' }, 'guard-calls': { type: 'string' }, json: { type: 'string' } },
});
const runs = Number(values.runs ?? 5);
const versions = (values.versions ?? 'beta,v1.0').split(',');
const guardCalls = Number(values['guard-calls'] ?? 1e6);
const groupKinds = (values.groups ?? 'resources,whole').split(',');
const resources = groupKinds.includes('resources');

const workspace = mkdtempSync(path.join(os.tmpdir(), 'graph-docs-typegen-bench-'));
const generator = copyGenerator(path.join(workspace, 'generator'));
const CLI = path.join(generator, 'dist/src/cli/main.js');
const BASELINE = path.join(generator, 'dist/scripts/bench/baseline.js');
const PHASES = path.join(generator, 'dist/scripts/bench/phases.js');
const SCALING = path.join(generator, 'dist/scripts/bench/scaling.js');
const USAGE = pathToFileURL(path.join(generator, 'dist/scripts/bench/usage.js')).href;
try {
  const loadBefore = os.loadavg()[0];
  const groups = await Promise.all(versions.flatMap((version) => [
    ...(resources ? FRACTIONS.map((percent) => makeGroup(version, percent)) : []),
    ...(groupKinds.includes('whole') ? [makeWholeGroup(version)] : []),
  ]));
  for (let round = 1; round <= runs; round++) {
    process.stderr.write(`round ${round}/${runs}\n`);
    for (const group of groups) await runRound(group, round);
  }
  const loadAfter = os.loadavg()[0];
  print(machine(loadBefore, loadAfter));
  if (resources) for (const version of versions) print(versionReport(groups.filter((group) => group.version === version && !group.whole)));
  for (const group of groups) if (group.whole) print(wholeReport(group));
  if (resources) for (const version of versions) print(await phasesReport(version));
  if (resources) for (const version of versions) print(await scalingReport(version));
  const beta = groups.find((group) => group.version === 'beta' && group.percent === 100 && !group.whole);
  if (beta) print(await guardReport(beta));
  if (values.json) writeFileSync(values.json, `${JSON.stringify(figures, null, 2)}\n`);
} finally {
  rmSync(workspace, { recursive: true, force: true });
}

/** The built generator as it is now: dist/, templates/ and package.json copied, node_modules linked. */
function copyGenerator(root: string): string {
  for (const part of ['dist/src', 'dist/scripts', 'templates', 'package.json']) cpSync(path.join(REPO_ROOT, part), path.join(root, part), { recursive: true });
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

async function makeGroup(version: string, percent: number): Promise<Group> {
  const source = path.join(CORPUS, version, 'resources');
  const every = 100 / percent;
  const pages = (await listPages(source)).filter((page, index) => index % every === 0 || page.relative === EDITED_PAGE);
  const name = `${version}-${percent}`;
  const docs = path.join(workspace, name, 'docs');
  // A package.json makes the folder a project, so the CLI keeps its cache in its node_modules/.cache.
  mkdirSync(path.join(workspace, name), { recursive: true });
  writeFileSync(path.join(workspace, name, 'package.json'), '{ "private": true }\n');
  for (const page of pages) cpSync(page.absolute, path.join(docs, page.relative));
  const bytes = pages.reduce((sum, page) => sum + statSync(page.absolute).size, 0);
  const items: Item[] = percent === 100 ? ['baseline', 'cold', 'warm', 'onePage', 'check'] : ['baseline', 'cold', 'warm'];
  return {
    version, percent, docs, cwd: path.join(workspace, name), out: path.join(workspace, name, 'out'),
    pages: pages.length, megabytes: bytes / 1e6, items, samples: new Map(items.map((item) => [item, []])),
  };
}

/** The version folder as the corpus has it: resources/ and api/, every page, read in place. */
async function makeWholeGroup(version: string): Promise<Group> {
  const docs = path.join(CORPUS, version);
  const name = `${version}-whole`;
  mkdirSync(path.join(workspace, name), { recursive: true });
  writeFileSync(path.join(workspace, name, 'package.json'), '{ "private": true }\n');
  const pages = await listPages(docs);
  const bytes = pages.reduce((sum, page) => sum + statSync(page.absolute).size, 0);
  const items: Item[] = ['baseline', 'cold', 'warm'];
  return {
    version, percent: 100, docs, cwd: path.join(workspace, name), out: path.join(workspace, name, 'out'),
    pages: pages.length, megabytes: bytes / 1e6, items, samples: new Map(items.map((item) => [item, []])), whole: true,
  };
}

/** The items in an order in which each leaves what the next needs: cold fills the cache and the output that warm reuses. */
async function runRound(group: Group, round: number): Promise<void> {
  const generate = ['generate', '--docs', group.docs, '--api-version', group.version, '--out', group.out, '--quiet'];
  for (const item of group.items) {
    let sample: Sample;
    switch (item) {
      case 'baseline':
        sample = await timeNode([BASELINE, group.docs], group.cwd);
        break;
      case 'cold':
        rmSync(path.join(group.cwd, 'node_modules'), { recursive: true, force: true });
        rmSync(group.out, { recursive: true, force: true });
        sample = await timeNode([CLI, ...generate], group.cwd);
        break;
      case 'warm':
        sample = await timeNode([CLI, ...generate], group.cwd);
        break;
      case 'onePage':
        editPage(path.join(group.docs, EDITED_PAGE), round);
        sample = await timeNode([CLI, ...generate], group.cwd);
        break;
      case 'check':
        sample = await timeNode([CLI, 'check', '--docs', group.docs, '--api-version', group.version, '--out', group.out, '--quiet'], group.cwd);
        break;
    }
    group.samples.get(item)!.push(sample);
  }
}

/** A one-line change: the first row of the Properties table gets a sentence that names the round, so no cache holds it. */
function editPage(file: string, round: number): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  const heading = lines.findIndex((line) => /^##\s+properties/i.test(line));
  const firstRow = lines.findIndex((line, index) => index > heading + 3 && line.startsWith('|'));
  if (heading < 0 || firstRow < 0) throw new Error(`${file}: no Properties table to edit`);
  lines[firstRow] = lines[firstRow].replace(/\|\s*$/, ` Edited for bench round ${round}. |`);
  writeFileSync(file, lines.join('\n'));
}

/** Runs node with the arguments, as its own process, and times it from spawn to exit. */
async function timeNode(args: string[], cwd: string): Promise<Sample> {
  mkdirSync(cwd, { recursive: true });
  const usageFile = path.join(workspace, 'usage.json');
  rmSync(usageFile, { force: true });
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', USAGE, ...args], {
    cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, GRAPH_DOCS_TYPEGEN_BENCH_USAGE: usageFile },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const seconds = (performance.now() - started) / 1000;
  if (status !== 0) throw new Error(`node ${args.join(' ')} exited with ${status}\n${stderr}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRSS: number; cpuTime: number };
  return { seconds, cpuSeconds: usage.cpuTime / 1e6, peakRssMb: usage.maxRSS / 1024 };
}

function itemFigures(group: Group, baseline: number): Partial<Record<Item, ItemFigures>> {
  return Object.fromEntries(group.items.map((item) => {
    const samples = group.samples.get(item)!;
    const seconds = samples.map((sample) => sample.seconds);
    return [item, {
      medianSeconds: median(samples), minSeconds: Math.min(...seconds), maxSeconds: Math.max(...seconds), timesBaseline: median(samples) / baseline,
      cpuSeconds: medianOf(samples.map((sample) => sample.cpuSeconds)), peakRssMb: Math.max(...samples.map((sample) => sample.peakRssMb)),
    }];
  }));
}

function versionReport(groups: Group[]): string {
  const full = groups.find((group) => group.percent === 100)!;
  const baseline = median(full.samples.get('baseline')!);
  const baselineCpu = medianOf(full.samples.get('baseline')!.map((sample) => sample.cpuSeconds));
  figures.versions[full.version] = {
    pages: full.pages,
    megabytes: full.megabytes,
    items: itemFigures(full, baseline),
    growth: Object.fromEntries(groups.map((group) => [`${group.percent}%`, {
      pages: group.pages, megabytes: group.megabytes, baselineSeconds: median(group.samples.get('baseline')!),
      coldSeconds: median(group.samples.get('cold')!), warmSeconds: median(group.samples.get('warm')!),
    }])),
  };
  const lines = [
    `### ${full.version}: ${full.pages} pages, ${full.megabytes.toFixed(1)} MB`,
    '',
    '| item | median s | min–max s | × baseline | CPU s | CPU × baseline | peak RSS MB |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...full.items.map((item) => {
      const samples = full.samples.get(item)!;
      const seconds = samples.map((sample) => sample.seconds);
      const cpu = medianOf(samples.map((sample) => sample.cpuSeconds));
      return `| ${ITEM_TITLES[item]} | ${median(samples).toFixed(2)} | ${Math.min(...seconds).toFixed(2)}–${Math.max(...seconds).toFixed(2)} `
        + `| ${(median(samples) / baseline).toFixed(3)} | ${cpu.toFixed(2)} | ${(cpu / baselineCpu).toFixed(3)} `
        + `| ${Math.max(...samples.map((sample) => sample.peakRssMb)).toFixed(0)} |`;
    }),
    '',
    `Ratios (${full.version}): cold/baseline ${ratio(full, 'cold', 0.4)}, warm/baseline ${ratio(full, 'warm', 0.05)}, `
      + `one page/baseline ${ratio(full, 'onePage', 0.1)}, peak RSS ${peakRss(full, 1024)}`,
    '',
    `How it grows (${full.version}; medians in seconds):`,
    '',
    '| pages | MB | baseline | cold | warm | cold/baseline | warm/baseline |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...groups.map((group) => {
      const [base, cold, warm] = (['baseline', 'cold', 'warm'] as const).map((item) => median(group.samples.get(item)!));
      return `| ${group.percent}% (${group.pages}) | ${group.megabytes.toFixed(1)} | ${base.toFixed(2)} | ${cold.toFixed(2)} | ${warm.toFixed(2)} `
        + `| ${(cold / base).toFixed(3)} | ${(warm / base).toFixed(3)} |`;
    }),
    '',
  ];
  return lines.join('\n');
}

function wholeReport(group: Group): string {
  const baseline = median(group.samples.get('baseline')!);
  figures.whole[group.version] = { pages: group.pages, megabytes: group.megabytes, items: itemFigures(group, baseline) };
  return [
    `### ${group.version}, whole version (resources/ and api/): ${group.pages} pages, ${group.megabytes.toFixed(1)} MB`,
    '',
    '| item | median s | min–max s | × baseline | CPU s | peak RSS MB |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...group.items.map((item) => {
      const samples = group.samples.get(item)!;
      const seconds = samples.map((sample) => sample.seconds);
      return `| ${ITEM_TITLES[item]} | ${median(samples).toFixed(2)} | ${Math.min(...seconds).toFixed(2)}–${Math.max(...seconds).toFixed(2)} `
        + `| ${(median(samples) / baseline).toFixed(3)} | ${medianOf(samples.map((sample) => sample.cpuSeconds)).toFixed(2)} `
        + `| ${Math.max(...samples.map((sample) => sample.peakRssMb)).toFixed(0)} |`;
    }),
    '',
    `Ratios (${group.version}, whole): cold/baseline ${ratio(group, 'cold', 0.5)}, warm/baseline ${ratio(group, 'warm', 0.05)}, `
      + `peak RSS ${peakRss(group, 1536)}`,
    '',
  ].join('\n');
}

/** One cold run split by stage (not in turns, so only a guide to where the time goes). */
async function phasesReport(version: string): Promise<string> {
  const docs = path.join(workspace, `${version}-100`, 'docs');
  const child = spawn(process.execPath, [PHASES, docs, version], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (status !== 0) throw new Error(`${PHASES} exited with ${status}`);
  const seconds = JSON.parse(stdout) as Record<string, number>;
  figures.phases[version] = seconds;
  const total = Object.values(seconds).reduce((sum, value) => sum + value, 0);
  return [
    `Where a cold ${version} run's time goes (one run, in process, no cache):`,
    '',
    '| stage | s | share |',
    '| --- | ---: | ---: |',
    ...Object.entries(seconds).map(([stage, value]) => `| ${stage} | ${value.toFixed(2)} | ${(value / total * 100).toFixed(0)}% |`),
    '',
  ].join('\n');
}

/** Whether two threads parse twice as fast as one here: a cold run's floor is the parse on the threads. */
async function scalingReport(version: string): Promise<string> {
  const docs = path.join(workspace, `${version}-100`, 'docs');
  const child = spawn(process.execPath, [SCALING, docs, String(runs)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (status !== 0) throw new Error(`${SCALING} exited with ${status}`);
  const { alone, together } = JSON.parse(stdout) as { alone: number; together: number };
  figures.scaling[version] = { aloneSeconds: alone, togetherSeconds: together };
  return `Parsing on two threads (${version}, medians of ${runs}): the reader over half the pages takes ${alone.toFixed(2)} s `
    + `on one thread alone and ${together.toFixed(2)} s on each of two threads reading the two halves at once `
    + `(${(together / alone).toFixed(2)} × alone; 1.00 would be two independent cores).\n`;
}

function ratio(group: Group, item: Item, target: number): string {
  const value = median(group.samples.get(item)!) / median(group.samples.get('baseline')!);
  return `${value.toFixed(3)} (target ≤ ${target}: ${value <= target ? 'met' : 'NOT met'})`;
}

function peakRss(group: Group, targetMb: number): string {
  const peak = Math.max(...[...group.samples.values()].flat().map((sample) => sample.peakRssMb));
  return `${peak.toFixed(0)} MB (target ≤ ${targetMb}: ${peak <= targetMb ? 'met' : 'NOT met'})`;
}

/** Item 6, in this process: the guards and ajv take turns, `runs` times each. */
async function guardReport(group: Group): Promise<string> {
  const modelFile = path.join(workspace, 'model.json');
  await timeNode([CLI, 'generate', '--docs', group.docs, '--api-version', group.version, '--out', group.out, '--quiet', '--emit-model', modelFile], group.cwd);
  const [model] = (JSON.parse(readFileSync(modelFile, 'utf8')) as { models: Model[] }).models;
  // The output folder is not a package; a copy with `"type": "module"` loads as users load it.
  const packageDir = path.join(workspace, 'guards-package');
  cpSync(group.out, packageDir, { recursive: true });
  writeFileSync(path.join(packageDir, 'package.json'), '{ "type": "module" }\n');
  const guards = await userGuardPairs(packageDir, model, path.join(CORPUS, group.version, 'api'));
  if (!guards) return '### 6. guards\n\nSkipped: the generated package has no isUser/validateUser.\n';
  figures.guards = { version: group.version, calls: guardCalls, examples: guards.examples.length, pairs: {} };
  const lines = [
    `### 6. guards (${group.version}): ${guardCalls} calls over ${guards.examples.length} real user examples`,
    '',
    `Examples accepted: ${Object.entries(guards.accepted).map(([name, count]) => `${name} ${count}`).join(', ')}`,
    '',
    '| check | median s | ns per call | × ajv |',
    '| --- | ---: | ---: | ---: |',
  ];
  for (const { guard, ajv } of guards.pairs) {
    const guardSeconds: number[] = [];
    const ajvSeconds: number[] = [];
    for (let run = 0; run < runs; run++) {
      guardSeconds.push(timeCalls(guard, guards.examples, guardCalls));
      ajvSeconds.push(timeCalls(ajv, guards.examples, guardCalls));
    }
    const [guardMedian, ajvMedian] = [medianOf(guardSeconds), medianOf(ajvSeconds)];
    const value = guardMedian / ajvMedian;
    figures.guards!.pairs[guard.name] = { nsPerCall: guardMedian / guardCalls * 1e9, ajvNsPerCall: ajvMedian / guardCalls * 1e9, timesAjv: value };
    lines.push(`| ${guard.name} | ${guardMedian.toFixed(3)} | ${(guardMedian / guardCalls * 1e9).toFixed(0)} | ${value.toFixed(2)} (target ≤ 1.0: ${value <= 1 ? 'met' : 'NOT met'}) |`);
    lines.push(`| ${ajv.name} (JSON Schema of the same type) | ${ajvMedian.toFixed(3)} | ${(ajvMedian / guardCalls * 1e9).toFixed(0)} | 1.00 |`);
  }
  return `${lines.join('\n')}\n`;
}

function machine(loadBefore: number, loadAfter: number): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  figures.machine = { cores: os.availableParallelism(), cpu, node: process.version, runs, loadBefore, loadAfter };
  return `## Bench: ${os.availableParallelism()} cores (${cpu}), node ${process.version}, ${runs} runs in turns; `
    + `load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after\n`;
}

function median(samples: Sample[]): number {
  return medianOf(samples.map((sample) => sample.seconds));
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}
