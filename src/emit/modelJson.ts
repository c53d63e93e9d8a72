import type { Model } from '../model/types.js';
import { GENERATED_MARKER } from './header.js';

/** Each version's model as the package keeps it: what the next run's `--changelog` and `check` compare with. */
export const MODEL_FILE = 'model.json';

/** The model (`--emit-model`'s shape for one version) after a `$comment` that marks the file as generated. */
export function modelDocument(model: Model): string {
  return `${JSON.stringify({ $comment: `${GENERATED_MARKER}: the Microsoft Graph ${model.apiVersion} model this folder was generated from`, ...model }, null, 2)}\n`;
}
