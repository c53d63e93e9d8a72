import type { Model } from '../model/types.js';
import { GENERATED_MARKER } from './header.js';

/** Each version's model as the package keeps it: what the next run's `--changelog` and `check` compare with. */
export const MODEL_FILE = 'model.json';

/**
 * The model (`--emit-model`'s shape for one version) after a `$comment` that marks the file as
 * generated; one type or operation per line, so that a changed type is a changed line in a
 * review, at the size of compact JSON (a whole corpus version's model is 13 MB so, 21 MB indented).
 */
export function modelDocument(model: Model): string {
  const list = (items: readonly unknown[]) => (items.length === 0 ? '[]' : `[\n${items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`);
  return [
    '{',
    `  "$comment": ${JSON.stringify(`${GENERATED_MARKER}: the Microsoft Graph ${model.apiVersion} model this folder was generated from`)},`,
    `  "apiVersion": ${JSON.stringify(model.apiVersion)},`,
    `  "types": ${list(model.types)},`,
    `  "operations": ${list(model.operations)}`,
    '}',
    '',
  ].join('\n');
}
