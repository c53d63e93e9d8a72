import { readFile } from 'node:fs/promises';
import { isDocsBaseUrl, UsageError } from './args.js';

export const CONFIG_FILE = 'graph-docs-typegen.config.json';

/** What a user sets once in `graph-docs-typegen.config.json`; keys are the flags in camelCase. */
export interface Config {
  docs?: string;
  out?: string;
  apiVersion?: string;
  enumStyle?: 'const' | 'union' | 'enum';
  strict?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  jobs?: number;
  noCache?: boolean;
  /** Emit isX/validateX/assertX beside the interfaces. */
  guards?: boolean;
  /** Make the generated validators check Edm string formats and maximum lengths by default. */
  checkFormats?: boolean;
  /** Per API version: where its pages are and where its output goes. */
  versions?: Record<string, { docs: string; out: string }>;
  /** Full OData name → TypeScript name, for names a user wants otherwise. */
  namingOverrides?: Record<string, string>;
  /** A file replacing templates/header.txt. */
  headerTemplate?: string;
  /** The published pages' folder, for `@see` links (default learn.microsoft.com's). */
  docsBaseUrl?: string;
  includeNamespaces?: string[];
  excludeNamespaces?: string[];
  /** Extra outputs beside the modules: `json-schema` writes schema.json per version. */
  emit?: 'json-schema'[];
}

type Check = (value: unknown, key: string) => void;

const string: Check = (value, key) => {
  if (typeof value !== 'string' || value === '') fail(key, 'a non-empty string', value);
};
const boolean: Check = (value, key) => {
  if (typeof value !== 'boolean') fail(key, 'true or false', value);
};
const oneOf = (...allowed: string[]): Check => (value, key) => {
  if (typeof value !== 'string' || !allowed.includes(value)) fail(key, allowed.map((item) => `"${item}"`).join(' | '), value);
};
const listOf = (...allowed: string[]): Check => (value, key) => {
  if (!Array.isArray(value)) return fail(key, `a list of ${allowed.map((item) => `"${item}"`).join(' | ')}`, value);
  value.forEach((item, index) => oneOf(...allowed)(item, `${key}[${index}]`));
};
const url: Check = (value, key) => {
  if (!isDocsBaseUrl(value)) fail(key, 'an http or https URL', value);
};
const positiveInteger: Check = (value, key) => {
  if (!Number.isInteger(value) || (value as number) < 1) fail(key, 'a whole number ≥ 1', value);
};
const stringList: Check = (value, key) => {
  if (!Array.isArray(value)) return fail(key, 'a list of strings', value);
  value.forEach((item, index) => string(item, `${key}[${index}]`));
};
const stringMap: Check = (value, key) => {
  if (!isPlainObject(value)) return fail(key, 'an object of strings', value);
  for (const [name, item] of Object.entries(value)) string(item, `${key}.${name}`);
};
const versionMap: Check = (value, key) => {
  if (!isPlainObject(value)) return fail(key, 'an object of { "docs", "out" } per API version', value);
  for (const [version, entry] of Object.entries(value)) {
    checkObject(entry, `${key}.${version}`, { docs: string, out: string }, ['docs', 'out']);
  }
};

const KEYS: Record<keyof Config, Check> = {
  docs: string, out: string, apiVersion: string, enumStyle: oneOf('const', 'union', 'enum'),
  strict: boolean, quiet: boolean, verbose: boolean, jobs: positiveInteger, noCache: boolean, guards: boolean,
  checkFormats: boolean, versions: versionMap, namingOverrides: stringMap, headerTemplate: string, docsBaseUrl: url,
  includeNamespaces: stringList, excludeNamespaces: stringList, emit: listOf('json-schema'),
};

/** Validates parsed JSON as a config; the error names the first bad key. */
export function validateConfig(data: unknown, file = CONFIG_FILE): Config {
  try {
    checkObject(data, '', KEYS, []);
  } catch (error) {
    if (error instanceof ConfigKeyError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
  return data as Config;
}

/** Reads the config file if there is one; a missing file is no config, a bad one a usage error. */
export async function loadConfig(file: string, required: boolean): Promise<Config> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new UsageError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not JSON (${(error as Error).message})`);
  }
  return validateConfig(data, file);
}

class ConfigKeyError extends Error {}

function checkObject(value: unknown, path: string, checks: Record<string, Check>, required: string[]): void {
  if (!isPlainObject(value)) fail(path || 'the config', 'an object', value);
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    if (key === '$schema' && path === '') continue;
    const name = path ? `${path}.${key}` : key;
    if (!Object.hasOwn(checks, key)) throw new ConfigKeyError(`unknown key '${name}' (known: ${Object.keys(checks).join(', ')})`);
    checks[key](object[key], name);
  }
  for (const key of required) if (!Object.hasOwn(object, key)) throw new ConfigKeyError(`'${path}' needs '${key}'`);
}

function fail(key: string, expected: string, value: unknown): never {
  const found = value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'string' ? JSON.stringify(value) : typeof value;
  throw new ConfigKeyError(`'${key}' must be ${expected}, not ${found}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const CONFIG_KEYS = Object.keys(KEYS) as (keyof Config)[];
