import { typeNameAt } from './inheritance.js';

/** Facts the docs state in prose in a property's Description cell. */
export interface DescriptionFacts {
  readOnly: boolean;
  notNullable: boolean;
  maxLength?: number;
  possibleValues?: string[];
  /** Several of the possible values may be given at once, comma-separated: a flags enum. */
  combinable?: boolean;
  inheritedFrom?: string;
}

const READ_ONLY = /\bread[- ]?only\b/i;
const NOT_NULLABLE = /\b(?:not|non)[- ]nullable\b|\bnullable:\s*false\b|\bcannot be null\b/i;
const MAX_LENGTH =
  /\bmax(?:imum)?\.?\s+(?:limit|length|size)\s+(?:is|of)?\s*:?\s*(\d+)|\b(\d+)\s+characters?\s+max(?:imum)?\b|\bup to (\d+) characters\b/i;
const INHERITED = /\binherited from\s+/i;
/** "Possible values are:", "Supported values:", or a colon that opens a backticked list ("The type of event message: `none`, ..."). */
const POSSIBLE_VALUES = /\b(?:possible|supported|allowed|valid)\s+values?\b(?:\s+(?:are|include|is))?\s*:?\s*|:\s*(?=`)/i;
/** Backticked values joined by commas, "or" and "and", each maybe followed by a parenthesis: "`always` (default), `never`". */
const TICKED_LIST = /^(?:\s*,?\s*(?:\b(?:or|and)\b)?\s*`[^`]+`(?:\s*\([^)]*\))?)+/;
/** "Multiple values can be combined using a comma-separated list", "Comma-separated combination of the following values". */
const COMBINABLE = /\bmultiple values can be combined\b|\bcomma[- ]separated combination\b/i;
const HTML_ITEM = /^\s*<\/?(?:li|br|ul)\b/i;
const MEMBER = /^[A-Za-z_]\w*$/;

/** Reads a Description cell as written (markdown, inline HTML included). */
export function readDescription(markdown: string): DescriptionFacts {
  const facts: DescriptionFacts = {
    readOnly: READ_ONLY.test(markdown) && !/\bnot read[- ]only\b/i.test(markdown),
    notNullable: NOT_NULLABLE.test(markdown),
  };
  if (COMBINABLE.test(markdown)) facts.combinable = true;
  const max = MAX_LENGTH.exec(markdown);
  if (max) facts.maxLength = Number(max[1] ?? max[2] ?? max[3]);
  const inherited = inheritedFrom(markdown);
  if (inherited) facts.inheritedFrom = inherited;
  const values = possibleValues(markdown);
  if (values) facts.possibleValues = values;
  return facts;
}

function inheritedFrom(markdown: string): string | undefined {
  const phrase = INHERITED.exec(markdown);
  return phrase ? typeNameAt(markdown.slice(phrase.index + phrase[0].length)) : undefined;
}

/**
 * Reads a `Possible values are: a, b, c.` list, or one written as HTML items
 * (`<li>none</li><li>notifySender -- inform the sender</li>`, `<br>`-separated lines), each
 * item's leading word being the value. Only lists of at least two identifiers count, so prose
 * such as "values are listed below" gives nothing.
 */
function possibleValues(markdown: string): string[] | undefined {
  const phrase = POSSIBLE_VALUES.exec(markdown);
  if (!phrase) return undefined;
  const tail = markdown.slice(phrase.index + phrase[0].length);
  // `null` in a list says the property may be absent; it is not a member.
  const members = (HTML_ITEM.test(tail) ? itemValues(tail) : sentenceValues(tail)).filter((value) => value !== 'null');
  if (members.length < 2 || !members.every((member) => MEMBER.test(member))) return undefined;
  return [...new Set(members)];
}

/**
 * The values of a sentence: the backticked words that open it when there are several (up to the
 * first other text: "`user`, `group` if the source is `external`" gives user and group), else
 * its comma-separated words.
 */
function sentenceValues(tail: string): string[] {
  const sentence = tail.split(/\.(?:\s+(?=[A-Z])|\s*(?:\||$))|<br\s*\/?>|<\/br>/i)[0];
  const ticked = [...(TICKED_LIST.exec(sentence)?.[0] ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1].trim());
  if (ticked.length >= 2) return ticked;
  return sentence
    .replace(/[*_|]/g, '')
    .split(/,|\bor\b|\band\b/)
    .map((word) => word.trim().replace(/^["']|["']$/g, ''))
    .filter(Boolean);
}

/** The leading value of each HTML list item or line, up to the first item that does not start with one. */
function itemValues(tail: string): string[] {
  const items = /<li\b/i.test(tail)
    ? [...tail.matchAll(/<li>([^]*?)(?=<\/?li>|<\/ul>|$)/gi)].map((match) => match[1])
    : tail.split(/<br\s*\/?>|<\/br>/i);
  const values: string[] = [];
  for (const item of items.map((text) => text.trim()).filter(Boolean)) {
    const value = /^[*_`]*([A-Za-z_]\w*)[*_`]*\s*(?:$|[-—–:=(,.])/.exec(item)?.[1];
    if (!value) break;
    values.push(value);
  }
  return values;
}
