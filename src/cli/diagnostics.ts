import type { Diagnostic } from '../model/types.js';
import { compareText } from '../compareText.js';
import { WARNINGS_LISTED } from './args.js';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) =>
    compareText(a.file, b.file) || a.line - b.line || a.column - b.column
    || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compareText(a.ruleId, b.ruleId));
}

/** One line in the unified/vfile style: `user.md:42:3 warning Unknown type 'Strin' unknown-type`. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const reason = diagnostic.reason.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '');
  return `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.severity} ${reason} ${diagnostic.ruleId}`;
}

export function countByRule(diagnostics: Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const diagnostic of diagnostics) counts.set(diagnostic.ruleId, (counts.get(diagnostic.ruleId) ?? 0) + 1);
  return new Map([...counts].sort(([a], [b]) => compareText(a, b)));
}

/**
 * The diagnostics a run prints one by one: every error, and the first warnings unless all are
 * asked for (a run on a docs clone has thousands; the summary counts them by rule). `info` is
 * for the JSON report only.
 */
export function diagnosticsToList(sorted: Diagnostic[], all: boolean): { listed: Diagnostic[]; unlisted: number } {
  let warnings = 0;
  const listed = sorted.filter((diagnostic) =>
    diagnostic.severity === 'error' || (diagnostic.severity === 'warning' && (all || ++warnings <= WARNINGS_LISTED)));
  const shown = sorted.filter((diagnostic) => diagnostic.severity !== 'info').length;
  return { listed, unlisted: shown - listed.length };
}
