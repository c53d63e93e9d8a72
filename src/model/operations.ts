import type { PageResult, RawApiPage, RawParameter, RawRequestBody, RawTypeRef } from '../read/types.js';
import { compareText } from '../compareText.js';
import { pathNormalizer, type PathTypes } from './pathParameters.js';
import { includeTables, pagePermissions } from './permissions.js';
import type { Diagnostic, Operation, TypeDef, OperationTypeRef, ParameterDef, RequestBodyDef, ResponseDef, SourcePlace } from './types.js';

/**
 * Every api page's request lines as operations, one per (method, path), sorted by path then
 * method. Pages come in file order: of two pages documenting one method and path, the first is
 * kept. The docs often document one operation from both ends of a relationship
 * (`channel-post-messages.md` and `chatmessage-post.md`): when the two pages agree on what the
 * operation takes and returns, that is `duplicate-operation` (info, for the JSON report); when
 * they disagree, `conflicting-operation` (a warning) says how.
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
      request: requestBody(api.requestBody, resolveType, diagnostics),
      response: response(api, resolveType),
    };
    for (const line of api.requestLines) {
      const { path, pathParameters } = normalizePath(line.path);
      const key = `${line.method} ${path}`;
      const existing = byKey.get(key);
      if (existing) {
        if (existing.source.file === page.file) continue;
        const merged = mergedForDerivedTypes(existing, shared, types);
        diagnostics.push(secondPage(key, existing, shared, line.place, merged));
        byKey.set(key, { ...existing, ...merged, alsoDocumentedAt: [...(existing.alsoDocumentedAt ?? []), line.place] });
        continue;
      }
      byKey.set(key, { method: line.method, path, pathParameters, ...shared, source: line.place });
    }
  }
  return [...byKey.values()].sort((a, b) => compareText(a.path, b.path) || compareText(a.method, b.method));
}

type Exchange = Pick<Operation, 'request' | 'response'>;

/**
 * Two pages of one operation that each name a type derived from a common base (the intune pages
 * document `GET /deviceAppManagement/mobileApps` once per kind of app) describe the base's
 * operation: the merge takes the nearest common base, as the operation returns (or accepts) any
 * of them. `entity`, the base of every entity, is too general to count.
 */
function mergedForDerivedTypes(kept: Operation, other: Exchange, types: PathTypes): Exchange | undefined {
  const a = kept.response;
  const b = other.response;
  if (a.status !== b.status || a.collection !== b.collection || a.type?.kind !== 'named' || b.type?.kind !== 'named') return undefined;
  const base = commonBase(a.type.fullName, b.type.fullName, types);
  if (!base || base === a.type.fullName && sameJson(kept.request, other.request)) return undefined;
  const response: ResponseDef = { ...a, type: { kind: 'named', fullName: base } };
  if (sameJson(kept.request, other.request)) return { request: kept.request, response };
  // Create pages list the derived type's properties as the body's parameters: the body is the base, told apart by its @odata.type.
  const bodies = [kept.request, other.request];
  if (bodies.every((body) => body?.kind === 'parameters' || (body?.kind === 'type' && body.type.kind === 'named' && commonBase(body.type.fullName, base, types) === base))) {
    return { request: { kind: 'type', type: { kind: 'named', fullName: base }, collection: false }, response };
  }
  return undefined;
}

const ENTITY = 'microsoft.graph.entity';

function commonBase(a: string, b: string, types: PathTypes): string | undefined {
  const lineage = (name: string): string[] => {
    const chain: string[] = [];
    for (let current: string | undefined = name; current && !chain.includes(current); current = baseOf(current, types)) chain.push(current);
    return chain;
  };
  const ofB = new Set(lineage(b));
  const base = lineage(a).find((name) => ofB.has(name));
  return base === ENTITY ? undefined : base;
}

const basesByModel = new WeakMap<readonly TypeDef[], Map<string, string | undefined>>();

function baseOf(fullName: string, types: PathTypes): string | undefined {
  let bases = basesByModel.get(types.types);
  if (!bases) {
    bases = new Map(types.types.flatMap((type) => (type.kind === 'enum' ? [] : [[`${type.namespace}.${type.name}`, type.baseType] as const])));
    basesByModel.set(types.types, bases);
  }
  return bases.get(fullName);
}

function secondPage(key: string, kept: Operation, other: Exchange, place: SourcePlace, merged: Exchange | undefined): Diagnostic {
  const keptAt = `${kept.source.file}:${kept.source.line}`;
  if (merged) {
    return {
      ...place, severity: 'info', ruleId: 'duplicate-operation',
      reason: `${key} is also documented at ${keptAt} for another derived type: the operation takes the common base ${describeResponse(merged.response)}`,
    };
  }
  const differences = [
    ...(sameJson(kept.response, other.response) ? [] : [`response ${describeResponse(other.response)} here, ${describeResponse(kept.response)} there`]),
    ...(sameJson(kept.request, other.request) ? [] : [`request ${describeRequest(other.request)} here, ${describeRequest(kept.request)} there`]),
  ];
  return differences.length === 0
    ? { ...place, severity: 'info', ruleId: 'duplicate-operation', reason: `${key} is also documented at ${keptAt}, which is kept` }
    : { ...place, severity: 'warning', ruleId: 'conflicting-operation', reason: `${key} is also documented at ${keptAt}, which is kept: ${differences.join('; ')}` };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function describeType(type: OperationTypeRef | null): string {
  if (!type) return 'no body';
  return type.kind === 'named' ? type.fullName : type.kind === 'primitive' ? `Edm.${type.name}` : `'${type.written}'`;
}

function describeResponse(response: ResponseDef): string {
  return `${response.status} ${response.collection ? 'collection of ' : ''}${describeType(response.type)}`;
}

function describeRequest(request: RequestBodyDef | null): string {
  if (!request) return 'without a body';
  if (request.kind === 'parameters') return `with parameters ${request.parameters.map((parameter) => parameter.name).join(', ') || '(none)'}`;
  return `with ${request.collection ? 'a collection of ' : ''}${describeType(request.type)}`;
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

function requestBody(body: RawRequestBody | undefined, resolveType: ResolveType, diagnostics: Diagnostic[]): RequestBodyDef | null {
  if (!body || body.kind === 'none') return null;
  if (body.kind === 'type') return { kind: 'type', type: resolveType(body.type, body.place, 'the request body'), collection: body.collection };
  // A body has each member once: a table that lists a parameter twice keeps the first row.
  const first = new Map<string, RawParameter>();
  for (const parameter of body.parameters) {
    const earlier = first.get(parameter.name);
    if (!earlier) first.set(parameter.name, parameter);
    else diagnostics.push({ ...parameter.place, severity: 'warning', ruleId: 'duplicate-parameter', reason: `Parameter '${parameter.name}' is listed twice (first at line ${earlier.place.line}); the first row is kept` });
  }
  return { kind: 'parameters', parameters: [...first.values()].map((parameter) => parameterDef(parameter, resolveType)) };
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
