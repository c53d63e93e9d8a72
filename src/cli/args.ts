import { parseArgs } from 'node:util';
import type { EnumStyle } from '../emit/declarations.js';

export type Command = 'generate' | 'check' | 'lint' | 'verify-examples';

export interface CliOptions {
  command: Command;
  docs: string;
  out: string;
  enumStyle: EnumStyle;
  check: boolean;
  strict: boolean;
  quiet: boolean;
  emitModel?: string;
  reportJson?: string;
  apiVersion: string;
  /** Threads that parse pages; undefined for the core count. */
  jobs?: number;
  /** False with --no-cache: neither read nor write the cache. */
  cache: boolean;
  /** verify-examples: where its reports go. */
  reportDir: string;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

const COMMANDS: Command[] = ['generate', 'check', 'lint', 'verify-examples'];
const ENUM_STYLES: EnumStyle[] = ['const', 'union', 'enum'];

export const USAGE = `Usage: graph-docs-typegen <command> [options]

Commands:
  generate          read the docs pages and write TypeScript types, enums and guards
  check             regenerate in memory and compare with the output folder (exit 1 on drift)
  lint              report the docs' problems only; write nothing
  verify-examples   check the api pages' JSON examples against the generated validators
                    (--docs: a version folder holding resources/ and api/)

Options:
  --docs DIR        folder of pages, searched recursively (default: docs)
  --out DIR         output folder (default: generated)
  --enum-style S    const | union | enum (default: const)
  --check           with generate: compare instead of writing, like the check command
  --strict          warnings fail the run (exit 1)
  --report json F   also write every diagnostic as JSON to F
  --emit-model F    write the intermediate model as JSON to F
  --report-dir DIR  verify-examples: folder for verify-examples-report.md/.json (default: .)
  --api-version V   version name for a folder without v1.0/ or beta/ inside (default: v1.0)
  --quiet           only warnings and the summary
  --jobs N          threads that parse pages (default: the number of cores)
  --no-cache        neither read nor write the cache (node_modules/.cache/graph-docs-typegen
                    of the package holding the working folder)
  -h, --help        this text
  -v, --version     the generator's version`;

export type ParsedCommandLine = { kind: 'help' } | { kind: 'version' } | { kind: 'run'; options: CliOptions };

export function parseCommandLine(argv: string[]): ParsedCommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        docs: { type: 'string' },
        out: { type: 'string' },
        'enum-style': { type: 'string' },
        check: { type: 'boolean' },
        strict: { type: 'boolean' },
        report: { type: 'string', multiple: true },
        'emit-model': { type: 'string' },
        'report-dir': { type: 'string' },
        'api-version': { type: 'string' },
        quiet: { type: 'boolean' },
        jobs: { type: 'string' },
        'no-cache': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
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
  const enumStyle = (values['enum-style'] ?? 'const') as EnumStyle;
  if (!ENUM_STYLES.includes(enumStyle)) throw new UsageError(`--enum-style must be one of ${ENUM_STYLES.join(', ')}, not '${values['enum-style']}'`);
  return {
    kind: 'run',
    options: {
      command,
      docs: values.docs ?? 'docs',
      out: values.out ?? 'generated',
      enumStyle,
      check: command === 'check' || values.check === true,
      strict: values.strict === true,
      quiet: values.quiet === true,
      apiVersion: values['api-version'] ?? 'v1.0',
      reportDir: values['report-dir'] ?? '.',
      cache: values['no-cache'] !== true,
      ...(values.jobs !== undefined ? { jobs: jobsOption(values.jobs) } : {}),
      ...(values['emit-model'] ? { emitModel: values['emit-model'] } : {}),
      ...(reportJson ? { reportJson } : {}),
    },
  };
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
