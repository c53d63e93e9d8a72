/** Facts the docs state in prose in a property's Description cell. */
export interface DescriptionFacts {
  readOnly: boolean;
  notNullable: boolean;
  maxLength?: number;
  possibleValues?: string[];
  inheritedFrom?: string;
}

const READ_ONLY = /\bread[- ]?only\b/i;
const NOT_NULLABLE = /\b(?:not|non)[- ]nullable\b|\bnullable:\s*false\b|\bcannot be null\b/i;
const MAX_LENGTH =
  /\bmax(?:imum)?\.?\s+(?:limit|length|size)\s+(?:is|of)?\s*:?\s*(\d+)|\b(\d+)\s+characters?\s+max(?:imum)?\b|\bup to (\d+) characters\b/i;
const INHERITED = /\binherited from\s+\[?\s*`?([\w.]+)/i;
const POSSIBLE_VALUES = /\b(?:possible|supported|allowed|valid)\s+values\s+(?:are|include|is)?\s*:?\s*([^]*)$/i;

export function readDescription(text: string): DescriptionFacts {
  const facts: DescriptionFacts = {
    readOnly: READ_ONLY.test(text) && !/\bnot read[- ]only\b/i.test(text),
    notNullable: NOT_NULLABLE.test(text),
  };
  const max = MAX_LENGTH.exec(text);
  if (max) facts.maxLength = Number(max[1] ?? max[2] ?? max[3]);
  const inherited = INHERITED.exec(text)?.[1];
  if (inherited) facts.inheritedFrom = inherited;
  const values = possibleValues(text);
  if (values) facts.possibleValues = values;
  return facts;
}

/**
 * Reads a `Possible values are: a, b, c.` list. Backticked values win; otherwise the
 * comma-separated words up to the end of the sentence, only when every one looks like an
 * enum member (so prose such as "values are listed below" gives nothing).
 */
function possibleValues(text: string): string[] | undefined {
  const tail = POSSIBLE_VALUES.exec(text)?.[1];
  if (!tail) return undefined;
  const sentence = tail.split(/\.(?:\s+(?=[A-Z])|\s*$)/)[0];
  const ticked = [...sentence.matchAll(/`([^`]+)`/g)].map((match) => match[1].trim());
  const words = ticked.length >= 2 ? ticked : sentence.split(/,|\bor\b|\band\b/).map((word) => word.trim()).filter(Boolean);
  const members = words.map((word) => word.replace(/^["']|["']$/g, ''));
  if (members.length < 2 || !members.every((member) => /^[A-Za-z_][\w]*$/.test(member))) return undefined;
  return [...new Set(members)];
}
