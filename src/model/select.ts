import { fullNameOf, type Model, type Operation, type OperationTypeRef, type ObjectTypeDef, type PropertyDef, type TypeDef } from './types.js';

export interface NamespaceSelection {
  include?: string[];
  exclude?: string[];
}

/**
 * Keeps the namespaces a user asked for. What the kept types say about a left-out type still
 * holds: a reference becomes untyped, and a left-out base type's properties move into the
 * kept types that derive from it.
 */
export function selectNamespaces(model: Model, selection: NamespaceSelection): Model {
  const include = selection.include?.map((namespace) => namespace.toLowerCase());
  const exclude = new Set(selection.exclude?.map((namespace) => namespace.toLowerCase()) ?? []);
  const kept = (type: { namespace: string }) =>
    (!include || include.includes(type.namespace.toLowerCase())) && !exclude.has(type.namespace.toLowerCase());
  if (!include && exclude.size === 0) return model;
  const byName = new Map(model.types.map((type) => [fullNameOf(type), type]));
  const keptNames = new Set(model.types.filter(kept).map((type) => fullNameOf(type)));
  const types = model.types.filter(kept).map((type): TypeDef => (type.kind === 'enum' ? type : keepObject(type, byName, keptNames)));
  return { ...model, types, operations: model.operations.map((operation) => keepOperation(operation, keptNames)) };
}

/** An operation whose request or response names a left-out type takes or returns `unknown` there. */
function keepOperation(operation: Operation, keptNames: Set<string>): Operation {
  const kept = (type: OperationTypeRef): OperationTypeRef =>
    type.kind === 'named' && !keptNames.has(type.fullName) ? { kind: 'unknown', written: type.fullName } : type;
  const { request, response } = operation;
  return {
    ...operation,
    request: request?.kind === 'type' ? { ...request, type: kept(request.type) }
      : request?.kind === 'parameters' ? { kind: 'parameters', parameters: request.parameters.map((parameter) => ({ ...parameter, type: kept(parameter.type) })) }
      : null,
    response: { ...response, type: response.type && kept(response.type) },
  };
}

function keepObject(type: ObjectTypeDef, byName: Map<string, TypeDef>, keptNames: Set<string>): ObjectTypeDef {
  const inherited: PropertyDef[] = [];
  let base = type.baseType;
  while (base && !keptNames.has(base)) {
    const removed = byName.get(base);
    if (!removed || removed.kind === 'enum') break;
    inherited.unshift(...removed.properties);
    base = removed.baseType;
  }
  const properties = [...inherited, ...type.properties].map((property) =>
    property.type.kind === 'named' && !keptNames.has(property.type.fullName)
      ? { ...property, type: { kind: 'primitive' as const, name: 'Untyped' as const } }
      : property);
  const { baseType: _dropped, ...rest } = type;
  return base && keptNames.has(base) ? { ...rest, baseType: base, properties } : { ...rest, properties };
}
