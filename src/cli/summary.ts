import type { Diagnostic } from '../model/types.js';
import type { VersionOutput } from '../pipeline.js';
import { countByRule } from './diagnostics.js';
import type { Painter } from './terminal.js';

export interface RunFigures {
  outputs: VersionOutput[];
  diagnostics: Diagnostic[];
  /** What happened to the output: `12 written, 3 unchanged, 0 removed`, `generated is up to date`. */
  outcome: string;
  elapsedMs: number;
}

/** The closing table of a run: what was read, what was made, what was wrong, what was written. */
export function summaryTable(figures: RunFigures, paint: Painter): string {
  const { outputs, diagnostics } = figures;
  const count = (predicate: (output: VersionOutput) => number) => outputs.reduce((sum, output) => sum + predicate(output), 0);
  const types = count((output) => output.model.types.filter((type) => type.kind !== 'enum').length);
  const enums = count((output) => output.model.types.filter((type) => type.kind === 'enum').length);
  const guards = count((output) => output.files.reduce((sum, file) => sum + (file.path.endsWith('.d.ts') ? file.content.match(/^export declare function is[A-Z]\w*\(/gm)?.length ?? 0 : 0), 0));
  const rows: [string, string][] = [
    ['pages', String(count((output) => output.pages))],
    ['types', String(types)],
    ['enums', String(enums)],
    ['guards', String(guards)],
  ];
  for (const severity of ['error', 'warning'] as const) {
    const matching = diagnostics.filter((diagnostic) => diagnostic.severity === severity);
    const byRule = [...countByRule(matching)].map(([rule, total]) => `${rule} ${total}`).join(', ');
    rows.push([`${severity}s`, `${matching.length}${byRule ? ` (${byRule})` : ''}`]);
  }
  rows.push(['output', figures.outcome], ['time', `${(figures.elapsedMs / 1000).toFixed(1)} s`]);
  const width = Math.max(...rows.map(([label]) => label.length));
  return [paint.bold('graph-docs-typegen'), ...rows.map(([label, value]) => `  ${paint.dim(label.padEnd(width))}  ${value}`)].join('\n');
}

/** One line, for `check`: a drift check in CI says only whether the tree is in sync. */
export function summaryLine(figures: RunFigures): string {
  const shown = figures.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info');
  const errors = shown.filter((diagnostic) => diagnostic.severity === 'error').length;
  const types = figures.outputs.reduce((sum, output) => sum + output.model.types.length, 0);
  return `graph-docs-typegen: ${figures.outcome} (${types} types and enums, ${shown.length - errors} warnings, ${errors} errors, ${(figures.elapsedMs / 1000).toFixed(1)} s)`;
}
