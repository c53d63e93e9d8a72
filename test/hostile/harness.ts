/**
 * What the hostile-input tests share: version folders holding a hostile page beside a good one,
 * the pipeline run on a thread that can be stopped when it hangs, and the checks every output
 * must pass (it type-checks, and no page text runs as code).
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SourceFile } from '../../src/emit/files.js';
import type { Diagnostic } from '../../src/model/types.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { typeCheck } from '../helpers/typecheck.js';
import { CODE_NEEDLES } from './payloads.js';
import { codeTokensContaining } from './scanner.js';

export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/hostile');

/** The page every case runs beside: its type must come out whatever its neighbour does. */
export const GOOD_PAGE = {
  file: 'resultinfo.md',
  source: path.join(REPO_ROOT, 'docs/beta/resultinfo.md'),
  type: 'resultInfo',
  properties: { code: 'number | null', message: 'string | null', subcode: 'number | null' },
};

export type PageContent = string | Buffer;
/** Page file name (relative to the version folder) → bytes or text. */
export type Pages = Record<string, PageContent>;

export const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');

/** The 1-based line of the first occurrence of `needle`, counting CRLF, LF and a lone CR as line ends. */
export function lineOf(content: PageContent, needle: string): number {
  const text = typeof content === 'string' ? content : content.toString('latin1');
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`fixture does not contain ${JSON.stringify(needle)}`);
  return (text.slice(0, index).match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
}

// ------------------------------------------------------------------------------------------
// Version folders

const folders: string[] = [];

/** A fresh temp folder holding the good page and `pages`. */
export async function versionFolder(pages: Pages, options: { withGoodPage?: boolean } = {}): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'graph-docs-typegen-hostile-'));
  folders.push(dir);
  if (options.withGoodPage ?? true) await copyFile(GOOD_PAGE.source, path.join(dir, GOOD_PAGE.file));
  for (const [file, content] of Object.entries(pages)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
  return dir;
}

export async function removeVersionFolders(): Promise<void> {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

// ------------------------------------------------------------------------------------------
// The pipeline on a thread of its own

export interface TypeSummary {
  name: string;
  namespace: string;
  kind: string;
  /** Property names of an object type, member names of an enum. */
  members: string[];
  /** An object type's emitted interface: property name → its TypeScript type as printed. */
  declared: Record<string, string>;
}

export interface GenerateRequest {
  id: number;
  dir: string;
  apiVersion: string;
}

export type GenerateReply = { id: number; elapsedMs: number } & (
  | { status: 'done'; diagnostics: Diagnostic[]; files: SourceFile[]; types: TypeSummary[] }
  | { status: 'crashed'; error: string });

export type Generation = Omit<Extract<GenerateReply, { status: 'done' }>, 'id'>;

export type Outcome = Generation | Omit<Extract<GenerateReply, { status: 'crashed' }>, 'id'> | { status: 'timed-out'; elapsedMs: number };

/**
 * Runs `generateVersion` on a worker thread, so a page that makes it loop can be stopped: after
 * `timeoutMs` the thread is terminated and the outcome is `timed-out`. The thread's stack is the
 * size of the main thread's (about 1 MB), as the CLI reads small folders on its main thread, and
 * its heap is capped so a page that eats memory crashes the thread rather than the test run.
 */
export class IsolatedGenerator {
  private worker: Worker | undefined;
  private nextId = 0;

  generate(dir: string, timeoutMs: number, apiVersion = 'beta'): Promise<Outcome> {
    const worker = (this.worker ??= this.startWorker());
    const id = this.nextId++;
    const started = performance.now();
    const elapsedMs = () => performance.now() - started;
    return new Promise((resolve) => {
      const finish = (outcome: Outcome, workerGone: boolean): void => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (workerGone && this.worker === worker) this.worker = undefined;
        resolve(outcome);
      };
      const onMessage = (reply: GenerateReply): void => {
        if (reply.id !== id) return;
        const { id: _, ...outcome } = reply;
        finish(outcome, false);
      };
      const onError = (error: Error): void => finish({ status: 'crashed', elapsedMs: elapsedMs(), error: error.stack ?? String(error) }, true);
      const onExit = (code: number): void =>
        finish({ status: 'crashed', elapsedMs: elapsedMs(), error: `the generator thread exited with code ${code}` }, true);
      const timer = setTimeout(() => {
        void worker.terminate();
        finish({ status: 'timed-out', elapsedMs: elapsedMs() }, true);
      }, timeoutMs);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage({ id, dir, apiVersion } satisfies GenerateRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private startWorker(): Worker {
    const worker = new Worker(new URL('./generate-worker.js', import.meta.url), {
      resourceLimits: { stackSizeMb: 1, maxOldGenerationSizeMb: 4096 },
    });
    worker.unref();
    return worker;
  }
}

/** Why an outcome is not a finished run, or undefined when it is one. */
export function failedRun(outcome: Outcome, timeoutMs: number): string | undefined {
  if (outcome.status === 'timed-out') return `no output after ${(timeoutMs / 1000).toFixed(0)} s: the run hangs`;
  if (outcome.status === 'crashed') return `the run crashed after ${(outcome.elapsedMs / 1000).toFixed(1)} s:\n${outcome.error}`;
  return undefined;
}

// ------------------------------------------------------------------------------------------
// Checks of an output

/**
 * Page text found running as code: each needle found outside comments and string literals, as
 * `file:line`. The runtime module (the one generated modules import under a `$` alias) is left
 * out: it is a fixed template, no page text reaches it, and its own template literals would
 * match the backtick needles.
 */
export function injectedCode(files: SourceFile[], needles: readonly string[] = CODE_NEEDLES): string[] {
  const runtime = runtimeModules(files);
  const found: string[] = [];
  for (const file of files) {
    if (runtime.has(withoutExtension(file.path))) continue;
    for (const needle of needles) {
      for (const run of codeTokensContaining(file.content, needle)) {
        found.push(`${file.path}:${run.line}: code holds ${JSON.stringify(needle)}: ${JSON.stringify(excerpt(run.text, needle))}`);
      }
    }
  }
  return found;
}

/**
 * The runtime module, by path without extension: what generated modules import as `$runtime`
 * (other `$` aliases name namespace modules, whose code is scanned), and what the guards' entry
 * re-exports ValidationError from.
 */
export function runtimeModules(files: SourceFile[]): Set<string> {
  const modules = new Set<string>();
  for (const file of files) {
    const dir = path.posix.dirname(file.path);
    for (const match of file.content.matchAll(RUNTIME_REFERENCE)) modules.add(path.posix.join(dir, match[1] ?? match[2]));
  }
  return modules;
}

const RUNTIME_REFERENCE = /^(?:import \* as \$runtime from '\.\/([\w.-]+)\.js';|export \{[^}]*\bValidationError\b[^}]*\} from '\.\/([\w.-]+)\.js';)$/gm;

const withoutExtension = (file: string): string => file.replace(/(\.d)?\.[cm]?[jt]s$/, '');

function excerpt(text: string, needle: string): string {
  const at = text.indexOf(needle);
  return text.slice(Math.max(0, at - 40), at + needle.length + 40);
}

/**
 * Output paths that would collide or leave the output folder: two files at one path (one
 * overwrites the other), absolute paths, `..` segments, characters beyond `[A-Za-z0-9_.-]`.
 */
export function outputPathProblems(files: SourceFile[]): string[] {
  const seen = new Set<string>();
  return files.flatMap((file) => {
    const problems: string[] = [];
    if (seen.has(file.path)) problems.push(`output path: two files at ${JSON.stringify(file.path)}`);
    seen.add(file.path);
    const segments = file.path.split('/');
    if (file.path.startsWith('/') || segments.some((segment) => segment === '..' || segment === '.' || segment === '')
      || /[^\w./-]/.test(file.path)) problems.push(`output path: unsafe ${JSON.stringify(file.path)}`);
    return problems;
  });
}

/** The type-check errors of the emitted modules, as `tsc --noEmit --strict --checkJs` reports them; at most `limit`, then a count. */
export function typeErrors(sources: SourceFile[], limit = 12): string[] {
  const errors = typeCheck(sources).map((message) => `type-check: ${message}`);
  return errors.length > limit ? [...errors.slice(0, limit), `type-check: … and ${errors.length - limit} more`] : errors;
}

export interface WantDiagnostic {
  ruleId: string;
  /** The page it must name; any of several when the generator may pick either. */
  file: string | string[];
  /** The line it must name; any line when absent. */
  line?: number;
}

/** Each wanted diagnostic that the run did not give, with what it gave for that page instead. */
export function missingDiagnostics(diagnostics: Diagnostic[], wanted: WantDiagnostic[]): string[] {
  return wanted.flatMap((want) => {
    const files = [want.file].flat();
    const matches = (diagnostic: Diagnostic) => diagnostic.ruleId === want.ruleId && files.includes(diagnostic.file)
      && (want.line === undefined || diagnostic.line === want.line);
    if (diagnostics.some(matches)) return [];
    const got = diagnostics.filter((diagnostic) => files.includes(diagnostic.file))
      .map((diagnostic) => `${diagnostic.ruleId}@${diagnostic.line}`);
    return [`diagnostic: no '${want.ruleId}' for ${files.join(' or ')}${want.line === undefined ? '' : `:${want.line}`} (got: ${got.join(', ') || 'none'})`];
  });
}

/** Warnings and errors a page should not have caused. */
export function unwantedDiagnostics(diagnostics: Diagnostic[], file: string, allowed: WantDiagnostic[]): string[] {
  return diagnostics
    .filter((diagnostic) => diagnostic.file === file && diagnostic.severity !== 'info')
    .filter((diagnostic) => !allowed.some((want) => want.ruleId === diagnostic.ruleId))
    .map((diagnostic) => `diagnostic: unexpected ${diagnostic.severity} '${diagnostic.ruleId}' at ${file}:${diagnostic.line}: ${diagnostic.reason}`);
}

/**
 * Type name (simple, or qualified by its namespace) → the names its properties (or an enum's
 * members) must include, or its properties with the TypeScript type the emitted interface must
 * give each; every type, name or emitted type that differs.
 */
export function missingTypes(types: TypeSummary[], wanted: Record<string, string[] | Record<string, string>>): string[] {
  return Object.entries(wanted).flatMap(([name, want]) => {
    const type = types.find((candidate) => candidate.name === name || `${candidate.namespace}.${candidate.name}` === name);
    if (!type) return [`model: no type '${name}' (model has ${types.length} types: ${types.map((candidate) => candidate.name).slice(0, 20).join(', ')})`];
    const members = Array.isArray(want) ? want : Object.keys(want);
    const missing = members.filter((member) => !type.members.includes(member));
    if (missing.length > 0) return [`model: '${name}' lacks ${missing.map((member) => JSON.stringify(member)).join(', ')} (has ${type.members.slice(0, 20).map((member) => JSON.stringify(member)).join(', ')})`];
    if (Array.isArray(want)) return [];
    return Object.entries(want).filter(([property, declared]) => type.declared[property] !== declared)
      .map(([property, declared]) => `emitted: '${name}'.${property} is ${type.declared[property] ?? 'not declared'}, not ${declared}`);
  });
}
