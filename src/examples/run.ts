import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EnumStyle } from '../emit/declarations.js';
import { generateVersion, type ReadOptions } from '../pipeline.js';
import { listPages } from '../read/discover.js';
import { extractExamples, type Example, type SkippedBlock } from './extract.js';
import { buildReport, type VerificationReport } from './report.js';
import { loadGeneratedTypes, type ValidationOptions } from './validators.js';
import { verifyExample } from './verify.js';

export interface VerifyOptions {
  apiVersion: string;
  enumStyle: EnumStyle;
  validation?: ValidationOptions;
  /** Threads and cache for reading the resource pages, as for generate. */
  read?: ReadOptions;
  /** How reports name a page, given its absolute path (default: relative to the working folder). */
  displayFile?: (absolute: string) => string;
}

/**
 * Verifies the examples of one docs version folder: generates from `resources/` (once, in
 * memory), then checks every typed body on the `api/` pages with the generated validators.
 */
export async function verifyDocsExamples(versionDir: string, options: VerifyOptions): Promise<VerificationReport> {
  const display = options.displayFile ?? ((absolute: string) => path.relative(process.cwd(), absolute).split(path.sep).join('/'));
  const { examples, skipped } = await readApiExamples(path.join(versionDir, 'api'), display);
  const output = await generateVersion({ apiVersion: options.apiVersion, dir: path.join(versionDir, 'resources'), outSubdir: '' }, { enumStyle: options.enumStyle, ...options.read });
  const types = await loadGeneratedTypes(output.model, output.files);
  const outcomes = examples.map((example) => verifyExample(example, types, options.validation));
  return buildReport(options.apiVersion, display(versionDir), outcomes, skipped);
}

export async function readApiExamples(apiDir: string, display: (absolute: string) => string): Promise<{ examples: Example[]; skipped: SkippedBlock[] }> {
  const examples: Example[] = [];
  const skipped: SkippedBlock[] = [];
  for (const page of await listPages(apiDir)) {
    const found = extractExamples(display(page.absolute), await readFile(page.absolute, 'utf8'));
    examples.push(...found.examples);
    skipped.push(...found.skipped);
  }
  return { examples, skipped };
}
