import { Project, type StatementStructures } from 'ts-morph';
import type { Model, TypeDef } from '../model/types.js';
import { enumStatements, interfaceStatement, type EnumStyle } from './declarations.js';
import { GuardIndex, guardStatements, runtimeExport, runtimeImport, runtimeModuleName, runtimeSource } from './guards.js';
import { renderHeader } from './header.js';
import type { Templates } from './templates.js';
import { ModuleContext } from './module.js';
import { buildNameTable, ROOT_NAMESPACE, type NameTable } from './naming.js';
import { compareText } from '../compareText.js';

export interface SourceFile {
  /** Relative to the version's output folder, posix separators. */
  path: string;
  content: string;
}

export interface EmitOptions {
  enumStyle: EnumStyle;
  templates: Templates;
  /** Whether the generated validators check Edm formats and maximum lengths by default. */
  checkFormats?: boolean;
  /** Full OData name → TypeScript name. */
  namingOverrides?: Record<string, string>;
  /** Emit `isX`/`validateX`/`assertX` guards beside the types, and the runtime module they use. Default true. */
  guards?: boolean;
}

/** Turns one API version's model into TypeScript modules: one per namespace, plus an index. */
export function emitModel(model: Model, options: EmitOptions): { files: SourceFile[]; names: NameTable } {
  const names = buildNameTable(model, options.namingOverrides);
  const project = new Project({ useInMemoryFileSystem: true });
  const byNamespace = new Map<string, TypeDef[]>();
  for (const type of model.types) {
    const list = byNamespace.get(type.namespace) ?? [];
    list.push(type);
    byNamespace.set(type.namespace, list);
  }
  const guards = options.guards === false ? undefined : new GuardIndex(model);
  const files: SourceFile[] = [];
  for (const [namespace, types] of [...byNamespace].sort(([a], [b]) => compareText(a, b))) {
    const context = new ModuleContext(namespace, names, options.templates.jsdoc);
    const statements: (StatementStructures | string)[] = types.flatMap((type) => [
      ...(type.kind === 'enum' ? enumStatements(type, context, options.enumStyle) : [interfaceStatement(type, context)]),
      ...(guards ? guardStatements(type, context, guards) : []),
    ]);
    const body = project.createSourceFile(`/${context.moduleName}.ts`, { statements }, { overwrite: true }).getFullText();
    const header = renderHeader(options.templates.header, { apiVersion: model.apiVersion, module: context.moduleName });
    const imports = [...(guards ? [runtimeImport(names)] : []), ...context.importLines()];
    files.push({ path: `${context.moduleName}.ts`, content: `${header}\n${imports.length ? imports.join('\n') + '\n\n' : ''}${body}` });
  }
  if (guards) {
    files.push({ path: `${runtimeModuleName(names)}.ts`, content: runtimeSource(model.apiVersion, options.templates, names, options.checkFormats ?? false) });
  }
  files.push({ path: 'index.ts', content: indexModule(model, names, options) });
  return { files: files.sort((a, b) => compareText(a.path, b.path)), names };
}

function indexModule(model: Model, names: NameTable, options: EmitOptions): string {
  const header = renderHeader(options.templates.header, { apiVersion: model.apiVersion, module: 'index' });
  const lines: string[] = [];
  if (names.moduleNames.has(ROOT_NAMESPACE)) lines.push(`export * from './graph.js';`);
  if (options.guards !== false) lines.push(runtimeExport(names));
  for (const [namespace, exported] of [...names.exportNames].sort()) {
    lines.push(`export * as ${exported} from './${names.moduleNames.get(namespace)}.js';`);
  }
  return `${header}\n${lines.join('\n')}\n${lines.length ? '' : 'export {};\n'}`;
}
