import type { HttpMethod } from '../model/types.js';

/** A `METHOD url` line read apart: the path without host and version, and the query string written into it. */
export interface RequestLineParts {
  method: HttpMethod;
  path: string;
  query?: string;
}

const METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
/** A line an author meant as a request line: a method-like word, then a path or URL. */
const REQUEST_LIKE = /^\s*(?:get|post|put|patch|delete|head|options)\b|^\s*[A-Z]{3,7}\s+(?:\/|https?:)/i;
/** `GET /x`, and `DELETE/x` with its space missing. */
const METHOD_AND_REST = /^\s*([A-Za-z]+)(?:\s+|(?=\/))(\S.*)$/;
/** What may stand before a path that forgot its leading slash (`GET policies/x`), or `~/` for the service root. */
const RELATIVE_PATH = /^(?:~(?=\/)|(?=[A-Za-z{$]))/;
const TRAILING_COMMENT = /\s+(?:\/\/|#|--)\s.*$/;
/** `https://graph.microsoft.com/v1.0`, `https://graph.microsoft.com/beta`, any host, with or without the version. */
const HOST = /^https?:\/\/[^/\s]+/i;
const VERSION = /^\/(?:v1\.0|beta)(?=\/|$)/i;

/** Whether a line of an HTTP request block is meant as a request line, read or not. */
export function looksLikeRequestLine(line: string): boolean {
  return REQUEST_LIKE.test(line);
}

/**
 * Reads `GET /users/{id | userPrincipalName}`, `get https://graph.microsoft.com/v1.0/me?$select=id`,
 * `GET /reports/getEmailActivityCounts(period='{period_value}')  // comment`: the URL runs to the
 * first space outside braces, parentheses and quotes, so alternations and function parameters
 * keep their spaces. Undefined when the line is no request line of a method Graph has.
 */
export function readRequestLine(line: string): RequestLineParts | undefined {
  const request = readRequestUrl(line);
  if (!request) return undefined;
  const { path, query } = splitUrl(request.url);
  if (!path.startsWith('/') || !balanced(path)) return undefined;
  return query === undefined ? { method: request.method, path } : { method: request.method, path, query };
}

/** The method and the URL as written (host and version kept) of a request line or an example's first line. */
export function readRequestUrl(line: string): { method: HttpMethod; url: string } | undefined {
  const match = METHOD_AND_REST.exec(line);
  if (!match) return undefined;
  const method = match[1].toUpperCase();
  if (!METHODS.has(method)) return undefined;
  const url = urlOf(match[2]);
  return url ? { method: method as HttpMethod, url } : undefined;
}

/** The path (host and version cut off, a missing leading slash put back) and query string of a URL as written. */
export function splitUrl(url: string): { path: string; query?: string } {
  const withoutHost = url.replace(HOST, '');
  const questionMark = topLevelIndexOf(withoutHost, '?');
  const pathPart = questionMark < 0 ? withoutHost : withoutHost.slice(0, questionMark);
  const written = pathPart.replace(VERSION, '') || '/';
  const path = RELATIVE_PATH.test(written) ? written.replace(RELATIVE_PATH, '/').replace(/^\/\//, '/') : written;
  return questionMark < 0 ? { path } : { path, query: withoutHost.slice(questionMark + 1) };
}

/** The URL at the start of `rest`: up to the first whitespace outside braces, parentheses and quotes. */
function urlOf(rest: string): string {
  let depth = 0;
  let quote = false;
  for (let index = 0; index < rest.length; index++) {
    const character = rest[index];
    if (character === "'") quote = !quote;
    else if (!quote && (character === '{' || character === '(')) depth++;
    else if (!quote && (character === '}' || character === ')')) depth = Math.max(0, depth - 1);
    else if (character === '?' && depth === 0 && !quote) return rest.replace(TRAILING_COMMENT, '').trimEnd();
    else if (/\s/.test(character) && depth === 0 && !quote) return rest.slice(0, index);
  }
  // Unclosed braces or quotes: the URL is the first word, and balanced() turns it down.
  return depth === 0 && !quote ? rest.trimEnd() : rest.split(/\s/, 1)[0];
}

function topLevelIndexOf(text: string, wanted: string): number {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '{' || character === '(') depth++;
    else if (character === '}' || character === ')') depth--;
    else if (character === wanted && depth === 0) return index;
  }
  return -1;
}

function balanced(path: string): boolean {
  let braces = 0;
  let parentheses = 0;
  for (const character of path) {
    if (character === '{') braces++;
    else if (character === '}') braces--;
    else if (character === '(') parentheses++;
    else if (character === ')') parentheses--;
    if (braces < 0 || parentheses < 0) return false;
  }
  return braces === 0 && parentheses === 0;
}

/**
 * Whether an example's path is one of the request lines': a `{x}` or `<x>` of a request line (or
 * a GUID written in its place) stands for any one segment (or, after `:/`, a drive item path of
 * several), function parameters and type casts (`/microsoft.graph.user`) are set aside, `/me`
 * is `/users/{id}` (Graph's alias), and letters' case is not compared (Graph's paths are not
 * case-sensitive). Graph's aliases count as what they stand for: `/me` for `/users/{id}`,
 * `/drive` for `/me/drive`, a drive's `root` (or `root:/path:`) for `items/{id}`. Gives the first
 * request path that matches, undefined for none.
 */
export function requestPathMatcher(requestPaths: string[]): (examplePath: string) => string | undefined {
  const patterns = [...new Set(requestPaths)].map((requestPath) => ({ requestPath, pattern: pathPattern(requestPath) }));
  return (examplePath) => {
    const candidates = new Set([normalizePath(examplePath)]);
    for (const [alias, meaning] of ALIASES) {
      for (const candidate of [...candidates]) candidates.add(candidate.replace(alias, meaning));
    }
    return patterns.find(({ pattern }) => [...candidates].some((candidate) => pattern.test(candidate)))?.requestPath;
  };
}

/** Whether a URL is Graph's (or has no host): examples may show a call to an upload or download URL Graph handed out. */
export function isGraphUrl(url: string): boolean {
  const host = HOST.exec(url)?.[0];
  return host === undefined || GRAPH_HOST.test(host);
}

const ALIASES: [RegExp, string][] = [
  [/^\/drive(?=\/|$)/i, '/me/drive'],
  [/^\/me(?=\/|$)/i, '/users/me'],
  [/\/root:\/[^:]*:(?=\/|$)|\/root(?=\/|$)/i, '/items/root'],
];
const GRAPH_HOST = /^https?:\/\/(?:graph\.microsoft\.(?:com|us|de)|dod-graph\.microsoft\.us|microsoftgraph\.chinacloudapi\.cn)$/i;
const GUID_SEGMENT = /(?<=\/)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/gi;
function pathPattern(requestPath: string): RegExp {
  const source = normalizePath(requestPath).replace(GUID_SEGMENT, '{id}').split(/(\{[^}]*\}|<[^>]*>)/).map((part, index, parts) => {
    if (index % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // A drive item path runs to the next colon; `[^:]` rather than `.` keeps matching linear on hostile paths.
    return parts[index - 1].endsWith(':/') ? '[^:]+' : '[^/]+';
  }).join('');
  return new RegExp(`^${source}$`, 'i');
}

/**
 * A key in parentheses made a segment (`messages('AAMk=')` is `messages/AAMk=`, a quoted
 * `'{id}'` is `{id}`), function
 * parameter lists and type cast segments cut off, trailing slashes dropped.
 */
function normalizePath(path: string): string {
  return path.replace(/\(\s*'([^']*)'\s*\)|\(([^()'=,]+)\)/g, (_, quoted: string | undefined, bare: string | undefined) => `/${quoted ?? bare}`)
    .replace(/'(\{[^}]*\})'/g, '$1').replace(/\((?:[^()']|'[^']*')*\)/g, '').replace(/\/microsoft\.graph\.[\w.]+(?=\/|$)/gi, '').replace(/\/+$/, '') || '/';
}
