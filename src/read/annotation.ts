/** The HTML-comment annotation that precedes a JSON block in the Graph docs. */
export interface Annotation {
  blockType?: string;
  odataType?: string;
  baseType?: string;
  abstract: boolean;
  openType: boolean;
  mediaEntity: boolean;
  keyProperty?: string;
  optionalProperties: string[];
  isCollection: boolean;
  truncated: boolean;
  /** False when the comment was not valid JSON and the fields were recovered one by one. */
  validJson: boolean;
}

const COMMENT = /^<!--([\s\S]*?)-->\s*$/;

/** Returns undefined for comments that are not JSON-ish annotations (uuids, page notes). */
export function parseAnnotation(html: string): Annotation | undefined {
  const inner = COMMENT.exec(html.trim())?.[1]?.trim();
  if (!inner || !inner.startsWith('{') || !/"(blockType|@odata\.type|@type)"/.test(inner)) return undefined;
  let data: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(inner);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
  } catch {
    data = undefined;
  }
  return data ? fromObject(data) : fromText(inner);
}

/** How to read one field, from parsed JSON or, when the comment is not JSON, from its text. */
interface FieldReader {
  text(key: string): string | undefined;
  flag(key: string): boolean;
  list(key: string): string[];
  validJson: boolean;
}

function fromObject(data: Record<string, unknown>): Annotation {
  return annotationFrom({
    text: (key) => (typeof data[key] === 'string' ? (data[key] as string).trim() : undefined),
    flag: (key) => data[key] === true || data[key] === 'true',
    list: (key) => (Array.isArray(data[key]) ? (data[key] as unknown[]).filter((item): item is string => typeof item === 'string') : []),
    validJson: true,
  });
}

function fromText(inner: string): Annotation {
  return annotationFrom({
    text: (key) => new RegExp(`"${key.replace('.', '\\.')}"\\s*:\\s*"([^"]*)"`).exec(inner)?.[1]?.trim(),
    flag: (key) => new RegExp(`"${key}"\\s*:\\s*"?true`).test(inner),
    list: (key) => [...(new RegExp(`"${key}"\\s*:\\s*\\[([^\\]]*)\\]`).exec(inner)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((match) => match[1]),
    validJson: false,
  });
}

function annotationFrom(read: FieldReader): Annotation {
  return {
    blockType: read.text('blockType'),
    odataType: stripHash(read.text('@odata.type') ?? read.text('@type')),
    baseType: stripHash(read.text('baseType')),
    abstract: read.flag('abstract'),
    openType: read.flag('openType'),
    mediaEntity: read.flag('isMediaEntity'),
    keyProperty: read.text('keyProperty'),
    optionalProperties: read.list('optionalProperties'),
    isCollection: read.flag('isCollection'),
    truncated: read.flag('truncated'),
    validJson: read.validJson,
  };
}

function stripHash(value: string | undefined): string | undefined {
  const stripped = value?.replace(/^#/, '').trim();
  return stripped || undefined;
}
