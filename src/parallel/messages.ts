import type { EmitOptions } from '../emit/files.js';
import type { EmittedType } from '../emit/emittedType.js';

/** One page to read: its path relative to the version folder, and its text. */
export interface PageText {
  file: string;
  text: string;
}

/** Main thread → worker. */
export type WorkerRequest =
  /** A batch of pages to read. */
  | { kind: 'read'; batch: number; pages: PageText[] }
  /** Load the emitter now, while waiting for the model: it is asked for next. */
  | { kind: 'load-emitter' }
  /** Print the types at these positions of the model (given as JSON). */
  | { kind: 'print'; model: string; options: EmitOptions; positions: number[] };

/** Worker → main thread: a batch's results as JSON, in the batch's order; the printed types, in the order asked; or what failed. */
export type WorkerResponse =
  | { kind: 'read'; batch: number; results: string[] }
  | { kind: 'printed'; shares: EmittedType[] }
  | { kind: 'failure'; message: string };
