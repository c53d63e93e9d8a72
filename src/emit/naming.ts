import { fullNameOf, type Model, type TypeDef } from '../model/types.js';

export const ROOT_NAMESPACE = 'microsoft.graph';

/** `recordOperation` → `RecordOperation`; separators dropped, the result always a valid identifier. */
export function pascalCase(name: string): string {
  const words = name.split(/[^A-Za-z0-9_$]+/).filter(Boolean);
  const joined = words.map((word) => word[0].toUpperCase() + word.slice(1)).join('');
  if (!joined) return '_';
  return /^[0-9]/.test(joined) ? `_${joined}` : joined;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A property name as TypeScript source: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

/** Where each type lands in the output: its module and its TypeScript name. */
export interface NameTable {
  /** Lower-cased full OData name → TS name, unique within its namespace. */
  typeNames: Map<string, string>;
  /** Namespace → module base name (`graph`, `callRecords`). */
  moduleNames: Map<string, string>;
  /** Namespace → the name it is exported as from the index (`CallRecords`); the root has none. */
  exportNames: Map<string, string>;
  /** Clashes resolved by renaming, for diagnostics. */
  renamed: { type: TypeDef; from: string; to: string }[];
}

/**
 * Names every type. `overrides` (full OData name → TypeScript name) win over PascalCase; a clash
 * after PascalCasing (`fooBar`, `FooBar`) gives the later type, in model order, a number.
 */
export function buildNameTable(model: Model, overrides: Record<string, string> = {}): NameTable {
  const typeNames = new Map<string, string>();
  const renamed: NameTable['renamed'] = [];
  const usedByNamespace = new Map<string, Set<string>>();
  const overridden = new Map(Object.entries(overrides).map(([fullName, name]) => [fullName.toLowerCase(), checkedOverride(fullName, name)]));
  for (const type of model.types) {
    const used = usedByNamespace.get(type.namespace) ?? new Set<string>();
    usedByNamespace.set(type.namespace, used);
    const wanted = overridden.get(fullNameOf(type).toLowerCase()) ?? pascalCase(type.name);
    let name = wanted;
    for (let counter = 2; used.has(name.toLowerCase()) || RESERVED_TYPE_NAMES.has(name); counter++) name = `${wanted}${counter}`;
    if (name !== wanted) renamed.push({ type, from: wanted, to: name });
    used.add(name.toLowerCase());
    typeNames.set(fullNameOf(type).toLowerCase(), name);
  }
  const moduleNames = new Map<string, string>();
  const exportNames = new Map<string, string>();
  const rootNames = usedByNamespace.get(ROOT_NAMESPACE) ?? new Set<string>();
  for (const namespace of [...usedByNamespace.keys()].sort()) {
    if (namespace === ROOT_NAMESPACE) {
      moduleNames.set(namespace, 'graph');
      continue;
    }
    const local = namespace.slice(ROOT_NAMESPACE.length + 1).replace(/[^\w]+/g, '_');
    moduleNames.set(namespace, local);
    const exported = pascalCase(local);
    exportNames.set(namespace, rootNames.has(exported.toLowerCase()) ? `${exported}Namespace` : exported);
  }
  return { typeNames, moduleNames, exportNames, renamed };
}

function checkedOverride(fullName: string, name: string): string {
  if (!/^[A-Za-z_][\w]*$/.test(name) || RESERVED_TYPE_NAMES.has(name)) {
    throw new NamingError(`namingOverrides: '${name}' for ${fullName} is not a name a generated type can take`);
  }
  return name;
}

export class NamingError extends Error {
  override name = 'NamingError';
}

/**
 * Names a generated type may not take because the generated modules import helpers by them.
 * Globals such as `Date` or `Array` may be shadowed: generated code never names a global.
 */
export const RESERVED_TYPE_NAMES = new Set(['ValidationIssue', 'ValidationOptions', 'ValidationError']);
