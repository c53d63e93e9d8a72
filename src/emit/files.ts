import { createHash } from 'node:crypto';
import type { Model, TypeDef } from '../model/types.js';
import type { EnumStyle } from './declarations.js';
import { emitTypes, typeKeys, type EmittedType, type SharePart, type TypeEmitContext } from './emittedType.js';
import {
  CHECKS_SUFFIX, GUARDS_MODULE, GUARDS_SUFFIX, GuardIndex, guardsModuleImports, runtimeExports, runtimeImport, runtimeModuleName, runtimeSource,
} from './guards.js';
import { commonJsDeclarations, commonJsModule } from './commonjs.js';
import { docsLink } from './docsLink.js';
import { renderHeader } from './header.js';
import { JSON_SCHEMA_FILE, jsonSchemaDocument } from './jsonSchema.js';
import { compileRuntime } from './javascript.js';
import { MODEL_FILE, modelDocument } from './modelJson.js';
import { OPERATIONS_FILE, operationsDocument } from './operationsJson.js';
import { PATHS_MODULE, pathsModule } from './paths.js';
import { RESPONSES_MODULE, responsesModule } from './responses.js';
import type { Templates } from './templates.js';
import { importLines } from './module.js';
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
  /** Also write schema.json, every type as JSON Schema (`--emit json-schema`). */
  jsonSchema?: boolean;
  /** Where the published pages are, for `@see` (docsLink.ts); default learn.microsoft.com. */
  docsBaseUrl?: string;
}

export interface EmitResult {
  files: SourceFile[];
  names: NameTable;
  /** Every type's share of its module, by its key (see typeKeys): what the next run may reuse. */
  emitted: Map<string, EmittedType>;
}

/**
 * Turns one API version's model into what the package ships: per namespace, its types and enum
 * objects (`graph.d.ts`, `graph.js`) and, with the guards, its guards (`graph.guards.*`) and
 * their internal building blocks (`graph.checks.js`); the two entry points `index` and `guards`
 * (and the guards' runtime); CommonJS copies of all these; and the operations: `paths.d.ts`,
 * `operations.json` and (with the guards) the `responses` module. Each type's share of both files is printed from
 * ts-morph structures, without parsing or transpiling, unless `reuse` holds it from a run that
 * emitted the same type in the same surroundings.
 */
export function emitModel(model: Model, options: EmitOptions, reuse?: ReadonlyMap<string, EmittedType>): EmitResult {
  return emitPlanned(planEmission(model, options), reuse);
}

/** What an emission works from, worked out once: names, the guards' index, and each type's key. */
export interface EmissionPlan {
  model: Model;
  options: EmitOptions;
  context: TypeEmitContext;
  keys: Map<TypeDef, string>;
}

export function planEmission(model: Model, options: EmitOptions): EmissionPlan {
  const context = emitContext(model, options);
  return { model, options, context, keys: typeKeys(model, context) };
}

/** The positions in the model of the types whose shares `reuse` lacks: what emitPlanned would print. */
export function typesToPrint({ model, keys }: EmissionPlan, reuse?: ReadonlyMap<string, EmittedType>): number[] {
  return model.types.flatMap((type, position) => (reuse?.has(keys.get(type)!) ? [] : [position]));
}

/** The shares of the types at `positions`, in that order: part of an emission, printed on another thread. */
export function printTypes(model: Model, options: EmitOptions, positions: number[]): EmittedType[] {
  return emitTypes(positions.map((position) => model.types[position]), emitContext(model, options));
}

/** emitModel with its plan made already; `reuse` holds the shares printed elsewhere or by an earlier run. */
export function emitPlanned({ model, options, context, keys }: EmissionPlan, reuse?: ReadonlyMap<string, EmittedType>): EmitResult {
  const { names, guards } = context;
  const emitted = new Map<string, EmittedType>();
  const byNamespace = new Map<string, TypeDef[]>();
  for (const type of model.types) {
    const list = byNamespace.get(type.namespace) ?? [];
    list.push(type);
    byNamespace.set(type.namespace, list);
  }
  const missing = model.types.filter((type) => !reuse?.has(keys.get(type)!));
  const printed = new Map(emitTypes(missing, context).map((share, index) => [keys.get(missing[index])!, share]));
  const files: SourceFile[] = [];
  for (const [namespace, types] of [...byNamespace].sort(([a], [b]) => compareText(a, b))) {
    const shares = types.map((type) => {
      const key = keys.get(type)!;
      const share = printed.get(key) ?? reuse!.get(key)!;
      emitted.set(key, share);
      return share;
    });
    const moduleName = names.moduleNames.get(namespace)!;
    const module = (path: string, part: SharePart, imports: string[]): SourceFile => {
      const header = renderHeader(options.templates.header, { apiVersion: model.apiVersion, module: path.replace(/(\.d)?\.[^.]+$/, '') });
      const bodies = shares.map((share) => share.texts[part] ?? '').filter((text) => text.length > 0);
      const content = `${header}${imports.length ? imports.join('\n') + '\n' : ''}${bodies.map((body) => `\n${body}`).join('')}`;
      return { path, content: imports.length || bodies.length ? content : `${content}export {};\n` };
    };
    files.push(module(`${moduleName}.d.ts`, 'declarations', importLines(shares.flatMap((share) => share.imports.declarations), names)));
    files.push(module(`${moduleName}.js`, 'javascript', []));
    if (!guards) continue;
    // Checks of a namespace whose properties are all of its own types call no runtime function.
    const callsRuntime = shares.some((share) => share.texts.checks?.includes('$runtime.'));
    const checksImports = [
      ...(callsRuntime ? [runtimeImport(names)] : []), ...importLines(shares.flatMap((share) => share.imports.javascript), names, false, CHECKS_SUFFIX),
    ];
    files.push(module(`${moduleName}${GUARDS_SUFFIX}.d.ts`, 'guardDeclarations', guardsModuleImports(moduleName, names, 'declarations')));
    files.push(module(`${moduleName}${GUARDS_SUFFIX}.js`, 'guardJavascript', guardsModuleImports(moduleName, names, 'javascript')));
    files.push(module(`${moduleName}${CHECKS_SUFFIX}.js`, 'checks', checksImports));
  }
  if (guards) files.push(...runtimeModule(model, options, names, emitted, reuse));
  files.push(...indexModules(model, names, options));
  files.push({ path: `${PATHS_MODULE}.d.ts`, content: pathsModule(model, names, options.templates) });
  files.push({ path: OPERATIONS_FILE, content: operationsDocument(model) });
  files.push({ path: MODEL_FILE, content: modelDocument(model) });
  if (guards) files.push(...responsesModule(model, names, options.templates));
  if (options.jsonSchema) files.push({ path: JSON_SCHEMA_FILE, content: jsonSchemaDocument(model) });
  files.push(...commonJsCopies(files, names));
  return { files: files.sort((a, b) => compareText(a.path, b.path)), names, emitted };
}

/**
 * Compiles the runtime now unless `reuse` holds it, so that emitModel finds it ready: a run that
 * parses pages calls this while the worker threads parse, when this thread has nothing to do.
 */
export function prepareRuntime(options: EmitOptions, reuse?: ReadonlyMap<string, EmittedType>): void {
  if (options.guards === false) return;
  const source = runtimeSource(options.templates, options.checkFormats ?? false);
  if (!reuse?.has(runtimeKey(source))) compileRuntime(source);
}

function runtimeKey(source: string): string {
  return `runtime ${createHash('sha256').update(source).digest('hex')}`;
}

/** The runtime's `.js` and `.d.ts`, kept with the types' shares: compiling it takes longer than printing a type. */
function runtimeModule(
  model: Model, options: EmitOptions, names: NameTable, emitted: Map<string, EmittedType>, reuse: ReadonlyMap<string, EmittedType> | undefined,
): SourceFile[] {
  const moduleName = runtimeModuleName(names);
  const source = runtimeSource(options.templates, options.checkFormats ?? false);
  const key = runtimeKey(source);
  const share = reuse?.get(key) ?? { texts: compileRuntime(source), imports: { declarations: [], javascript: [] } };
  emitted.set(key, share);
  const header = renderHeader(options.templates.header, { apiVersion: model.apiVersion, module: moduleName });
  return [
    { path: `${moduleName}.js`, content: header + share.texts.javascript! },
    { path: `${moduleName}.d.ts`, content: header + share.texts.declarations! },
    { path: `${moduleName}.cjs`, content: header + share.texts.commonjs! },
    { path: `${moduleName}.d.cts`, content: header + share.texts.declarations! },
  ];
}

function emitContext(model: Model, options: EmitOptions): TypeEmitContext {
  const guards = options.guards === false ? undefined : new GuardIndex(model);
  const hierarchy = guards ?? new GuardIndex(model);
  return {
    names: buildNameTable(model, options.namingOverrides),
    jsdoc: options.templates.jsdoc,
    docsLink: docsLink(model.apiVersion, options.docsBaseUrl),
    enumStyle: options.enumStyle,
    hierarchy,
    guards,
  };
}

/**
 * The version's two entry points, each as `.js` and `.d.ts`: `index`, the types and enum objects
 * (the root namespace's names and one namespace object per other namespace), and `guards`, the
 * guards by the same layout and the runtime's public names.
 */
function indexModules(model: Model, names: NameTable, options: EmitOptions): SourceFile[] {
  const entry = (moduleName: string, suffix: string, runtime: string[]): string => {
    const header = renderHeader(options.templates.header, { apiVersion: model.apiVersion, module: moduleName });
    const exports: string[] = [];
    if (names.moduleNames.has(ROOT_NAMESPACE)) exports.push(`export * from './graph${suffix}.js';`);
    exports.push(...runtime);
    for (const [namespace, exported] of [...names.exportNames].sort()) {
      exports.push(`export * as ${exported} from './${names.moduleNames.get(namespace)}${suffix}.js';`);
    }
    return `${header}${exports.join('\n')}\n${exports.length ? '' : 'export {};\n'}`;
  };
  const files = [
    { path: 'index.d.ts', content: entry('index', '', []) },
    { path: 'index.js', content: entry('index', '', []) },
  ];
  if (options.guards === false) return files;
  const runtime = runtimeExports(names);
  return [
    ...files,
    { path: `${GUARDS_MODULE}.d.ts`, content: entry(GUARDS_MODULE, GUARDS_SUFFIX, [runtime.declarations]) },
    { path: `${GUARDS_MODULE}.js`, content: entry(GUARDS_MODULE, GUARDS_SUFFIX, [runtime.javascript]) },
  ];
}

/** `.cjs` and `.d.cts` beside the types' and guards' ES modules (see commonjs.ts); the operations' modules stay ES only. */
function commonJsCopies(files: SourceFile[], names: NameTable): SourceFile[] {
  const runtime = runtimeModuleName(names);
  const operations = new Set([`${PATHS_MODULE}.d.ts`, `${RESPONSES_MODULE}.js`, `${RESPONSES_MODULE}.d.ts`]);
  return files.flatMap((file) => {
    if (operations.has(file.path) || file.path.startsWith(`${runtime}.`)) return [];
    if (file.path.endsWith('.d.ts')) return [{ path: file.path.replace(/\.d\.ts$/, '.d.cts'), content: commonJsDeclarations(file.content) }];
    if (file.path.endsWith('.js')) return [{ path: file.path.replace(/\.js$/, '.cjs'), content: commonJsModule(file.content) }];
    return [];
  });
}
