import type { PropertySignatureStructure, StatementStructures } from 'ts-morph';
import { StructureKind } from './tsMorph.js';
import { fullNameOf, type EnumTypeDef, type ObjectTypeDef, type PropertyDef, type TypeRef } from '../model/types.js';
import { propertyKey, pascalCase } from './naming.js';
import { TYPESCRIPT_OF_PRIMITIVE } from './primitiveTypes.js';
import type { ModuleContext } from './module.js';
import type { GuardIndex } from './guards.js';

export type EnumStyle = 'const' | 'union' | 'enum';

export function typeText(ref: TypeRef, context: ModuleContext): string {
  return ref.kind === 'primitive' ? TYPESCRIPT_OF_PRIMITIVE[ref.name] : context.reference(ref.fullName, 'declarations');
}

export function propertyTypeText(property: PropertyDef, context: ModuleContext): string {
  const element = typeText(property.type, context);
  const base = property.collection ? `${element === 'unknown' ? 'unknown' : element}[]` : element;
  return property.nullable && element !== 'unknown' ? `${base} | null` : base;
}

/**
 * What one declaration puts in its module's two files: the `.d.ts` statements, and the `.js`
 * ones (none for an interface). Written straight from the model, so nothing is transpiled.
 */
export interface ModuleParts {
  declarations: (StatementStructures | string)[];
  javascript: (StatementStructures | string)[];
}

export function interfaceParts(type: ObjectTypeDef, context: ModuleContext, hierarchy: GuardIndex): ModuleParts {
  const fullName = fullNameOf(type);
  const name = context.localName(fullName);
  const declaration: StatementStructures = {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    extends: type.baseType ? [context.reference(type.baseType, 'declarations')] : undefined,
    docs: context.docs(type.description, { link: context.link(type.sources[0]?.file) }),
    properties: [
      ...annotationProperties(type, hierarchy),
      ...type.properties.filter((property) => !annotated(type, hierarchy, property.name)).map((property): PropertySignatureStructure => ({
        kind: StructureKind.PropertySignature,
        name: propertyKey(property.name),
        hasQuestionToken: true,
        type: propertyTypeText(property, context),
        docs: context.docs(property.description, { readOnly: property.readOnly, maxLength: property.maxLength, link: context.link(property.source.file) }),
      })),
    ],
  };
  const union = context.unionName(fullName);
  if (!union) return { declarations: [declaration], javascript: [] };
  // The type itself is the member whose `@odata.type` names it (or is absent), so that a literal
  // of a derived type leaves it out when narrowing, though its interface declares a string.
  const members = [`(${name} & { "@odata.type"?: ${JSON.stringify(`#${fullName}`)} })`,
    ...hierarchy.derivedFrom(type).map((derived) => {
      const reference = context.reference(fullNameOf(derived), 'declarations');
      return hierarchy.derivedFrom(derived).length > 0
        ? `(${reference} & { "@odata.type"?: ${JSON.stringify(`#${fullNameOf(derived)}`)} })`
        : reference;
    })];
  const unionDeclaration: StatementStructures = {
    kind: StructureKind.TypeAlias,
    name: union,
    isExported: true,
    docs: [`${name} or a type derived from it, told apart by \`@odata.type\`: a \`switch\` on it narrows to the type it names.`],
    type: members.join('\n| '),
  };
  return { declarations: [declaration, unionDeclaration], javascript: [] };
}

/**
 * The `@odata` annotations Graph sends on the type's values, as properties: `@odata.type` on a
 * type of a hierarchy (a string where types derive from it, whose interfaces must extend it; its
 * own name where none do), and `@odata.id`, `@odata.etag` and `@odata.context` on an entity
 * type with no base (its derived types inherit them). All optional, so no value needs them.
 */
function annotationProperties(type: ObjectTypeDef, hierarchy: GuardIndex): PropertySignatureStructure[] {
  const annotation = (name: string, typeText: string, doc: string): PropertySignatureStructure[] =>
    [{ kind: StructureKind.PropertySignature, name: propertyKey(`@odata.${name}`), hasQuestionToken: true, type: typeText, docs: [doc] }];
  const properties: PropertySignatureStructure[] = [];
  const base = hierarchy.baseOf(type);
  if (hierarchy.derivedFrom(type).length > 0) {
    if (!base) properties.push(...annotation('type', 'string', 'The type of the value: `#microsoft.graph.x` for a derived type x.'));
  } else if (base) {
    properties.push(...annotation('type', JSON.stringify(`#${fullNameOf(type)}`), 'The type of the value, as Graph names it.'));
  }
  if (type.kind === 'entity' && !base) {
    properties.push(
      ...annotation('id', 'string', 'The entity\'s address, as Graph sends it under some queries.'),
      ...annotation('etag', 'string', 'The entity\'s version, for `If-Match`.'),
      ...annotation('context', 'string', 'The metadata URL of a response\'s top-level value.'),
    );
  }
  return properties;
}

/**
 * Whether the annotations above type a property of this name on this type, in place of what a
 * page's table may say (a nullable string, which a derived type's literal or the root's string
 * would clash with): `@odata.type` in a hierarchy, the others on entities.
 */
function annotated(type: ObjectTypeDef, hierarchy: GuardIndex, name: string): boolean {
  if (name === '@odata.type') return hierarchy.baseOf(type) !== undefined || hierarchy.derivedFrom(type).length > 0;
  return type.kind === 'entity' && ['@odata.id', '@odata.etag', '@odata.context'].includes(name);
}

/** Enum member keys in the Kiota style: PascalCase, made unique and valid. */
export function enumMemberKeys(type: EnumTypeDef): string[] {
  const used = new Set<string>();
  return type.members.map((member) => {
    let key = pascalCase(member.name);
    for (let counter = 2; used.has(key); counter++) key = `${pascalCase(member.name)}${counter}`;
    used.add(key);
    return key;
  });
}

export function enumParts(type: EnumTypeDef, context: ModuleContext, style: EnumStyle): ModuleParts {
  const name = context.localName(fullNameOf(type));
  const docs = context.docs(type.description, { link: context.link(type.sources[0]?.file), combinedExample: type.flags ? combinedExample(type) : undefined });
  const values = type.members.map((member) => JSON.stringify(member.name));
  const keys = enumMemberKeys(type);
  if (style === 'union') {
    return { declarations: [{ kind: StructureKind.TypeAlias, name, isExported: true, docs, type: values.join(' | ') || 'never' }], javascript: [] };
  }
  if (style === 'enum') {
    const assignments = keys.map((key, index) => `    ${name}[${JSON.stringify(key)}] = ${values[index]};\n`);
    return {
      declarations: [{
        kind: StructureKind.Enum, name, isExported: true, hasDeclareKeyword: true, docs,
        members: keys.map((key, index) => ({ name: key, value: type.members[index].name, docs: context.docs(type.members[index].description) })),
      }],
      // What TypeScript compiles a string enum to.
      javascript: [`export var ${name};\n(function (${name}) {\n${assignments.join('')}})(${name} || (${name} = {}));`],
    };
  }
  // Written as text: ts-morph indents a multi-line type or initializer relative to the declaration.
  const memberLines = (separator: string, prefix: string, withDocs: boolean) => keys.map((key, index) => {
    const memberDoc = withDocs ? context.docs(type.members[index].description) : undefined;
    return `${memberDoc ? `    /** ${memberDoc[0].replace(/\n/g, ' ')} */\n` : ''}    ${prefix}${key}: ${values[index]}${separator}\n`;
  }).join('');
  return {
    declarations: [
      `${docs ? jsDocBlock(docs[0]) : ''}export declare const ${name}: {\n${memberLines(';', 'readonly ', true)}};`,
      { kind: StructureKind.TypeAlias, name, isExported: true, docs, type: `(typeof ${name})[keyof typeof ${name}]` },
    ],
    javascript: [`export const ${name} = {\n${memberLines(',', '', false)}};`],
  };
}

/** Two members joined as a flags value, preferring ones that are set bits over `none` (0) and `unknownFutureValue`. */
function combinedExample(type: EnumTypeDef): string {
  const bits = type.members.filter((member) => member.value !== 0 && member.name !== 'unknownFutureValue');
  return (bits.length >= 2 ? bits : type.members).slice(0, 2).map((member) => member.name).join(',');
}

function jsDocBlock(doc: string): string {
  return `/**\n${doc.split('\n').map((line) => ` * ${line}`.trimEnd()).join('\n')}\n */\n`;
}
