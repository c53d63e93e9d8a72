import type { Operation, ParameterDef } from '../model/types.js';
import { isGraphUrl, requestPathMatcher, splitUrl } from '../read/httpRequest.js';
import type { RequestExample } from './extract.js';
import { childPath, lineIndex, lineOf } from './locate.js';
import { parseBody, type Repair } from './repair.js';
import type { GeneratedTypes, ValidationIssue, ValidationOptions } from './validators.js';
import { collectionItems, failuresOf, type Failure } from './verify.js';

/** A request example without its body: what a report needs to name it. */
export type RequestRef = Omit<RequestExample, 'body'>;

export type RequestOutcome =
  /** No operation of the page, of the example's method, has a request line matching its URL: nothing to check against. */
  | { request: RequestRef; status: 'unmatched'; reason: string }
  /** The operation gives no type to check the body against. */
  | { request: RequestRef; status: 'noType'; operation: string; reason: string }
  | { request: RequestRef; status: 'notJson'; operation: string; reason: string; line: number }
  | {
    request: RequestRef;
    status: 'passed' | 'failed';
    /** `POST /widgets`, as operations.json spells it. */
    operation: string;
    /** The body's type (`microsoft.graph.widget`), or `parameters` for an action's. */
    requestType: string;
    repairs: Repair[];
    failures: Failure[];
  };

/** Issues of the value at `path` of the body, their own paths from that value (`$`). */
interface Checked {
  issues: ValidationIssue[];
  path: string;
}

interface BodyCheck {
  requestType: string;
  check(body: unknown): Checked[];
}

/**
 * Checks the body of an example request against the operation of its page that the URL calls:
 * the page's operations of the example's method, matched on the URL's path as the reader's
 * `example-url-unmatched` rule matches request lines. PATCH bodies are partial: a type's
 * properties are all optional in the validators anyway, and a parameter's `required` is not
 * asked of a PATCH.
 */
export function verifyRequestBody(request: RequestExample, pageOperations: readonly Operation[], types: GeneratedTypes, options: ValidationOptions = {}): RequestOutcome {
  const { body, ...ref } = request;
  if (!isGraphUrl(request.url)) return { request: ref, status: 'unmatched', reason: 'not a Graph URL' };
  const candidates = pageOperations.filter((operation) => operation.method === request.method);
  const matched = requestPathMatcher(candidates.map((operation) => operation.path))(splitUrl(request.url).path);
  const operation = candidates.find((candidate) => candidate.path === matched);
  if (!operation) return { request: ref, status: 'unmatched', reason: `matches no ${request.method} operation of its page` };
  const name = `${operation.method} ${operation.path}`;
  const bodyCheck = checkOf(operation, types, options);
  if ('reason' in bodyCheck) return { request: ref, status: 'noType', operation: name, reason: bodyCheck.reason };
  const parsed = parseBody(body, request);
  if (parsed.kind === 'notJson') return { request: ref, status: 'notJson', operation: name, reason: parsed.reason, line: request.line + (parsed.line ?? 0) };
  const lines = lineIndex(parsed.text);
  const place = (path: string) => request.line + (lineOf(lines, path) ?? 0);
  const failures = bodyCheck.check(parsed.value).flatMap(({ issues, path }) => failuresOf(issues, path, parsed.value, place, types));
  return { request: ref, status: failures.length ? 'failed' : 'passed', operation: name, requestType: bodyCheck.requestType, repairs: parsed.repairs, failures };
}

function checkOf(operation: Operation, types: GeneratedTypes, options: ValidationOptions): BodyCheck | { reason: string } {
  const { request } = operation;
  if (!request) return { reason: 'the page documents no request body' };
  if (request.kind === 'parameters') {
    return { requestType: 'parameters', check: (body) => parameterIssues(body, request.parameters, operation.method !== 'PATCH', types, options) };
  }
  const { type, collection } = request;
  if (type.kind === 'unknown') return { reason: `the request body's type ${type.written} is not in the model` };
  const validator = types.valueValidator(type);
  const requestType = type.kind === 'named' ? type.fullName : `Edm.${type.name}`;
  if (!validator) return { reason: `no validator for ${requestType}` };
  return {
    requestType,
    check: (body) => {
      if (!collection) return [{ issues: validator(body, options), path: '$' }];
      const items = collectionItems(body);
      if (!items) return [{ issues: [notAn('array of items', body, '$')], path: '$' }];
      return items.map((item) => ({ issues: validator(item.value, options), path: item.path }));
    },
  };
}

/**
 * An action's parameters body: every member a parameter (`@` annotations aside; names compared
 * without case), each value of its parameter's type, and every required parameter present. A parameter of a type the model
 * lacks, or of any value (`Untyped`), takes anything.
 */
function parameterIssues(body: unknown, parameters: readonly ParameterDef[], requireRequired: boolean, types: GeneratedTypes, options: ValidationOptions): Checked[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [{ issues: [notAn('object of the parameters', body, '$')], path: '$' }];
  const members = body as Record<string, unknown>;
  const checked: Checked[] = [];
  const ownIssues: ValidationIssue[] = [];
  // Graph binds parameters whatever their case (the docs write `Message` in the table and `message` in the example).
  const byName = new Map(parameters.map((parameter) => [parameter.name.toLowerCase(), parameter]));
  const given = new Set(Object.keys(members).map((name) => name.toLowerCase()));
  for (const [name, value] of Object.entries(members)) {
    if (name.includes('@')) continue;
    const path = childPath('$', name);
    const parameter = byName.get(name.toLowerCase());
    if (!parameter) {
      ownIssues.push({ path, expected: 'one of the parameters', found: 'another member', message: `${path}: not a parameter of the operation` });
      continue;
    }
    if (value === null || parameter.type.kind === 'unknown') continue;
    const validator = types.valueValidator(parameter.type);
    if (!validator) continue;
    if (!parameter.collection) checked.push({ issues: validator(value, options), path });
    else if (!Array.isArray(value)) ownIssues.push(notAn('array', value, path));
    else value.forEach((item, index) => checked.push({ issues: validator(item, options), path: childPath(path, index) }));
  }
  if (requireRequired) {
    for (const parameter of parameters) {
      if (!parameter.required || given.has(parameter.name.toLowerCase())) continue;
      const path = childPath('$', parameter.name);
      ownIssues.push({ path, expected: 'the required parameter', found: 'nothing', message: `${path}: required parameter missing` });
    }
  }
  return [{ issues: ownIssues, path: '$' }, ...checked];
}

function notAn(expected: string, value: unknown, path: string): ValidationIssue {
  const found = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return { path, expected, found, message: `${path}: expected ${expected}, got ${found}` };
}

/**
 * Operations by the pages that document them (`api/widget-get.md`), for matching each page's
 * examples: a page whose request line another page documented first calls the operation kept.
 */
export function operationsByPage(operations: readonly Operation[]): Map<string, Operation[]> {
  const byPage = new Map<string, Operation[]>();
  for (const operation of operations) {
    const files = new Set([operation.source.file, ...(operation.alsoDocumentedAt ?? []).map((place) => place.file)]);
    for (const file of files) byPage.set(file, [...(byPage.get(file) ?? []), operation]);
  }
  return byPage;
}
