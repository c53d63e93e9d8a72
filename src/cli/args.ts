import { parseArgs } from 'node:util';
import type { EnumStyle } from '../emit/declarations.js';
import type { Config } from './config.js';
import type { ModelOptions } from '../pipeline.js';

export type Command = 'generate' | 'check' | 'lint' | 'verify-examples' | 'diff';

/** Everything a run is told, by flags over the config file over the defaults. */
export interface CliOptions {
  command: Command;
  docs: string;
  out: string;
  enumStyle: EnumStyle;
  check: boolean;
  strict: boolean;
  quiet: boolean;
  /** generate and check list every warning, not only the first ones. */
  verbose: boolean;
  watch: boolean;
  emitModel?: string;
  /** Extra outputs beside the modules. */
  emit: Emit[];
  reportJson?: string;
  apiVersion: string;
  /** Threads that parse pages; undefined for the core count. */
  jobs?: number;
  /** False with --no-cache: neither read nor write the cache. */
  cache: boolean;
  /** verify-examples: where its reports go. */
  reportDir: string;
  /** verify-examples: the pass rate in percent below which the run fails. */
  minPassRate: number;
  guards: boolean;
  checkFormats: boolean;
  /** Per API version, its pages and output folder; replaces --docs/--out discovery when set. */
  versions?: Record<string, { docs: string; out: string }>;
  namingOverrides: Record<string, string>;
  headerTemplate?: string;
  /** Where the published pages are, for the `@see` links. */
  docsBaseUrl?: string;
  includeNamespaces?: string[];
  excludeNamespaces?: string[];
  /** generate: append the API changes since the last generated tree to CHANGELOG.md. */
  changelog: boolean;
  /** diff: what it compares and how it says it. */
  diff?: DiffFlags;
}

export interface DiffFlags {
  from: string;
  to: string;
  fromVersion?: string;
  toVersion?: string;
  format: DiffFormat;
  failOnBreaking: boolean;
}

/** The settings a flag can give, by config key. */
export type Flags = Partial<Pick<Config, 'docs' | 'out' | 'apiVersion' | 'enumStyle' | 'strict' | 'quiet' | 'verbose' | 'jobs' | 'noCache' | 'emit' | 'docsBaseUrl'>> & {
  check?: boolean;
  watch?: boolean;
  emitModel?: string;
  reportJson?: string;
  reportDir?: string;
  minPassRate?: number;
  changelog?: boolean;
  diff?: Partial<DiffFlags>;
};

export class UsageError extends Error {
  override name = 'UsageError';
}

const COMMANDS: Command[] = ['generate', 'check', 'lint', 'verify-examples', 'diff'];
const DIFF_FORMATS = ['markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];
const ENUM_STYLES: EnumStyle[] = ['const', 'union', 'enum'];
export const EMITS = ['json-schema'] as const;
/** The target the README sets for the examples the docs' pages show. */
const DEFAULT_MIN_PASS_RATE = 95;
export type Emit = (typeof EMITS)[number];

/** How many warnings generate and check list before they only count the rest: lint lists them all. */
export const WARNINGS_LISTED = 20;

export const USAGE = `Usage: graph-docs-typegen <command> [options]

Commands:
  generate          read the docs pages and write TypeScript types, enums and guards
  check             regenerate in memory and compare with the output folder (exit 1 on drift)
  lint              report the docs' problems only; write nothing
  verify-examples   check the api pages' JSON examples against the generated validators
                    (--docs: a version folder holding resources/ and api/)
  diff              what changed in the API from --from to --to, breaking changes first

Options:
  --docs DIR        folder of pages, searched recursively (default: docs)
  --out DIR         output folder (default: generated)
  --enum-style S    const | union | enum (default: const)
  --check           with generate: compare instead of writing, like the check command
  --watch           with generate: regenerate whenever a page changes
  --strict          warnings fail the run (exit 1)
  --report json F   also write every diagnostic as JSON to F
  --emit-model F    write the intermediate model as JSON to F
  --emit json-schema  also write schema.json per version: every type as JSON Schema
  --docs-base-url U the published pages' folder, for @see links
                    (default: https://learn.microsoft.com/graph/api/resources/)
  --changelog       generate: append the API changes since the last generated tree
                    (its model.json) to CHANGELOG.md in the output folder, with the
                    semver bump they call for
  --from A          diff: the older side: a docs folder, a model file (--emit-model,
                    model.json) or git:REF[:PATH] (PATH default: --docs), read without
                    a checkout
  --to B            diff: the newer side, the same kinds
  --from-version V  diff: compare version V of A with --to-version's of B (default:
  --to-version W    every version both have, by name)
  --format F        diff: markdown (default) or json
  --fail-on breaking  diff: exit 1 when a change is breaking
  --report-dir DIR  verify-examples: folder for verify-examples-report.md/.json (default: .)
  --min-pass-rate P verify-examples: exit 1 when fewer than P% of the checked examples pass
                    (default: 95)
  --api-version V   version name for a folder without v1.0/ or beta/ inside (default: v1.0)
  --quiet           no progress, only warnings and the summary
  --verbose         generate, check: list every warning (by default the first ${WARNINGS_LISTED})
  --jobs N          threads that parse pages (default: the number of cores)
  --no-cache        neither read nor write the cache (node_modules/.cache/graph-docs-typegen
                    of the package holding the working folder)
  --config FILE     settings file (default: graph-docs-typegen.config.json if present)
  -h, --help        this text
  -v, --version     the generator's version

Colours follow NO_COLOR and FORCE_COLOR. Exit codes: 0 done, 1 drift, failing
diagnostics, a pass rate below --min-pass-rate or a breaking change with --fail-on,
2 usage or I/O error.`;

/** Every flag the command line takes; USAGE describes each. */
export const OPTIONS = {
  docs: { type: 'string' },
  out: { type: 'string' },
  'enum-style': { type: 'string' },
  check: { type: 'boolean' },
  watch: { type: 'boolean' },
  strict: { type: 'boolean' },
  report: { type: 'string', multiple: true },
  'emit-model': { type: 'string' },
  emit: { type: 'string', multiple: true },
  'report-dir': { type: 'string' },
  'docs-base-url': { type: 'string' },
  'min-pass-rate': { type: 'string' },
  'api-version': { type: 'string' },
  changelog: { type: 'boolean' },
  from: { type: 'string' },
  to: { type: 'string' },
  'from-version': { type: 'string' },
  'to-version': { type: 'string' },
  format: { type: 'string' },
  'fail-on': { type: 'string' },
  quiet: { type: 'boolean' },
  verbose: { type: 'boolean' },
  jobs: { type: 'string' },
  'no-cache': { type: 'boolean' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export type ParsedCommandLine =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'run'; command: Command; flags: Flags; configFile?: string };

export function parseCommandLine(argv: string[]): ParsedCommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: OPTIONS,
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [commandName, ...rest] = positionals;
  const command = (commandName ?? 'generate') as Command;
  if (!COMMANDS.includes(command)) throw new UsageError(`Unknown command '${commandName}' (expected ${COMMANDS.join(', ')})`);
  const reportArgs = values.report ?? [];
  const reportJson = reportOption(reportArgs, rest);
  const extra = rest.slice(reportArgs.length > 0 ? 1 : 0);
  if (extra.length > 0) throw new UsageError(`Unexpected argument '${extra[0]}'`);
  const enumStyle = values['enum-style'];
  if (enumStyle !== undefined && !ENUM_STYLES.includes(enumStyle as EnumStyle)) {
    throw new UsageError(`--enum-style must be one of ${ENUM_STYLES.join(', ')}, not '${enumStyle}'`);
  }
  if (values.watch && command !== 'generate') throw new UsageError('--watch goes with generate');
  if (values.changelog && command !== 'generate') throw new UsageError('--changelog goes with generate');
  const diffFlags = diffFlagsOf(command, values);
  for (const extra of values.emit ?? []) {
    if (!EMITS.includes(extra as Emit)) throw new UsageError(`--emit takes ${EMITS.join(', ')}, not '${extra}'`);
  }
  const flags: Flags = definedOnly({
    docs: values.docs,
    out: values.out,
    apiVersion: values['api-version'],
    enumStyle: enumStyle as EnumStyle | undefined,
    strict: values.strict,
    quiet: values.quiet,
    verbose: values.verbose,
    jobs: values.jobs === undefined ? undefined : jobsOption(values.jobs),
    noCache: values['no-cache'],
    check: values.check,
    watch: values.watch,
    emitModel: values['emit-model'],
    emit: values.emit as Emit[] | undefined,
    reportJson,
    reportDir: values['report-dir'],
    minPassRate: values['min-pass-rate'] === undefined ? undefined : percentOption('--min-pass-rate', values['min-pass-rate']),
    docsBaseUrl: values['docs-base-url'] === undefined ? undefined : docsBaseUrlOption(values['docs-base-url']),
    changelog: values.changelog,
    diff: diffFlags,
  });
  return { kind: 'run', command, flags, ...(values.config ? { configFile: values.config } : {}) };
}

/** Flags over the config file over the defaults. */
export function resolveOptions(command: Command, flags: Flags, config: Config): CliOptions {
  const pick = <K extends keyof Flags & keyof Config>(key: K) => flags[key] ?? config[key];
  return definedOnly({
    command,
    docs: pick('docs') ?? 'docs',
    out: pick('out') ?? 'generated',
    enumStyle: pick('enumStyle') ?? 'const',
    check: command === 'check' || flags.check === true,
    strict: pick('strict') ?? false,
    quiet: pick('quiet') ?? false,
    verbose: pick('verbose') ?? false,
    watch: flags.watch ?? false,
    apiVersion: pick('apiVersion') ?? 'v1.0',
    reportDir: flags.reportDir ?? '.',
    minPassRate: flags.minPassRate ?? DEFAULT_MIN_PASS_RATE,
    cache: !(pick('noCache') ?? false),
    jobs: pick('jobs'),
    emitModel: flags.emitModel,
    emit: pick('emit') ?? [],
    reportJson: flags.reportJson,
    guards: config.guards ?? true,
    checkFormats: config.checkFormats ?? false,
    // Flags naming a docs or output folder mean this run is about that folder, not the configured versions.
    versions: flags.docs || flags.out ? undefined : config.versions,
    namingOverrides: config.namingOverrides ?? {},
    headerTemplate: config.headerTemplate,
    docsBaseUrl: pick('docsBaseUrl'),
    includeNamespaces: config.includeNamespaces,
    excludeNamespaces: config.excludeNamespaces,
    changelog: flags.changelog ?? false,
    diff: flags.diff as DiffFlags | undefined,
  }) as CliOptions;
}

/** What decides how pages become a model, the same for generate and for both sides of diff. */
export function modelOptionsOf(options: CliOptions): ModelOptions {
  return {
    ...(options.includeNamespaces || options.excludeNamespaces
      ? { namespaces: { include: options.includeNamespaces, exclude: options.excludeNamespaces } } : {}),
    ...(options.jobs ? { jobs: options.jobs } : {}),
    ...(options.cache ? {} : { cacheDir: false as const }),
  };
}

type ParsedValues = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

/** diff's flags, which only diff takes and which it needs: --from and --to. */
function diffFlagsOf(command: Command, values: ParsedValues): DiffFlags | undefined {
  const given = (['from', 'to', 'from-version', 'to-version', 'format', 'fail-on'] as const).filter((flag) => values[flag] !== undefined);
  if (command !== 'diff') {
    if (given.length > 0) throw new UsageError(`--${given[0]} goes with diff`);
    return undefined;
  }
  if (values.from === undefined || values.to === undefined) throw new UsageError('diff needs --from A and --to B (each a docs folder, a model file or git:REF[:PATH])');
  const format = values.format ?? 'markdown';
  if (!DIFF_FORMATS.includes(format as DiffFormat)) throw new UsageError(`--format takes ${DIFF_FORMATS.join(' or ')}, not '${format}'`);
  if (values['fail-on'] !== undefined && values['fail-on'] !== 'breaking') throw new UsageError(`--fail-on takes 'breaking', not '${values['fail-on']}'`);
  return definedOnly({
    from: values.from, to: values.to, fromVersion: values['from-version'], toVersion: values['to-version'],
    format: format as DiffFormat, failOnBreaking: values['fail-on'] === 'breaking',
  });
}

function definedOnly<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

/** `--report json FILE`: the format is the option's value, the file the next word. */
function reportOption(reportArgs: string[], positionals: string[]): string | undefined {
  if (reportArgs.length === 0) return undefined;
  if (reportArgs.length > 1 || reportArgs[0] !== 'json') throw new UsageError(`--report takes 'json FILE'`);
  const file = positionals[0];
  if (!file) throw new UsageError('--report json needs a FILE');
  return file;
}

function jobsOption(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`--jobs takes a whole number of threads from 1, not '${value}'`);
  return Number(value);
}

function percentOption(flag: string, value: string): number {
  const percent = Number(value);
  if (value.trim() === '' || !Number.isFinite(percent) || percent < 0 || percent > 100) throw new UsageError(`${flag} takes a percentage from 0 to 100, not '${value}'`);
  return percent;
}

/** An http(s) URL, as `--docs-base-url` and the config's `docsBaseUrl` take it. */
export function docsBaseUrlOption(value: string): string {
  if (!isDocsBaseUrl(value)) throw new UsageError(`--docs-base-url: expected an http or https URL, got '${value}'`);
  return value;
}

export function isDocsBaseUrl(value: unknown): boolean {
  if (typeof value !== 'string' || !/^https?:\/\//.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}
