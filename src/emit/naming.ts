import { fullNameOf, type Diagnostic, type Model, type TypeDef } from '../model/types.js';

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
  /** Full OData name, as the model spells it → TS name, unique within its namespace. */
  typeNames: Map<string, string>;
  /** Namespace → module base name (`graph`, `callRecords`), unique whatever the case. */
  moduleNames: Map<string, string>;
  /** Namespace → the name it is exported as from the index (`CallRecords`); the root has none. */
  exportNames: Map<string, string>;
  /** Types renamed because an earlier type (in model order), or a helper, had their name. */
  renamed: { type: TypeDef; from: string; to: string; takenBy?: TypeDef }[];
  /** Namespaces whose module name an earlier namespace (in sort order) had, renamed the same way. */
  renamedModules: { namespace: string; from: string; to: string; takenBy: string }[];
  /**
   * Full name of a type that has derived types → the name of the union of it and every type
   * derived from it (`AttachmentTypes`), numbered where a type of its namespace has that name.
   */
  unionNames: Map<string, string>;
}

/** Module names a namespace may not take: the index, the guards' index, and the root namespace's module. */
const RESERVED_MODULE_NAMES = ['index', 'guards', 'graph'];

/**
 * Names every type. `overrides` (full OData name → TypeScript name) win over PascalCase; a clash
 * after PascalCasing (`fooBar`, `FooBar`) gives the later type, in model order, a number. Module
 * names are unique without regard to case, as on a case-insensitive file system two would be one
 * file: `microsoft.graph.x-y` and `microsoft.graph.x_y` give `x_y` and `x_y2`.
 */
export function buildNameTable(model: Model, overrides: Record<string, string> = {}): NameTable {
  const typeNames = new Map<string, string>();
  const renamed: NameTable['renamed'] = [];
  const usedByNamespace = new Map<string, Map<string, TypeDef | undefined>>();
  const overridden = new Map(Object.entries(overrides).map(([fullName, name]) => [fullName.toLowerCase(), checkedOverride(fullName, name)]));
  for (const type of model.types) {
    const used = usedByNamespace.get(type.namespace) ?? new Map<string, TypeDef | undefined>();
    usedByNamespace.set(type.namespace, used);
    const wanted = overridden.get(fullNameOf(type).toLowerCase()) ?? pascalCase(type.name);
    let name = wanted;
    for (let counter = 2; used.has(name.toLowerCase()) || RESERVED_TYPE_NAMES.has(name); counter++) name = `${wanted}${counter}`;
    if (name !== wanted) renamed.push({ type, from: wanted, to: name, takenBy: used.get(wanted.toLowerCase()) });
    used.set(name.toLowerCase(), type);
    typeNames.set(fullNameOf(type), name);
  }
  const moduleNames = new Map<string, string>();
  const exportNames = new Map<string, string>();
  const renamedModules: NameTable['renamedModules'] = [];
  const modulesTaken = new Map<string, string>(RESERVED_MODULE_NAMES.map((name) => [name, name]));
  const exportsTaken = new Set(usedByNamespace.get(ROOT_NAMESPACE)?.keys());
  for (const namespace of [...usedByNamespace.keys()].sort()) {
    if (namespace === ROOT_NAMESPACE) {
      moduleNames.set(namespace, 'graph');
      continue;
    }
    const wanted = namespace.slice(ROOT_NAMESPACE.length + 1).replace(/[^\w]+/g, '_') || '_';
    const local = numbered(wanted, (name) => modulesTaken.has(name.toLowerCase()));
    if (local !== wanted) renamedModules.push({ namespace, from: wanted, to: local, takenBy: modulesTaken.get(wanted.toLowerCase())! });
    modulesTaken.set(local.toLowerCase(), namespace);
    moduleNames.set(namespace, local);
    const exported = numbered(pascalCase(local), (name) => exportsTaken.has(name.toLowerCase()), 'Namespace');
    exportsTaken.add(exported.toLowerCase());
    exportNames.set(namespace, exported);
  }
  const unionNames = new Map<string, string>();
  const bases = new Set(model.types.flatMap((type) => (type.kind !== 'enum' && type.baseType ? [type.baseType] : [])));
  for (const type of model.types) {
    if (type.kind === 'enum' || !bases.has(fullNameOf(type))) continue;
    const used = usedByNamespace.get(type.namespace)!;
    const union = numbered(`${typeNames.get(fullNameOf(type))}Types`, (name) => used.has(name.toLowerCase()));
    used.set(union.toLowerCase(), undefined);
    unionNames.set(fullNameOf(type), union);
  }
  return { typeNames, moduleNames, exportNames, renamed, renamedModules, unionNames };
}

/** `wanted`, else `wanted` with `suffix`, else with a number from 2 on: the first that is not taken. */
function numbered(wanted: string, taken: (name: string) => boolean, suffix = ''): string {
  if (!taken(wanted)) return wanted;
  if (suffix && !taken(`${wanted}${suffix}`)) return `${wanted}${suffix}`;
  let counter = 2;
  while (taken(`${wanted}${suffix}${counter}`)) counter++;
  return `${wanted}${suffix}${counter}`;
}

/**
 * The renamings as `name-clash` warnings, each at the renamed type's page (for a module, the
 * first page of its namespace): the output is fine, but a reader of the docs meets two types
 * (or namespaces) where the TypeScript has one name.
 */
export function nameClashDiagnostics(model: Model, names: NameTable): Diagnostic[] {
  const warning = (type: TypeDef | undefined, reason: string): Diagnostic[] =>
    type?.sources[0] ? [{ ...type.sources[0], severity: 'warning', ruleId: 'name-clash', reason }] : [];
  return [
    ...names.renamed.flatMap(({ type, from, to, takenBy }) => warning(type,
      `Type '${fullNameOf(type)}' is named ${to} in TypeScript: ${takenBy ? `'${fullNameOf(takenBy)}' (${takenBy.sources[0]?.file}) also becomes ${from}` : `${from} is a name the generated code uses`}`)),
    ...names.renamedModules.flatMap(({ namespace, from, to, takenBy }) => warning(model.types.find((type) => type.namespace === namespace),
      `Namespace '${namespace}' is module ${to}: ${RESERVED_MODULE_NAMES.includes(takenBy) ? `${from} is the generated ${takenBy} module` : `'${takenBy}' also becomes ${from}`}`)),
  ];
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
