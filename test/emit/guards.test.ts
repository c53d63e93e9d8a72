import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ts } from 'ts-morph';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { emitModel, type SourceFile } from '../../src/emit/files.js';
import type { EnumStyle } from '../../src/emit/declarations.js';
import type { EnumTypeDef, Model, ObjectTypeDef, PrimitiveName, PropertyDef, TypeRef } from '../../src/model/types.js';
import { generateVersion, loadTemplates } from '../../src/pipeline.js';
import { renderTemplate } from '../../src/emit/templates.js';
import { typeCheck } from '../helpers/typecheck.js';

// ---------------------------------------------------------------------------------------------
// Building models

const PRIMITIVES = new Set<string>([
  'String', 'Guid', 'Date', 'DateTimeOffset', 'TimeOfDay', 'Duration', 'Binary', 'Int16', 'Int32', 'Int64',
  'Byte', 'SByte', 'Single', 'Double', 'Decimal', 'Boolean', 'Stream', 'Untyped',
]);
const ROOT = 'microsoft.graph';
const PLACE = { file: 'test.md', line: 1, column: 1 };
const TEMPLATES = { ...(await loadTemplates()), header: { name: 'test header', text: 'Test {{apiVersion}} types: module {{module}}.' } };

/** `Int32` is a primitive, `part` is microsoft.graph.part, a dotted name is taken as qualified. */
function typeRef(name: string): TypeRef {
  if (PRIMITIVES.has(name)) return { kind: 'primitive', name: name as PrimitiveName };
  return { kind: 'named', fullName: name.includes('.') ? name : `${ROOT}.${name}` };
}

function property(name: string, type: string, options: Partial<PropertyDef> = {}): PropertyDef {
  return {
    name, type: typeRef(type), collection: false, nullable: false, readOnly: false, key: false,
    navigation: false, description: '', source: PLACE, ...options,
  };
}

function splitName(name: string): { namespace: string; name: string } {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? { namespace: ROOT, name } : { namespace: name.slice(0, dot), name: name.slice(dot + 1) };
}

function objectType(name: string, properties: PropertyDef[], options: Partial<ObjectTypeDef> = {}): ObjectTypeDef {
  return {
    kind: 'complex', ...splitName(name), abstract: false, openType: false, mediaEntity: false,
    description: '', properties, sources: [PLACE], ...options,
  };
}

function enumType(name: string, members: string[], options: Partial<EnumTypeDef> = {}): EnumTypeDef {
  return {
    kind: 'enum', ...splitName(name), origin: 'page', flags: false, description: '',
    members: members.map((member) => ({ name: member, description: '' })), sources: [PLACE], ...options,
  };
}

const nullable = { nullable: true };
const collection = { collection: true };

/** One type per check kind, an inheritance tree across two namespaces, a recursive type. */
const SAMPLE_MODEL: Model = {
  apiVersion: 'test',
  operations: [],
  types: [
    objectType('sample', [
      property('text', 'String'),
      property('maybeText', 'String', nullable),
      property('guid', 'Guid'),
      property('date', 'Date'),
      property('dateTime', 'DateTimeOffset'),
      property('time', 'TimeOfDay'),
      property('duration', 'Duration'),
      property('binary', 'Binary'),
      property('byte', 'Byte'),
      property('sbyte', 'SByte'),
      property('int16', 'Int16'),
      property('int32', 'Int32'),
      property('int64', 'Int64'),
      property('single', 'Single'),
      property('double', 'Double'),
      property('decimal', 'Decimal'),
      property('flag', 'Boolean'),
      property('stream', 'Stream', nullable),
      property('anything', 'Untyped', nullable),
      property('extras', 'Untyped', collection),
      property('size', 'size'),
      property('color', 'color'),
      property('access', 'access'),
      property('includedSources', 'sourceType'),
      property('tags', 'String', collection),
      property('limited', 'String', { maxLength: 5 }),
      property('labels', 'String', { collection: true, maxLength: 3 }),
      property('part', 'part'),
      property('parts', 'part', { collection: true, nullable: true }),
      property('attachment', 'attachment'),
      property('attachments', 'attachment', collection),
      property('file', 'fileAttachment'),
      property('node', 'node'),
      property('open', 'openThing'),
    ]),
    objectType('part', [property('name', 'String')]),
    objectType('node', [property('name', 'String'), property('child', 'node', nullable), property('children', 'node', collection)]),
    objectType('entity', [property('id', 'String', { key: true })], { kind: 'entity', abstract: true }),
    objectType('attachment', [property('name', 'String')], { kind: 'entity', abstract: true, baseType: `${ROOT}.entity` }),
    objectType('fileAttachment', [property('contentBytes', 'Binary')], { kind: 'entity', baseType: `${ROOT}.attachment` }),
    objectType('largeFileAttachment', [property('chunkCount', 'Int32')], { kind: 'entity', baseType: `${ROOT}.fileAttachment` }),
    objectType('itemAttachment', [property('item', 'Untyped')], { kind: 'entity', baseType: `${ROOT}.attachment` }),
    objectType('unrelated', [property('other', 'String')], { kind: 'entity', baseType: `${ROOT}.entity` }),
    objectType('openThing', [property('known', 'String')], { openType: true }),
    objectType(`${ROOT}.other.remoteAttachment`, [property('location', 'String')], { kind: 'entity', baseType: `${ROOT}.attachment` }),
    enumType('size', ['small', 'large']),
    enumType('color', ['red', 'green', 'unknownFutureValue', 'purple']),
    enumType('access', ['read', 'write', 'delete'], { flags: true }),
    enumType('sourceType', ['mailbox', 'site'], { flags: true }),
  ],
};

// ---------------------------------------------------------------------------------------------
// Emitting, type-checking and loading

function emit(model: Model, enumStyle: EnumStyle = 'const'): SourceFile[] {
  return emitModel(model, { enumStyle, templates: TEMPLATES, guards: true }).files;
}

interface Issue { path: string; expected: string; found: string; message: string }
type Loaded = Record<string, unknown>;

const tempDirs: string[] = [];

/** Writes the modules out as the package ships them and imports both entry points, each namespace's enums and guards together. */
async function load(files: SourceFile[]): Promise<Loaded> {
  const dir = await mkdtemp(join(tmpdir(), 'graph-docs-typegen-guards-'));
  tempDirs.push(dir);
  await writeFile(join(dir, 'package.json'), '{"type":"module"}');
  for (const file of files) await writeFile(join(dir, file.path), file.content);
  const types = await import(pathToFileURL(join(dir, 'index.js')).href) as Loaded;
  const guards = await import(pathToFileURL(join(dir, 'guards.js')).href) as Loaded;
  const loaded: Loaded = { ...types, ...guards };
  for (const [name, value] of Object.entries(types)) {
    if (typeof value === 'object' && value !== null && typeof guards[name] === 'object') loaded[name] = { ...value, ...guards[name] as object };
  }
  return loaded;
}

/** The diagnostics of the emitted modules (see typeCheck), resolved as a bundler does, under strict and more. */
function typeErrors(sources: SourceFile[]): string[] {
  return typeCheck(sources, {
    noUnusedLocals: true, noUnusedParameters: true, noImplicitReturns: true, noImplicitOverride: true,
    exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true,
    module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
  });
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= make());
}

const sampleModule = once(() => load(emit(SAMPLE_MODEL)));
const betaOutput = once(() => generateVersion({ apiVersion: 'beta', dir: resolve('docs/beta'), outSubdir: 'beta' }, { enumStyle: 'const' }));
const betaModule = once(async () => load((await betaOutput()).files));

function guard(module: Loaded, name: string): (...args: unknown[]) => unknown {
  const found = module[name];
  if (typeof found !== 'function') throw new Error(`the module exports no function ${name}`);
  return found as (...args: unknown[]) => unknown;
}

function validate(module: Loaded, type: string, value: unknown, options?: object): Issue[] {
  return guard(module, `validate${type}`)(value, options) as Issue[];
}

function messages(issues: Issue[]): string[] {
  return issues.map((issue) => issue.message);
}

test.after(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

// ---------------------------------------------------------------------------------------------
// What is checked, kind by kind

interface Case {
  name: string;
  given: unknown;
  /** The type to check as, by TypeScript name; `Sample` unless said. */
  type?: string;
  options?: { strict?: boolean; checkFormats?: boolean; maxDepth?: number };
  /** The issue messages, in order; none when the value is valid. */
  want: string[];
}

const formats = { checkFormats: true };
const strict = { strict: true };

const CASES: Case[] = [
  // Object-ness
  { name: 'an empty object is a sample: every property is optional', given: {}, want: [] },
  { name: 'a string is not an object', given: 'x', want: ['$: expected object (sample), got string'] },
  { name: 'null is not an object', given: null, want: ['$: expected object (sample), got null'] },
  { name: 'an array is not an object', given: [], want: ['$: expected object (sample), got array'] },
  { name: 'undefined is not an object', given: undefined, want: ['$: expected object (sample), got undefined'] },

  // Strings, booleans, null
  { name: 'a string property accepts a string', given: { text: 'a' }, want: [] },
  { name: 'a string property refuses a number', given: { text: 5 }, want: ['$.text: expected string, got number'] },
  { name: 'a non-nullable property refuses null', given: { text: null }, want: ['$.text: expected string, got null'] },
  { name: 'a nullable property accepts null', given: { maybeText: null }, want: [] },
  { name: 'a nullable property still refuses other kinds', given: { maybeText: 1 }, want: ['$.maybeText: expected string, got number'] },
  { name: 'an own property holding undefined counts as absent', given: { text: undefined }, want: [] },
  { name: 'a boolean property accepts false', given: { flag: false }, want: [] },
  { name: 'a boolean property refuses a string', given: { flag: 'true' }, want: ['$.flag: expected boolean, got string'] },
  { name: 'every problem is reported, in the order of the value\'s properties', given: { flag: 0, text: 1 }, want: ['$.flag: expected boolean, got number', '$.text: expected string, got number'] },

  // Numbers
  { name: 'Int32 accepts its minimum', given: { int32: -2147483648 }, want: [] },
  { name: 'Int32 refuses a fraction', given: { int32: 1.5 }, want: ['$.int32: expected integer (Int32), got number 1.5'] },
  { name: 'Int32 refuses out of range', given: { int32: 2147483648 }, want: ['$.int32: expected integer (Int32), got number 2147483648'] },
  { name: 'Int32 refuses a numeric string', given: { int32: '1' }, want: ['$.int32: expected integer (Int32), got string'] },
  { name: 'Byte accepts 255', given: { byte: 255 }, want: [] },
  { name: 'Byte refuses 256', given: { byte: 256 }, want: ['$.byte: expected integer (Byte), got number 256'] },
  { name: 'Byte refuses -1', given: { byte: -1 }, want: ['$.byte: expected integer (Byte), got number -1'] },
  { name: 'SByte refuses -129', given: { sbyte: -129 }, want: ['$.sbyte: expected integer (SByte), got number -129'] },
  { name: 'Int16 refuses 32768', given: { int16: 32768 }, want: ['$.int16: expected integer (Int16), got number 32768'] },
  { name: 'Int64 accepts a large integer', given: { int64: 2 ** 60 }, want: [] },
  { name: 'Int64 refuses a fraction', given: { int64: 0.5 }, want: ['$.int64: expected integer (Int64), got number 0.5'] },
  { name: 'Int64 refuses a string: Graph sends numbers', given: { int64: '5' }, want: ['$.int64: expected integer (Int64), got string'] },
  { name: 'Double accepts a fraction', given: { double: -1.25 }, want: [] },
  { name: 'Double accepts the OData special values', given: { double: 'INF', single: '-INF' }, want: [] },
  { name: 'Single accepts "NaN"', given: { single: 'NaN' }, want: [] },
  { name: 'Single refuses other strings', given: { single: 'nan' }, want: ['$.single: expected number (Single), got string "nan"'] },
  { name: 'Double refuses a non-finite number', given: { double: Infinity }, want: ['$.double: expected number (Double), got number Infinity'] },
  { name: 'Double refuses NaN the number', given: { double: NaN }, want: ['$.double: expected number (Double), got number NaN'] },
  { name: 'Decimal accepts a fraction', given: { decimal: 12.5 }, want: [] },
  { name: 'Decimal refuses "INF"', given: { decimal: 'INF' }, want: ['$.decimal: expected number (Decimal), got string'] },

  // Stream and Untyped
  { name: 'Stream and Untyped accept anything', given: { stream: { a: 1 }, anything: [1, 'x', null] }, want: [] },
  { name: 'an Untyped collection accepts any elements', given: { extras: [1, {}, null, 'x'] }, want: [] },
  { name: 'an Untyped collection is still an array', given: { extras: 'x' }, want: ['$.extras: expected array, got string'] },

  // Enums
  { name: 'an enum accepts a member', given: { size: 'large' }, want: [] },
  { name: 'an enum refuses other strings', given: { size: 'huge' }, want: ['$.size: expected size member, got string "huge"'] },
  { name: 'an enum refuses a number', given: { size: 1 }, want: ['$.size: expected size member, got number 1'] },
  { name: 'an evolvable enum accepts unknownFutureValue', given: { color: 'unknownFutureValue' }, want: [] },
  { name: 'an evolvable enum accepts members after unknownFutureValue', given: { color: 'purple' }, want: [] },
  { name: 'an evolvable enum refuses values it does not list', given: { color: 'magenta' }, want: ['$.color: expected color member, got string "magenta"'] },
  { name: 'a flags enum accepts one member', given: { access: 'read' }, want: [] },
  { name: 'a flags enum accepts members separated by commas', given: { access: 'read,write' }, want: [] },
  { name: 'a flags enum refuses a non-member among them', given: { access: 'read,bogus' }, want: ['$.access: expected access member, got string "read,bogus"'] },
  { name: 'a flags enum accepts its members as Graph joins them', given: { includedSources: 'mailbox,site' }, want: [] },
  { name: 'a flags enum refuses an empty member between commas', given: { includedSources: 'mailbox,,site' }, want: ['$.includedSources: expected sourceType member, got string "mailbox,,site"'] },
  { name: 'a flags enum refuses a member given twice', given: { includedSources: 'mailbox,mailbox' }, want: ['$.includedSources: expected sourceType member, got string "mailbox,mailbox"'] },
  { name: 'a flags enum refuses a non-member after a member', given: { includedSources: 'mailbox,nope' }, want: ['$.includedSources: expected sourceType member, got string "mailbox,nope"'] },

  // Arrays, nested and derived types
  { name: 'a collection checks every element', given: { tags: ['a', 2, 'c', false] }, want: ['$.tags[1]: expected string, got number', '$.tags[3]: expected string, got boolean'] },
  { name: 'a collection refuses a single value', given: { tags: 'a' }, want: ['$.tags: expected array, got string'] },
  { name: 'a non-nullable collection refuses null', given: { tags: null }, want: ['$.tags: expected array, got null'] },
  { name: 'a nullable collection accepts null', given: { parts: null }, want: [] },
  { name: 'a nullable collection still refuses a single value', given: { parts: 'x' }, want: ['$.parts: expected array, got string'] },
  { name: 'collection elements are checked through their type', given: { parts: [{ name: 'a' }, { name: 1 }] }, want: ['$.parts[1].name: expected string, got number'] },
  { name: 'collection elements are not nullable', given: { parts: [null] }, want: ['$.parts[0]: expected object (part), got null'] },
  { name: 'a nested complex value is checked through its type', given: { part: { name: 5 } }, want: ['$.part.name: expected string, got number'] },
  { name: 'a nested complex value must be an object', given: { part: 'x' }, want: ['$.part: expected object (part), got string'] },
  {
    name: '@odata.type selects a derived type',
    given: { attachment: { '@odata.type': '#microsoft.graph.fileAttachment', name: 'a', contentBytes: 5 } },
    want: ['$.attachment.contentBytes: expected string (Binary), got number'],
  },
  {
    name: '@odata.type may omit the #',
    given: { attachment: { '@odata.type': 'microsoft.graph.fileAttachment', contentBytes: 5 } },
    want: ['$.attachment.contentBytes: expected string (Binary), got number'],
  },
  {
    name: 'a type derived in two steps is checked with everything it inherits',
    given: { attachment: { '@odata.type': '#microsoft.graph.largeFileAttachment', id: 1, name: 2, contentBytes: 3, chunkCount: 'x' } },
    want: [
      '$.attachment.id: expected string, got number',
      '$.attachment.name: expected string, got number',
      '$.attachment.contentBytes: expected string (Binary), got number',
      '$.attachment.chunkCount: expected integer (Int32), got string',
    ],
  },
  {
    name: 'a derived type in another namespace module is dispatched to',
    given: { attachment: { '@odata.type': '#microsoft.graph.other.remoteAttachment', location: 5 } },
    want: ['$.attachment.location: expected string, got number'],
  },
  {
    name: 'without @odata.type a value is checked as the declared type',
    given: { attachment: { name: 'a', contentBytes: 5 } },
    want: [],
  },
  {
    name: 'an @odata.type naming the declared type itself is fine',
    given: { attachment: { '@odata.type': '#microsoft.graph.attachment', name: 'a' } },
    want: [],
  },
  {
    name: 'an unknown @odata.type is reported',
    given: { attachment: { '@odata.type': '#microsoft.graph.nothing' } },
    want: ['$.attachment["@odata.type"]: expected #microsoft.graph.attachment or a type derived from it, got string "#microsoft.graph.nothing"'],
  },
  {
    name: 'an @odata.type not derived from the declared type is reported',
    given: { attachment: { '@odata.type': '#microsoft.graph.unrelated' } },
    want: ['$.attachment["@odata.type"]: expected #microsoft.graph.attachment or a type derived from it, got string "#microsoft.graph.unrelated"'],
  },
  {
    name: 'a base type is not derived from the declared type',
    given: { file: { '@odata.type': '#microsoft.graph.attachment' } },
    want: ['$.file["@odata.type"]: expected #microsoft.graph.fileAttachment or a type derived from it, got string "#microsoft.graph.attachment"'],
  },
  {
    name: 'a non-string @odata.type is reported, and the value checked as declared',
    given: { attachment: { '@odata.type': 5, name: 6 } },
    want: ['$.attachment["@odata.type"]: expected string, got number', '$.attachment.name: expected string, got number'],
  },
  {
    name: 'each element of a collection is dispatched on its own @odata.type',
    given: { attachments: [{ '@odata.type': '#microsoft.graph.fileAttachment', contentBytes: 'AA==' }, { '@odata.type': '#microsoft.graph.itemAttachment', item: {} }, { '@odata.type': '#microsoft.graph.fileAttachment', contentBytes: 1 }] },
    want: ['$.attachments[2].contentBytes: expected string (Binary), got number'],
  },
  { name: 'checkX can be used for a derived type directly', type: 'FileAttachment', given: { '@odata.type': '#microsoft.graph.largeFileAttachment', chunkCount: 1.5 }, want: ['$.chunkCount: expected integer (Int32), got number 1.5'] },

  // Formats: off by default, on with checkFormats
  { name: 'formats are not checked by default', given: { guid: 'x', date: 'x', dateTime: 'x', time: 'x', duration: 'x', binary: '*' }, want: [] },
  { name: 'a Guid is checked with checkFormats', options: formats, given: { guid: '0000000-0000-0000-0000-000000000000' }, want: ['$.guid: expected string (Guid), got string "0000000-0000-0000-0000-000000000000"'] },
  { name: 'a Guid passes with checkFormats', options: formats, given: { guid: '8fcb5dbc-d5aa-4681-8E31-b001d5168d79' }, want: [] },
  { name: 'a Guid that is not a string says so either way', given: { guid: 5 }, want: ['$.guid: expected string (Guid), got number'] },
  { name: 'a Date passes, 29 February of a leap year included', options: formats, given: { date: '2024-02-29' }, want: [] },
  { name: 'a Date that does not exist is refused', options: formats, given: { date: '2023-02-29' }, want: ['$.date: expected string (Date), got string "2023-02-29"'] },
  { name: 'a Date with month 13 is refused', options: formats, given: { date: '2024-13-01' }, want: ['$.date: expected string (Date), got string "2024-13-01"'] },
  { name: 'a Date with a one-digit month is refused', options: formats, given: { date: '2024-1-01' }, want: ['$.date: expected string (Date), got string "2024-1-01"'] },
  { name: 'a DateTimeOffset passes in UTC and with an offset', options: formats, given: { dateTime: '2024-07-22T10:00:00.1234567+02:00', attachment: {} }, want: [] },
  { name: 'a DateTimeOffset passes with Z', options: formats, given: { dateTime: '2014-01-01T00:00:00Z' }, want: [] },
  { name: 'a DateTimeOffset needs its zone', options: formats, given: { dateTime: '2024-07-22T10:00:00' }, want: ['$.dateTime: expected string (DateTimeOffset), got string "2024-07-22T10:00:00"'] },
  { name: 'a DateTimeOffset needs its T', options: formats, given: { dateTime: '2024-07-22 10:00:00Z' }, want: ['$.dateTime: expected string (DateTimeOffset), got string "2024-07-22 10:00:00Z"'] },
  { name: 'a DateTimeOffset on a day that does not exist is refused', options: formats, given: { dateTime: '2023-04-31T00:00:00Z' }, want: ['$.dateTime: expected string (DateTimeOffset), got string "2023-04-31T00:00:00Z"'] },
  { name: 'a TimeOfDay passes', options: formats, given: { time: '23:59:59.999' }, want: [] },
  { name: 'a TimeOfDay of 24:00 is refused', options: formats, given: { time: '24:00' }, want: ['$.time: expected string (TimeOfDay), got string "24:00"'] },
  { name: 'a Duration passes', options: formats, given: { duration: '-P2DT3H4.5S' }, want: [] },
  { name: 'a Duration needs a number after P', options: formats, given: { duration: 'PT' }, want: ['$.duration: expected string (Duration), got string "PT"'] },
  { name: 'a Duration needs T before hours', options: formats, given: { duration: 'P1H' }, want: ['$.duration: expected string (Duration), got string "P1H"'] },
  { name: 'a Binary passes padded, unpadded and URL-safe', options: formats, given: { binary: 'SGVsbG8=', attachments: [{ '@odata.type': '#microsoft.graph.fileAttachment', contentBytes: 'SGVsbG8' }, { '@odata.type': '#microsoft.graph.fileAttachment', contentBytes: 'SGVsbG8-_w' }] }, want: [] },
  { name: 'a Binary with a bad character is refused', options: formats, given: { binary: 'SGVs*G8=' }, want: ['$.binary: expected string (Binary), got string "SGVs*G8="'] },
  { name: 'a Binary of impossible length is refused', options: formats, given: { binary: 'SGVsb' }, want: ['$.binary: expected string (Binary), got string "SGVsb"'] },
  { name: 'a maximum length is not checked by default', given: { limited: 'abcdef' }, want: [] },
  { name: 'a maximum length is checked with checkFormats', options: formats, given: { limited: 'abcdef' }, want: ['$.limited: expected string of at most 5 characters, got string of 6 characters'] },
  { name: 'a maximum length applies to each element of a collection', options: formats, given: { labels: ['abc', 'abcd'] }, want: ['$.labels[1]: expected string of at most 3 characters, got string of 4 characters'] },
  { name: 'a long string is cut when shown', options: formats, given: { guid: 'x'.repeat(100) }, want: [`$.guid: expected string (Guid), got string "${'x'.repeat(40)}…"`] },

  // Extra properties
  { name: 'extra properties are allowed by default', given: { bogus: 1, '@odata.context': 'x' }, want: [] },
  { name: 'strict reports extra properties', options: strict, given: { text: 'a', bogus: 1, 'with space': 2 }, want: ['$.bogus: expected only properties declared by sample, got undeclared property', '$["with space"]: expected only properties declared by sample, got undeclared property'] },
  { name: 'strict allows annotations', options: strict, given: { '@odata.context': 'x', 'tags@odata.nextLink': 'y', '@odata.type': '#microsoft.graph.sample' }, want: [] },
  { name: 'strict knows inherited properties', options: strict, given: { attachment: { '@odata.type': '#microsoft.graph.fileAttachment', id: 'i', name: 'n', contentBytes: '' } }, want: [] },
  { name: 'strict goes by the type @odata.type names', options: strict, given: { attachment: { '@odata.type': '#microsoft.graph.fileAttachment', chunkCount: 1 } }, want: ['$.attachment.chunkCount: expected only properties declared by fileAttachment, got undeclared property'] },
  { name: 'strict allows anything on an open type', options: strict, given: { open: { known: 'k', anything: 1 } }, want: [] },

  // Hostile values
  {
    name: 'a throwing getter is an issue, and the other properties are still checked',
    given: { get text(): string { throw new Error('boom'); }, flag: 1 },
    want: ['$.text: expected readable property, got exception when read', '$.flag: expected boolean, got number'],
  },
  { name: 'an own __proto__ key from JSON.parse is an ordinary unknown property', given: JSON.parse('{"text":"a","__proto__":{"text":5}}'), want: [] },
  { name: 'an own __proto__ key is reported under strict', options: strict, given: JSON.parse('{"__proto__":{"text":5}}'), want: ['$.__proto__: expected only properties declared by sample, got undeclared property'] },
  { name: 'nothing is read from the prototype chain', given: Object.create({ text: 5 }), want: [] },
  { name: 'an object without a prototype is checked', given: Object.assign(Object.create(null), { text: 5 }), want: ['$.text: expected string, got number'] },
  { name: 'an array hole is checked as undefined, not read from Array.prototype', given: { tags: ['a', , 'c'] }, want: ['$.tags[1]: expected string, got undefined'] },
  { name: 'a cycle is an issue', given: { node: cyclicNode() }, want: ['$.node.child: expected acyclic value, got cyclic reference'] },
  { name: 'a cycle through a collection is an issue', given: { node: cyclicThroughCollection() }, want: ['$.node.children[0]: expected acyclic value, got cyclic reference'] },
  { name: 'the same object twice, not inside itself, is no cycle', given: sharedNode(), want: [] },
  { name: 'nesting deeper than maxDepth is an issue', options: { maxDepth: 3 }, given: { node: deepNode(5) }, want: ['$.node.child.child: expected at most 3 nested objects, got maximum depth exceeded'] },
];

function cyclicNode(): object {
  const node: { name: string; child?: object } = { name: 'loop' };
  node.child = node;
  return node;
}

function cyclicThroughCollection(): object {
  const node: { children: object[] } = { children: [] };
  node.children.push(node);
  return node;
}

function sharedNode(): object {
  const shared = { name: 'shared' };
  return { node: { child: shared, children: [shared, shared] }, part: { name: 'p' }, parts: [{ name: 'p' }] };
}

/** `{ child: { child: … { name: 'leaf' } } }`, `levels` objects deep, built without recursion. */
function deepNode(levels: number): object {
  let node: object = { name: 'leaf' };
  for (let level = 1; level < levels; level++) node = { child: node };
  return node;
}

for (const { name, given, type = 'Sample', options, want } of CASES) {
  test(`guards: ${name}`, async () => {
    const module = await sampleModule();
    const issues = validate(module, type, given, options);
    assert.equal(messages(issues), want);
    for (const issue of issues) assert.is(issue.message, `${issue.path}: expected ${issue.expected}, got ${issue.found}`);
    // isX takes no options, so it can only be compared where the defaults apply.
    if (!options) assert.is(guard(module, `is${type}`)(given), want.length === 0, 'isX agrees with validateX');
  });
}

// ---------------------------------------------------------------------------------------------
// Hostile values beyond the table

test('guards: 10,000 levels of nesting give one issue at the default depth of 64, not a stack overflow', async () => {
  const module = await sampleModule();
  const issues = validate(module, 'Sample', { node: deepNode(10_000) });
  assert.is(issues.length, 1);
  assert.is(issues[0].found, 'maximum depth exceeded');
  assert.is(issues[0].expected, 'at most 64 nested objects');
  // The sample is the first object and its node the second, so the 65th is 63 children down.
  assert.is(issues[0].path, `$.node${'.child'.repeat(63)}`);
  assert.is(guard(module, 'isSample')({ node: deepNode(10_000) }), false);
  assert.is(guard(module, 'isSample')({ node: deepNode(63) }), true);
  assert.is(guard(module, 'isSample')({ node: deepNode(64) }), false);
});

test('guards: a revoked Proxy is an issue, not an exception', async () => {
  const module = await sampleModule();
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  assert.equal(messages(validate(module, 'Sample', { part: proxy })), ['$.part: expected value that can be inspected, got exception while checking']);
  assert.is(guard(module, 'isSample')(proxy), false);
});

test('guards: a getter that runs a guard itself does not disturb the one in progress', async () => {
  const module = await sampleModule();
  const isSample = guard(module, 'isSample');
  let inner: unknown;
  const value = { get text(): string { inner = isSample({ text: 5 }); return 'a'; }, flag: 'no' };
  assert.equal(messages(validate(module, 'Sample', value)), ['$.flag: expected boolean, got string']);
  assert.is(inner, false);
  assert.is(isSample(value), false);
  assert.is(isSample({ text: 'a' }), true, 'the pooled walk is clean afterwards');
});

test('guards: enum isX checks membership; a flags enum takes single members, as its type does', async () => {
  const module = await sampleModule();
  const cases: [string, unknown, boolean][] = [
    ['isSize', 'small', true], ['isSize', 'huge', false], ['isSize', 1, false], ['isSize', null, false],
    ['isColor', 'purple', true], ['isColor', 'unknownFutureValue', true], ['isColor', 'magenta', false],
    ['isAccess', 'write', true], ['isAccess', 'read,write', false],
  ];
  for (const [name, given, want] of cases) assert.is(guard(module, name)(given), want, `${name}(${JSON.stringify(given)})`);
});

test('guards: assertX throws a ValidationError carrying the issues, and returns on a valid value', async () => {
  const module = await sampleModule();
  const assertSample = guard(module, 'assertSample');
  const ValidationError = module.ValidationError as new (...args: never[]) => Error;
  assertSample({ text: 'a' });
  let thrown: unknown;
  try {
    assertSample({ text: 1, int32: 'x' });
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown instanceof ValidationError);
  const error = thrown as Error & { issues: Issue[] };
  assert.is(error.name, 'ValidationError');
  assert.equal(messages(error.issues), ['$.text: expected string, got number', '$.int32: expected integer (Int32), got string']);
  assert.is(error.message, 'Invalid sample: 2 issues\n  $.text: expected string, got number\n  $.int32: expected integer (Int32), got string');
  assert.throws(() => assertSample({ limited: 'too long' }, formats), (caught: Error) => caught.message.includes('at most 5 characters'));
});

// ---------------------------------------------------------------------------------------------
// The seed: recordOperation from docs/beta

const VALID_RECORD_OPERATION = {
  '@odata.type': '#microsoft.graph.recordOperation',
  clientContext: 'd45324c1-fcb5-430a-902c-f20af696537c',
  completionReason: 'stopToneDetected',
  id: '0fe0623f-d628-42ed-b4bd-8ac290072cc5',
  recordingAccessToken: 'token',
  recordingLocation: 'https://resource.location/1',
  resultInfo: { code: 200, message: 'OK', subcode: 0 },
  status: 'completed',
};

/** A wrong value for each recordOperation property, and what it should be reported as. */
const RECORD_OPERATION_BREAKAGE: Record<string, { given: unknown; want: string }> = {
  clientContext: { given: 42, want: '$.clientContext: expected string, got number' },
  completionReason: { given: 'hungUp', want: '$.completionReason: expected recordOperationCompletionReason member, got string "hungUp"' },
  id: { given: false, want: '$.id: expected string, got boolean' },
  recordingAccessToken: { given: ['token'], want: '$.recordingAccessToken: expected string, got array' },
  recordingLocation: { given: {}, want: '$.recordingLocation: expected string, got object' },
  resultInfo: { given: { code: 1.5 }, want: '$.resultInfo.code: expected integer (Int32), got number 1.5' },
  status: { given: 'paused', want: '$.status: expected recordOperationStatus member, got string "paused"' },
};

test('seed: recordOperation accepts a valid object, nulls, and an empty one', async () => {
  const module = await betaModule();
  const nulls = Object.fromEntries(Object.keys(RECORD_OPERATION_BREAKAGE).map((name) => [name, null]));
  for (const given of [VALID_RECORD_OPERATION, nulls, {}]) {
    assert.equal(validate(module, 'RecordOperation', given, { strict: true, checkFormats: true }), []);
    assert.is(guard(module, 'isRecordOperation')(given), true);
  }
});

test('seed: recordOperation is rejected on each of its properties in turn', async () => {
  const module = await betaModule();
  const recordOperation = (await betaOutput()).model.types.find((type) => type.name === 'recordOperation');
  assert.ok(recordOperation && recordOperation.kind !== 'enum');
  assert.equal(Object.keys(RECORD_OPERATION_BREAKAGE).sort(), recordOperation.properties.map((property) => property.name).sort(), 'every property has a case');
  for (const [name, { given, want }] of Object.entries(RECORD_OPERATION_BREAKAGE)) {
    const value = { ...VALID_RECORD_OPERATION, [name]: given };
    assert.equal(messages(validate(module, 'RecordOperation', value)), [want], name);
    assert.is(guard(module, 'isRecordOperation')(value), false, name);
  }
});

test('seed: recordOperation checks the documented 256-character clientContext limit with checkFormats', async () => {
  const module = await betaModule();
  const value = { ...VALID_RECORD_OPERATION, clientContext: 'c'.repeat(257) };
  assert.equal(validate(module, 'RecordOperation', value), []);
  assert.equal(messages(validate(module, 'RecordOperation', value, formats)), ['$.clientContext: expected string of at most 256 characters, got string of 257 characters']);
});

test('seed: assertRecordOperation throws a ValidationError', async () => {
  const module = await betaModule();
  assert.throws(() => guard(module, 'assertRecordOperation')({ ...VALID_RECORD_OPERATION, status: 'paused' }),
    (error: Error & { issues?: Issue[] }) => error instanceof (module.ValidationError as typeof Error) && error.issues?.length === 1);
});

test('seed: the beta output type-checks under strict, resolved as a bundler and as Node does', async () => {
  const { files } = await betaOutput();
  assert.equal(typeErrors(files), []);
  assert.equal(typeCheck(files), []);
});

// ---------------------------------------------------------------------------------------------
// The emitted code itself

test('emit: the sample model type-checks under strict with every enum style', () => {
  for (const style of ['const', 'union', 'enum'] as const) assert.equal(typeErrors(emit(SAMPLE_MODEL, style)), [], style);
});

/** Types named after globals and after the guards' own prefixes; properties no identifier can spell. */
const HOSTILE_NAMES = ['__proto__', 'constructor', '@odata.type', 'default', 'a.b', '123abc', '', '*/', 'with space', '"quote', 'toString', 'hasOwnProperty'];
const HOSTILE_MODEL: Model = {
  apiVersion: 'hostile',
  operations: [],
  types: [
    objectType('Array', HOSTILE_NAMES.map((name) => property(name, 'String'))),
    objectType('Date', [property('when', 'Date'), property('array', 'Array'), property('map', 'Map'), property('others', 'Object', collection)]),
    objectType('Record', [property('error', 'Error'), property('set', 'Set')], { baseType: `${ROOT}.Date` }),
    objectType('Promise', [property('symbol', 'Symbol'), property('json', 'JSON')], { baseType: `${ROOT}.Record` }),
    objectType('checkArray', [property('value', 'String')]),
    objectType('propertiesOfArray', [property('walk', 'String')]),
    objectType('walk', [property('check', 'checkArray')]),
    objectType(`${ROOT}.runtime.value`, [property('list', 'Array')], { baseType: `${ROOT}.Date` }),
    enumType('Object', ['a', 'b']),
    enumType('Map', ['keys', 'values']),
    enumType('Error', ['thrown']),
    enumType('Set', ['one']),
    enumType('Symbol', ['iterator']),
    enumType('JSON', ['parse']),
  ],
};

test('emit: the runtime template type-checks as TypeScript under strict', () => {
  const runtime = { path: 'runtime.ts', content: renderTemplate(TEMPLATES.runtime, { checkFormats: 'false' }) };
  assert.equal(typeErrors([runtime]), []);
});

/** The names a module's `.d.ts` declares as values (functions, constants, enums). */
function declaredValues(declarations: string): string[] {
  return [...declarations.matchAll(/^export declare (?:function|const|enum) ([\w$]+)/gm)].map((match) => match[1]).sort();
}

test('emit: every module\'s JavaScript exports exactly the values its declarations promise', async () => {
  for (const model of [SAMPLE_MODEL, HOSTILE_MODEL]) {
    for (const style of ['const', 'union', 'enum'] as const) {
      const files = emit(model, style);
      const dir = await mkdtemp(join(tmpdir(), 'graph-docs-typegen-exports-'));
      tempDirs.push(dir);
      await writeFile(join(dir, 'package.json'), '{"type":"module"}');
      for (const file of files) await writeFile(join(dir, file.path), file.content);
      for (const file of files.filter((candidate) => candidate.path.endsWith('.js') && !/runtime|index|guards\.js|checks/.test(candidate.path))) {
        const exported = Object.keys(await import(pathToFileURL(join(dir, file.path)).href) as object).sort();
        const declarations = files.find((candidate) => candidate.path === file.path.replace(/\.js$/, '.d.ts'))!.content;
        assert.equal(exported, declaredValues(declarations), `${model.apiVersion} ${style} ${file.path}`);
      }
    }
  }
});

test('emit: hostile type and property names type-check under strict', () => {
  for (const style of ['const', 'union', 'enum'] as const) assert.equal(typeErrors(emit(HOSTILE_MODEL, style)), [], style);
});

test('emit: hostile names work at run time, with enums shadowing the globals they are named after', async () => {
  const sources = emit(HOSTILE_MODEL);
  assert.ok(sources.some((source) => source.path === 'graph-runtime.js'), 'the runtime yields its name to the runtime namespace');
  const module = await load(sources);
  const given = JSON.parse('{"__proto__": 1, "constructor": "c", "": 2, "a.b": 3, "*/": 4, "123abc": "x", "toString": 5}');
  assert.equal(messages(validate(module, 'Array', given)), [
    '$.__proto__: expected string, got number',
    '$[""]: expected string, got number',
    '$["a.b"]: expected string, got number',
    '$["*/"]: expected string, got number',
    '$.toString: expected string, got number',
  ]);
  assert.equal(messages(validate(module, 'Promise', { '@odata.type': '#microsoft.graph.Promise', when: 'x', map: 'keys', error: 'nope', json: 'parse', array: { a: 1 } }, formats)), [
    '$.when: expected string (Date), got string "x"',
    '$.error: expected Error member, got string "nope"',
  ]);
  assert.equal(messages(validate(module, 'Date', { '@odata.type': '#microsoft.graph.runtime.value', list: { default: 1 }, others: ['b', 'c'] })), [
    '$.list.default: expected string, got number',
    '$.others[1]: expected Object member, got string "c"',
  ]);
  assert.is(guard(module, 'isObject')('a'), true);
  assert.is(guard(module, 'isMap')('entries'), false);
});

test('emit: top-level code is declarations only, so bundlers can drop unused guards', () => {
  for (const source of emit(SAMPLE_MODEL).filter((file) => file.path.endsWith('.js') && file.path !== 'runtime.js')) {
    const file = ts.createSourceFile(source.path, source.content, ts.ScriptTarget.ES2022, true);
    for (const statement of file.statements) {
      const text = statement.getText(file);
      const allowed = ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement) || ts.isFunctionDeclaration(statement)
        || (ts.isVariableStatement(statement) && statement.declarationList.declarations.every((declaration) =>
          declaration.initializer !== undefined && (ts.isObjectLiteralExpression(declaration.initializer)
            || source.content.includes(`${declaration.name.getText(file)} = /*#__PURE__*/ $runtime.memberSet(`))));
      assert.ok(allowed, `${source.path}: ${text.slice(0, 80)}`);
    }
  }
});

test('emit: a guard refers only to the types it needs; dispatch lists only derived types', () => {
  const graph = emit(SAMPLE_MODEL).find((source) => source.path === 'graph.checks.js')!.content;
  const functionText = (name: string) => graph.slice(graph.indexOf(`export function ${name}(`), graph.indexOf('\n}\n', graph.indexOf(`export function ${name}(`)));
  const odataTypes = (text: string) => [...text.matchAll(/case "#([^"]+)":/g)].map((match) => match[1]);
  assert.equal(odataTypes(functionText('checkAttachment')), [
    'microsoft.graph.attachment', 'microsoft.graph.fileAttachment', 'microsoft.graph.itemAttachment',
    'microsoft.graph.largeFileAttachment', 'microsoft.graph.other.remoteAttachment',
  ]);
  assert.equal(odataTypes(functionText('checkPart')), ['microsoft.graph.part']);
  assert.not.match(functionText('propertyOfPart'), /check(?!String)/);
  assert.match(functionText('checkAttachment'), /walk\.properties\(value, \$Other\.propertyOfRemoteAttachment, "other\.remoteAttachment"\)/);
});

test('emit: no guards, no runtime, when guards is false', () => {
  const files = emitModel(SAMPLE_MODEL, { enumStyle: 'const', templates: TEMPLATES, guards: false }).files;
  assert.equal(files.map((file) => file.path), [
    'graph.cjs', 'graph.d.cts', 'graph.d.ts', 'graph.js', 'index.cjs', 'index.d.cts', 'index.d.ts', 'index.js', 'model.json', 'operations.json',
    'other.cjs', 'other.d.cts', 'other.d.ts', 'other.js', 'paths.d.ts',
  ]);
  assert.not.match(files.map((file) => file.content).join('\n'), /\$runtime|isSample|ValidationError/);
});

test('emit: the guards\' entry exports the runtime\'s public names, and the runtime ships as JavaScript and declarations', () => {
  const files = emit(SAMPLE_MODEL);
  assert.match(files.find((file) => file.path === 'guards.js')!.content, /export \{ ValidationError \} from '\.\/runtime\.js';/);
  assert.match(files.find((file) => file.path === 'guards.d.ts')!.content, /ValidationIssue, type ValidationOptions/);
  for (const path of ['runtime.d.ts', 'runtime.cjs', 'runtime.d.cts']) assert.ok(files.some((file) => file.path === path), path);
});

test('emit: a type-only entry names no guard, no building block and no runtime', () => {
  const files = emit(SAMPLE_MODEL);
  const typeFiles = files.filter((file) => /^(index|graph|other)\.(d\.ts|js|cjs|d\.cts)$/.test(file.path));
  assert.equal(typeFiles.length, 12);
  for (const file of typeFiles) {
    assert.not.match(file.content, /\b(is|validate|assert|check|propertyOf)[A-Z]\w*\(|runtime|guards|checks/, file.path);
  }
  const guards = files.find((file) => file.path === 'graph.guards.d.ts')!.content;
  assert.not.match(guards, /\b(check|propertyOf)[A-Z]/, 'the building blocks are not declared');
  assert.match(guards, /export declare function isAttachment\(value: unknown\): value is \$types\.AttachmentTypes;/);
  assert.match(guards, /export declare function isPart\(value: unknown\): value is \$types\.Part;/);
});

test.run();
