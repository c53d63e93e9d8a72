/**
 * Which changes break a consumer, and by which rule (README, "API diff", one example each).
 * oasdiff's rules where they apply: removals and type changes break, additions do not. Where
 * Graph differs: an added enum member never breaks (Graph tells clients to expect new members,
 * `unknownFutureValue`), and a type serves both requests and responses, so a change breaks when
 * it breaks either a reader or a writer.
 */
import { TYPESCRIPT_OF_PRIMITIVE } from '../emit/primitiveTypes.js';
import type { OperationTypeRef, Permissions } from '../model/types.js';
import {
  parseProperty, parseRequest, parseResponse, PERMISSION_KINDS, type PropertyShape, type RequestShape,
} from './signature.js';

export interface Verdict {
  breaking: boolean;
  rule: string;
}

const breaks = (rule: string): Verdict => ({ breaking: true, rule });
const keeps = (rule: string): Verdict => ({ breaking: false, rule });

/** The first breaking verdict, else the first: called only when the texts differ, so some aspect did. */
function decide(verdicts: Verdict[], what: string): Verdict {
  const verdict = verdicts.find((each) => each.breaking) ?? verdicts[0];
  if (!verdict) throw new Error(`${what}: the texts differ but no aspect does`);
  return verdict;
}

/** What the rules ask of the models on either side. */
export interface RuleContext {
  /** Whether a full name is an enum on that side. */
  isEnum(side: 'from' | 'to', fullName: string): boolean;
  /** The bases of a type on the `to` side, nearest first. */
  ancestorsInTo(fullName: string): string[];
}

export const ADDITION: Record<'type' | 'enum' | 'property' | 'enum-member' | 'operation', Verdict> = {
  type: keeps('type-added'),
  enum: keeps('enum-added'),
  property: keeps('property-added'),
  'enum-member': keeps('enum-member-added'),
  operation: keeps('operation-added'),
};

export const REMOVAL: Record<'type' | 'enum' | 'property' | 'enum-member' | 'operation', Verdict> = {
  type: breaks('type-removed'),
  enum: breaks('enum-removed'),
  property: breaks('property-removed'),
  'enum-member': breaks('enum-member-removed'),
  operation: breaks('operation-removed'),
};

/** A type that turned into another kind of type (entity ↔ complex, object ↔ enum, flags or not) is removed and added. */
export const KIND_CHANGED_REMOVAL = breaks('type-kind-changed');
export const KIND_CHANGED_ADDITION = keeps('type-kind-changed');
/** A property now declared on a base of its type, alike: it is still there. */
export const MOVED_TO_BASE = keeps('property-moved-to-base');

export function baseChange(fullName: string, from: string | null, context: RuleContext): Verdict {
  if (from === null) return keeps('base-added');
  return context.ancestorsInTo(fullName).includes(from) ? keeps('base-kept-as-ancestor') : breaks('base-replaced');
}

/** Every aspect that changed, in the order they are judged; the first breaking one decides. */
export function propertyChange(fromText: string, toText: string, context: RuleContext): Verdict {
  const from = parseProperty(fromText);
  const to = parseProperty(toText);
  const verdicts = [
    ...typeVerdicts(from, to, context),
    ...(from.collection !== to.collection ? [breaks('property-collection-changed')] : []),
    ...(from.nullable !== to.nullable ? [to.nullable ? breaks('property-became-nullable') : keeps('property-became-non-nullable')] : []),
    ...(from.readOnly !== to.readOnly ? [to.readOnly ? breaks('property-became-read-only') : keeps('property-became-writable')] : []),
    ...(from.navigation !== to.navigation ? [to.navigation ? breaks('property-became-navigation') : keeps('property-became-structural')] : []),
    ...maxLengthVerdicts(from, to),
  ];
  return decide(verdicts, `property ${fromText} → ${toText}`);
}

function typeVerdicts(from: PropertyShape, to: PropertyShape, context: RuleContext): Verdict[] {
  const a = from.type;
  const b = to.type;
  if (sameTypeRef(a, b)) return [];
  if (a.kind === 'primitive' && b.kind === 'primitive' && TYPESCRIPT_OF_PRIMITIVE[a.name] === TYPESCRIPT_OF_PRIMITIVE[b.name]) return [keeps('property-type-same-typescript')];
  const enumFrom = a.kind === 'named' && context.isEnum('from', a.fullName);
  const enumTo = b.kind === 'named' && context.isEnum('to', b.fullName);
  if (enumFrom && b.kind === 'primitive' && b.name === 'String') return [breaks('property-enum-to-string')];
  if (enumTo && a.kind === 'primitive' && a.name === 'String') return [breaks('property-string-to-enum')];
  return [breaks('property-type-changed')];
}

function maxLengthVerdicts(from: PropertyShape, to: PropertyShape): Verdict[] {
  if (from.maxLength === to.maxLength) return [];
  if (to.maxLength === undefined || (from.maxLength !== undefined && to.maxLength > from.maxLength)) return [keeps('property-max-length-raised')];
  return [breaks('property-max-length-lowered')];
}

export function sameTypeRef(a: OperationTypeRef | null, b: OperationTypeRef | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'primitive' && b.kind === 'primitive') return a.name === b.name;
  if (a.kind === 'named' && b.kind === 'named') return a.fullName === b.fullName;
  return a.kind === 'unknown' && b.kind === 'unknown' && a.written === b.written;
}

export function requestChange(fromText: string, toText: string): Verdict {
  const from = parseRequest(fromText);
  const to = parseRequest(toText);
  if (from.kind === 'none') return breaks('request-body-added');
  if (to.kind === 'none') return breaks('request-body-removed');
  if (from.kind === 'parameters' && to.kind === 'parameters') return parametersChange(from, to);
  if (from.kind === 'type' && to.kind === 'type') return typeRefChange('request', from, to);
  return breaks('request-type-changed');
}

function parametersChange(from: RequestShape & { kind: 'parameters' }, to: RequestShape & { kind: 'parameters' }): Verdict {
  const before = new Map(from.parameters.map((parameter) => [parameter.name, parameter]));
  const after = new Map(to.parameters.map((parameter) => [parameter.name, parameter]));
  const verdicts: Verdict[] = [];
  for (const [name, parameter] of before) {
    const now = after.get(name);
    if (!now) verdicts.push(breaks('request-parameter-removed'));
    else if (!sameTypeRef(parameter.type, now.type) || parameter.collection !== now.collection) verdicts.push(breaks('request-parameter-type-changed'));
    else if (now.required && !parameter.required) verdicts.push(breaks('request-parameter-became-required'));
    else if (!now.required && parameter.required) verdicts.push(keeps('request-parameter-became-optional'));
  }
  for (const [name, parameter] of after) {
    if (!before.has(name)) verdicts.push(parameter.required ? breaks('request-parameter-required-added') : keeps('request-parameter-optional-added'));
  }
  return decide(verdicts, 'request parameters');
}

/** A type that was unknown (the page named none the model has) and is now known narrows `unknown`: nothing breaks. */
function typeRefChange(
  aspect: 'request' | 'response', from: { type: OperationTypeRef; collection: boolean }, to: { type: OperationTypeRef; collection: boolean },
): Verdict {
  if (from.collection !== to.collection) return breaks(`${aspect}-collection-changed`);
  if (from.type.kind === 'unknown' && to.type.kind !== 'unknown') return keeps(`${aspect}-type-now-known`);
  return breaks(`${aspect}-type-changed`);
}

export function responseChange(fromText: string, toText: string): Verdict {
  const from = parseResponse(fromText);
  const to = parseResponse(toText);
  if (from.type === null && to.type !== null) return keeps('response-body-added');
  if (from.type !== null && to.type === null) return breaks('response-body-removed');
  if (from.type !== null && to.type !== null && (!sameTypeRef(from.type, to.type) || from.collection !== to.collection)) {
    return typeRefChange('response', { type: from.type, collection: from.collection }, { type: to.type, collection: to.collection });
  }
  return keeps('response-status-changed');
}

/**
 * A caller holds the least privileged permission the page named. The change breaks when the new
 * list no longer accepts it: neither names it nor names one it implies (`User.ReadWrite.All`
 * implies `User.Read.All`). Losing a kind of permission breaks; gaining one, or any change that
 * still accepts the old least privileged permission, does not.
 */
export function permissionsChange(from: Permissions, to: Permissions): Verdict {
  const verdicts: Verdict[] = [];
  for (const [key] of PERMISSION_KINDS) {
    const before = from[key];
    const after = to[key];
    if (sameList(before, after)) continue;
    if (before?.length && !after?.length) verdicts.push(breaks('permission-kind-dropped'));
    else if (!before?.length && after?.length) verdicts.push(keeps('permission-kind-added'));
    else if (!before?.length || !after?.length) verdicts.push(keeps('permission-support-restated'));
    else if (before[0] === after[0]) verdicts.push(keeps('higher-privileged-changed'));
    else verdicts.push(after.some((name) => implies(before[0], name)) ? keeps('least-privileged-still-accepted') : breaks('least-privileged-raised'));
  }
  return decide(verdicts, 'permissions');
}

function sameList(a: string[] | null, b: string[] | null): boolean {
  return a === b || (a !== null && b !== null && a.length === b.length && a.every((name, index) => name === b[index]));
}

const ACCESS_RANK: Record<string, number> = { readbasic: 0, read: 1, readwrite: 2 };
const REACH_RANK: Record<string, number> = { '': 0, ownedby: 0, shared: 1, all: 2 };

/** Whether holding `held` grants `needed`: same resource, no less access, no less reach (`Mail.ReadWrite` grants `Mail.Read`). */
export function implies(held: string, needed: string): boolean {
  if (held.toLowerCase() === needed.toLowerCase()) return true;
  const a = permissionParts(held);
  const b = permissionParts(needed);
  if (!a || !b || a.resource !== b.resource) return false;
  return a.access >= b.access && a.reach >= b.reach;
}

function permissionParts(name: string): { resource: string; access: number; reach: number } | undefined {
  const [resource, access, reach = '', ...rest] = name.toLowerCase().split('.');
  if (rest.length > 0 || access === undefined || !(access in ACCESS_RANK) || !(reach in REACH_RANK)) return undefined;
  return { resource, access: ACCESS_RANK[access], reach: REACH_RANK[reach] };
}
