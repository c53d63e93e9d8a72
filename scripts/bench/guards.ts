import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import { extractExamples } from '../../src/examples/extract.js';
import { parseBody } from '../../src/examples/repair.js';
import type { Model } from '../../src/model/types.js';
import { listPages } from '../../src/read/discover.js';
import { jsonSchemaFor } from '../../src/emit/jsonSchema.js';

const USER = 'microsoft.graph.user';

export interface GuardCheck {
  name: string;
  check: (value: unknown) => unknown;
}

/** Each guard beside the ajv validator doing the same kind of check: a yes or no, and every issue. */
export interface GuardPairs {
  examples: unknown[];
  pairs: { guard: GuardCheck; ajv: GuardCheck }[];
  /** How many examples each side accepts: the two should mostly agree, or the comparison means little. */
  accepted: Record<string, number>;
}

/**
 * The user guards of a generated package and ajv validators compiled from a JSON Schema of the
 * same type, with the real user examples of the docs' api pages (every request and response body
 * annotated as a user; collections give each element). Undefined when the package has no
 * `isUser`/`validateUser` (guards not generated).
 */
export async function userGuardPairs(packageDir: string, model: Model, apiDir: string): Promise<GuardPairs | undefined> {
  const generated = await import(pathToFileURL(path.join(packageDir, 'guards.js')).href) as Record<string, unknown>;
  const { isUser, validateUser } = generated;
  if (typeof isUser !== 'function' || typeof validateUser !== 'function') return undefined;
  const examples = await userExamples(apiDir);
  const schema = jsonSchemaFor(model, USER);
  const ajvFirst = new Ajv({ strict: false, allErrors: false }).compile(schema);
  const ajvAll = new Ajv({ strict: false, allErrors: true }).compile(schema);
  const pairs = [
    { guard: { name: 'isUser', check: isUser as GuardCheck['check'] }, ajv: { name: 'ajv', check: (value: unknown) => ajvFirst(value) } },
    {
      guard: { name: 'validateUser', check: (value: unknown) => (validateUser as (value: unknown) => unknown[])(value).length === 0 },
      ajv: { name: 'ajv allErrors', check: (value: unknown) => ajvAll(value) },
    },
  ];
  const accepted = Object.fromEntries(pairs.flatMap(({ guard, ajv }) => [guard, ajv])
    .map(({ name, check }) => [name, examples.filter((example) => check(example) === true).length]));
  return { examples, pairs, accepted };
}

/** Seconds for `calls` calls of `check`, cycling through the examples. */
export function timeCalls({ check }: GuardCheck, examples: unknown[], calls: number): number {
  let accepted = 0;
  const started = performance.now();
  for (let call = 0; call < calls; call++) if (check(examples[call % examples.length]) === true) accepted++;
  const seconds = (performance.now() - started) / 1000;
  // Using the count keeps the calls from being optimised away.
  if (accepted < 0) throw new Error('unreachable');
  return seconds;
}

async function userExamples(apiDir: string): Promise<unknown[]> {
  const values: unknown[] = [];
  for (const page of await listPages(apiDir)) {
    const text = readFileSync(page.absolute, 'utf8');
    if (!text.includes(USER)) continue;
    for (const example of extractExamples(page.relative, text).examples) {
      if (example.odataType !== USER) continue;
      const body = parseBody(example.body, { truncated: example.truncated });
      if (body.kind !== 'json') continue;
      values.push(...(example.isCollection ? itemsOf(body.value) : [body.value]));
    }
  }
  return values.filter((value) => typeof value === 'object' && value !== null && !Array.isArray(value));
}

function itemsOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  const items = (value as { value?: unknown } | null)?.value;
  return Array.isArray(items) ? items : [];
}
