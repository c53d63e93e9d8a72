import type { SkippedBlock } from './extract.js';
import { DOCS_HINTS, type Hint } from './hints.js';
import type { Repair } from './repair.js';
import type { RequestOutcome } from './requestBody.js';
import type { Failure, Outcome } from './verify.js';
import { compareText } from '../compareText.js';

export interface Counts {
  /** Typed request and response bodies found: notJson + noType + checked. */
  found: number;
  notJson: number;
  /** JSON, but the annotation names a type with no generated validator (`Edm.String`, an enum). */
  noType: number;
  checked: number;
  passed: number;
  failed: number;
  /** Checked bodies that needed the docs' shorthand repaired first. */
  repaired: number;
  /** Typed blocks with no JSON body to check: no body, or a declared non-JSON content type. */
  skipped: number;
  /** Failed examples whose every failure is a docs placeholder, an enum member in another case or a quoted literal. */
  failedOnDocsStyle: number;
  /** Collection bodies whose annotation does not say isCollection: checked item by item all the same. */
  undeclaredCollections: number;
}

/** One failure as the report lists it. */
export interface ReportedFailure extends Failure {
  file: string;
  /** The line where the example's body starts. */
  exampleLine: number;
  odataType: string;
}

export interface Cause {
  /** The validator message's shape, its values left out: what failures are grouped by. */
  cause: string;
  /** Distinct examples with at least one failure of this cause. */
  examples: number;
  failures: ReportedFailure[];
}

/** The request bodies of POST, PUT and PATCH examples, against their operation's request type. */
export interface RequestBodyCounts {
  /** Request examples with a body: unmatched + noType + notJson + checked. */
  found: number;
  /** The URL matches no request line of its page for the method (or is not Graph's). */
  unmatched: number;
  /** The operation gives no type to check against (no Request body section, a type not in the model). */
  noType: number;
  notJson: number;
  checked: number;
  passed: number;
  failed: number;
  repaired: number;
}

export interface RequestBodyReport {
  counts: RequestBodyCounts;
  /** passed / checked, in percent. */
  passRate: number;
  /** Grouped as the typed examples' failures; `odataType` is the request type (`parameters` for an action's). */
  causes: Cause[];
  unmatched: { file: string; line: number; method: string; url: string; reason: string }[];
  noType: { file: string; line: number; operation: string; reason: string }[];
  notJson: { file: string; line: number; operation: string; reason: string }[];
}

export interface VerificationReport {
  apiVersion: string;
  docs: string;
  counts: Counts;
  /** passed / checked, in percent. */
  passRate: number;
  /** (passed + failedOnDocsStyle) / checked: what the docs' placeholders cost, for the record only. */
  passRateWithoutDocsStyle: number;
  /** Failures by hint (what the failing value looks like). */
  hints: Partial<Record<Hint, number>>;
  repairs: Partial<Record<Repair, number>>;
  notJson: { file: string; line: number; odataType: string; reason: string }[];
  noType: { file: string; line: number; odataType: string; reason: string }[];
  undeclaredCollections: { file: string; line: number; odataType: string }[];
  skipped: SkippedBlock[];
  causes: Cause[];
  requestBodies: RequestBodyReport;
}

export function buildReport(apiVersion: string, docs: string, outcomes: Outcome[], skipped: SkippedBlock[], requestOutcomes: RequestOutcome[] = []): VerificationReport {
  const counts: Counts = {
    found: outcomes.length, notJson: 0, noType: 0, checked: 0, passed: 0, failed: 0, repaired: 0, skipped: skipped.length, failedOnDocsStyle: 0, undeclaredCollections: 0,
  };
  const undeclaredCollections: VerificationReport['undeclaredCollections'] = [];
  const repairs: VerificationReport['repairs'] = {};
  const hints: VerificationReport['hints'] = {};
  const notJson: VerificationReport['notJson'] = [];
  const noType: VerificationReport['noType'] = [];
  const byCause = new Map<string, ReportedFailure[]>();
  for (const outcome of outcomes) {
    const { file, line, odataType } = outcome.example;
    if (outcome.status === 'notJson') {
      counts.notJson++;
      notJson.push({ file, line: outcome.line, odataType, reason: outcome.reason });
      continue;
    }
    if (outcome.status === 'noType') {
      counts.noType++;
      noType.push({ file, line, odataType, reason: outcome.reason });
      continue;
    }
    counts.checked++;
    counts[outcome.status]++;
    if (outcome.repairs.length) counts.repaired++;
    if (outcome.undeclaredCollection) {
      counts.undeclaredCollections++;
      undeclaredCollections.push({ file, line, odataType });
    }
    for (const repair of outcome.repairs) repairs[repair] = (repairs[repair] ?? 0) + 1;
    if (outcome.failures.length && outcome.failures.every((failure) => failure.hint && DOCS_HINTS.includes(failure.hint))) counts.failedOnDocsStyle++;
    for (const failure of outcome.failures) {
      if (failure.hint) hints[failure.hint] = (hints[failure.hint] ?? 0) + 1;
      const key = causeOf(failure);
      const list = byCause.get(key) ?? [];
      list.push({ ...failure, file, exampleLine: line, odataType });
      byCause.set(key, list);
    }
  }
  return {
    apiVersion, docs, counts,
    passRate: percent(counts.passed, counts.checked),
    passRateWithoutDocsStyle: percent(counts.passed + counts.failedOnDocsStyle, counts.checked),
    hints, repairs, notJson, noType, undeclaredCollections, skipped, causes: sortedCauses(byCause),
    requestBodies: buildRequestBodyReport(requestOutcomes),
  };
}

function buildRequestBodyReport(outcomes: RequestOutcome[]): RequestBodyReport {
  const counts: RequestBodyCounts = { found: outcomes.length, unmatched: 0, noType: 0, notJson: 0, checked: 0, passed: 0, failed: 0, repaired: 0 };
  const report: Omit<RequestBodyReport, 'counts' | 'passRate' | 'causes'> = { unmatched: [], noType: [], notJson: [] };
  const byCause = new Map<string, ReportedFailure[]>();
  for (const outcome of outcomes) {
    const { file, line, method, url } = outcome.request;
    counts[outcome.status]++;
    if (outcome.status === 'unmatched') report.unmatched.push({ file, line, method, url, reason: outcome.reason });
    else if (outcome.status === 'noType') report.noType.push({ file, line, operation: outcome.operation, reason: outcome.reason });
    else if (outcome.status === 'notJson') report.notJson.push({ file, line: outcome.line, operation: outcome.operation, reason: outcome.reason });
    else {
      counts.checked++;
      if (outcome.repairs.length) counts.repaired++;
      for (const failure of outcome.failures) {
        const list = byCause.get(causeOf(failure)) ?? [];
        list.push({ ...failure, file, exampleLine: line, odataType: outcome.requestType });
        byCause.set(causeOf(failure), list);
      }
    }
  }
  return { counts, passRate: percent(counts.passed, counts.checked), causes: sortedCauses(byCause), ...report };
}

function sortedCauses(byCause: Map<string, ReportedFailure[]>): Cause[] {
  return [...byCause].map(([cause, failures]) => ({
    cause,
    examples: new Set(failures.map((failure) => `${failure.file}:${failure.exampleLine}`)).size,
    failures,
  })).sort((a, b) => b.examples - a.examples || b.failures.length - a.failures.length || compareText(a.cause, b.cause));
}

/**
 * The shape of a failure: what was expected, with enum and type names kept (they say which
 * docs table to look at) but the found value reduced to its kind, so that every
 * `"2021-13-01"` and `"yesterday"` land in one group.
 */
export function causeOf(failure: Pick<Failure, 'path' | 'expected' | 'found'>): string {
  const expected = failure.expected.replace(/ or null$/, '');
  const found = failure.found.replace(/^(string|number) .*$/s, '$1');
  if (/(^|\.|\[)"?@odata\.type"?\]?$/.test(failure.path) && expected.startsWith('#')) return '@odata.type names a type that is neither the declared one nor derived from it';
  if (expected.endsWith(' member')) return `not a member of enum ${expected.slice(0, -' member'.length)}`;
  return `expected ${expected}, got ${found}`;
}

export function summaryLine(counts: Counts): string {
  const rate = percent(counts.passed, counts.checked);
  return `examples: found=${counts.found} notJson=${counts.notJson} checked=${counts.checked} passed=${counts.passed} (${rate.toFixed(1)}%)`;
}

/** The request bodies' figures, a line of their own so that the examples' line keeps counting what it counted. */
export function requestSummaryLine(counts: RequestBodyCounts): string {
  const rate = percent(counts.passed, counts.checked);
  return `request bodies: found=${counts.found} unmatched=${counts.unmatched} noType=${counts.noType} notJson=${counts.notJson} `
    + `checked=${counts.checked} passed=${counts.passed} (${rate.toFixed(1)}%)`;
}

/** The largest causes the command prints; the report files list them all. */
const CAUSES_PRINTED = 15;

/** What the command prints: the figures, the largest causes with a first example each, then the summary line. */
export function formatSummary(report: VerificationReport, files: string[]): string {
  const { counts } = report;
  const lines = [
    `verify-examples ${report.apiVersion}: ${counts.found} typed bodies in ${report.docs}; `
    + `${counts.repaired} repaired, ${counts.noType} with no generated type, ${counts.failed} failed, ${counts.skipped} typed blocks without a JSON body, `
    + `${counts.undeclaredCollections} collections without isCollection`,
  ];
  if (report.causes.length) lines.push('failures by cause (examples, failures):');
  for (const cause of report.causes.slice(0, CAUSES_PRINTED)) {
    const first = cause.failures[0];
    lines.push(`  ${pad(cause.examples)} ${pad(cause.failures.length)}  ${cause.cause}`, `        e.g. ${first.file}:${first.line} ${first.message}`);
  }
  const rest = report.causes.slice(CAUSES_PRINTED);
  if (rest.length) {
    const failures = rest.reduce((sum, cause) => sum + cause.failures.length, 0);
    lines.push(`  … and ${rest.length} more causes with ${failures} failures, all in the report`);
  }
  if (counts.failedOnDocsStyle) {
    lines.push(`${counts.failedOnDocsStyle} of the failed examples fail only on docs placeholders, enum members in another case or quoted literals `
      + `(${report.passRateWithoutDocsStyle.toFixed(1)}% would pass without them)`);
  }
  const notJsonReasons = countBy(report.notJson, (entry) => entry.reason);
  if (notJsonReasons.size) lines.push(`not JSON: ${[...notJsonReasons].map(([reason, count]) => `${reason} ${count}`).join(', ')}`);
  const requestBodies = report.requestBodies;
  if (requestBodies.causes.length) lines.push('request body failures by cause (examples, failures):');
  for (const cause of requestBodies.causes.slice(0, CAUSES_PRINTED)) {
    const first = cause.failures[0];
    lines.push(`  ${pad(cause.examples)} ${pad(cause.failures.length)}  ${cause.cause}`, `        e.g. ${first.file}:${first.line} ${first.message}`);
  }
  if (files.length) lines.push(`report: ${files.join(', ')}`);
  // The examples' line stays the last one, as scripts read it.
  lines.push(requestSummaryLine(requestBodies.counts), summaryLine(counts));
  return lines.join('\n');
}

export function formatMarkdown(report: VerificationReport): string {
  const { counts } = report;
  const out: string[] = [
    `# Example verification: ${report.apiVersion}`,
    '',
    `Every typed request and response body on the api pages of \`${report.docs}\`, checked against the validators generated from its resources.`,
    '',
    '| figure | count |',
    '| --- | ---: |',
    `| examples found | ${counts.found} |`,
    `| not JSON | ${counts.notJson} |`,
    `| no generated type | ${counts.noType} |`,
    `| checked | ${counts.checked} |`,
    `| passed | ${counts.passed} (${report.passRate.toFixed(1)}%) |`,
    `| failed | ${counts.failed} |`,
    `| repaired | ${counts.repaired} |`,
    `| collections whose annotation lacks isCollection (checked item by item) | ${counts.undeclaredCollections} |`,
    `| typed blocks without a JSON body (not counted) | ${counts.skipped} |`,
    `| failed only on docs placeholders, enum case or quoted literals | ${counts.failedOnDocsStyle} (${report.passRateWithoutDocsStyle.toFixed(1)}% would pass without them) |`,
    '',
  ];
  const repairs = Object.entries(report.repairs);
  if (repairs.length) out.push(`Repaired shorthand (examples): ${repairs.map(([repair, count]) => `${repair} ${count}`).join(', ')}.`, '');
  const hints = Object.entries(report.hints);
  if (hints.length) out.push(`What the failing values look like (failures): ${hints.map(([hint, count]) => `${hint} ${count}`).join(', ')}.`, '');
  out.push('## Failures by cause', '');
  if (!report.causes.length) out.push('None.', '');
  for (const cause of report.causes) {
    const causeHints = [...countBy(cause.failures.filter((failure) => failure.hint), (failure) => failure.hint!)];
    const hinted = causeHints.length ? ` Of these, ${causeHints.map(([hint, count]) => `${count} ${hint}`).join(', ')}.` : '';
    out.push(...causeSection(`### ${escape(cause.cause)}`, cause, hinted, 'example'));
  }
  out.push(...section('## Not JSON', report.notJson.map((entry) => `- \`${entry.file}:${entry.line}\` (\`${entry.odataType}\`): ${escape(entry.reason)}`)));
  out.push(...section('## No generated type', [...groupBy(report.noType, (entry) => entry.reason)]
    .map(([reason, entries]) => `- ${escape(reason)}: ${entries.map((entry) => `\`${entry.file}:${entry.line}\``).join(', ')}`)));
  out.push(...section('## Collections whose annotation lacks isCollection', report.undeclaredCollections.map((entry) => `- \`${entry.file}:${entry.line}\` (\`${entry.odataType}\`)`)));
  out.push(...section('## Typed blocks without a JSON body', [...groupBy(report.skipped, (entry) => entry.reason)]
    .map(([reason, entries]) => `- ${escape(reason)} (${entries.length}): ${entries.map((entry) => `\`${entry.file}:${entry.line}\``).join(', ')}`)));
  out.push(...requestBodiesMarkdown(report.requestBodies));
  out.push('```', summaryLine(counts), requestSummaryLine(report.requestBodies.counts), '```', '');
  return out.join('\n');
}

function requestBodiesMarkdown(report: RequestBodyReport): string[] {
  const { counts } = report;
  const out = [
    '## Request bodies', '',
    'The JSON body of every POST, PUT and PATCH request example, checked against the request type of the operation whose request line its URL matches '
    + '(a PATCH body as partial: required parameters are not asked of it).', '',
    '| figure | count |',
    '| --- | ---: |',
    `| request bodies found | ${counts.found} |`,
    `| URL matches no request line of its page | ${counts.unmatched} |`,
    `| operation gives no type to check | ${counts.noType} |`,
    `| not JSON | ${counts.notJson} |`,
    `| checked | ${counts.checked} |`,
    `| passed | ${counts.passed} (${report.passRate.toFixed(1)}%) |`,
    `| failed | ${counts.failed} |`,
    `| repaired | ${counts.repaired} |`,
    '',
    '### Request body failures by cause', '',
  ];
  if (!report.causes.length) out.push('None.', '');
  for (const cause of report.causes) out.push(...causeSection(`#### ${escape(cause.cause)}`, cause, '', 'body'));
  out.push(...section('### Request URLs that match no request line',
    report.unmatched.map((entry) => `- \`${entry.file}:${entry.line}\` \`${`${entry.method} ${entry.url}`.replace(/`/g, "'")}\`: ${escape(entry.reason)}`)));
  out.push(...section('### Operations with no type to check', [...groupBy(report.noType, (entry) => entry.reason)]
    .map(([reason, entries]) => `- ${escape(reason)}: ${entries.map((entry) => `\`${entry.file}:${entry.line}\``).join(', ')}`)));
  out.push(...section('### Request bodies that are not JSON', report.notJson.map((entry) => `- \`${entry.file}:${entry.line}\` (\`${escape(entry.operation)}\`): ${escape(entry.reason)}`)));
  return out;
}

/** A heading, then its lines or "None.", then a blank line. */
function section(heading: string, lines: string[]): string[] {
  return [heading, '', ...(lines.length ? lines : ['None.']), ''];
}

/** A cause's heading, its counts, and a line per failure of an example or a request body. */
function causeSection(
  heading: string, cause: { examples: number; failures: { file: string; line: number; exampleLine: number; odataType: string; path: string; message: string; hint?: string }[] },
  hinted: string, what: 'example' | 'body',
): string[] {
  return [heading, '', `${cause.examples} examples, ${cause.failures.length} failures.${hinted}`, '', ...cause.failures.map((failure) => {
    const message = escape(failure.message.slice(failure.path.length).replace(/^: /, ''));
    return `- \`${failure.file}:${failure.line}\` (${what} at line ${failure.exampleLine}, \`${failure.odataType}\`): \`${failure.path}\`: ${message}${failure.hint ? ` (${failure.hint})` : ''}`;
  }), ''];
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : (part / whole) * 100;
}

function pad(count: number): string {
  return String(count).padStart(5);
}

function escape(text: string): string {
  return text.replace(/[|<>*_`[\]]/g, (char) => `\\${char}`);
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
