import { createHash } from 'node:crypto';
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

export function emitType(type: TypeDef, context: TypeEmitContext): EmittedType {
  const module = new ModuleContext(type.namespace, context.names, context.jsdoc);
  const own = type.kind === 'enum' ? enumParts(type, module, context.enumStyle) : interfaceParts(type, module);
  const checks = context.guards ? guardParts(type, module, context.guards) : { declarations: [], javascript: [] };
  return {
    declarations: print([...own.declarations, ...checks.declarations]),
    javascript: print([...own.javascript, ...checks.javascript]),
    imports: { declarations: module.importedNamespaces('declarations'), javascript: module.importedNamespaces('javascript') },
  };
}

function print(statements: (StatementStructures | string)[]): string {
  return statements.length === 0 ? '' : printStructure({ kind: StructureKind.SourceFile, statements });
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
