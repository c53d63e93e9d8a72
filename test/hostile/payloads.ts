/**
 * The hostile strings of the issue "Hostile input never breaks the output", shared by the
 * fixture tests and the fuzzer.
 */

/** Text that would end, open or escape a comment, a string or a line if copied into code. */
export const HOSTILE_TEXT = [
  '*/',
  '/*',
  '<script>alert(1)</script>',
  '`',
  '``',
  '${process.exit(1)}',
  '`${globalThis.pwned}`',
  '\u2028',
  '\u2029',
  '*/ export const pwned = 1; /*',
  '"; export const pwned = 1; "',
  "'; export const pwned = 1; '",
  '\\',
  '\r',
  '\0',
  '\uFEFF',
] as const;

/** Property names that are reserved words, not identifiers, or keys of Object.prototype. */
export const HOSTILE_PROPERTY_NAMES = [
  'default', 'class', 'delete', '@odata.type', 'x-ms-id', 'a.b', 'with space', '123abc', '',
  '__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf',
] as const;

/** Type names that shadow TypeScript or JavaScript globals, or clash after PascalCasing. */
export const HOSTILE_TYPE_NAMES = [
  'Date', 'Object', 'Array', 'Error', 'Promise', 'Function', 'Record', 'Map', 'fooBar', 'FooBar',
] as const;

/** Markdown and annotation syntax that changes how the rest of a page reads. */
export const HOSTILE_SYNTAX = ['|', '\\|', '---', '<!--', '-->', '```', '"', '{', '}', '> ', '- ', '#'] as const;

/**
 * What must never appear in code (outside comments and string literals) in the output: a `*∕`
 * there means page text closed a comment early; the others are page text running as code.
 * Names taken from pages may become identifiers (`Default`, `XMsId`), so the needles are the
 * parts of the hostile text that no name can turn into.
 */
export const CODE_NEEDLES = [
  '*/', '<script', '${process', '${globalThis', '`${', '\u2028', '\u2029', 'export const pwned',
] as const;
