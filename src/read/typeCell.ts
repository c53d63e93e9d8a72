import type { PrimitiveName } from '../model/types.js';
import type { RawTypeRef } from './types.js';

export interface ParsedTypeCell {
  type: RawTypeRef;
  collection: boolean;
  maxLength?: number;
  /** Every type a cell offers as one of several ("[a](a.md) or [b](b.md)"), `type` being the first. */
  alternatives?: string[];
}

const PRIMITIVES: Record<string, PrimitiveName> = {
  string: 'String', str: 'String', url: 'String', uri: 'String', text: 'String',
  guid: 'Guid', uuid: 'Guid',
  date: 'Date',
  datetimeoffset: 'DateTimeOffset', datetime: 'DateTimeOffset', timestamp: 'DateTimeOffset',
  timeofday: 'TimeOfDay', time: 'TimeOfDay',
  duration: 'Duration', timespan: 'Duration',
  binary: 'Binary', base64: 'Binary', base64url: 'Binary',
  int16: 'Int16', short: 'Int16',
  int32: 'Int32', int: 'Int32', integer: 'Int32', number: 'Int32', numeric: 'Double',
  int64: 'Int64', long: 'Int64',
  byte: 'Byte', sbyte: 'SByte',
  single: 'Single', float: 'Single',
  double: 'Double', decimal: 'Decimal',
  boolean: 'Boolean', bool: 'Boolean',
  stream: 'Stream',
  json: 'Untyped', object: 'Untyped', untyped: 'Untyped', any: 'Untyped',
};

/** Maps an Edm or plain primitive spelling (`Edm.Int32`, `string`, `DateTime`) to its Edm name. */
export function primitiveOf(word: string): PrimitiveName | undefined {
  const key = word.replace(/^Edm\./i, '').toLowerCase();
  return Object.hasOwn(PRIMITIVES, key) ? PRIMITIVES[key] : undefined;
}

const LINK = /\[\s*([^\]]*?)\s*\](?:\(([^)]*)\)|\[[^\]]*\])?/;
/** Links joined by "or": the cell offers alternative types. */
const ALTERNATIVE_LINKS = /\]\s*(?:\([^)]*\)|\[[^\]]*\])?\s+or\s+\[/i;
const MAX_LENGTH = /max(?:imum)?\.?\s*(?:length|size|limit|chars?|characters)\s*(?:is|of|:)?\s*(\d+)/i;

/**
 * Reads the Type column in all the spellings the docs use: `String`, `Edm.Int32`,
 * `` `DateTimeOffset` ``, `[x](x.md) collection`, `Collection(string)`, `[x][]`,
 * `microsoft.graph.x`, `[ageGroup](#agegroup-values)`, `**Boolean**`, `string, max length 20`.
 */
export function parseTypeCell(raw: string): ParsedTypeCell | undefined {
  const cleaned = raw.replace(/[`*]/g, '').replace(/<[^>]*>/g, ' ').replace(/\\/g, '').trim();
  if (!cleaned) return undefined;
  const collection = /\bcollection\b|\[\]\s*$|^\s*(?:array|list)\b/i.test(cleaned.replace(/\]\[\]/g, ']'));
  const maxLength = MAX_LENGTH.exec(cleaned)?.[1];
  const name = typeName(cleaned);
  if (!name) return undefined;
  const primitive = primitiveChoice(cleaned) ? 'Untyped' : primitiveOf(name);
  const type: RawTypeRef = primitive ? { kind: 'primitive', name: primitive } : { kind: 'unresolved', name };
  const parsed: ParsedTypeCell = maxLength ? { type, collection, maxLength: Number(maxLength) } : { type, collection };
  if (ALTERNATIVE_LINKS.test(cleaned)) parsed.alternatives = alternativeNames(cleaned);
  return parsed;
}

/** `(boolean or string or number) collection`: a value of one of several primitives, which none of them checks alone. */
const PRIMITIVE_WORDS = /^\(?\s*([\w.]+(?:\s+or\s+[\w.]+)+)\s*\)?/i;
function primitiveChoice(cleaned: string): boolean {
  const words = PRIMITIVE_WORDS.exec(cleaned)?.[1].split(/\s+or\s+/i).map(primitiveOf);
  return words !== undefined && words.every((word) => word !== undefined) && new Set(words).size > 1;
}

function alternativeNames(cleaned: string): string[] {
  return cleaned.split(/\s+or\s+/i).map((part) => typeName(part)).filter((name): name is string => name !== undefined);
}

function typeName(cleaned: string): string | undefined {
  const link = LINK.exec(cleaned);
  if (link) {
    const text = link[1].replace(/\s+collection$/i, '').trim();
    const word = /^[\w.]+$/.test(text) ? text : typeNameFromLinkTarget(link[2]);
    if (word) return word;
  }
  const inner = /collection\s*\(\s*([^)]*)\)/i.exec(cleaned)?.[1] ?? cleaned;
  const word = /[A-Za-z_][\w.]*/.exec(inner.replace(/^(?:a\s+)?collection\s+of\s+/i, ''))?.[0];
  return word?.replace(/\.$/, '');
}

/** `user.md` or `../resources/user.md#x` names the type when the link text is prose. */
export function typeNameFromLinkTarget(target: string | undefined): string | undefined {
  return target ? /([\w.]+)\.md/.exec(target)?.[1] : undefined;
}
