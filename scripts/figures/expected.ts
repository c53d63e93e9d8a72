/**
 * The corpus figures the README quotes and the corpus tests assert exactly, kept in one file
 * (`test/expected-figures.json`) so that a change that moves one shows in its diff.
 * `npm run figures -- --update` measures them again and rewrites the file and the README.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Counts, RequestBodyCounts } from '../../src/examples/report.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const FIGURES_FILE = path.join(REPO_ROOT, 'test', 'expected-figures.json');
export const CORPUS = path.resolve(REPO_ROOT, '../shared/corpus/graph-docs-2021-07');
export const CORPUS_VERSIONS = ['v1.0', 'beta'] as const;

/** verify-examples on one version: its counts and, per cause of failure, the examples and failures. */
export interface ExampleFigures {
  counts: Counts;
  /** Request bodies checked against their operation's request type. */
  requestBodies: RequestBodyCounts;
  causes: Record<string, { examples: number; failures: number }>;
}

/** Every figure is keyed by name (version, rule, cause), so a new one is one more key. */
export interface Figures {
  /** The accuracy tool's summary line per version. */
  accuracy: Record<string, string>;
  examples: Record<string, ExampleFigures>;
  /** Errors and warnings (what `lint` prints) per rule, per version. */
  lint: Record<string, Record<string, number>>;
  /**
   * A whole version folder (resources and api pages, as on a docs clone): per version, the
   * operations of its model and the warnings on its api and include pages per rule.
   */
  apiPages: Record<string, { operations: number; lint: Record<string, number> }>;
  /** Resource pages per version, and how many have their Methods section blanked before parsing. */
  methodsSections: Record<string, { pages: number; blanked: number }>;
  /** Tables and fenced code blocks of both versions' resource pages that the reader builds from their lines. */
  reader: { tablesFromLines: number; codeBlocksFromLines: number };
  /** `diff` from the whole v1.0 folder to the whole beta folder: the beta-only view. */
  diff: Record<string, DiffFigures>;
  /** `npm run diff-official`'s last line: diff's property lists against the official typings'. */
  diffOfficial: string;
}

export interface DiffFigures {
  breaking: number;
  nonBreaking: number;
  /** Per change kind that occurs. */
  kinds: Record<string, { breaking: number; nonBreaking: number }>;
}

export function readExpectedFigures(): Figures {
  return JSON.parse(readFileSync(FIGURES_FILE, 'utf8')) as Figures;
}

export function formatFigures(figures: Figures): string {
  return `${JSON.stringify(figures, null, 2)}\n`;
}
