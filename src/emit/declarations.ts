import type { StatementStructures } from 'ts-morph';
import { StructureKind } from './tsMorph.js';
import { fullNameOf, type EnumTypeDef, type ObjectTypeDef, type PropertyDef, type TypeRef } from '../model/types.js';
import { propertyKey, pascalCase } from './naming.js';
import type { ModuleContext } from './module.js';

export type EnumStyle = 'const' | 'union' | 'enum';

const PRIMITIVE_TS: Record<string, string> = {
  String: 'string', Guid: 'string', Date: 'string', DateTimeOffset: 'string', TimeOfDay: 'string',
  Duration: 'string', Binary: 'string',
  Int16: 'number', Int32: 'number', Int64: 'number', Byte: 'number', SByte: 'number',
  Single: 'number', Double: 'number', Decimal: 'number',
  Boolean: 'boolean', Stream: 'unknown', Untyped: 'unknown',
};

export function typeText(ref: TypeRef, context: ModuleContext): string {
  return ref.kind === 'primitive' ? PRIMITIVE_TS[ref.name] : context.reference(ref.fullName, 'declarations');
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

export function interfaceParts(type: ObjectTypeDef, context: ModuleContext): ModuleParts {
  const declaration: StatementStructures = {
    kind: StructureKind.Interface,
    name: context.localName(fullNameOf(type)),
    isExported: true,
    extends: type.baseType ? [context.reference(type.baseType, 'declarations')] : undefined,
    docs: context.docs(type.description, { source: sourceOf(type.sources[0]?.file) }),
    properties: type.properties.map((property) => ({
      kind: StructureKind.PropertySignature,
      name: propertyKey(property.name),
      hasQuestionToken: true,
      type: propertyTypeText(property, context),
      docs: context.docs(property.description, { readOnly: property.readOnly, maxLength: property.maxLength }),
    })),
  };
  return { declarations: [declaration], javascript: [] };
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
  const docs = context.docs(type.description, { source: sourceOf(type.sources[0]?.file), combinedExample: type.flags ? combinedExample(type) : undefined });
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

function sourceOf(file: string | undefined): string | undefined {
  return file ? file.replace(/\\/g, '/') : undefined;
}
