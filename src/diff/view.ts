/**
 * What of a model the diff compares, as text (signature.ts) by name: every type's kind, base and
 * members, every operation's request, response and permissions. Left out, on purpose: descriptions
 * (documentation; they decide only a patch release), summaries, query options and headers, and the
 * annotation's abstract/open/media flags, and the numbers a page gives enum members (Graph sends
 * a member by its name, never its number): none of these changes what a consumer sees.
 */
import { compareText } from '../compareText.js';
import { fullNameOf, type Model, type Operation, type SourcePlace, type TypeDef } from '../model/types.js';
import {
  enumText, objectText, operationText, permissionsText, propertyText, requestText, responseText,
  type RequestShape,
} from './signature.js';

export interface Entry {
  value: string;
  place: string | null;
}

export type TypeView =
  | { category: 'object'; kind: 'entity' | 'complex'; base: string | null; place: string | null; members: Map<string, Entry> }
  | { category: 'enum'; flags: boolean; place: string | null; members: Map<string, Entry> };

export interface OperationView {
  place: string | null;
  request: string;
  response: string;
  permissions: string;
}

export interface VersionView {
  types: Map<string, TypeView>;
  /** By `path method`, so one path's methods sit together. */
  operations: Map<string, OperationView>;
}

export const placeText = (place: SourcePlace | undefined): string | null => (place ? `${place.file}:${place.line}` : null);

export const operationKey = (path: string, method: string): string => `${path} ${method}`;

export function viewOf(model: Model): VersionView {
  return {
    types: new Map(model.types.map((type) => [fullNameOf(type), typeView(type)])),
    operations: new Map(model.operations.map((operation) => [operationKey(operation.path, operation.method), operationView(operation)])),
  };
}

function typeView(type: TypeDef): TypeView {
  const place = placeText(type.sources[0]);
  if (type.kind === 'enum') {
    return {
      category: 'enum', flags: type.flags, place,
      members: new Map(type.members.map((member) => [member.name, { value: member.name, place }])),
    };
  }
  return {
    category: 'object', kind: type.kind, base: type.baseType ?? null, place,
    members: new Map(type.properties.map((property) => [property.name, { value: propertyText(property), place: placeText(property.source) }])),
  };
}

function operationView(operation: Operation): OperationView {
  // A body's parameters are an object's members: their order means nothing.
  const request: RequestShape = operation.request === null ? { kind: 'none' }
    : operation.request.kind === 'type' ? operation.request
    : { kind: 'parameters', parameters: [...operation.request.parameters].sort((a, b) => compareText(a.name, b.name)) };
  return {
    place: placeText(operation.source),
    request: requestText(request),
    response: responseText(operation.response),
    permissions: permissionsText(operation.permissions),
  };
}

/** A whole type as one text: what type-added and type-removed carry. */
export function typeText(view: TypeView): string {
  const members = [...view.members].map(([name, entry]): [string, string] => [name, entry.value]);
  return view.category === 'enum' ? enumText({ flags: view.flags, members: [...view.members.keys()] }) : objectText({ kind: view.kind, base: view.base, properties: members });
}

export const wholeOperationText = (view: OperationView): string => operationText(view.request, view.response, view.permissions);
