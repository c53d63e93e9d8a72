/**
 * The diff's text for each thing it compares: one line a reader takes in at a glance and a tool
 * can read back (`parse*`), so a change list applied to one model gives the other (apply.ts).
 *
 *   property     Collection(microsoft.graph.attendee), nullable, read-only, navigation, max-length 64
 *   object type  entity : microsoft.graph.outlookItem { subject: Edm.String, nullable; ... }
 *   enum         flags enum { none; mailbox; site }      member: its name
 *   operation    request: R; response: S; permissions: P
 *     R          none | microsoft.graph.user | { comment: Edm.String, required; ... }
 *     S          204 | 200 Collection(microsoft.graph.user)
 *     P          delegated-work (User.Read, User.ReadWrite.All) delegated-personal (not supported) application ()
 *
 * Names and types that are not plain words (hostile pages) are written as JSON strings.
 */
import type { OperationTypeRef, ParameterDef, Permissions, PrimitiveName, RequestBodyDef, ResponseDef } from '../model/types.js';

export interface PropertyShape {
  type: OperationTypeRef;
  collection: boolean;
  nullable: boolean;
  readOnly: boolean;
  navigation: boolean;
  maxLength?: number;
}

export interface ObjectShape {
  kind: 'entity' | 'complex';
  base: string | null;
  properties: [string, string][];
}

export interface EnumShape {
  flags: boolean;
  members: string[];
}

/** A body's parameter as compared: its description is documentation. */
export type ParameterShape = Omit<ParameterDef, 'description'>;

/** The model's request body, or none. */
export type RequestShape =
  | { kind: 'none' }
  | Extract<RequestBodyDef, { kind: 'type' }>
  | { kind: 'parameters'; parameters: ParameterShape[] };

export const PERMISSION_KINDS = [
  ['delegatedWork', 'delegated-work'], ['delegatedPersonal', 'delegated-personal'], ['application', 'application'],
] as const;

export const NO_BASE = 'none';

const WORD = /^[^\s,;:{}()"=]+$/;
const word = (text: string): string => (WORD.test(text) ? text : JSON.stringify(text));

export function typeRefText(type: OperationTypeRef, collection: boolean): string {
  const element = type.kind === 'primitive' ? `Edm.${type.name}` : type.kind === 'named' ? word(type.fullName) : `unknown ${JSON.stringify(type.written)}`;
  return collection ? `Collection(${element})` : element;
}

export function propertyText(property: PropertyShape): string {
  return [
    typeRefText(property.type, property.collection),
    ...(property.nullable ? ['nullable'] : []),
    ...(property.readOnly ? ['read-only'] : []),
    ...(property.navigation ? ['navigation'] : []),
    ...(property.maxLength !== undefined ? [`max-length ${property.maxLength}`] : []),
  ].join(', ');
}

export const baseText = (base: string | null): string => (base === null ? NO_BASE : word(base));

export function parseBase(text: string): string | null {
  if (text === NO_BASE) return null;
  const tokens = new Tokens(text);
  return readWhole(tokens, (inner) => inner.word());
}

export function objectText(shape: ObjectShape): string {
  return `${shape.kind}${shape.base === null ? '' : ` : ${word(shape.base)}`} ${membersText(shape.properties, ': ')}`;
}

export function enumText(shape: EnumShape): string {
  return `${shape.flags ? 'flags ' : ''}enum ${membersText(shape.members.map((name) => [name, '']), ': ')}`;
}

function membersText(members: [string, string][], separator: string): string {
  if (members.length === 0) return '{ }';
  return `{ ${members.map(([name, value]) => (value === '' ? word(name) : `${word(name)}${separator}${value}`)).join('; ')} }`;
}

export function requestText(request: RequestShape): string {
  if (request.kind === 'none') return 'none';
  if (request.kind === 'type') return typeRefText(request.type, request.collection);
  return membersText(request.parameters.map((parameter) => [parameter.name, [
    typeRefText(parameter.type, parameter.collection), ...(parameter.required ? ['required'] : []),
  ].join(', ')]), ': ');
}

export const responseText = (response: ResponseDef): string =>
  response.type === null ? `${response.status}` : `${response.status} ${typeRefText(response.type, response.collection)}`;

export function permissionsText(permissions: Permissions): string {
  return PERMISSION_KINDS.map(([key, label]) => {
    const names = permissions[key];
    // A permission named `not` is quoted, so it cannot read as `not supported`.
    return `${label} (${names === null ? 'not supported' : names.map((name) => (name === 'not' ? JSON.stringify(name) : word(name))).join(', ')})`;
  }).join(' ');
}

export const operationText = (request: string, response: string, permissions: string): string =>
  `request: ${request}; response: ${response}; permissions: ${permissions}`;

// Reading the text back.

type Token = { kind: 'word'; text: string; quoted?: true } | { kind: 'punctuation'; text: string };

export class SignatureError extends Error {
  override name = 'SignatureError';
}

class Tokens {
  private position = 0;
  private readonly tokens: Token[];

  constructor(private readonly source: string) {
    this.tokens = tokenize(source);
  }

  peek(): Token | undefined {
    return this.tokens[this.position];
  }

  next(): Token {
    const token = this.tokens[this.position++];
    if (!token) throw new SignatureError(`'${this.source}': ended early`);
    return token;
  }

  word(): string {
    const token = this.next();
    if (token.kind !== 'word') throw new SignatureError(`'${this.source}': expected a name, found '${token.text}'`);
    return token.text;
  }

  expect(text: string): void {
    const token = this.next();
    if (token.text !== text || (token.kind === 'word') !== /\w/.test(text)) throw new SignatureError(`'${this.source}': expected '${text}', found '${token.text}'`);
  }

  accept(text: string): boolean {
    const token = this.peek();
    if (token?.text !== text) return false;
    this.position++;
    return true;
  }

  end(): void {
    const token = this.peek();
    if (token) throw new SignatureError(`'${this.source}': unexpected '${token.text}'`);
  }
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:("(?:[^"\\]|\\.)*")|([,;:{}()=])|([^\s,;:{}()"=]+))/gy;
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < source.length && (match = pattern.exec(source))) {
    if (match[1] !== undefined) tokens.push({ kind: 'word', text: JSON.parse(match[1]) as string, quoted: true });
    else if (match[2] !== undefined) tokens.push({ kind: 'punctuation', text: match[2] });
    else if (match[3] !== undefined) tokens.push({ kind: 'word', text: match[3] });
    else break;
  }
  if (source.slice(pattern.lastIndex).trim() !== '') throw new SignatureError(`'${source}': cannot read from '${source.slice(pattern.lastIndex)}'`);
  return tokens;
}

function readTypeRef(tokens: Tokens): { type: OperationTypeRef; collection: boolean } {
  const first = tokens.word();
  if (first === 'Collection' && tokens.accept('(')) {
    const element = readElement(tokens, tokens.word());
    tokens.expect(')');
    return { type: element, collection: true };
  }
  return { type: readElement(tokens, first), collection: false };
}

function readElement(tokens: Tokens, first: string): OperationTypeRef {
  if (first === 'unknown' && tokens.peek()?.kind === 'word') return { kind: 'unknown', written: tokens.word() };
  if (first.startsWith('Edm.')) return { kind: 'primitive', name: first.slice(4) as PrimitiveName };
  return { kind: 'named', fullName: first };
}

/** Words after commas up to a separator: `, nullable, max-length 64`. */
function readFlags(tokens: Tokens, until: string[]): string[][] {
  const flags: string[][] = [];
  while (tokens.accept(',')) {
    const flag: string[] = [tokens.word()];
    while (tokens.peek() && !until.includes(tokens.peek()!.text) && tokens.peek()!.text !== ',') flag.push(tokens.word());
    flags.push(flag);
  }
  return flags;
}

function readPropertyFrom(tokens: Tokens, until: string[]): PropertyShape {
  const { type, collection } = readTypeRef(tokens);
  const shape: PropertyShape = { type, collection, nullable: false, readOnly: false, navigation: false };
  for (const [flag, value] of readFlags(tokens, until)) {
    if (flag === 'nullable') shape.nullable = true;
    else if (flag === 'read-only') shape.readOnly = true;
    else if (flag === 'navigation') shape.navigation = true;
    else if (flag === 'max-length') shape.maxLength = Number(value);
    else throw new SignatureError(`unknown property flag '${flag}'`);
  }
  return shape;
}

export function parseProperty(text: string): PropertyShape {
  const tokens = new Tokens(text);
  const shape = readPropertyFrom(tokens, []);
  tokens.end();
  return shape;
}

/** `{ name<separator>value; ... }` with each value's text as written, re-spelled from its tokens. */
function readMembers(tokens: Tokens, separator: ':'): [string, Tokens][] {
  tokens.expect('{');
  const members: [string, Tokens][] = [];
  while (!tokens.accept('}')) {
    const name = tokens.word();
    const collected: Token[] = [];
    if (tokens.accept(separator)) {
      let depth = 0;
      while (depth > 0 || (tokens.peek()?.text !== ';' && tokens.peek()?.text !== '}')) {
        const token = tokens.next();
        if (token.text === '(' || token.text === '{') depth++;
        if (token.text === ')' || token.text === '}') depth--;
        collected.push(token);
      }
    }
    members.push([name, tokensOf(collected)]);
    tokens.accept(';');
  }
  return members;
}

function tokensOf(tokens: Token[]): Tokens {
  return new Tokens(tokens.map((token) => (token.kind === 'word' ? word(token.text) : token.text)).join(' '));
}

export function parseObject(text: string): ObjectShape {
  const tokens = new Tokens(text);
  const kind = tokens.word();
  if (kind !== 'entity' && kind !== 'complex') throw new SignatureError(`'${text}': not an object type`);
  const base = tokens.accept(':') ? tokens.word() : null;
  const properties = readMembers(tokens, ':').map(([name, value]): [string, string] => [name, propertyText(readWhole(value, readPropertyFrom))]);
  tokens.end();
  return { kind, base, properties };
}

export function parseEnum(text: string): EnumShape {
  const tokens = new Tokens(text);
  const flags = tokens.accept('flags');
  tokens.expect('enum');
  const members = readMembers(tokens, ':').map(([name, value]) => readWhole(value, () => name));
  tokens.end();
  return { flags, members };
}

export function parseRequest(text: string): RequestShape {
  const tokens = new Tokens(text);
  if (tokens.peek()?.text === '{') {
    const parameters = readMembers(tokens, ':').map(([name, value]): ParameterShape => readWhole(value, (inner) => {
      const { type, collection } = readTypeRef(inner);
      const flags = readFlags(inner, []);
      return { name, type, collection, required: flags.some(([flag]) => flag === 'required') };
    }));
    tokens.end();
    return { kind: 'parameters', parameters };
  }
  if (tokens.accept('none')) {
    tokens.end();
    return { kind: 'none' };
  }
  const request = readWhole(tokens, readTypeRef);
  return { kind: 'type', ...request };
}

export function parseResponse(text: string): ResponseDef {
  const tokens = new Tokens(text);
  const status = Number(tokens.word());
  if (!tokens.peek()) return { status, type: null, collection: false };
  return { status, ...readWhole(tokens, readTypeRef) };
}

export function parsePermissions(text: string): Permissions {
  const tokens = new Tokens(text);
  const shape: Partial<Permissions> = {};
  for (const [key, label] of PERMISSION_KINDS) {
    tokens.expect(label);
    tokens.expect('(');
    let names: string[] | null = [];
    const next = tokens.peek();
    if (next?.kind === 'word' && next.text === 'not' && !next.quoted) {
      tokens.expect('not');
      tokens.expect('supported');
      names = null;
    } else {
      while (tokens.peek()?.text !== ')') {
        names.push(tokens.word());
        tokens.accept(',');
      }
    }
    tokens.expect(')');
    shape[key] = names;
  }
  tokens.end();
  return shape as Permissions;
}

/** An operation's text split into its three parts' texts. */
export function parseOperation(text: string): { request: string; response: string; permissions: string } {
  const match = /^request: (.*); response: (.*?); permissions: (.*)$/s.exec(text);
  if (!match) throw new SignatureError(`'${text}': not an operation`);
  return { request: match[1], response: match[2], permissions: match[3] };
}

function readWhole<T>(tokens: Tokens, read: (tokens: Tokens, until: string[]) => T): T {
  const value = read(tokens, []);
  tokens.end();
  return value;
}
