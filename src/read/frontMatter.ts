export interface FrontMatter {
  fields: Record<string, string>;
  /** The page text with the front matter replaced by blank lines, so line numbers still match. */
  body: string;
  /** Set when a front matter block opens but never closes. */
  unclosed: boolean;
}

const FENCE = /^---[ \t]*$/;

/** Reads the flat `key: value` front matter the Graph docs use; values lose their quotes. */
export function splitFrontMatter(text: string): FrontMatter {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0]?.replace(/\r$/, '') ?? '')) return { fields: {}, body: text, unclosed: false };
  const end = lines.findIndex((line, index) => index > 0 && FENCE.test(line.replace(/\r$/, '')));
  if (end < 0) return { fields: {}, body: text, unclosed: true };
  const fields: Record<string, string> = {};
  for (const line of lines.slice(1, end)) {
    const match = /^([\w.-]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (match) fields[match[1]] = unquote(match[2]);
  }
  const body = '\n'.repeat(end + 1) + lines.slice(end + 1).join('\n');
  return { fields, body, unclosed: false };
}

function unquote(value: string): string {
  const match = /^(["'])(.*)\1$/.exec(value);
  return match ? match[2] : value;
}
