import type { EnumMember } from '../model/types.js';

/**
 * An enum's text that says it is a flags enum: "Flag enum to determine ...", "Flags representing
 * ...", a member "No flags set.", "Multiple values can be combined". Not "comma-separated" alone:
 * `csv` is "Comma-separated values".
 */
const SAYS_FLAGS = /\bflags?\s+enum\b|\bflags\b|\b(?:values|members)\s+(?:can|may)\s+be\s+combined\b/i;
/** A code span or quoted string of identifiers joined by commas (`` `x86,x64` ``, `"mailbox, site"`). */
const JOINED = /[`"]\s*([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)+)\s*[`"]/g;

/**
 * Whether an enum's own text (its page, or its values section, as markdown) shows it is a flags
 * enum: it says so, or its members' values are distinct powers of two and it shows some of them
 * combined. Powers of two alone are no sign: many plain enums number their members so.
 */
export function showsFlags(markdown: string, members: EnumMember[]): boolean {
  return SAYS_FLAGS.test(markdown) || (areDistinctBits(members) && showsCombination(markdown, members));
}

function areDistinctBits(members: EnumMember[]): boolean {
  const bits = members.map((member) => member.value).filter((value) => value !== 0);
  return bits.length >= 2 && new Set(bits).size === bits.length
    && bits.every((value) => value !== undefined && value > 0 && Number.isInteger(Math.log2(value)));
}

/** Two or more distinct members joined by commas in one value. */
function showsCombination(markdown: string, members: EnumMember[]): boolean {
  const names = new Set(members.map((member) => member.name));
  for (const [, joined] of markdown.matchAll(JOINED)) {
    const parts = joined.split(',').map((part) => part.trim());
    if (parts.every((part) => names.has(part)) && new Set(parts).size === parts.length) return true;
  }
  return false;
}
