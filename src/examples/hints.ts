/**
 * What a failing value looks like, for sorting failures by likely origin. The validators answer
 * "does this match the type"; a hint adds "and the value is a docs placeholder", so the report
 * can show how much of the failure count is the docs' writing style rather than a wrong type.
 * Hints never change whether an example passes.
 */

export type Hint =
  /** `"style-value"`, `"String"`, `""`, `{}`, `"@odata.type: microsoft.graph.x"`: the docs did not fill in a value. */
  | 'placeholder value'
  /** `"Text"` where the page lists `text`. */
  | 'enum member in another case'
  /** `"true"`, `"42"`: a literal in quotes. */
  | 'literal in quotes'
  /** `"created,updated"`: several members of an enum the model does not know as flags. */
  | 'enum members joined by commas';

/** The hints that mark a failure as the docs' own (the example, not the type, is wrong). */
export const DOCS_HINTS: readonly Hint[] = ['placeholder value', 'enum member in another case', 'literal in quotes'];

const TYPE_NAME = /^(?:edm\.)?(?:string|boolean|bool|byte|int(?:16|32|64)?|integer|long|double|single|float|decimal|number|datetime(?:offset)?|date|timeofday|time|duration|guid|binary|timestamp)(?:\s*\(.*\))?$/i;
/** `style-value`, `Activity Result value`, `averageScore.value`, `<value>`. */
const VALUE_PLACEHOLDER = /(?:^|[-_. ])value$|^<.*>$/i;
const QUOTED_LITERAL = /^(?:true|false|null|-?\d+(?:\.\d+)?)$/i;

export function hintFor(expected: string, value: unknown, enumMembers: (name: string) => readonly string[] | undefined): Hint | undefined {
  if (isPlaceholder(value)) return 'placeholder value';
  if (typeof value !== 'string') return undefined;
  const enumName = /^(.+) member(?: or null)?$/.exec(expected)?.[1];
  const members = enumName ? enumMembers(enumName) : undefined;
  if (members) {
    const lower = value.toLowerCase();
    if (members.some((member) => member.toLowerCase() === lower)) return 'enum member in another case';
    const parts = value.split(',').map((part) => part.trim());
    if (parts.length > 1 && parts.every((part) => members.includes(part))) return 'enum members joined by commas';
  }
  if (!expected.startsWith('string') && QUOTED_LITERAL.test(value)) return 'literal in quotes';
  return undefined;
}

function isPlaceholder(value: unknown): boolean {
  if (typeof value === 'string') {
    const text = value.trim();
    return text === '' || TYPE_NAME.test(text) || VALUE_PLACEHOLDER.test(text) || text.startsWith('@odata.type:');
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}
