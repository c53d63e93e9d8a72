import { createHash, randomBytes } from 'node:crypto';
import type { StatementStructures } from 'ts-morph';
import { printStructure, StructureKind } from './tsMorph.js';
import { fullNameOf, type Model, type TypeDef } from '../model/types.js';
import { enumParts, interfaceParts, type EnumStyle } from './declarations.js';
import type { GuardIndex } from './guards.js';
import { guardParts } from './guards.js';
import { ModuleContext, type ReferenceUse } from './module.js';
import type { NameTable } from './naming.js';
import type { Template } from './templates.js';

/**
 * One type's share of its namespace's module: the text of its declarations and of its
 * JavaScript, and the other namespaces each names. A module is its types' shares one after the
 * other, so a share can be kept between runs and only the types that changed printed again.
 */
export interface EmittedType {
  declarations: string;
  javascript: string;
  imports: Record<ReferenceUse, string[]>;
}

export interface TypeEmitContext {
  names: NameTable;
  jsdoc: Template;
  enumStyle: EnumStyle;
  /** Absent when no guards are emitted. */
  guards?: GuardIndex;
}

/** The types' shares, in order. Printed in one batch per file kind: ts-morph's printer costs much to set up. */
export function emitTypes(types: TypeDef[], context: TypeEmitContext): EmittedType[] {
  const parts = types.map((type) => {
    const module = new ModuleContext(type.namespace, context.names, context.jsdoc);
    const own = type.kind === 'enum' ? enumParts(type, module, context.enumStyle) : interfaceParts(type, module);
    const checks = context.guards ? guardParts(type, module, context.guards) : { declarations: [], javascript: [] };
    return {
      declarations: [...own.declarations, ...checks.declarations],
      javascript: [...own.javascript, ...checks.javascript],
      imports: { declarations: module.importedNamespaces('declarations'), javascript: module.importedNamespaces('javascript') },
    };
  });
  const declarations = printEach(parts.map((part) => part.declarations));
  const javascript = printEach(parts.map((part) => part.javascript));
  return parts.map((part, index) => ({ declarations: declarations[index], javascript: javascript[index], imports: part.imports }));
}

/**
 * Each list of statements as text, printed in one call: the lists are separated by a comment line
 * holding a random nonce, which page text cannot produce (it never reaches a line start outside a
 * comment, where `/*` is escaped), and cut apart again.
 */
function printEach(lists: (StatementStructures | string)[][]): string[] {
  if (lists.length === 0) return [];
  const separator = `/*-${randomBytes(16).toString('hex')}-*/`;
  const printed = printStructure({ kind: StructureKind.SourceFile, statements: lists.flatMap((statements) => [...statements, separator]) });
  const pieces: string[] = [];
  let start = 0;
  for (let at = printed.indexOf(separator); at >= 0; at = printed.indexOf(separator, start)) {
    const text = printed.slice(start, at).replace(/^\n+/, '').replace(/\n+$/, '');
    pieces.push(text ? `${text}\n` : '');
    start = at + separator.length;
  }
  if (pieces.length !== lists.length) throw new Error('printed statements do not split back into their types');
  return pieces;
}

/**
 * A key per type that changes whenever its emitted text may: its own definition, and what the
 * text takes from the rest of the model, which is names (its own, its references', the modules')
 * and the shape of the type graph (each type's kind, base type and openness decide the guards'
 * dispatch and property checks). So a page edit that touches one type's properties or text
 * changes that type's key only, while a rename or a new derived type changes all of them.
 */
export function typeKeys(model: Model, context: TypeEmitContext): Map<TypeDef, string> {
  const shape = hash(JSON.stringify({
    enumStyle: context.enumStyle,
    guards: context.guards !== undefined,
    jsdoc: context.jsdoc.text,
    typeNames: [...context.names.typeNames],
    moduleNames: [...context.names.moduleNames],
    exportNames: [...context.names.exportNames],
    types: model.types.map((type) => type.kind === 'enum'
      ? [fullNameOf(type), type.kind, type.flags]
      : [fullNameOf(type), type.kind, type.baseType ?? null, type.openType]),
  }));
  return new Map(model.types.map((type) => [type, hash(`${shape}\0${JSON.stringify(type)}`)]));
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
