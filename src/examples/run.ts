import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EnumStyle } from '../emit/declarations.js';
import { generateVersion, type ReadOptions } from '../pipeline.js';
import { listPages } from '../read/discover.js';
import { extractExamples, type Example, type RequestExample, type SkippedBlock } from './extract.js';
import { buildReport, type VerificationReport } from './report.js';
import { operationsByPage, verifyRequestBody } from './requestBody.js';
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
 * Verifies the examples of one docs version folder: generates from the whole folder (once, in
 * memory: `resources/` gives the types, `api/` the operations), then checks every typed body on
 * the `api/` pages with the generated validators, and every request body against the request
 * type of the operation its URL calls.
 */
export async function verifyDocsExamples(versionDir: string, options: VerifyOptions): Promise<VerificationReport> {
  const display = options.displayFile ?? ((absolute: string) => path.relative(process.cwd(), absolute).split(path.sep).join('/'));
  const { examples, skipped, requests } = await readApiExamples(versionDir, display);
  const output = await generateVersion({ apiVersion: options.apiVersion, dir: versionDir, outSubdir: '' }, { enumStyle: options.enumStyle, ...options.read });
  const types = await loadGeneratedTypes(output.model, output.files);
  const outcomes = examples.map((example) => verifyExample(example, types, options.validation));
  const byPage = operationsByPage(output.model.operations);
  const requestOutcomes = requests.map(({ page, request }) => verifyRequestBody(request, byPage.get(page) ?? [], types, options.validation));
  return buildReport(options.apiVersion, display(versionDir), outcomes, skipped, requestOutcomes);
}

/** The examples of a version folder's `api/` pages; each request body with its page as the model names it (`api/x.md`). */
export async function readApiExamples(versionDir: string, display: (absolute: string) => string): Promise<{
  examples: Example[]; skipped: SkippedBlock[]; requests: { page: string; request: RequestExample }[];
}> {
  const examples: Example[] = [];
  const skipped: SkippedBlock[] = [];
  const requests: { page: string; request: RequestExample }[] = [];
  for (const page of await listPages(path.join(versionDir, 'api'))) {
    const found = extractExamples(display(page.absolute), await readFile(page.absolute, 'utf8'));
    examples.push(...found.examples);
    skipped.push(...found.skipped);
    const pageName = path.relative(versionDir, page.absolute).split(path.sep).join('/');
    requests.push(...found.requests.map((request) => ({ page: pageName, request })));
  }
  return { examples, skipped, requests };
}
