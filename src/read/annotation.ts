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

function fromObject(data: Record<string, unknown>): Annotation {
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string).trim() : undefined);
  const flag = (key: string) => data[key] === true || data[key] === 'true';
  const optional = Array.isArray(data.optionalProperties) ? data.optionalProperties : [];
  return {
    blockType: text('blockType'),
    odataType: stripHash(text('@odata.type') ?? text('@type')),
    baseType: stripHash(text('baseType')),
    abstract: flag('abstract'),
    openType: flag('openType'),
    mediaEntity: flag('isMediaEntity'),
    keyProperty: text('keyProperty'),
    optionalProperties: optional.filter((item): item is string => typeof item === 'string'),
    isCollection: flag('isCollection'),
    truncated: flag('truncated'),
    validJson: true,
  };
}

function fromText(inner: string): Annotation {
  const text = (key: string) => new RegExp(`"${key.replace('.', '\\.')}"\\s*:\\s*"([^"]*)"`).exec(inner)?.[1]?.trim();
  const flag = (key: string) => new RegExp(`"${key}"\\s*:\\s*"?true`).test(inner);
  const optional = /"optionalProperties"\s*:\s*\[([^\]]*)\]/.exec(inner)?.[1] ?? '';
  return {
    blockType: text('blockType'),
    odataType: stripHash(text('@odata.type') ?? text('@type')),
    baseType: stripHash(text('baseType')),
    abstract: flag('abstract'),
    openType: flag('openType'),
    mediaEntity: flag('isMediaEntity'),
    keyProperty: text('keyProperty'),
    optionalProperties: [...optional.matchAll(/"([^"]+)"/g)].map((match) => match[1]),
    isCollection: flag('isCollection'),
    truncated: flag('truncated'),
    validJson: false,
  };
}

function stripHash(value: string | undefined): string | undefined {
  const stripped = value?.replace(/^#/, '').trim();
  return stripped || undefined;
}
