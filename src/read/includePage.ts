import { toString } from 'mdast-util-to-string';
import type { Diagnostic } from '../model/types.js';
import { splitFrontMatter } from './frontMatter.js';
import { parseMarkdown } from './markdown.js';
import { preparePageText } from './pageText.js';
import { malformedReason, readPermissionsTable } from './permissions.js';
import type { PageResult, RawPermissionTable } from './types.js';
import { placeOf } from './nodePlace.js';

/**
 * Reads a file of an `includes/` folder: the permission tables of `includes/permissions/x.md`
 * (columns `Least privileged permissions` and `Higher privileged permissions`), for the api pages
 * that include it. Other includes hold nothing the model uses. Never throws on page content.
 */
export function readIncludePage(file: string, text: string): PageResult {
  const diagnostics: Diagnostic[] = [];
  const report = (place: { line: number; column: number }, ruleId: string, reason: string) =>
    diagnostics.push({ file, line: place.line, column: place.column, severity: 'warning', ruleId, reason });
  const prepared = preparePageText(text);
  for (const finding of prepared.findings) report(finding, finding.ruleId, finding.reason);
  const { body, unclosed } = splitFrontMatter(prepared.text);
  if (unclosed) report({ line: 1, column: 1 }, 'front-matter-unclosed', 'Front matter opens with `---` but never closes');
  const permissionTables: RawPermissionTable[] = [];
  for (const node of parseMarkdown(body).children) {
    if (node.type !== 'table') continue;
    const [headerRow, ...rows] = node.children;
    const header = (headerRow?.children ?? []).map((cell) => toString(cell).trim());
    const read = readPermissionsTable(header, rows.map((row) => row.children.map((cell) => toString(cell))));
    if (!read) continue;
    for (const { permissions, row } of read.scenarios) {
      permissionTables.push({ ...permissions, place: { file, ...placeOf(read.scenarios.length > 1 ? rows[row] : node) } });
    }
    for (const { name, row } of read.malformed) report(placeOf(rows[row]), 'permission-name-malformed', malformedReason(name));
  }
  return { file, docType: 'include', objects: [], enums: [], typeLinks: [], derivedTypes: [], permissionTables, diagnostics };
}
