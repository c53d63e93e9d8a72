import type { Model, Operation, OperationTypeRef, RequestBodyDef } from '../model/types.js';

/** Each version's list of operations for other tools; its shape is a contract, kept exactly. */
export const OPERATIONS_FILE = 'operations.json';

/** How every operations.json starts: with no room for a marker, this and its name tell the writer it is ours. */
export const OPERATIONS_START = '{\n  "operations": [';

/**
 * `operations.json`: one entry per (method, path), in the model's order (path, then method).
 * A type is its full name (`microsoft.graph.user`), or `Edm.String` for a primitive. `request`
 * is null when there is no body, when the body is an action's parameters (an object of its own,
 * typed in paths.d.ts), or when its type is not in the model (an `unknown-type` warning says
 * where); `response.type` is null when there is no body or its type is not in the model.
 */
export function operationsDocument(model: Model): string {
  const operations = model.operations.map((operation: Operation) => ({
    method: operation.method,
    path: operation.path,
    page: operation.source.file,
    line: operation.source.line,
    permissions: {
      delegatedWork: operation.permissions.delegatedWork,
      delegatedPersonal: operation.permissions.delegatedPersonal,
      application: operation.permissions.application,
    },
    request: requestName(operation.request),
    response: { status: operation.response.status, type: typeName(operation.response.type), collection: operation.response.collection },
  }));
  return `${JSON.stringify({ operations }, null, 2)}\n`;
}

function requestName(request: RequestBodyDef | null): string | null {
  return request?.kind === 'type' ? typeName(request.type) : null;
}

function typeName(type: OperationTypeRef | null): string | null {
  if (!type || type.kind === 'unknown') return null;
  return type.kind === 'primitive' ? `Edm.${type.name}` : type.fullName;
}
