/**
 * The two things `diff` compares, each a docs folder, a model file (`--emit-model`, or a
 * generated tree's `model.json`) or `git:REF[:PATH]`, turned into models by API version.
 */
import { readFile, stat } from 'node:fs/promises';
import { modelOfPages, readModel, type ModelOptions } from '../pipeline.js';
import path from 'node:path';
import { findVersions, VERSION_FOLDERS } from '../read/discover.js';
import { gitVersions } from '../read/gitTree.js';
import type { Model } from '../model/types.js';
import { compareText } from '../compareText.js';

export type Side =
  | { kind: 'docs'; dir: string }
  | { kind: 'model'; file: string }
  | { kind: 'git'; ref: string; path?: string };

export class SideError extends Error {
  override name = 'SideError';
}

export interface SideOptions extends ModelOptions {
  /** The version of a docs folder without v1.0/ or beta/ inside. */
  fallbackVersion: string;
  /** The docs folder a `git:REF` side without a path reads. */
  docs: string;
}

export async function sideOf(text: string): Promise<Side> {
  if (text.startsWith('git:')) {
    const [ref, ...rest] = text.slice(4).split(':');
    if (!ref) throw new SideError(`${text}: expected git:REF or git:REF:PATH`);
    return rest.length > 0 ? { kind: 'git', ref, path: rest.join(':') } : { kind: 'git', ref };
  }
  const info = await stat(text).catch(() => undefined);
  if (!info) throw new SideError(`${text}: no such folder or file (expected a docs folder, a model file or git:REF[:PATH])`);
  return info.isDirectory() ? { kind: 'docs', dir: text } : { kind: 'model', file: text };
}

/** Each API version's model on one side, sorted by version name. */
export async function modelsOf(side: Side, options: SideOptions): Promise<Map<string, Model>> {
  const models = new Map<string, Model>();
  if (side.kind === 'model') {
    for (const model of await readModelFile(side.file)) models.set(model.apiVersion, model);
  } else if (side.kind === 'docs') {
    for (const input of await findVersions(side.dir, versionOfFolder(side.dir, options.fallbackVersion))) models.set(input.apiVersion, (await readModel(input, options)).model);
  } else {
    const docsPath = side.path ?? options.docs;
    for (const version of gitVersions(process.cwd(), side.ref, docsPath, versionOfFolder(docsPath, options.fallbackVersion))) {
      models.set(version.apiVersion, (await modelOfPages(version.apiVersion, version.folderName, version.pages, options)).model);
    }
  }
  return new Map([...models].sort(([a], [b]) => compareText(a, b)));
}

/** A version folder given itself (`DOCS/beta`) is that version. */
function versionOfFolder(dir: string, fallbackVersion: string): string {
  const name = path.basename(path.resolve(dir));
  return VERSION_FOLDERS.includes(name) ? name : fallbackVersion;
}

/** `{ "models": [...] }` as --emit-model writes it, or one model (a generated tree's model.json). */
export async function readModelFile(file: string): Promise<Model[]> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new SideError(`${file}: not a model file (${(error as Error).message})`);
  }
  const models = isObject(data) && Array.isArray(data.models) ? data.models as unknown[] : [data];
  return models.map((model, index) => {
    const where = models.length > 1 ? `${file}, model ${index + 1}` : file;
    if (!isObject(model)) throw new SideError(`${where}: not a model file (expected an object with apiVersion, types and operations)`);
    for (const [key, test] of [['apiVersion', (value: unknown) => typeof value === 'string'], ['types', Array.isArray], ['operations', Array.isArray]] as const) {
      if (!test(model[key])) throw new SideError(`${where}: not a model file ('${key}' is missing or not ${key === 'apiVersion' ? 'a string' : 'a list'})`);
    }
    return { apiVersion: model.apiVersion, types: model.types, operations: model.operations } as Model;
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface VersionPair {
  /** How the changes name the version: its name, or `from..to` for two differently named ones. */
  version: string;
  from: Model;
  to: Model;
}

/** The versions to compare: the two named, or every version both sides have. */
export function pairVersions(from: Map<string, Model>, to: Map<string, Model>, fromVersion?: string, toVersion?: string): VersionPair[] {
  const pick = (models: Map<string, Model>, name: string, flag: string): Model =>
    models.get(name) ?? failWith(`${flag} ${name}: that side has ${[...models.keys()].join(', ') || 'no version'}`);
  if (fromVersion !== undefined || toVersion !== undefined) {
    const a = fromVersion ?? toVersion!;
    const b = toVersion ?? fromVersion!;
    return [{ version: a === b ? a : `${a}..${b}`, from: pick(from, a, '--from-version'), to: pick(to, b, '--to-version') }];
  }
  const pairs = [...from].flatMap(([name, model]) => (to.has(name) ? [{ version: name, from: model, to: to.get(name)! }] : []));
  if (pairs.length === 0) {
    failWith(`the sides have no API version in common (from: ${[...from.keys()].join(', ')}; to: ${[...to.keys()].join(', ')}); name them with --from-version and --to-version`);
  }
  return pairs;
}

function failWith(message: string): never {
  throw new SideError(message);
}
