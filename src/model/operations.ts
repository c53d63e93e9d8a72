import type { PageResult, RawApiPage, RawParameter, RawRequestBody, RawTypeRef } from '../read/types.js';
import { compareText } from '../compareText.js';
import { pathNormalizer, type PathTypes } from './pathParameters.js';
import { includeTables, pagePermissions } from './permissions.js';
import type { Diagnostic, Operation, OperationTypeRef, ParameterDef, RequestBodyDef, ResponseDef, SourcePlace } from './types.js';

/**
 * Every api page's request lines as operations, one per (method, path), sorted by path then
 * method. Pages come in file order: of two pages documenting one method and path, the first is
 * kept and the other is a `conflicting-operation` warning.
 */
export function buildOperations(pages: readonly PageResult[], types: PathTypes, diagnostics: Diagnostic[]): Operation[] {
  const includes = includeTables(pages);
  const normalizePath = pathNormalizer(types);
  const byKey = new Map<string, Operation>();
  for (const page of pages) {
    if (!page.api) continue;
    const api = page.api;
    const resolveType = typeResolver(types, diagnostics);
    const shared = {
      summary: api.title,
      permissions: pagePermissions(page, includes, diagnostics),
      queryOptions: [...new Set(api.queryOptions)].sort(compareText),
      headers: [...new Set(api.headers)],
      request: requestBody(api.requestBody, resolveType),
      response: response(api, resolveType),
    };
    for (const line of api.requestLines) {
      const { path, pathParameters } = normalizePath(line.path);
      const key = `${line.method} ${path}`;
      const existing = byKey.get(key);
      if (existing) {
        if (existing.source.file !== page.file) {
          diagnostics.push({
            ...line.place, severity: 'warning', ruleId: 'conflicting-operation',
            reason: `${key} is also documented at ${existing.source.file}:${existing.source.line}, which is kept`,
          });
          existing.alsoDocumentedAt = [...(existing.alsoDocumentedAt ?? []), line.place];
        }
        continue;
      }
      byKey.set(key, { method: line.method, path, pathParameters, ...shared, source: line.place });
    }
  }
  return [...byKey.values()].sort((a, b) => compareText(a.path, b.path) || compareText(a.method, b.method));
}

type ResolveType = (raw: RawTypeRef, place: SourcePlace, role: string) => OperationTypeRef;

/** Resolves a page's type names in the model; a name it lacks is `unknown`, with an `unknown-type` warning where it is written. */
function typeResolver(types: PathTypes, diagnostics: Diagnostic[]): ResolveType {
  return (raw, place, role) => {
    if (raw.kind === 'primitive') return raw;
    const fullName = types.resolve(raw.name);
    if (fullName) return { kind: 'named', fullName };
    diagnostics.push({ ...place, severity: 'warning', ruleId: 'unknown-type', reason: `Unknown type '${raw.name}' for ${role}` });
    return { kind: 'unknown', written: raw.name };
  };
}

function requestBody(body: RawRequestBody | undefined, resolveType: ResolveType): RequestBodyDef | null {
  if (!body || body.kind === 'none') return null;
  if (body.kind === 'type') return { kind: 'type', type: resolveType(body.type, body.place, 'the request body'), collection: body.collection };
  return { kind: 'parameters', parameters: body.parameters.map((parameter) => parameterDef(parameter, resolveType)) };
}

function parameterDef(parameter: RawParameter, resolveType: ResolveType): ParameterDef {
  return {
    name: parameter.name,
    type: resolveType(parameter.type, parameter.place, `parameter '${parameter.name}'`),
    collection: parameter.collection,
    required: parameter.required,
    description: parameter.description,
  };
}

/** The prose's response; without one, the first response example's annotation; else a 200 with no body named. */
function response(api: RawApiPage, resolveType: ResolveType): ResponseDef {
  if (api.response) {
    const { status, type, collection, place } = api.response;
    return { status, type: type ? resolveType(type, place, 'the response') : null, collection };
  }
  const example = api.exampleResponses[0];
  if (!example) return { status: 200, type: null, collection: false };
  return {
    status: example.status ?? 200,
    type: example.type ? resolveType({ kind: 'unresolved', name: example.type }, example.place, 'the response example') : null,
    collection: example.collection,
  };
}
