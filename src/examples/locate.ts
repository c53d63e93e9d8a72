/**
 * Finds the line a JSON path points at in the text of a body, so a failure can name the line of
 * the offending value rather than only the example's. JSON.parse keeps no positions, hence this
 * small second reader; it only ever sees text JSON.parse has already accepted.
 */

export type PathSegment = string | number;

/** JSON path (`$.a.b[2]["odd name"]`, the guards' format) → 0-based line in `text`, for every value. */
export function lineIndex(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const reader = new PositionReader(text);
  reader.value('$', lines);
  return lines;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The guards' path text for a child: `.name`, `["odd name"]` or `[3]`. */
export function childPath(parent: string, segment: PathSegment): string {
  if (typeof segment === 'number') return `${parent}[${segment}]`;
  return IDENTIFIER.test(segment) ? `${parent}.${segment}` : `${parent}[${JSON.stringify(segment)}]`;
}

/** The value a guards' path points at in a parsed body; undefined when it is not there. */
export function valueAt(root: unknown, path: string): unknown {
  let value = root;
  for (const [, name, quoted, index] of path.slice(1).matchAll(/\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*")\]|\[(\d+)\]/g)) {
    if (typeof value !== 'object' || value === null) return undefined;
    const key = name ?? (quoted !== undefined ? (JSON.parse(quoted) as string) : Number(index));
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/**
 * The line of the deepest value the path reaches: an issue about a missing or misnamed property
 * still points into the object that should hold it.
 */
export function lineOf(index: Map<string, number>, path: string): number | undefined {
  for (let prefix = path; prefix; prefix = parentPath(prefix)) {
    const line = index.get(prefix);
    if (line !== undefined) return line;
  }
  return undefined;
}

function parentPath(path: string): string {
  if (path === '$') return '';
  if (path.endsWith(']')) {
    // `["a]b"]` holds a bracket inside the quotes: find the `[` that opens the last segment.
    const quoted = /\["(?:[^"\\]|\\.)*"\]$/.exec(path) ?? /\[\d+\]$/.exec(path);
    if (quoted) return path.slice(0, quoted.index);
  }
  const dot = path.lastIndexOf('.');
  return dot > 0 ? path.slice(0, dot) : '$';
}

class PositionReader {
  private offset = 0;
  private line = 0;

  constructor(private readonly text: string) {}

  value(path: string, lines: Map<string, number>): void {
    this.skipSpace();
    lines.set(path, this.line);
    const char = this.text[this.offset];
    if (char === '{') this.object(path, lines);
    else if (char === '[') this.array(path, lines);
    else if (char === '"') this.string();
    else this.scalar();
  }

  private object(path: string, lines: Map<string, number>): void {
    this.offset++;
    for (;;) {
      this.skipSpace();
      if (this.text[this.offset] === '}' || this.offset >= this.text.length) break;
      const key = JSON.parse(this.string()) as string;
      this.skipSpace();
      this.offset++; // ':'
      this.value(childPath(path, key), lines);
      this.skipSpace();
      if (this.text[this.offset] === ',') this.offset++;
    }
    this.offset++;
  }

  private array(path: string, lines: Map<string, number>): void {
    this.offset++;
    for (let index = 0; ; index++) {
      this.skipSpace();
      if (this.text[this.offset] === ']' || this.offset >= this.text.length) break;
      this.value(childPath(path, index), lines);
      this.skipSpace();
      if (this.text[this.offset] === ',') this.offset++;
    }
    this.offset++;
  }

  /** Returns the string's source text, quotes included. */
  private string(): string {
    const start = this.offset;
    this.offset++;
    while (this.offset < this.text.length && this.text[this.offset] !== '"') this.offset += this.text[this.offset] === '\\' ? 2 : 1;
    this.offset++;
    return this.text.slice(start, this.offset);
  }

  private scalar(): void {
    while (this.offset < this.text.length && !/[\s,\]}]/.test(this.text[this.offset])) this.offset++;
  }

  private skipSpace(): void {
    while (this.offset < this.text.length && /\s/.test(this.text[this.offset])) {
      if (this.text[this.offset] === '\n') this.line++;
      this.offset++;
    }
  }
}
