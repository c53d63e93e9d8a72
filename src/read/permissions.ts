import type { Permissions } from '../model/types.js';
import { quoted } from './names.js';

/** The kinds of permission a table's rows name, by their first cell. */
type PermissionKind = keyof Permissions;

/**
 * A permission name as Graph spells them: dotted words, the first a resource (`User.Read`,
 * `Mail.ReadWrite.Shared`, `Directory.AccessAsUser.All`, `User-LifeCycleInfo.Read.All`,
 * `eDiscovery.Read.All`), or
 * one of the OpenID Connect scopes.
 */
const PERMISSION_NAME = /^(?:[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?:\.[A-Za-z][A-Za-z0-9]*)+|openid|profile|email|offline_access)$/;
const NOT_SUPPORTED = /^(?:not\s+(?:supported|applicable|available)|n\/a)\.?$/i;
/** Separators between names in one cell: commas, semicolons, line breaks, "and"/"or". */
const NAME_SEPARATOR = /\s*(?:[,;]|<br\s*\/?>|\s(?:and|or|plus)\s)\s*/i;
/** What a cell may say around its names: "(see below)", a leading "or", a scenario label ("For user resource:", "In teams:"). */
const NOTE = /\([^)]*\)/g;
const LEADING_CONJUNCTION = /^(?:and|or|plus|either)\s+/i;
const SCENARIO_LABEL = /^[^:.]*:\s*/;

export function isPermissionName(name: string): boolean {
  return PERMISSION_NAME.test(name);
}

export function malformedReason(name: string): string {
  return `Permission ${quoted(name)} is not a permission name (\`Resource.Operation[.Constraint]\`, such as \`User.Read.All\`)`;
}

/** One scenario's permissions read from a table, and the row (0-based, after the header) it starts at. */
export interface ReadPermissions {
  permissions: Permissions;
  row: number;
}

/** A name a table holds that is no permission name, and its row. */
export interface MalformedName {
  name: string;
  row: number;
}

/**
 * A permissions table in any of its forms, or undefined when the header is no permissions
 * table's: `Permission type | Permissions (from least to most privileged)` (inline),
 * `Permission type | Least privileged permissions | Higher privileged permissions` (an include),
 * both one scenario; or `Supported resource | Delegated (work or school account) | ... | Application`,
 * one scenario per row.
 */
export function readPermissionsTable(header: string[], rows: string[][]): { scenarios: ReadPermissions[]; malformed: MalformedName[] } | undefined {
  const malformed: MalformedName[] = [];
  const check = (row: PermissionRow, index: number) => {
    for (const name of row.names ?? []) if (!isPermissionName(name)) malformed.push({ name, row: index });
  };
  if (/^permission\s*types?$/i.test(header[0] ?? '') && header.length >= 2) {
    const read: PermissionRow[] = [];
    rows.forEach((cells, index) => {
      const kind = kindOf(cells[0] ?? '');
      if (!kind) return;
      const row = readPermissionCells(kind, cells.slice(1));
      read.push(row);
      check(row, index);
    });
    return { scenarios: [{ permissions: permissionsOf(read), row: 0 }], malformed };
  }
  const kinds = header.slice(1).map(kindOf);
  if (kinds.length < 2 || kinds.some((kind) => !kind)) return undefined;
  const scenarios = rows.map((cells, index) => {
    const read = kinds.map((kind, column) => readPermissionCells(kind!, [cells[column + 1] ?? '']));
    read.forEach((row) => check(row, index));
    return { permissions: permissionsOf(read), row: index };
  });
  return { scenarios, malformed };
}

/** A permissions row read: which kind, and its names least privileged first (null: "Not supported."). */
interface PermissionRow {
  kind: PermissionKind;
  names: string[] | null;
}

/**
 * One kind's cells: `User.Read, User.ReadWrite` (inline, "from least to most privileged"), or
 * an include's least privileged cell then its higher privileged one; "Not supported." is null.
 */
function readPermissionCells(kind: PermissionKind, cells: string[]): PermissionRow {
  const values = cells.map((cell) => plain(cell));
  if (values.length === 0 || NOT_SUPPORTED.test(values[0]) || values.every((value) => NOT_SUPPORTED.test(value) || !value)) {
    return { kind, names: values.some((value) => NOT_SUPPORTED.test(value)) ? null : [] };
  }
  const names = values.filter((value) => !NOT_SUPPORTED.test(value)).flatMap(splitNames);
  return { kind, names: [...new Set(names)] };
}

/** The permissions of a table's rows; kinds the table leaves out are `[]`. */
function permissionsOf(rows: PermissionRow[]): Permissions {
  const permissions: Permissions = { delegatedWork: [], delegatedPersonal: [], application: [] };
  for (const { kind, names } of rows) {
    const existing = permissions[kind];
    permissions[kind] = names === null ? (existing && existing.length > 0 ? existing : null) : [...(existing ?? []), ...names];
  }
  return permissions;
}

function kindOf(cell: string): PermissionKind | undefined {
  const text = plain(cell).toLowerCase();
  if (/^delegated\b/.test(text)) return /personal|microsoft account/.test(text) ? 'delegatedPersonal' : 'delegatedWork';
  if (/^application\b/.test(text)) return 'application';
  return undefined;
}

function splitNames(value: string): string[] {
  if (/^none\.?$/i.test(value)) return [];
  return value.replace(NOTE, ' ').split(NAME_SEPARATOR).flatMap((piece) => {
    const name = piece.replace(LEADING_CONJUNCTION, '').replace(SCENARIO_LABEL, '').replace(/[.,]$/, '').trim();
    // Names a cell lists with only spaces between them.
    const words = name.split(/\s+/);
    return words.length > 1 && words.every(isPermissionName) ? words : [name];
  }).filter((name) => name && !NOT_SUPPORTED.test(name));
}

/** A cell's text without emphasis, code marks and HTML tags other than line breaks. */
function plain(cell: string): string {
  return cell.replace(/<(?!br\b)[^>]*>/gi, ' ').replace(/[*`]/g, '').replace(/\\(.)/g, '$1').trim();
}
