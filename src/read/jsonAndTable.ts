import type { RawObjectType, RawProperty } from './types.js';

/**
 * Properties a page's tables list but its JSON representation leaves out. By convention JSON
 * blocks leave out navigation properties, and the annotation's `optionalProperties` names others
 * they may leave out. (The reverse, a JSON member no table lists, is fine when a base type
 * declares it, so the model checks it: src/model/jsonOnly.ts.)
 */
export function propertiesNotInJson(object: RawObjectType, optionalProperties: string[]): RawProperty[] {
  const optional = new Set(optionalProperties.map((name) => name.toLowerCase()));
  return object.properties.filter((property) =>
    property.inTable && !property.inJson && !property.navigation && !optional.has(property.name.toLowerCase()));
}

/**
 * Whether two lists of enum values hold the same values, in any order. JSON samples leave out
 * the sentinel of evolvable enums by convention, so `unknownFutureValue` counts in neither.
 */
export function sameValues(a: string[], b: string[]): boolean {
  const withoutSentinel = (values: string[]) => new Set(values.filter((value) => value !== 'unknownFutureValue'));
  const [first, second] = [withoutSentinel(a), withoutSentinel(b)];
  return first.size === second.size && [...second].every((value) => first.has(value));
}
