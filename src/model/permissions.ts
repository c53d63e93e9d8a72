import path from 'node:path';
import type { PageResult, RawPermissionTable } from '../read/types.js';
import type { Diagnostic, Permissions } from './types.js';

const KINDS = ['delegatedWork', 'delegatedPersonal', 'application'] as const;

/** The include pages' permission tables, by path within the version folder, lower-cased (the published docs resolve paths without regard to case). */
export function includeTables(pages: readonly PageResult[]): Map<string, RawPermissionTable[]> {
  const tables = new Map<string, RawPermissionTable[]>();
  for (const page of pages) {
    if (page.permissionTables && !tables.has(page.file.toLowerCase())) tables.set(page.file.toLowerCase(), page.permissionTables);
  }
  return tables;
}

/**
 * What an api page says its operations need: its own tables and those of the pages it includes,
 * merged. An include the docs folder lacks is a `missing-include` warning and adds nothing.
 */
export function pagePermissions(page: PageResult, includes: Map<string, RawPermissionTable[]>, diagnostics: Diagnostic[]): Permissions {
  const api = page.api!;
  const tables = [...api.permissions];
  for (const include of api.permissionIncludes) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(page.file), include.target.split('#')[0].trim()));
    const found = target.startsWith('../') ? undefined : includes.get(target.toLowerCase());
    if (found) {
      tables.push(...found);
    } else {
      diagnostics.push({
        ...include.place, severity: 'warning', ruleId: 'missing-include',
        reason: `The permissions include '${include.target}' is not in the docs folder (${target})`,
      });
    }
  }
  return mergePermissions(tables);
}

/**
 * Several tables (one per scenario) as one: per kind, the names of every table that supports it,
 * in order and once each; `null` only when every table says the kind is not supported; `[]`
 * with no table at all.
 */
export function mergePermissions(tables: readonly Permissions[]): Permissions {
  const merged: Permissions = { delegatedWork: [], delegatedPersonal: [], application: [] };
  for (const kind of KINDS) {
    const supported = tables.map((table) => table[kind]).filter((names): names is string[] => names !== null);
    merged[kind] = tables.length > 0 && supported.length === 0 ? null : [...new Set(supported.flat())];
  }
  return merged;
}
