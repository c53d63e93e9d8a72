import type { ObjectTypeDef, TypeDef } from './types.js';
import { fullNameOf } from './types.js';

/** What a path is walked against: the model's types, and its name lookup (a simple or qualified name → full name). */
export interface PathTypes {
  types: readonly TypeDef[];
  resolve: (name: string) => string | undefined;
}

export interface NormalizedPath {
  /** In the spelling of Graph's OpenAPI description: `/users/{user-id}/messages/{message-id}`. */
  path: string;
  /** Each parameter's name in `path`, and how the page wrote it. */
  pathParameters: { name: string; written: string }[];
}

/** What the walk knows at a segment: the type reached (when the model tells), and whether it is a collection. */
interface Position {
  type?: ObjectTypeDef;
  collection: boolean;
  /** The segment that led here, for naming a key when the type is not known. */
  segment: string;
}

/** `me` is the signed-in user: the one root segment whose type its name does not give. */
const ROOT_SINGLETONS: Record<string, string> = { me: 'user' };

/**
 * Rewrites paths as a page writes them into Graph's OpenAPI spelling. The rule:
 * - a placeholder that is a whole segment is the key of the collection before it, named
 *   `{<entity>-id}` after the collection's entity type: the type the walk reaches (a root entity
 *   set singularized and found in the model, `me` as user, then each navigation property's type,
 *   a cast segment's type), else the singularized segment;
 * - an alternation (`{id | userPrincipalName}`) is one parameter;
 * - a placeholder in a function's parameters (`(period='{period_value}')`) is named after the
 *   function parameter (`period`);
 * - any other placeholder (`root:/{item-path}:`) keeps the name it is written with, cleaned to
 *   letters, digits, `-` and `_`;
 * - a name met again in one path gets a number, from 1: `{directoryObject-id}`, `{directoryObject-id1}`.
 */
export function pathNormalizer(types: PathTypes): (written: string) => NormalizedPath {
  const objects = new Map<string, ObjectTypeDef>();
  for (const type of types.types) if (type.kind !== 'enum') objects.set(fullNameOf(type), type);
  const objectNamed = (name: string): ObjectTypeDef | undefined => {
    const fullName = types.resolve(name);
    return fullName ? objects.get(fullName) : undefined;
  };
  return (written) => normalizePath(written, objects, objectNamed);
}

function normalizePath(
  written: string, objects: Map<string, ObjectTypeDef>, objectNamed: (name: string) => ObjectTypeDef | undefined,
): NormalizedPath {
  const pathParameters: NormalizedPath['pathParameters'] = [];
  const used = new Map<string, number>();
  const parameter = (name: string, placeholder: string): string => {
    const count = used.get(name) ?? 0;
    used.set(name, count + 1);
    const unique = count === 0 ? name : `${name}${count}`;
    pathParameters.push({ name: unique, written: placeholder });
    return `{${unique}}`;
  };
  const segments = splitSegments(written.split('?')[0]);
  const out: string[] = [];
  let position: Position = { collection: false, segment: '' };
  segments.forEach((segment, index) => {
    const whole = /^\{([^{}]*)\}$/.exec(segment);
    if (whole) {
      out.push(parameter(`${keyEntityName(position)}-id`, whole[1].trim()));
      position = { type: position.type, collection: false, segment };
      return;
    }
    out.push(segment.replace(/(\b\w+\s*=\s*)?'?\{([^{}]*)\}'?/g, (match, assignment: string | undefined, name: string) => {
      const quote = match.includes(`'{`) ? "'" : '';
      const parameterName = assignment ? assignment.replace(/\s*=\s*$/, '') : cleanName(name);
      return `${assignment ? `${parameterName}=` : ''}${quote}${parameter(parameterName, name.trim())}${quote}`;
    }));
    position = nextPosition(position, segment, index === 0, objects, objectNamed);
  });
  return { path: `/${out.join('/')}`, pathParameters };
}

/** The segments of a path, split at `/` outside parentheses and braces; empty ones dropped. */
function splitSegments(path: string): string[] {
  const segments: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of path.trim()) {
    if (char === '(' || char === '{') depth++;
    if ((char === ')' || char === '}') && depth > 0) depth--;
    if (char === '/' && depth === 0) {
      segments.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  segments.push(current.trim());
  return segments.filter((segment) => segment.length > 0);
}

/** Where a literal segment leads: a navigation property of the type reached, a cast, a root entity set, or somewhere unknown. */
function nextPosition(
  from: Position, segment: string, root: boolean, objects: Map<string, ObjectTypeDef>, objectNamed: (name: string) => ObjectTypeDef | undefined,
): Position {
  if (!/^[A-Za-z_][\w.]*$/.test(segment)) return { collection: false, segment };
  if (segment.includes('.')) {
    const cast = objectNamed(segment);
    return { type: cast, collection: from.collection, segment };
  }
  if (from.type && !root) {
    const property = findProperty(from.type, segment, objects);
    if (property) {
      const type = property.type.kind === 'named' ? objects.get(property.type.fullName) : undefined;
      return { type, collection: property.collection, segment };
    }
    return { collection: false, segment };
  }
  const singleton = root ? ROOT_SINGLETONS[segment.toLowerCase()] : undefined;
  if (singleton) return { type: objectNamed(singleton), collection: false, segment };
  const singular = singularize(segment);
  return { type: objectNamed(singular), collection: singular !== segment, segment };
}

/** A property the type declares or inherits, by name as written, else in another case. */
function findProperty(type: ObjectTypeDef, name: string, objects: Map<string, ObjectTypeDef>) {
  const lineage: ObjectTypeDef[] = [];
  for (let current: ObjectTypeDef | undefined = type; current && !lineage.includes(current);) {
    lineage.push(current);
    current = current.baseType ? objects.get(current.baseType) : undefined;
  }
  const properties = lineage.flatMap((member) => member.properties);
  return properties.find((property) => property.name === name)
    ?? properties.find((property) => property.name.toLowerCase() === name.toLowerCase());
}

/** The entity a key is named after: the type reached, else the segment before it singularized. */
function keyEntityName(position: Position): string {
  if (position.type) return position.type.name;
  const name = cleanName(position.segment.replace(/\(.*$/, '').split('.').pop() ?? '');
  return name ? singularize(name) : 'key';
}

function cleanName(name: string): string {
  return name.split('|')[0].trim().replace(/[^\w-]+/g, '_').replace(/^_+|_+$/g, '') || 'key';
}

const IRREGULAR_PLURALS: Record<string, string> = { people: 'person', children: 'child', media: 'media', data: 'data' };

/** An English plural's singular, keeping the word's case: `policies` → `policy`, `callRecords` → `callRecord`. */
export function singularize(word: string): string {
  const lower = word.toLowerCase();
  const irregular = Object.keys(IRREGULAR_PLURALS).find((plural) => lower.endsWith(plural));
  if (irregular) {
    const ending = word.slice(-irregular.length);
    return word.slice(0, -irregular.length) + matchCase(ending, IRREGULAR_PLURALS[irregular]);
  }
  if (/[^aeiou]ies$/i.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|sh|ch|x|z)es$/i.test(word)) return word.slice(0, -2);
  if (/[^s]s$/i.test(word) && !/(us|is)$/i.test(word)) return word.slice(0, -1);
  return word;
}

function matchCase(original: string, replacement: string): string {
  return original[0] === original[0].toUpperCase() ? replacement[0].toUpperCase() + replacement.slice(1) : replacement;
}
