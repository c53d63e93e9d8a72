/**
 * Mutations of real docs pages for the fuzz test: lines cut, duplicated and swapped, hostile
 * strings injected where pages keep names, types, descriptions and annotations, bytes flipped.
 * Positions are plain numbers taken modulo what the page has, so one mutation applies to any page
 * and fast-check can shrink it.
 */
import fc from 'fast-check';
import { HOSTILE_PROPERTY_NAMES, HOSTILE_SYNTAX, HOSTILE_TEXT, HOSTILE_TYPE_NAMES } from './payloads.js';

/**
 * Where an injection goes: a property or member row's name, type or description cell, or an
 * enum value listed in its description; any table cell; a prose line; an annotation value; a
 * key in the JSON representation; anywhere.
 */
export type Target = 'name' | 'type' | 'description' | 'value' | 'cell' | 'prose' | 'annotation' | 'json' | 'anywhere';

export type Mutation =
  | { kind: 'cut'; line: number; count: number }
  | { kind: 'duplicate'; line: number; count: number }
  | { kind: 'swap'; line: number; other: number }
  | { kind: 'inject'; into: Target; line: number; at: number; text: string }
  | { kind: 'flip'; byte: number; mask: number };

const position = fc.nat({ max: 1_000_000 });

export const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_PROPERTY_NAMES, ...HOSTILE_TYPE_NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_SYNTAX) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...HOSTILE_TEXT, ...HOSTILE_SYNTAX), { minLength: 2, maxLength: 4 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);

/** Mostly the places whose text reaches the output: descriptions, listed values, names, types. */
const target: fc.Arbitrary<Target> = fc.oneof(
  ...(Object.entries({ description: 3, value: 2, name: 2, type: 2, annotation: 2, json: 1, cell: 1, prose: 1, anywhere: 1 }) as [Target, number][])
    .map(([place, weight]) => ({ weight, arbitrary: fc.constant(place) })),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), line: position, count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), line: position, count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('swap' as const), line: position, other: position }),
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('inject' as const),
      into: target,
      line: position, at: position, text: hostileString,
    }),
  },
  fc.record({ kind: fc.constant('flip' as const), byte: position, mask: fc.integer({ min: 1, max: 255 }) }),
);

/**
 * The page's bytes after every mutation, in order. Lines are edited as latin1 text, one character
 * a byte, so bytes an earlier flip made invalid stay as they are; each line keeps its own ending.
 */
export function mutate(bytes: Buffer, mutations: Mutation[]): Buffer {
  let current = bytes;
  for (const change of mutations) {
    if (change.kind === 'flip') current = flip(current, change);
    else current = Buffer.from(mutateLines(current.toString('latin1'), asBytes(change)), 'latin1');
  }
  return current;
}

/** An injection's text as its UTF-8 bytes, one latin1 character each. */
const asBytes = <T extends Mutation>(change: T): T =>
  (change.kind === 'inject' ? { ...change, text: Buffer.from(change.text, 'utf8').toString('latin1') } : change);

function flip(bytes: Buffer, { byte, mask }: { byte: number; mask: number }): Buffer {
  if (bytes.length === 0) return bytes;
  const copy = Buffer.from(bytes);
  copy[byte % copy.length] ^= mask;
  return copy;
}

function mutateLines(text: string, change: Exclude<Mutation, { kind: 'flip' }>): string {
  const lines = text.split('\n');
  const index = (n: number) => n % lines.length;
  switch (change.kind) {
    case 'cut':
      lines.splice(index(change.line), change.count);
      break;
    case 'duplicate': {
      const start = index(change.line);
      lines.splice(start, 0, ...lines.slice(start, start + change.count));
      break;
    }
    case 'swap': {
      const [a, b] = [index(change.line), index(change.other)];
      [lines[a], lines[b]] = [lines[b], lines[a]];
      break;
    }
    case 'inject': {
      const rows = definitionRows(lines);
      const candidates = lines.flatMap((line, at) => (TARGETS[change.into].accepts(line, at, lines, rows) ? [at] : []));
      const target = candidates.length > 0 ? change.into : 'anywhere';
      const at = candidates.length > 0 ? candidates[change.line % candidates.length] : index(change.line);
      lines[at] = TARGETS[target].inject(lines[at], change.text, change.at);
      break;
    }
  }
  return lines.join('\n');
}

/** `text` inserted into `line` at `at` (modulo its length), moved past UTF-8 continuation bytes so no character is split. */
const insertAt = (line: string, text: string, at: number): string => {
  let cut = at % (line.length + 1);
  while (cut < line.length && (line.charCodeAt(cut) & 0xc0) === 0x80) cut++;
  return line.slice(0, cut) + text + line.slice(cut);
};

const isTableRow = (line: string): boolean => /^\s*\|/.test(line) && !/^\s*\|[\s:|-]*$/.test(line);

/** The offsets of a table row's cells, between its pipes (escaped pipes ignored). */
function cellSpans(line: string): [number, number][] {
  const pipes = [...line.matchAll(/(?<!\\)\|/g)].map((match) => match.index);
  return pipes.slice(0, -1).map((start, cell) => [start + 1, pipes[cell + 1]]);
}

function replaceCell(line: string, cell: number, replace: (content: string) => string): string {
  const spans = cellSpans(line);
  if (spans.length === 0) return line;
  const [start, end] = spans[Math.min(cell, spans.length - 1)];
  return `${line.slice(0, start)} ${replace(line.slice(start, end).trim())} ${line.slice(end)}`;
}

/** Whether the line at `at` sits between a fence line matching `open` and the next fence. */
function inBlock(lines: string[], at: number, open: RegExp, close: RegExp): boolean {
  for (let index = at - 1; index >= 0; index--) {
    if (close.test(lines[index])) return false;
    if (open.test(lines[index])) return true;
  }
  return false;
}

/**
 * The rows of the tables that define something: properties, relationships, enum members; the
 * lines below a header row whose first cell names one, and its delimiter row.
 */
function definitionRows(lines: string[]): Set<number> {
  const rows = new Set<number>();
  for (let at = 0; at + 1 < lines.length; at++) {
    if (!/^\s*\|?\s*\**(property|properties|name|relationship|member|value)s?\b/i.test(lines[at]) || !isDelimiterRow(lines[at + 1])) continue;
    for (at += 2; at < lines.length && isTableRow(lines[at]); at++) rows.add(at);
  }
  return rows;
}

const isDelimiterRow = (line: string): boolean => /^\s*\|?[\s:|-]*-[\s:|-]*$/.test(line);

type Accepts = (line: string, at: number, lines: string[], definitionRows: Set<number>) => boolean;
const isDefinitionRow: Accepts = (_line, at, _lines, rows) => rows.has(at);
const lastCell = (line: string): number => cellSpans(line).length - 1;

const TARGETS: Record<Target, { accepts: Accepts; inject: (line: string, text: string, at: number) => string }> = {
  name: {
    accepts: isDefinitionRow,
    inject: (line, text, at) => replaceCell(line, 0, (content) => (at % 2 === 0 ? text : insertAt(content, text, at))),
  },
  type: {
    accepts: isDefinitionRow,
    inject: (line, text, at) => replaceCell(line, 1, (content) => (at % 2 === 0 ? `[${text}](${text}.md)` : insertAt(content, text, at))),
  },
  description: {
    accepts: isDefinitionRow,
    inject: (line, text, at) => replaceCell(line, lastCell(line), (content) => insertAt(content, text, at)),
  },
  value: {
    accepts: isDefinitionRow,
    inject: (line, text) => replaceCell(line, lastCell(line), (content) => `${content} Possible values are: \`on\`, \`${text}\`, \`off\`.`),
  },
  cell: {
    accepts: isTableRow,
    inject: (line, text, at) => replaceCell(line, at % Math.max(1, cellSpans(line).length), (content) => insertAt(content, text, at)),
  },
  prose: {
    accepts: (line) => /^[A-Za-z]/.test(line) && line.length > 20,
    inject: insertAt,
  },
  annotation: {
    accepts: (line) => /"(@odata\.type|baseType|keyProperty|blockType)"\s*:\s*"/.test(line),
    inject: (line, text, at) => line.replace(/(:\s*")/, `$1${at % 2 === 0 ? JSON.stringify(text).slice(1, -1) : text}`),
  },
  json: {
    accepts: (line, at, lines) => /^\s*"[^"]*"\s*:/.test(line) && inBlock(lines, at, /^```json/i, /^```\s*$/),
    inject: (line, text, at) => line.replace(/"/, `"${at % 2 === 0 ? JSON.stringify(text).slice(1, -1) : text}`),
  },
  anywhere: { accepts: () => true, inject: insertAt },
};
