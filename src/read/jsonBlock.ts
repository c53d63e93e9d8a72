import { primitiveOf } from './typeCell.js';
import type { RawTypeRef } from './types.js';

/** One top-level member of a resource's JSON representation. */
export interface JsonMember {
  name: string;
  /** 0-based line within the block. */
  line: number;
  type?: RawTypeRef;
  collection: boolean;
  enumValues?: string[];
}

/** A string value that joins identifiers with commas (`"includedSources": "mailbox,site"`). */
export interface CommaJoinedValue {
  name: string;
  values: string[];
}

const COMMA_JOINED = /"([^"\n]+)"\s*:\s*"\s*([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)+)\s*"/g;

/**
 * The members of a JSON representation, at any depth, whose value joins identifiers with commas:
 * how Graph sends several members of a flags enum at once. The model decides whether they are members.
 */
export function commaJoinedValues(code: string): CommaJoinedValue[] {
  return [...code.matchAll(COMMA_JOINED)].map(([, name, joined]) => ({ name: name.trim(), values: joined.split(',').map((part) => part.trim()) }));
}

/**
 * Reads the top-level members of a JSON representation block. The blocks are JSON-like
 * rather than JSON (`"String (identifier)"`, comments, `...`, trailing commas), so this
 * scans tokens instead of calling JSON.parse.
 */
export function readJsonMembers(code: string): JsonMember[] {
  const members: JsonMember[] = [];
  let depth = 0;
  let line = 0;
  let index = 0;
  while (index < code.length) {
    const char = code[index];
    if (char === '\n') line++;
    if (char === '"') {
      const end = stringEnd(code, index);
      if (depth === 1 && /^\s*:/.test(code.slice(end + 1, end + 20))) {
        const name = code.slice(index + 1, end).trim();
        const valueStart = code.indexOf(':', end) + 1;
        const valueEnd = valueEndOf(code, valueStart);
        members.push({ name, line, ...describeValue(code.slice(valueStart, valueEnd).trim()) });
        line += countLines(code, index, valueEnd);
        index = valueEnd;
        continue;
      }
      line += countLines(code, index, end);
      index = end + 1;
      continue;
    }
    if (char === '{' || char === '[') depth++;
    if (char === '}' || char === ']') depth--;
    index++;
  }
  return members;
}

function stringEnd(code: string, start: number): number {
  let index = start + 1;
  while (index < code.length && code[index] !== '"' && code[index] !== '\n') {
    index += code[index] === '\\' ? 2 : 1;
  }
  return Math.min(index, code.length);
}

/** The end of a value: the comma or closing bracket at its own nesting level. */
function valueEndOf(code: string, start: number): number {
  let depth = 0;
  let index = start;
  while (index < code.length) {
    const char = code[index];
    if (char === '"') index = stringEnd(code, index);
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      if (depth === 0) return index;
      depth--;
    } else if ((char === ',' || char === '\n') && depth === 0) return index;
    index++;
  }
  return index;
}

function countLines(code: string, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to && index < code.length; index++) if (code[index] === '\n') count++;
  return count;
}

function describeValue(value: string): Omit<JsonMember, 'name' | 'line'> {
  if (value.startsWith('[')) {
    const inner = describeValue(value.slice(1).replace(/\]\s*$/, '').trim());
    return { ...inner, collection: true };
  }
  if (value.startsWith('{')) {
    const odataType = /"@odata\.type"\s*:\s*"#?([\w.]+)"/.exec(value)?.[1];
    if (!odataType) return { type: { kind: 'primitive', name: 'Untyped' }, collection: false };
    const primitive = primitiveOf(odataType);
    return { type: primitive ? { kind: 'primitive', name: primitive } : { kind: 'unresolved', name: odataType }, collection: false };
  }
  if (value.startsWith('"')) {
    const text = value.slice(1, stringEnd(value, 0)).trim();
    if (/\s\|\s/.test(text)) {
      const values = text.split('|').map((part) => part.trim()).filter((part) => /^[A-Za-z_]\w*$/.test(part));
      return { type: { kind: 'primitive', name: 'String' }, collection: false, enumValues: values };
    }
    const word = /^[\w.]+/.exec(text)?.[0];
    const primitive = word ? primitiveOf(word) : undefined;
    if (primitive) return { type: { kind: 'primitive', name: primitive }, collection: false };
    return { type: word && /^[a-z][\w.]*$/i.test(word) ? { kind: 'unresolved', name: word } : undefined, collection: false };
  }
  if (/^(true|false)\b/.test(value)) return { type: { kind: 'primitive', name: 'Boolean' }, collection: false };
  if (/^-?\d+\.\d/.test(value)) return { type: { kind: 'primitive', name: 'Double' }, collection: false };
  if (/^-?\d/.test(value)) return { type: { kind: 'primitive', name: 'Int32' }, collection: false };
  return { collection: false };
}
