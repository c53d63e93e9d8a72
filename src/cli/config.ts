import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { UsageError } from './args.js';

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

/** The keywords of graph-docs-typegen.schema.json that the messages put into words. */
type Schema =
  | { enum: unknown[] }
  | { type: 'boolean' }
  | { type: 'integer'; minimum?: number }
  | { type: 'string'; minLength?: number; pattern?: string; title?: string }
  | { type: 'array'; items: Schema }
  | ObjectSchema;
type ObjectSchema = { type: 'object'; properties?: Record<string, Schema>; additionalProperties?: Schema | false; required?: string[] };

let validator: ValidateFunction<Config> | undefined;

/**
 * The config file's JSON Schema from the package root, compiled on first use: the one statement
 * of the rules, which editors complete from and runs check the file against. Loading ajv and
 * compiling cost about 0.15 s, which a run without a config file should not pay; `require`
 * keeps the loading lazy and validateConfig synchronous.
 */
function configValidator(): ValidateFunction<Config> {
  if (!validator) {
    const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
    const schema = JSON.parse(readFileSync(new URL('../../../graph-docs-typegen.schema.json', import.meta.url), 'utf8')) as Schema;
    // verbose: an error carries the value and the schema around its keyword, which the message reads.
    // strictNumbers: a whole number is what Number.isInteger says, so Infinity is none.
    validator = new Ajv({ verbose: true, strictNumbers: true }).compile<Config>(schema);
  }
  return validator;
}

/** Every key of `Config`, spelled out so that the compiler holds it to the interface and a test to the schema. */
export const CONFIG_KEYS = Object.keys({
  docs: true, out: true, apiVersion: true, enumStyle: true, strict: true, quiet: true, verbose: true, jobs: true,
  noCache: true, guards: true, checkFormats: true, versions: true, namingOverrides: true, headerTemplate: true,
  docsBaseUrl: true, includeNamespaces: true, excludeNamespaces: true, emit: true,
} satisfies Record<keyof Config, true>) as (keyof Config)[];

/** Validates parsed JSON as a config against the schema; the error names a bad key and what it must be. */
export function validateConfig(data: unknown, file = CONFIG_FILE): Config {
  const validate = configValidator();
  if (validate(data)) return data;
  throw new UsageError(`${file}: ${describeError(validate.errors![0], data)}`);
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

/** An ajv error in the words of the key it is about: unknown, missing, or what its value must be. */
function describeError(error: ErrorObject, config: unknown): string {
  const key = keyAt(error.instancePath, config);
  switch (error.keyword) {
    case 'additionalProperties': {
      const known = Object.keys((error.parentSchema as ObjectSchema).properties!).join(', ');
      return `unknown key '${key ? `${key}.` : ''}${error.params.additionalProperty}' (known: ${known})`;
    }
    case 'required':
      return `'${key}' needs '${error.params.missingProperty}'`;
    default:
      return `'${key || 'the config'}' must be ${expectation(error.parentSchema as Schema)}, not ${shown(error.data)}`;
  }
}

/** A JSON Pointer into the config as the key paths users write: `versions.beta`, `emit[0]`. */
function keyAt(pointer: string, config: unknown): string {
  let key = '';
  let value = config;
  for (const segment of pointer.split('/').slice(1).map((escaped) => escaped.replaceAll('~1', '/').replaceAll('~0', '~'))) {
    key += Array.isArray(value) ? `[${segment}]` : key ? `.${segment}` : segment;
    value = (value as Record<string, unknown>)[segment];
  }
  return key;
}

/** What a value must be to match `schema`, read out of its keywords so that the words follow the rules. */
function expectation(schema: Schema): string {
  if ('enum' in schema) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  switch (schema.type) {
    case 'boolean':
      return 'true or false';
    case 'integer':
      return schema.minimum === undefined ? 'a whole number' : `a whole number ≥ ${schema.minimum}`;
    case 'string':
      // A regular expression is no words for a user; the schema's title names what it matches.
      if (schema.pattern) return schema.title ?? `a string matching ${schema.pattern}`;
      return schema.minLength ? 'a non-empty string' : 'a string';
    case 'array':
      return `a list, each ${expectation(schema.items)}`;
    case 'object':
      if (schema.additionalProperties) return `an object, each value ${expectation(schema.additionalProperties)}`;
      return schema.required ? `an object with ${KEY_LIST.format(schema.required.map((key) => `'${key}'`))}` : 'an object';
  }
}

const KEY_LIST = new Intl.ListFormat('en', { type: 'conjunction' });

/** The wrong value as a message shows it: a string itself, anything else by its kind. */
function shown(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'string' ? JSON.stringify(value) : typeof value;
}
