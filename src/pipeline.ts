import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildModel } from './model/build.js';
import { selectNamespaces, type NamespaceSelection } from './model/select.js';
import type { Diagnostic, Model } from './model/types.js';
import type { EmitOptions, SourceFile } from './emit/files.js';
import type { EmittedType } from './emit/emittedType.js';
import type { EnumStyle } from './emit/declarations.js';
import { checkTemplate, TEMPLATE_VARIABLES, type Template, type Templates } from './emit/templates.js';
import { nameClashDiagnostics } from './emit/naming.js';
import { openCache, type GeneratorCache } from './cache/generatorCache.js';
import { loadPages, readPageBytes, type PageBytes } from './parallel/readPages.js';
import { WorkerPool } from './parallel/workerPool.js';
import type { PageResult } from './read/types.js';
import { findVersions, type VersionInput } from './read/discover.js';

export interface GenerateOptions {
  enumStyle: EnumStyle;
  /** The templates; the ones in templates/ when absent. */
  templates?: Templates;
  /** Generated validators check formats by default. */
  checkFormats?: boolean;
  /** Emit type guards and their runtime module. Default true. */
  guards?: boolean;
  /** Also write schema.json per version. */
  jsonSchema?: boolean;
  /** Full OData name → TypeScript name. */
  namingOverrides?: Record<string, string>;
  /** Where the published pages are, for `@see` links. */
  docsBaseUrl?: string;
  /** Namespaces to keep or leave out of the output. */
  namespaces?: NamespaceSelection;
  /** Told what the run is doing, for a progress display. Changes nothing in the output. */
  progress?: (stage: ProgressStage) => void;
  /** Threads that parse pages; default the core count. Changes the speed only, never the output. */
  jobs?: number;
  /**
   * The cache of parsed pages and outputs: a folder, or false to bypass it. By default
   * node_modules/.cache/graph-docs-typegen of the package holding the working folder, and none
   * outside a package. Changes the speed only, never the output.
   */
  cacheDir?: string | false;
}

export type ProgressStage =
  | { stage: 'read'; apiVersion: string; done: number; total: number }
  | { stage: 'emit'; apiVersion: string; types: number };

export type ReadOptions = Pick<GenerateOptions, 'jobs' | 'cacheDir'>;

export interface PagesRead {
  pages: PageResult[];
  /** Warnings about the cache (a corrupt entry), not about the pages. */
  cacheProblems: Diagnostic[];
}

export interface VersionOutput {
  apiVersion: string;
  model: Model;
  /** The package files: JavaScript and declarations, paths relative to the version folder. */
  files: SourceFile[];
  diagnostics: Diagnostic[];
  pages: number;
}

const TEMPLATE_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** Reads templates/, with a user's header file in place of header.txt; checks every slot. */
export async function loadTemplates(headerFile?: string): Promise<Templates> {
  const read = async (file: string): Promise<Template> => ({ name: file, text: await readFile(file, 'utf8') });
  const templates: Templates = {
    header: await read(headerFile ?? path.join(TEMPLATE_DIR, 'header.txt')),
    jsdoc: await read(path.join(TEMPLATE_DIR, 'jsdoc.txt')),
    runtime: await read(path.join(TEMPLATE_DIR, 'runtime.ts')),
  };
  for (const key of Object.keys(TEMPLATE_VARIABLES) as (keyof Templates)[]) checkTemplate(templates[key], TEMPLATE_VARIABLES[key]);
  return templates;
}

/** Every page of a version in path order: taken from the cache when it holds the page's bytes, else parsed on worker threads. */
export async function readPages(input: VersionInput, options: ReadOptions = {}): Promise<PagesRead> {
  const cache = openCache(options.cacheDir);
  const pages = await readPageBytes(await loadPages(input.dir, cache?.pages), { jobs: options.jobs, cache: cache?.pages });
  return { pages, cacheProblems: cache?.problems ?? [] };
}

export type ModelOptions = Pick<GenerateOptions, 'jobs' | 'cacheDir' | 'namespaces' | 'progress'>;

export interface VersionModel {
  model: Model;
  diagnostics: Diagnostic[];
}

/** A version's model alone, as generate builds it, for what needs no output (diff). */
export async function readModel(input: VersionInput, options: ModelOptions = {}): Promise<VersionModel> {
  const cache = openCache(options.cacheDir);
  return cachedModel(cache, input.apiVersion, path.basename(input.dir), await loadPages(input.dir, cache?.pages), options);
}

/** The model of a version whose pages' bytes are at hand (read from git, say); `folderName` as in generateVersion. */
export async function modelOfPages(apiVersion: string, folderName: string, pageBytes: PageBytes[], options: ModelOptions = {}): Promise<VersionModel> {
  return cachedModel(openCache(options.cacheDir), apiVersion, folderName, pageBytes, options);
}

/** With a cache, the model is kept by the bytes of every page, like an output. */
async function cachedModel(
  cache: GeneratorCache | undefined, apiVersion: string, folderName: string, pageBytes: PageBytes[], options: ModelOptions,
): Promise<VersionModel> {
  // Each page keyed once: by loadPages for a folder, here for pages from elsewhere.
  const keyed = cache ? pageBytes.map((page) => (page.key ? page : { ...page, key: cache.pages.keyOf(page.file, page.bytes) })) : pageBytes;
  const modelKey = cache?.models.keyOf({ apiVersion, folderName, namespaces: options.namespaces ?? null, pages: keyed.map((page) => page.key) });
  let built = modelKey ? cache?.models.read(modelKey) : undefined;
  if (!built) {
    const onPageRead = (done: number, total: number) => options.progress?.({ stage: 'read', apiVersion, done, total });
    const pages = await readPageBytes(keyed, { jobs: options.jobs, cache: cache?.pages, onPageRead });
    const { model, diagnostics } = buildModel(apiVersion, pages, { folderName });
    built = { model: options.namespaces ? selectNamespaces(model, options.namespaces) : model, diagnostics };
    if (modelKey) cache?.models.write(modelKey, built);
  }
  const cacheProblems = cache?.problems ?? [];
  return cacheProblems.length > 0 ? { ...built, diagnostics: [...built.diagnostics, ...cacheProblems] } : built;
}

/**
 * A version's output. With a cache, the whole output is kept by the bytes of every page and the
 * options, so a run in which no page changed reads it back instead of building it; otherwise only
 * the pages that changed are parsed again.
 */
export async function generateVersion(input: VersionInput, options: GenerateOptions): Promise<VersionOutput> {
  const templates = options.templates ?? (await loadTemplates());
  const cache = openCache(options.cacheDir);
  const pageBytes = await loadPages(input.dir, cache?.pages);
  // The folder's name decides which links between pages are broken (`../resources/x.md`).
  const folderName = path.basename(input.dir);
  const outputKey = cache?.outputs.keyOf({ ...outputOptions(options), templates, apiVersion: input.apiVersion, folderName, pages: pageBytes.map((page) => page.key) });
  let output = outputKey ? cache?.outputs.read(outputKey) : undefined;
  if (!output) {
    const typesKey = cache?.types.keyOf({ ...outputOptions(options), templates, apiVersion: input.apiVersion, dir: path.resolve(input.dir) });
    const reuse = typesKey ? cache?.types.read(typesKey) : undefined;
    // Loaded only when something is emitted (loading ts-morph takes longer than a whole warm
    // run), and started now with the runtime's compilation: this thread is free while worker
    // threads parse.
    const emitter = import('./emit/files.js').then((module) => {
      module.prepareRuntime({ ...emitOptions(options), templates }, reuse);
      return module;
    });
    emitter.catch(() => undefined);
    const onPageRead = (done: number, total: number) => options.progress?.({ stage: 'read', apiVersion: input.apiVersion, done, total });
    const pool = new WorkerPool(options.jobs ?? availableParallelism());
    let built: Awaited<ReturnType<typeof buildVersion>>;
    try {
      const pages = await readPageBytes(pageBytes, { pool, cache: cache?.pages, onPageRead });
      built = await buildVersion(await emitter, input.apiVersion, pages, { ...options, templates, folderName }, reuse, pool);
    } finally {
      await pool.close();
    }
    output = built.output;
    if (outputKey) cache?.outputs.write(outputKey, output);
    if (typesKey && !sameKeys(reuse, built.emitted)) cache?.types.write(typesKey, built.emitted);
  }
  const cacheProblems = cache?.problems ?? [];
  return cacheProblems.length > 0 ? { ...output, diagnostics: [...output.diagnostics, ...cacheProblems] } : output;
}

/** Below this many types to print, sending the model to the threads costs more than it saves. */
const MIN_TYPES_FOR_THREADS = 200;

/**
 * The model and its output. The types not in `reuse` are printed on the pool's threads when they
 * parsed the pages (and so have the emitter loaded by now), else in this thread.
 */
async function buildVersion(
  emitter: typeof import('./emit/files.js'), apiVersion: string, pages: PageResult[], options: GenerateOptions & { templates: Templates; folderName: string },
  reuse: ReadonlyMap<string, EmittedType> | undefined, pool: WorkerPool,
): Promise<{ output: VersionOutput; emitted: Map<string, EmittedType> }> {
  const built = buildModel(apiVersion, pages, { folderName: options.folderName });
  const model = options.namespaces ? selectNamespaces(built.model, options.namespaces) : built.model;
  const { diagnostics } = built;
  options.progress?.({ stage: 'emit', apiVersion, types: model.types.length });
  const emitOptionsWithTemplates = { ...emitOptions(options), templates: options.templates };
  const plan = emitter.planEmission(model, emitOptionsWithTemplates);
  let shares = reuse;
  if (pool.started) {
    const positions = emitter.typesToPrint(plan, reuse);
    if (positions.length >= MIN_TYPES_FOR_THREADS) {
      const printed = await pool.printTypes(model, emitOptionsWithTemplates, positions);
      shares = new Map([...(reuse ?? []), ...positions.map((position, index) => [plan.keys.get(model.types[position])!, printed[index]] as const)]);
    }
  }
  const { files, names, emitted } = emitter.emitPlanned(plan, shares);
  const nameClashes = nameClashDiagnostics(model, names);
  return { output: { apiVersion, model, files, diagnostics: [...diagnostics, ...nameClashes], pages: pages.length }, emitted };
}

function sameKeys(before: ReadonlyMap<string, unknown> | undefined, after: ReadonlyMap<string, unknown>): boolean {
  return before !== undefined && before.size === after.size && [...after.keys()].every((key) => before.has(key));
}

function emitOptions(options: GenerateOptions): Omit<EmitOptions, 'templates'> {
  return {
    enumStyle: options.enumStyle, guards: options.guards ?? true, jsonSchema: options.jsonSchema ?? false,
    checkFormats: options.checkFormats ?? false, namingOverrides: options.namingOverrides ?? {},
    ...(options.docsBaseUrl ? { docsBaseUrl: options.docsBaseUrl } : {}),
  };
}

/** The options the output depends on: all but those that change only how fast it comes. */
function outputOptions({ jobs, cacheDir, progress, ...rest }: GenerateOptions): Omit<GenerateOptions, 'jobs' | 'cacheDir' | 'progress'> {
  return rest;
}

export interface DocsOutput {
  versions: { input: VersionInput; output: VersionOutput }[];
  /** Every file of the output tree, paths relative to the output folder. */
  files: SourceFile[];
}

/** Generates every API version found under a docs folder into one output tree. */
export async function generateDocs(docsDir: string, fallbackVersion: string, options: GenerateOptions): Promise<DocsOutput> {
  return generateInputs(await findVersions(docsDir, fallbackVersion), options);
}

/** Generates the given versions into one output tree, each under its `outSubdir`. */
export async function generateInputs(inputs: VersionInput[], options: GenerateOptions): Promise<DocsOutput> {
  const versions: DocsOutput['versions'] = [];
  for (const input of inputs) versions.push({ input, output: await generateVersion(input, options) });
  const files = versions.flatMap(({ input, output }) =>
    output.files.map((file) => ({ path: path.posix.join(input.outSubdir, file.path), content: file.content })));
  return { versions, files };
}
