/**
 * Makes page text safe inside a `/** … *\/` comment: nothing in it can close the comment,
 * start a tag at a line start, or break a line where JavaScript would.
 */
export function commentText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\u2028\u2029\u0085]/g, ' ')
    .replace(/\*\//g, '*\\/')
    .replace(/\/\*/g, '/\\*')
    .replace(/(^|\n)\s*@/g, '$1\\@')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

export interface DocTags {
  readOnly?: boolean;
  maxLength?: number;
  source?: string;
  deprecated?: string;
}

/** The JSDoc text for a declaration: its description, then the tags that apply. */
export function docText(description: string, tags: DocTags): string | undefined {
  const lines: string[] = [];
  const text = commentText(description);
  if (text) lines.push(text);
  const statesLimit = tags.maxLength !== undefined && new RegExp(`\\b${tags.maxLength}\\b`).test(text);
  if (tags.maxLength !== undefined && !statesLimit) lines.push(`Maximum length: ${tags.maxLength} characters.`);
  if (tags.readOnly) lines.push('@readonly');
  if (tags.source) lines.push(`@see ${commentText(tags.source)}`);
  return lines.length > 0 ? lines.join('\n') : undefined;
}
