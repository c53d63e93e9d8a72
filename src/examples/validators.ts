import { readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SourceFile } from '../emit/files.js';
import { buildNameTable, ROOT_NAMESPACE } from '../emit/naming.js';
import { fullNameOf, type Model, type TypeDef, type TypeRef } from '../model/types.js';

/** The agreed shape of the generated guards' issues (templates/runtime.ts). */
export interface ValidationIssue {
  path: string;
  expected: string;
  found: string;
  message: string;
}

export interface ValidationOptions {
  strict?: boolean;
  checkFormats?: boolean;
}

export type Validator = (value: unknown, options?: ValidationOptions) => ValidationIssue[];

/** Why an annotation's type has no validator: unknown to the model, or a type guards do not validate. */
export type Lookup = { validator: Validator; fullName: string } | { validator?: undefined; reason: string };

/** What verification needs from a generated version: its validators, and its enums' members for the hints. */
export interface GeneratedTypes {
  /** The generated `validateX` for an `@odata.type` as an api page's annotation spells it. */
  validatorFor(odataType: string): Lookup;
  /** An enum's members, by the name the guards' messages give it (`bodyType`, `callRecords.callType`). */
  enumMembers(name: string): readonly string[] | undefined;
  /** Whether an object type (by full name) declares or inherits a property. */
  declares(fullName: string, property: string): boolean;
  /**
   * A validator of one value of a type an action parameter names: a primitive, an enum or an
   * object type. Undefined where any value goes (`Stream`, `Untyped`) or the package lacks it.
   */
  valueValidator(type: TypeRef): Validator | undefined;
}

/** What the runtime module exports that checks one value: `validate(check, value, options)` and a `checkX` per primitive. */
type Runtime = Record<string, unknown> & { validate(check: unknown, value: unknown, options: ValidationOptions | undefined): ValidationIssue[] };

/**
 * Loads the generated package the way a user would: its JavaScript files in a folder of their
 * own, imported through the guards' entry, `guards.js`. So the examples are checked by exactly the code we ship,
 * module boundaries and re-exports included.
 */
export async function loadGeneratedTypes(model: Model, files: SourceFile[]): Promise<GeneratedTypes> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'graph-docs-typegen-examples-'));
  try {
    await writeFile(path.join(dir, 'package.json'), '{"type":"module"}\n');
    for (const file of files.filter((candidate) => candidate.path.endsWith('.js'))) {
      await writeFile(path.join(dir, file.path), file.content);
    }
    const guards = (await import(pathToFileURL(path.join(dir, 'guards.js')).href)) as Record<string, unknown>;
    // The building blocks (`checkX`, for enum-typed parameters) are internal to the package: each namespace's checks module holds them.
    const checks = await Promise.all(readdirSync(dir).filter((file) => file.endsWith('.checks.js'))
      .map(async (file) => (await import(pathToFileURL(path.join(dir, file)).href)) as Record<string, unknown>));
    const runtime = (await import(pathToFileURL(path.join(dir, 'runtime.js')).href)) as Runtime;
    return generatedTypes(model, Object.assign({}, ...checks, guards) as Record<string, unknown>, runtime);
  } finally {
    // Node keeps imported modules in memory: the files are not needed once loaded.
    await rm(dir, { recursive: true, force: true });
  }
}

/** Maps OData type names to the functions an index module exports. */
export function generatedTypes(model: Model, index: Record<string, unknown>, runtime: Runtime): GeneratedTypes {
  const names = buildNameTable(model);
  const types = new Map(model.types.map((type) => [fullNameOf(type).toLowerCase(), type]));
  const enums = new Map(model.types.flatMap((type) =>
    type.kind === 'enum' ? [[shortName(type).toLowerCase(), type.members.map((member) => member.name)] as const] : []));
  /** The function a namespace's module exports for a type: `validateX`, `checkX`. */
  const exportedFunction = (type: TypeDef, prefix: string): { value?: unknown; name: string } => {
    const functionName = `${prefix}${names.typeNames.get(fullNameOf(type))}`;
    const exported = names.exportNames.get(type.namespace);
    const container = exported ? (index[exported] as Record<string, unknown> | undefined) : index;
    return { value: container?.[functionName], name: `${exported ? `${exported}.` : ''}${functionName}` };
  };
  const validatorFor = (odataType: string): Lookup => {
    const wanted = odataType.replace(/^#/, '').trim();
    // Annotations sometimes leave out the root namespace (`user` for `microsoft.graph.user`).
    const type = types.get(wanted.toLowerCase()) ?? types.get(`${ROOT_NAMESPACE}.${wanted}`.toLowerCase());
    if (!type) return { reason: `no generated type ${wanted}` };
    if (type.kind === 'enum') return { reason: `${fullNameOf(type)} is an enum` };
    const validator = exportedFunction(type, 'validate');
    if (typeof validator.value !== 'function') return { reason: `index exports no ${validator.name}` };
    return { validator: validator.value as Validator, fullName: fullNameOf(type) };
  };
  const valueValidator = (ref: TypeRef): Validator | undefined => {
    if (ref.kind === 'named') {
      const type = types.get(ref.fullName.toLowerCase());
      if (type && type.kind !== 'enum') return validatorFor(ref.fullName).validator;
      const check = type && exportedFunction(type, 'check').value;
      return typeof check === 'function' ? (value, options) => runtime.validate(check, value, options) : undefined;
    }
    const check = runtime[`check${ref.name}`];
    return typeof check === 'function' ? (value, options) => runtime.validate(check, value, options) : undefined;
  };
  const declares = (fullName: string, property: string): boolean => {
    // Up the base types; the visited set stops at an inheritance cycle.
    const visited = new Set<TypeDef>();
    let type = types.get(fullName.toLowerCase());
    while (type && type.kind !== 'enum' && !visited.has(type)) {
      if (type.properties.some((candidate) => candidate.name === property)) return true;
      visited.add(type);
      type = type.baseType ? types.get(type.baseType.toLowerCase()) : undefined;
    }
    return false;
  };
  return { validatorFor, enumMembers: (name) => enums.get(name.toLowerCase()), declares, valueValidator };
}

/** How the guards name a type in messages: qualified below microsoft.graph (`callRecords.callType`). */
function shortName(type: { namespace: string; name: string }): string {
  return type.namespace === ROOT_NAMESPACE ? type.name : fullNameOf(type).replace(/^microsoft\.graph\./, '');
}
