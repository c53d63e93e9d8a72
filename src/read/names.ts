/**
 * Names as pages write them in name cells and annotations, checked before they become keys,
 * identifiers or module names in the output.
 */

/** An OData simple identifier: how Graph names properties, enum members and types. */
export const ODATA_IDENTIFIER = /^[A-Za-z_]\w*$/;

/**
 * A qualified type name: dotted segments, the last an OData identifier. Namespace segments may
 * hold hyphens as well: such a namespace still names one module, and refusing it would drop
 * every type in it.
 */
const TYPE_NAME = /^(?:[A-Za-z_][\w-]*\.)*[A-Za-z_]\w*$/;

export function isTypeName(name: string): boolean {
  return TYPE_NAME.test(name);
}

/** What a name cell holds: a name to use, maybe with a warning, or only a reason to skip the row. */
export type NameCell =
  | { name: string; warning?: string }
  | { name?: undefined; problem: string }
  /** Nothing at all: an empty row, not worth a word. */
  | { name?: undefined; problem?: undefined };

/** Instance annotations (`@odata.type`, `@microsoft.graph.downloadUrl`) that pages list beside properties. */
const INSTANCE_ANNOTATION = /^@[A-Za-z_][\w.]*$/;
/** Not an OData identifier, yet a name a JSON object can carry and TypeScript can quote: `x-ms-id`, `a.b`. */
const QUOTABLE = /^[A-Za-z_][\w.-]*$/;

/**
 * Reads a property name cell as written (markdown): `**id**`, `` `id` ``, `id (deprecated)`,
 * `_id`. The cell is read raw rather than rendered, as rendering takes `__proto__` for bold
 * "proto". A note in parentheses after the name is allowed; any other second word means the
 * cell does not hold one name.
 */
export function readNameCell(markdown: string): NameCell {
  const text = plainCellText(markdown);
  if (!text) return /^[\s*`]*$/.test(markdown) ? {} : { problem: `Name cell ${quoted(markdown.trim())} holds no name` };
  const [, name, rest] = /^([^\s(]*)\s*(.*)$/s.exec(text)!;
  if (!name) return { problem: `Name cell ${quoted(text)} holds no name` };
  if (rest && !rest.startsWith('(')) return { problem: `Name cell ${quoted(text)} holds more than one word: a property name has no spaces` };
  if (ODATA_IDENTIFIER.test(name) || INSTANCE_ANNOTATION.test(name)) return { name };
  if (QUOTABLE.test(name)) return { name, warning: `Property name '${name}' is not an OData identifier (letters, digits and _ only); kept as written` };
  if (/^\d/.test(name)) return { problem: `Property name '${name}' starts with a digit` };
  return { problem: `Name cell ${quoted(text)} is not a property name` };
}

/** Page text in a message: quoted, cut short, control characters escaped. */
export function quoted(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

/** A name cell's text without its formatting: emphasis, code marks, HTML tags, link syntax, escapes. */
function plainCellText(markdown: string): string {
  return markdown
    .replace(/<[^>]*>/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*`]/g, '')
    .replace(/\\(.)/g, '$1')
    .trim();
}
