import { renderLines, type Template } from './templates.js';

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
  /** A flags enum's members joined as Graph sends several at once (`mailbox,site`). */
  combinedExample?: string;
  readOnly?: boolean;
  maxLength?: number;
  source?: string;
  /** The published page (see docsLink.ts). */
  link?: string;
}

/** The JSDoc text for a declaration, laid out by the JSDoc template; undefined when it is empty. */
export function docText(template: Template, description: string, tags: DocTags): string | undefined {
  const text = commentText(description);
  const statesLimit = tags.maxLength !== undefined && new RegExp(`\\b${tags.maxLength}\\b`).test(text);
  const lines = renderLines(template, {
    description: text,
    combinedExample: tags.combinedExample ? commentText(tags.combinedExample) : '',
    maxLength: tags.maxLength !== undefined && !statesLimit ? String(tags.maxLength) : '',
    readOnly: tags.readOnly ? '@readonly' : '',
    source: tags.source ? commentText(tags.source) : '',
    link: tags.link ? commentText(tags.link) : '',
  }).map((line) => line.replace(/\*\//g, '*\\/'));
  return lines.length > 0 ? lines.join('\n') : undefined;
}
