import { StructureKind, type StatementStructures } from 'ts-morph';
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
  return ref.kind === 'primitive' ? PRIMITIVE_TS[ref.name] : context.reference(ref.fullName);
}

export function propertyTypeText(property: PropertyDef, context: ModuleContext): string {
  const element = typeText(property.type, context);
  const base = property.collection ? `${element === 'unknown' ? 'unknown' : element}[]` : element;
  return property.nullable && element !== 'unknown' ? `${base} | null` : base;
}

export function interfaceStatement(type: ObjectTypeDef, context: ModuleContext): StatementStructures {
  return {
    kind: StructureKind.Interface,
    name: context.localName(fullNameOf(type)),
    isExported: true,
    extends: type.baseType ? [context.reference(type.baseType)] : undefined,
    docs: context.docs(type.description, { source: sourceOf(type.sources[0]?.file) }),
    properties: type.properties.map((property) => ({
      kind: StructureKind.PropertySignature,
      name: propertyKey(property.name),
      hasQuestionToken: true,
      type: propertyTypeText(property, context),
      docs: context.docs(property.description, { readOnly: property.readOnly, maxLength: property.maxLength }),
    })),
  };
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

export function enumStatements(type: EnumTypeDef, context: ModuleContext, style: EnumStyle): (StatementStructures | string)[] {
  const name = context.localName(fullNameOf(type));
  const docs = context.docs(type.description, { source: sourceOf(type.sources[0]?.file) });
  const values = type.members.map((member) => JSON.stringify(member.name));
  const keys = enumMemberKeys(type);
  if (style === 'union') {
    return [{ kind: StructureKind.TypeAlias, name, isExported: true, docs, type: values.join(' | ') || 'never' }];
  }
  if (style === 'enum') {
    return [{
      kind: StructureKind.Enum, name, isExported: true, docs,
      members: keys.map((key, index) => ({ name: key, value: type.members[index].name, docs: context.docs(type.members[index].description) })),
    }];
  }
  // Written as text: ts-morph indents a multi-line initializer relative to the declaration.
  const members = keys.map((key, index) => {
    const memberDoc = context.docs(type.members[index].description);
    return `${memberDoc ? `    /** ${memberDoc[0].replace(/\n/g, ' ')} */\n` : ''}    ${key}: ${values[index]},\n`;
  });
  return [
    `${docs ? jsDocBlock(docs[0]) : ''}export const ${name} = {\n${members.join('')}} as const;`,
    { kind: StructureKind.TypeAlias, name, isExported: true, docs, type: `(typeof ${name})[keyof typeof ${name}]` },
  ];
}

function jsDocBlock(doc: string): string {
  return `/**\n${doc.split('\n').map((line) => ` * ${line}`.trimEnd()).join('\n')}\n */\n`;
}


function sourceOf(file: string | undefined): string | undefined {
  return file ? file.replace(/\\/g, '/') : undefined;
}
