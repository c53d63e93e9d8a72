import { compareText } from '../compareText.js';
import { CHANGE_KINDS, type Change, type DiffReport } from './types.js';

export function diffReport(from: string, to: string, changes: Change[]): DiffReport {
  const breaking = changes.filter((change) => change.breaking).length;
  return { from, to, summary: { breaking, nonBreaking: changes.length - breaking }, changes };
}

export const jsonReport = (report: DiffReport): string => `${JSON.stringify(report, null, 2)}\n`;

/** Counts on top, then the breaking changes, then the others, each grouped by version, namespace and type. */
export function markdownReport(report: DiffReport): string {
  const lines = [
    `# API changes: ${inline(report.from)} → ${inline(report.to)}`, '',
    `${report.summary.breaking} breaking, ${report.summary.nonBreaking} not breaking.`, '',
    ...countTable(report.changes),
  ];
  for (const [title, breaking] of [['Breaking', true], ['Not breaking', false]] as const) {
    // Grouped: a namespace's types sort among another's by full name (`microsoft.graph.callRecords.x`).
    const changes = report.changes.filter((change) => change.breaking === breaking)
      .sort((a, b) => compareText(a.version, b.version) || compareText(groupOf(a), groupOf(b)) || compareText(a.type, b.type));
    if (changes.length === 0) continue;
    lines.push('', `## ${title} (${changes.length})`);
    let group = '';
    let subject = '';
    for (const change of changes) {
      const changeGroup = `${change.version} · ${groupOf(change)}`;
      if (changeGroup !== group) {
        lines.push('', `### ${changeGroup}`);
        group = changeGroup;
        subject = '';
      }
      const changeSubject = subjectOf(change);
      if (changeSubject !== subject) {
        lines.push('', `#### ${inline(changeSubject)}`, '');
        subject = changeSubject;
      }
      lines.push(`- ${changeLine(change)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The first `limit` changes, breaking first, one line each: what `check` shows above the file list. */
export function summaryLines(report: DiffReport, limit: number): string[] {
  const ordered = [...report.changes.filter((change) => change.breaking), ...report.changes.filter((change) => !change.breaking)];
  const lines = [`API changes: ${report.summary.breaking} breaking, ${report.summary.nonBreaking} not breaking`];
  for (const change of ordered.slice(0, limit)) lines.push(`  ${change.version} ${inlinePlain(isOperation(change) ? subjectOf(change) : change.type)}: ${changeLine(change)}`);
  if (ordered.length > limit) lines.push(`  ... and ${ordered.length - limit} more: \`graph-docs-typegen diff\` lists them all`);
  return lines;
}

export function kindCounts(changes: readonly Change[]): Map<string, { breaking: number; nonBreaking: number }> {
  const counts = new Map(CHANGE_KINDS.map((kind) => [kind as string, { breaking: 0, nonBreaking: 0 }]));
  for (const change of changes) counts.get(change.kind)![change.breaking ? 'breaking' : 'nonBreaking']++;
  return counts;
}

function countTable(changes: Change[]): string[] {
  const rows = [...kindCounts(changes)].filter(([, count]) => count.breaking + count.nonBreaking > 0);
  if (rows.length === 0) return ['No changes.'];
  return ['| change | breaking | not breaking |', '| --- | ---: | ---: |', ...rows.map(([kind, count]) => `| ${kind} | ${count.breaking} | ${count.nonBreaking} |`)];
}

const isOperation = (change: Change): boolean => change.kind.startsWith('operation-') || change.kind === 'permissions-changed';

function groupOf(change: Change): string {
  if (isOperation(change)) return 'operations';
  const dot = change.type.lastIndexOf('.');
  return dot < 0 ? change.type : change.type.slice(0, dot);
}

function subjectOf(change: Change): string {
  if (isOperation(change)) return `${change.member} ${change.type}`;
  const dot = change.type.lastIndexOf('.');
  return change.type.slice(dot + 1);
}

function changeLine(change: Change): string {
  const member = change.member !== null && !isOperation(change) ? ` ${inline(change.member)}` : '';
  const from = change.from ? `${inline(change.from.value)}${change.from.place ? ` (${change.from.place})` : ''}` : '';
  const to = change.to ? `${inline(change.to.value)}${change.to.place ? ` (${change.to.place})` : ''}` : '';
  const sides = from && to ? `${from} → ${to}` : from ? `was ${from}` : `now ${to}`;
  return `${change.kind}${member} [${change.rule}]: ${sides}`;
}

/** Docs text in a code span: backticks and line breaks cannot end it or the line. */
function inline(text: string): string {
  const flat = inlinePlain(text);
  const fence = '`'.repeat(Math.max(0, ...[...flat.matchAll(/`+/g)].map((match) => match[0].length)) + 1);
  return fence.length > 1 || flat.startsWith(' ') || flat.endsWith(' ') ? `${fence} ${flat} ${fence}` : `${fence}${flat}${fence}`;
}

const inlinePlain = (text: string): string => text.replace(/[\r\n\u2028\u2029]+/g, ' ');
