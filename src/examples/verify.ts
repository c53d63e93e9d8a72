import type { Example } from './extract.js';
import { hintFor, type Hint } from './hints.js';
import { childPath, lineIndex, lineOf, valueAt } from './locate.js';
import { parseBody, type Repair } from './repair.js';
import type { GeneratedTypes, ValidationIssue, ValidationOptions } from './validators.js';

/** An example without its body: what a report needs to name it. */
export type ExampleRef = Omit<Example, 'body'>;

/** One way an example differs from its type, placed in the page. */
export interface Failure {
  /** JSON path in the body, collection items included (`$.value[2].start`). */
  path: string;
  /** 1-based line in the page of the value the path reaches. */
  line: number;
  expected: string;
  found: string;
  message: string;
  /** What the failing value looks like, when it looks like a docs placeholder or a near miss. */
  hint?: Hint;
}

export type Outcome =
  | { example: ExampleRef; status: 'notJson'; reason: string; line: number }
  | { example: ExampleRef; status: 'noType'; reason: string; repairs: Repair[] }
  | {
    example: ExampleRef;
    status: 'passed' | 'failed';
    typeName: string;
    repairs: Repair[];
    items: number;
    failures: Failure[];
    /** The body is a `{ "value": [...] }` collection although the annotation does not say isCollection. */
    undeclaredCollection?: true;
  };

/**
 * Checks one example against the validator of the type its annotation names. A collection is
 * checked item by item in `value`; its other members (`@odata.context`, `@odata.nextLink`) are
 * the envelope's, not the type's.
 */
export function verifyExample(example: Example, types: GeneratedTypes, options: ValidationOptions = {}): Outcome {
  const { body, ...ref } = example;
  const parsed = parseBody(body, example);
  if (parsed.kind === 'notJson') return { example: ref, status: 'notJson', reason: parsed.reason, line: example.line + (parsed.line ?? 0) };
  const found = types.validatorFor(example.odataType);
  if (!found.validator) return { example: ref, status: 'noType', reason: found.reason, repairs: parsed.repairs };
  const lines = lineIndex(parsed.text);
  const place = (path: string) => example.line + (lineOf(lines, path) ?? 0);
  // Checked as one object, a collection envelope would pass whatever its items hold: all
  // properties are optional and `value` is not one of them.
  const undeclaredCollection = !example.isCollection && isCollectionEnvelope(parsed.value) && !types.declares(found.fullName, 'value');
  const targets = example.isCollection || undeclaredCollection ? collectionItems(parsed.value) : [{ path: '$', value: parsed.value }];
  const failures: Failure[] = [];
  if (!targets) {
    failures.push(notACollection(parsed.value, place('$.value')));
  } else {
    for (const target of targets) failures.push(...failuresOf(found.validator(target.value, options), target.path, parsed.value, place, types));
  }
  return {
    example: ref,
    status: failures.length ? 'failed' : 'passed',
    typeName: found.fullName,
    repairs: parsed.repairs,
    items: targets?.length ?? 0,
    failures,
    ...(undeclaredCollection ? { undeclaredCollection: true as const } : {}),
  };
}

/** A validator's issues about the value at `targetPath` of `body`, placed in the page and hinted. */
export function failuresOf(issues: ValidationIssue[], targetPath: string, body: unknown, place: (path: string) => number, types: GeneratedTypes): Failure[] {
  return issues.map((issue) => {
    const failure = placed(rebase(issue, targetPath), place);
    const hint = hintFor(failure.expected, valueAt(body, failure.path), (name) => types.enumMembers(name));
    return hint ? { ...failure, hint } : failure;
  });
}

/** `{ "@odata.context": ..., "value": [...] }`: a `value` array and nothing else but annotations. */
function isCollectionEnvelope(body: unknown): boolean {
  return isObject(body) && Array.isArray(body.value) && Object.keys(body).every((key) => key === 'value' || key.includes('@'));
}

/** The items of a collection body: `{ "value": [...] }`, or a bare array; undefined for anything else. */
export function collectionItems(body: unknown): { path: string; value: unknown }[] | undefined {
  const container = Array.isArray(body) ? { path: '$', items: body }
    : isObject(body) && Array.isArray(body.value) ? { path: '$.value', items: body.value as unknown[] }
      : undefined;
  return container?.items.map((value, index) => ({ path: childPath(container.path, index), value }));
}

/** The annotation says `isCollection` and the body is a single object: the page contradicts itself. */
function notACollection(body: unknown, line: number): Failure {
  const value = isObject(body) ? body.value : body;
  const found = value === undefined ? 'no value property' : value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  const expected = 'array of items (the annotation says isCollection)';
  return { path: '$.value', line, expected, found, message: `$.value: expected ${expected}, got ${found}` };
}

/** An issue about one collection item, with its path from the body's root. */
function rebase(issue: ValidationIssue, itemPath: string): ValidationIssue {
  if (itemPath === '$') return issue;
  const path = itemPath + issue.path.slice(1);
  const message = issue.message.startsWith(issue.path) ? path + issue.message.slice(issue.path.length) : issue.message;
  return { ...issue, path, message };
}

function placed(issue: ValidationIssue, place: (path: string) => number): Failure {
  return { path: issue.path, line: place(issue.path), expected: issue.expected, found: issue.found, message: issue.message };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
