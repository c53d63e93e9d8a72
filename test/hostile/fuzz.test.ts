/**
 * "Hostile input never breaks the output", fuzzed: real pages of the 2021-07 corpus (resource and api pages), mutated
 * (lines cut, duplicated and swapped, hostile strings injected into cells, names, types,
 * descriptions, annotations and JSON, bytes flipped), go through readPage, buildModel and
 * emitModel in this process. Every run: no exception, no page read taking more than
 * PAGE_TIME_LIMIT_MS, no two output files at one path, no page text running as code. Every BATCH_RUNS runs, the outputs, each in a
 * folder of its own, are type-checked together as `tsc --noEmit --strict` would.
 *
 * FUZZ_SEED picks the seed (printed on every run), FUZZ_RUNS the number of runs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EnumStyle } from '../../src/emit/declarations.js';
import { emitModel, type SourceFile } from '../../src/emit/files.js';
import { buildModel } from '../../src/model/build.js';
import { loadTemplates } from '../../src/pipeline.js';
import { readPage } from '../../src/read/readPage.js';
import type { PageResult } from '../../src/read/types.js';
import { CORPUS } from '../helpers/cli.js';
import { corpusTest } from '../helpers/corpus.js';
import { typeCheck } from '../helpers/typecheck.js';
import { injectedCode, outputPathProblems, runtimeModules } from './harness.js';
import { mutate, mutation, type Mutation } from './mutate.js';

const RESOURCES = path.join(CORPUS, 'beta/resources');
const API = path.join(CORPUS, 'beta/api');
const SAMPLE_SIZE = 40;
/** Api pages beside the resource pages, named `api/x.md` as in a version folder. */
const API_SAMPLE_SIZE = 8;
/** Bytes; larger pages only slow the runs down, and huge pages have cases of their own. */
const LARGEST_SAMPLED_PAGE = 30_000;
const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 2_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_210_701);
const BATCH_RUNS = 100;
const PAGE_TIME_LIMIT_MS = 10_000;
const ENUM_STYLES: EnumStyle[] = ['const', 'union', 'enum'];

interface SamplePage {
  file: string;
  bytes: Buffer;
}

/** SAMPLE_SIZE resource pages and API_SAMPLE_SIZE api pages, each spread evenly over its folder in name order. */
function samplePages(): SamplePage[] {
  const spread = (dir: string, size: number, prefix: string) => {
    const files = readdirSync(dir).filter((file) => file.endsWith('.md')).sort()
      .filter((file) => statSync(path.join(dir, file)).size <= LARGEST_SAMPLED_PAGE);
    return Array.from({ length: size }, (_, index) => files[Math.floor((index * files.length) / size)])
      .map((file) => ({ file: `${prefix}${file}`, bytes: readFileSync(path.join(dir, file)) }));
  };
  return [...spread(RESOURCES, SAMPLE_SIZE, ''), ...spread(API, API_SAMPLE_SIZE, 'api/')];
}

interface RunPlan {
  pages: { page: number; mutations: Mutation[] }[];
  enumStyle: EnumStyle;
}

const runPlan: fc.Arbitrary<RunPlan> = fc.record({
  pages: fc.array(fc.record({ page: fc.nat(), mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }) }), { minLength: 1, maxLength: 3 }),
  enumStyle: fc.constantFrom(...ENUM_STYLES),
});

/** A plan with page names, to reproduce a failure by hand. */
const describePlan = (plan: RunPlan, sample: SamplePage[]): string =>
  JSON.stringify({ ...plan, pages: plan.pages.map(({ page, mutations }) => ({ page: sample[page % sample.length].file, mutations })) });

interface RunOutput {
  files: SourceFile[];
  slowestReadMs: number;
}

function generate(plan: RunPlan, sample: SamplePage[], templates: Awaited<ReturnType<typeof loadTemplates>>): RunOutput {
  const used = new Set<string>();
  let slowestReadMs = 0;
  const pages: PageResult[] = plan.pages.map(({ page, mutations }, position) => {
    const { file, bytes } = sample[page % sample.length];
    const name = used.has(file) ? `copy${position}-${file}` : file;
    used.add(name);
    const text = mutate(bytes, mutations).toString('utf8');
    const started = performance.now();
    const result = readPage(name, text);
    const elapsed = performance.now() - started;
    if (elapsed > PAGE_TIME_LIMIT_MS) throw new Error(`readPage took ${(elapsed / 1000).toFixed(1)} s on a mutation of ${file}: a hang`);
    slowestReadMs = Math.max(slowestReadMs, elapsed);
    return result;
  });
  const { model } = buildModel('beta', pages);
  return { files: emitModel(model, { enumStyle: plan.enumStyle, templates, guards: true }).files, slowestReadMs };
}

/**
 * The outputs of several runs as one project, run N under `run-N/`. Every run's runtime module
 * is the same template, so one copy is checked and each run's becomes a re-export of it.
 */
function batchProject(runs: { run: number; files: SourceFile[] }[]): SourceFile[] {
  /** The runtime's `.js` and `.d.ts`, by extension. */
  const shared = new Map<string, string>();
  const project: SourceFile[] = [];
  for (const { run, files } of runs) {
    const runtime = runtimeModules(files);
    for (const file of files) {
      const extension = /(\.d)?\.ts$|\.js$/.exec(file.path)?.[0];
      // operations.json is data, checked by its own tests; the project is what TypeScript checks.
      if (extension === undefined) continue;
      const isRuntime = runtime.has(file.path.slice(0, -extension.length));
      if (isRuntime && !shared.has(extension)) shared.set(extension, file.content);
      const content = isRuntime && file.content === shared.get(extension) ? `export * from '../shared/runtime.js';\n` : file.content;
      project.push({ path: `run-${run}/${file.path}`, content });
    }
  }
  for (const [extension, content] of shared) project.push({ path: `shared/runtime${extension}`, content });
  return project;
}

corpusTest(test, 'fuzz: mutated corpus pages never break the output', async () => {
  console.log(`fuzz: seed ${SEED} (FUZZ_SEED), ${NUM_RUNS} runs (FUZZ_RUNS), type-checked ${BATCH_RUNS} runs at a time`);
  const started = performance.now();
  const sample = samplePages();
  const templates = await loadTemplates();
  const plans = new Map<number, RunPlan>();
  const pending: { run: number; files: SourceFile[] }[] = [];
  const typeFailures: string[] = [];
  let runs = 0;
  let slowestReadMs = 0;

  const checkPending = (): void => {
    if (pending.length === 0) return;
    const byRun = new Map<number, string[]>();
    for (const message of typeCheck(batchProject(pending))) {
      const run = Number(/\/run-(\d+)\//.exec(message)?.[1] ?? -1);
      byRun.set(run, [...(byRun.get(run) ?? []), message]);
    }
    for (const [run, messages] of byRun) {
      const plan = plans.get(run);
      typeFailures.push(`run ${run}${plan ? ` ${describePlan(plan, sample)}` : ' (shared runtime)'}:\n    ${messages.slice(0, 5).join('\n    ')}`);
    }
    for (const { run } of pending) plans.delete(run);
    pending.length = 0;
  };

  fc.assert(fc.property(runPlan, (plan) => {
    let output: RunOutput;
    try {
      output = generate(plan, sample, templates);
    } catch (error) {
      throw new Error(`the run crashed on ${describePlan(plan, sample)}:\n${error instanceof Error ? error.stack : String(error)}`);
    }
    slowestReadMs = Math.max(slowestReadMs, output.slowestReadMs);
    const paths = outputPathProblems(output.files);
    if (paths.length > 0) throw new Error(`bad output paths on ${describePlan(plan, sample)}:\n${paths.join('\n')}`);
    const injected = injectedCode(output.files);
    if (injected.length > 0) throw new Error(`page text runs as code on ${describePlan(plan, sample)}:\n${injected.slice(0, 5).join('\n')}`);
    const run = runs++;
    if (typeFailures.length < 20) {
      plans.set(run, plan);
      pending.push({ run, files: output.files });
      if (pending.length === BATCH_RUNS) checkPending();
    }
  }), { seed: SEED, numRuns: NUM_RUNS, includeErrorInReport: true });
  checkPending();

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`fuzz: ${runs} runs in ${seconds} s; slowest page read ${(slowestReadMs / 1000).toFixed(2)} s`);
  assert.ok(typeFailures.length === 0, `outputs that do not type-check (seed ${SEED}):\n  ${typeFailures.join('\n  ')}`);
});

test.run();
