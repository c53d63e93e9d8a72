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
import type { DocsLink } from './docsLink.js';

/**
 * The modules of a namespace a type has a share in: its types (`graph.d.ts`, and `graph.js` for
 * enum objects), its guards (`graph.guards.d.ts`, `graph.guards.js`) and the guards' internal
 * building blocks (`graph.checks.js`); the runtime's share holds its compiled modules, CommonJS
 * included.
 */
export type SharePart = 'declarations' | 'javascript' | 'guardDeclarations' | 'guardJavascript' | 'checks' | 'commonjs';

/**
 * One type's share of its namespace's modules: the text of each part (absent when empty), and
 * the other namespaces the declarations and the checks name. A module is its types' shares one
 * after the other, so a share can be kept between runs and only the types that changed printed again.
 */
export interface EmittedType {
  texts: Partial<Record<SharePart, string>>;
  imports: Record<ReferenceUse, string[]>;
}

export interface TypeEmitContext {
  names: NameTable;
  jsdoc: Template;
  /** The published page of a docs file, for `@see`. */
  docsLink: DocsLink;
  enumStyle: EnumStyle;
  /** Which types derive from which, for `@odata.type` (the same index the guards use). */
  hierarchy: GuardIndex;
  /** Absent when no guards are emitted. */
  guards?: GuardIndex;
}

/** The types' shares, in order. Printed in one batch per file kind: ts-morph's printer costs much to set up. */
export function emitTypes(types: TypeDef[], context: TypeEmitContext): EmittedType[] {
  const parts = types.map((type) => {
    const module = new ModuleContext(type.namespace, context.names, context.jsdoc, context.docsLink);
    const own = type.kind === 'enum' ? enumParts(type, module, context.enumStyle) : interfaceParts(type, module, context.hierarchy);
    const guards = context.guards ? guardParts(type, module, context.guards) : { declarations: [], javascript: [], checks: [] };
    const statements: Record<Exclude<SharePart, 'commonjs'>, (StatementStructures | string)[]> = {
      declarations: own.declarations,
      javascript: own.javascript,
      guardDeclarations: guards.declarations,
      guardJavascript: guards.javascript,
      checks: guards.checks,
    };
    return { statements, imports: { declarations: module.importedNamespaces('declarations'), javascript: module.importedNamespaces('javascript') } };
  });
  const shares: EmittedType[] = parts.map((part) => ({ texts: {}, imports: part.imports }));
  for (const kind of ['declarations', 'javascript', 'guardDeclarations', 'guardJavascript', 'checks'] as const) {
    printEach(parts.map((part) => part.statements[kind])).forEach((text, index) => {
      if (text) shares[index].texts[kind] = text;
    });
  }
  return shares;
}

/**
 * Each list of statements as text, printed in one call: the lists are separated by a comment line
 * holding a random nonce, which page text cannot produce (it never reaches a line start outside a
 * comment, where `/*` is escaped), and cut apart again.
 */
function printEach(lists: (StatementStructures | string)[][]): string[] {
  if (lists.every((list) => list.length === 0)) return lists.map(() => '');
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
 * text takes from the rest of the model, which is names (its own, its references', the modules',
 * the unions'), the shape of the type graph (each type's kind, base type and openness decide the
 * guards' dispatch and property checks, the `@odata` annotations and a base's union), and where
 * its links point (the docs base URL and the version's view). So a page edit that touches one type's properties or text
 * changes that type's key only, while a rename or a new derived type changes all of them.
 */
export function typeKeys(model: Model, context: TypeEmitContext): Map<TypeDef, string> {
  const shape = hash(JSON.stringify({
    enumStyle: context.enumStyle,
    guards: context.guards !== undefined,
    docsLink: context.docsLink,
    jsdoc: context.jsdoc.text,
    typeNames: [...context.names.typeNames],
    moduleNames: [...context.names.moduleNames],
    exportNames: [...context.names.exportNames],
    unionNames: [...context.names.unionNames],
    types: model.types.map((type) => type.kind === 'enum'
      ? [fullNameOf(type), type.kind, type.flags]
      : [fullNameOf(type), type.kind, type.baseType ?? null, type.openType]),
  }));
  return new Map(model.types.map((type) => [type, hash(`${shape}\0${JSON.stringify(type)}`)]));
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
