/**
 * The templates a user may change without touching src/: the file header, the JSDoc layout and
 * the runtime module of the guards. `{{name}}` is a slot; each template has its own variables.
 */
export interface Template {
  /** How errors name it: its path. */
  name: string;
  text: string;
}

export interface Templates {
  header: Template;
  jsdoc: Template;
  runtime: Template;
}

export const TEMPLATE_VARIABLES = {
  header: ['apiVersion', 'module'],
  jsdoc: ['description', 'combinedExample', 'maxLength', 'readOnly', 'source', 'link'],
  runtime: ['checkFormats'],
} as const satisfies Record<keyof Templates, readonly string[]>;

export class TemplateError extends Error {
  override name = 'TemplateError';
}

const SLOT = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Fills every slot; a slot the template's variables do not have is an error naming both. */
export function renderTemplate(template: Template, variables: Record<string, string>): string {
  return template.text.replace(SLOT, (_, name: string) => valueOf(template, variables, name));
}

/**
 * Renders a line-oriented template: a line whose slots are all empty is dropped, so a JSDoc
 * without a description or a source has no blank line for it.
 */
export function renderLines(template: Template, variables: Record<string, string>): string[] {
  const lines: string[] = [];
  for (const line of template.text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n')) {
    const slots = [...line.matchAll(SLOT)].map((match) => valueOf(template, variables, match[1]));
    if (slots.length > 0 && slots.every((value) => value === '')) continue;
    lines.push(line.replace(SLOT, (_, name: string) => valueOf(template, variables, name)));
  }
  return lines;
}

/** Fails early, naming the template and the variable, before any output is produced. */
export function checkTemplate(template: Template, known: readonly string[]): void {
  for (const match of template.text.matchAll(SLOT)) {
    if (!known.includes(match[1])) throw unknownVariable(template, match[1], known);
  }
}

function valueOf(template: Template, variables: Record<string, string>, name: string): string {
  if (!Object.hasOwn(variables, name)) throw unknownVariable(template, name, Object.keys(variables));
  return variables[name];
}

function unknownVariable(template: Template, name: string, known: readonly string[]): TemplateError {
  return new TemplateError(`Template ${template.name} uses unknown variable '${name}' (its variables: ${known.join(', ')})`);
}
