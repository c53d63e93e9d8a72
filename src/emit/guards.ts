import type { FunctionDeclarationStructure } from 'ts-morph';
import { StructureKind } from './tsMorph.js';
import { fullNameOf, type EnumTypeDef, type Model, type ObjectTypeDef, type PrimitiveName, type PropertyDef, type TypeDef } from '../model/types.js';
import { renderTemplate, type Templates } from './templates.js';
import { commentText } from './jsdoc.js';
import type { ModuleContext } from './module.js';
import type { ModuleParts } from './declarations.js';
import type { StatementStructures } from 'ts-morph';
import { ROOT_NAMESPACE, type NameTable } from './naming.js';
import { compareText } from '../compareText.js';

/*
 * Type guards for every declaration: `isX`, `validateX` and `assertX` for object types, `isX` for
 * enums, in the namespace's guards module (`graph.guards.js`), apart from the types so that a
 * type-only import parses none of them. They call the runtime module (templates/runtime.ts),
 * which does the walking and reporting, through the building blocks in the namespace's checks
 * module (`graph.checks.js`, internal: no declarations, not in the package's exports), which say,
 * per type, what to check:
 * - `checkX(value, walk)` checks a value declared as X: an object, whose `@odata.type` picks X or
 *   a type derived from X, whose properties are then checked by that type's `propertyOfX`;
 * - `propertyOfX(name, value, walk)` is a switch on the property name, calling each property's
 *   check directly (calls V8 can inline), and handing other names to the base type's;
 * - `membersOfX`, an enum's members.
 * All top-level declarations are functions, or enum member sets marked pure, so bundlers can
 * drop whatever guard goes unused.
 *
 * Names. Generated types are PascalCase (see naming.ts), so they never start with a lower-case
 * letter, and import aliases start with `$`. Every function or constant here is a lower-case
 * prefix plus a type name, and no prefix is another prefix followed by an upper-case letter:
 * so these names cannot clash with a type, an import or each other. Generated code never names
 * a JavaScript global (a docs type may be called `Array` or `Set`), and property names only ever
 * appear as JSON.stringify'd string literals.
 */
const PREFIX = {
  is: 'is',
  validate: 'validate',
  assert: 'assert',
  /** Internal building block: checks a value declared as the type, dispatching on @odata.type. */
  check: 'check',
  /** Internal building block: checks one property of the type by name; false if it has none such. */
  property: 'propertyOf',
  /** Internal: an enum's members. */
  members: 'membersOf',
} as const;

/** The guards' index module, `<version>/guards`; naming.ts keeps namespaces off the name. */
export const GUARDS_MODULE = 'guards';

/** The suffixes of a namespace's guards module and its internal checks module: `graph.guards.js`, `graph.checks.js`. */
export const GUARDS_SUFFIX = '.guards';
export const CHECKS_SUFFIX = '.checks';

/** The alias a guards module imports its namespace's checks as, and its `.d.ts` the namespace's types. */
const CHECKS_ALIAS = '$checks';
const TYPES_ALIAS = '$types';

/** The alias namespace modules import the runtime as; `$` keeps it apart from every type name. */
const RUNTIME_ALIAS = '$runtime';

/** The runtime module's name in the output: `runtime`, unless a namespace module took it. */
export function runtimeModuleName(names: NameTable): string {
  const taken = new Set(names.moduleNames.values());
  // Module names derived from namespaces are word characters only, so this one is always free.
  return taken.has('runtime') ? 'graph-runtime' : 'runtime';
}

export function runtimeImport(names: NameTable): string {
  return `import * as ${RUNTIME_ALIAS} from './${runtimeModuleName(names)}.js';`;
}

/** The imports of a namespace's guards module: the runtime, its checks (`.js`) or its types (`.d.ts`). */
export function guardsModuleImports(moduleName: string, names: NameTable, use: 'declarations' | 'javascript'): string[] {
  return use === 'javascript'
    ? [runtimeImport(names), `import * as ${CHECKS_ALIAS} from './${moduleName}${CHECKS_SUFFIX}.js';`]
    : [`import type * as ${RUNTIME_ALIAS} from './${runtimeModuleName(names)}.js';`, `import type * as ${TYPES_ALIAS} from './${moduleName}.js';`];
}

/** The lines guards.d.ts and guards.js re-export the runtime's public names with. */
export function runtimeExports(names: NameTable): { declarations: string; javascript: string } {
  const from = `from './${runtimeModuleName(names)}.js';`;
  return {
    declarations: `export { ValidationError, type ValidationIssue, type ValidationOptions } ${from}`,
    javascript: `export { ValidationError } ${from}`,
  };
}

/** The runtime module's TypeScript: the runtime template with its defaults filled in. */
export function runtimeSource(templates: Templates, checkFormats: boolean): string {
  return renderTemplate(templates.runtime, { checkFormats: String(checkFormats) });
}

/** What one type's guards need to know about the others: lookup by name, and derivation. */
export class GuardIndex {
  private readonly byFullName = new Map<string, TypeDef>();
  private readonly derived = new Map<string, ObjectTypeDef[]>();

  constructor(model: Model) {
    for (const type of model.types) this.byFullName.set(fullNameOf(type), type);
    for (const type of model.types) {
      if (type.kind === 'enum') continue;
      for (const ancestor of this.ancestorsOf(type)) {
        const key = fullNameOf(ancestor);
        const list = this.derived.get(key) ?? [];
        list.push(type);
        this.derived.set(key, list);
      }
    }
  }

  find(fullName: string): TypeDef | undefined {
    return this.byFullName.get(fullName);
  }

  /** The object type a type derives from, if the model has it. */
  baseOf(type: ObjectTypeDef): ObjectTypeDef | undefined {
    const base = type.baseType ? this.find(type.baseType) : undefined;
    return base?.kind === 'enum' ? undefined : base;
  }

  /** Base first, then its base; stops at a cycle, which the model builder reports and breaks anyway. */
  ancestorsOf(type: ObjectTypeDef): ObjectTypeDef[] {
    const ancestors: ObjectTypeDef[] = [];
    for (let base = this.baseOf(type); base && base !== type && !ancestors.includes(base); base = this.baseOf(base)) {
      ancestors.push(base);
    }
    return ancestors;
  }

  /** Every type derived from this one, directly or not, by full name. */
  derivedFrom(type: ObjectTypeDef): ObjectTypeDef[] {
    const list = this.derived.get(fullNameOf(type)) ?? [];
    return [...list].sort((a, b) => compareText(fullNameOf(a), fullNameOf(b)));
  }

  /** An open type, or one derived from an open type, accepts any property. */
  isOpen(type: ObjectTypeDef): boolean {
    return type.openType || this.ancestorsOf(type).some((ancestor) => ancestor.openType);
  }
}

/** A type's guards: its share of the namespace's guards module (`.d.ts` and `.js`) and of its checks module. */
export interface GuardParts extends ModuleParts {
  checks: (StatementStructures | string)[];
}

export function guardParts(type: TypeDef, context: ModuleContext, index: GuardIndex): GuardParts {
  const { guards, checks } = type.kind === 'enum' ? enumGuards(type, context) : objectGuards(type, context, index);
  return {
    declarations: guards.map(declaredFunction),
    javascript: guards.map(javascriptFunction),
    checks: [...(type.kind === 'enum' ? [memberSet(type, context)] : []), ...checks.map(javascriptFunction)],
  };
}

/** `membersOfX`, the set an enum's guards look values up in. */
function memberSet(type: EnumTypeDef, context: ModuleContext): string {
  const listed = type.members.map((member) => JSON.stringify(member.name)).join(', ');
  return `export const ${PREFIX.members + context.localName(fullNameOf(type))} = /*#__PURE__*/ ${RUNTIME_ALIAS}.memberSet([${listed}]);`;
}

/** The public guards, and the building blocks for the checks module. */
interface TypeGuards {
  guards: GuardFunction[];
  checks: GuardFunction[];
}

function enumGuards(type: EnumTypeDef, context: ModuleContext): TypeGuards {
  const name = context.localName(fullNameOf(type));
  const members = PREFIX.members + name;
  const evolvable = type.members.some((member) => member.name === 'unknownFutureValue');
  return {
    guards: [{
      name: PREFIX.is + name,
      docs: [
        `Whether \`value\` is a${type.flags ? ' single' : ''} ${docName(type)} member.`
        + (evolvable ? ' An evolvable enum: see the runtime module on unknownFutureValue.' : ''),
      ],
      parameters: [{ name: 'value', type: 'unknown' }],
      returnType: `value is ${TYPES_ALIAS}.${name}`,
      statements: [`return ${RUNTIME_ALIAS}.isMember(value, ${CHECKS_ALIAS}.${members});`],
    }],
    checks: [{
      name: PREFIX.check + name,
      docs: [`Checks a value declared as ${docName(type)}${type.flags ? ': members separated by commas' : ''}. A building block of the guards.`],
      parameters: [{ name: 'value', type: 'unknown' }, { name: 'walk', type: `${RUNTIME_ALIAS}.Walk` }],
      returnType: 'void',
      statements: [`walk.${type.flags ? 'flags' : 'member'}(value, ${members}, ${JSON.stringify(displayName(type))});`],
    }],
  };
}

function objectGuards(type: ObjectTypeDef, context: ModuleContext, index: GuardIndex): TypeGuards {
  const name = context.localName(fullNameOf(type));
  const check = `${CHECKS_ALIAS}.${PREFIX.check}${name}`;
  // A valid value is the type its @odata.type names: the union, which a switch on it narrows.
  const valid = `${TYPES_ALIAS}.${context.unionName(fullNameOf(type)) ?? name}`;
  const shown = JSON.stringify(displayName(type));
  const options = { name: 'options', type: `${RUNTIME_ALIAS}.ValidationOptions`, hasQuestionToken: true };
  return {
    guards: [{
      name: PREFIX.is + name,
      docs: [`Whether \`value\` is a valid ${docName(type)}. Stops at the first problem; ${PREFIX.validate + name} lists them all.`],
      parameters: [{ name: 'value', type: 'unknown' }],
      returnType: `value is ${valid}`,
      statements: [`return ${RUNTIME_ALIAS}.isValid(${check}, value);`],
    },
    {
      name: PREFIX.validate + name,
      docs: [`Every way \`value\` differs from a valid ${docName(type)}, each with its JSON path; empty when there is none.`],
      parameters: [{ name: 'value', type: 'unknown' }, options],
      returnType: `${RUNTIME_ALIAS}.ValidationIssue[]`,
      statements: [`return ${RUNTIME_ALIAS}.validate(${check}, value, options);`],
    },
    {
      name: PREFIX.assert + name,
      docs: [`Throws a ValidationError listing every issue unless \`value\` is a valid ${docName(type)}.`],
      parameters: [{ name: 'value', type: 'unknown' }, options],
      returnType: `asserts value is ${valid}`,
      statements: [`${RUNTIME_ALIAS}.assertValid(${check}, value, options, ${shown});`],
    }],
    checks: [dispatchFunction(type, context, index), propertyFunction(type, context, index)],
  };
}

/**
 * `checkX`: refuses what is not an object, then checks it as the type its `@odata.type` names:
 * X itself (also when it names none) or a type derived from X. Only X's derived types are listed,
 * so using one guard does not pull in unrelated ones.
 */
function dispatchFunction(type: ObjectTypeDef, context: ModuleContext, index: GuardIndex): GuardFunction {
  const concreteTypes = [type, ...index.derivedFrom(type)];
  const cases = concreteTypes.flatMap((concrete, position) => [
    ...(position === 0 ? ['case undefined:'] : []),
    `case ${JSON.stringify(`#${fullNameOf(concrete)}`)}:`,
    `case ${JSON.stringify(fullNameOf(concrete))}:`,
    `    ${propertiesCheck(concrete, context, index)}`,
    '    break;',
  ]);
  const expectedType = concreteTypes.length > 1
    ? `#${fullNameOf(type)} or a type derived from it`
    : `#${fullNameOf(type)}`;
  return {
    name: PREFIX.check + context.localName(fullNameOf(type)),
    docs: [`Checks a value declared as ${docName(type)}, as the type its \`@odata.type\` names. A building block of the guards.`],
    parameters: [{ name: 'value', type: 'unknown' }, { name: 'walk', type: `${RUNTIME_ALIAS}.Walk` }],
    returnType: 'void',
    // One statement, so that ts-morph puts no blank line after the switch.
    statements: [[
      `if (!walk.enterObject(value, ${JSON.stringify(`object (${displayName(type)})`)})) return;`,
      'const odataType = walk.odataType(value);',
      'switch (odataType) {',
      ...indent(cases),
      '    default:',
      `        walk.unexpectedODataType(odataType, ${JSON.stringify(expectedType)});`,
      '}',
      'walk.leaveObject();',
    ].join('\n')],
  };
}

/** How to check an object's properties once its type is known: open types accept any others. */
function propertiesCheck(type: ObjectTypeDef, context: ModuleContext, index: GuardIndex): string {
  const propertyOf = guardReference(context, PREFIX.property, type);
  return index.isOpen(type)
    ? `walk.openTypeProperties(value, ${propertyOf});`
    : `walk.properties(value, ${propertyOf}, ${JSON.stringify(displayName(type))});`;
}

/**
 * `propertyOfX`: a switch on the property name with a case for each property X declares; the
 * others go to the base type's, and past the root base type are unknown (false).
 */
function propertyFunction(type: ObjectTypeDef, context: ModuleContext, index: GuardIndex): GuardFunction {
  const base = index.baseOf(type);
  const unknown = base ? `return ${guardReference(context, PREFIX.property, base)}(name, value, walk);` : 'return false;';
  const declared = uniqueByName(type.properties);
  const body = declared.length === 0 ? [unknown] : [
    'switch (name) {',
    ...declared.flatMap((property) => [
      `    case ${JSON.stringify(property.name)}:`,
      `        ${propertyCheck(property, context, index)}`,
      '        break;',
    ]),
    '    default:',
    `        ${unknown}`,
    '}',
    'return true;',
  ];
  // Without a base or properties the parameters go unused: the underscore says so to linters.
  const unused = declared.length === 0 && !base ? '_' : '';
  return {
    name: PREFIX.property + context.localName(fullNameOf(type)),
    docs: [`Checks a property of ${docName(type)} by name; false when ${docName(type)} neither declares nor inherits it. A building block of the guards.`],
    parameters: [
      { name: `${unused}name`, type: 'string' },
      { name: `${unused}value`, type: 'unknown' },
      { name: `${unused}walk`, type: `${RUNTIME_ALIAS}.Walk` },
    ],
    returnType: 'boolean',
    // One statement, so that ts-morph puts no blank line after the switch.
    statements: [body.join('\n')],
  };
}

/**
 * A property's value check, as a direct call (which V8 can inline, unlike a check passed around).
 * Null is allowed exactly where the declaration says `| null` (see propertyTypeText).
 */
function propertyCheck(property: PropertyDef, context: ModuleContext, index: GuardIndex): string {
  const check = elementCheck(property, context, index);
  if (check === undefined && !property.collection) return `// ${property.type.kind === 'primitive' ? property.type.name : 'Untyped'}: any value`;
  const maxLength = property.maxLength !== undefined && hasLength(property) ? `, ${property.maxLength}` : '';
  const call = property.collection
    ? `walk.collection(value, ${check ?? `${RUNTIME_ALIAS}.acceptAnything`}${maxLength});`
    : `${check}(value, walk${maxLength});`;
  return property.nullable && check !== undefined ? `if (value !== null) ${call}` : call;
}

const STRING_TYPES: ReadonlySet<PrimitiveName> = new Set(['String', 'Guid', 'Date', 'DateTimeOffset', 'TimeOfDay', 'Duration', 'Binary']);

/** Whether a documented maximum length can apply: the runtime's string checks take one. */
function hasLength(property: PropertyDef): boolean {
  return property.type.kind === 'primitive' && STRING_TYPES.has(property.type.name);
}

/** The check for one value of the property's type; undefined when any value goes. */
function elementCheck(property: PropertyDef, context: ModuleContext, index: GuardIndex): string | undefined {
  const { type } = property;
  if (type.kind === 'primitive') return primitiveCheck(type.name);
  const target = index.find(type.fullName);
  return target ? guardReference(context, PREFIX.check, target) : undefined;
}

function primitiveCheck(name: PrimitiveName): string | undefined {
  return name === 'Stream' || name === 'Untyped' ? undefined : `${RUNTIME_ALIAS}.check${name}`;
}

/** A guard function of another type as code here: `checkX`, or `$Other.checkX` through its import. */
function guardReference(context: ModuleContext, prefix: string, type: TypeDef): string {
  const reference = context.reference(fullNameOf(type), 'javascript');
  const dot = reference.lastIndexOf('.');
  return `${reference.slice(0, dot + 1)}${prefix}${reference.slice(dot + 1)}`;
}

/** An exported guard function, from which both its declaration and its JavaScript are printed. */
interface GuardFunction {
  name: string;
  /** Plain text, made safe for a comment here. */
  docs: string[];
  parameters: { name: string; type: string; hasQuestionToken?: boolean }[];
  returnType: string;
  statements: string[];
}

function declaredFunction({ name, docs, parameters, returnType }: GuardFunction): FunctionDeclarationStructure {
  return { kind: StructureKind.Function, isExported: true, hasDeclareKeyword: true, name, docs: docs.map(commentText), parameters, returnType };
}

/** Documented in the `.d.ts`, which is what editors show. */
function javascriptFunction({ name, parameters, statements }: GuardFunction): FunctionDeclarationStructure {
  return { kind: StructureKind.Function, isExported: true, name, parameters: parameters.map((parameter) => ({ name: parameter.name })), statements };
}

/** How issues and docs name a type: its OData name, qualified below microsoft.graph (`callRecords.session`). */
function displayName(type: TypeDef): string {
  const fullName = fullNameOf(type);
  return type.namespace === ROOT_NAMESPACE ? type.name
    : fullName.startsWith(`${ROOT_NAMESPACE}.`) ? fullName.slice(ROOT_NAMESPACE.length + 1) : fullName;
}

function docName(type: TypeDef): string {
  return `\`${displayName(type)}\``;
}

/** The first property of each name: a page that lists one twice must not yield duplicate cases. */
function uniqueByName(properties: PropertyDef[]): PropertyDef[] {
  const seen = new Set<string>();
  return properties.filter((property) => !seen.has(property.name) && seen.add(property.name));
}

function indent(lines: string[]): string[] {
  return lines.map((line) => `    ${line}`);
}
