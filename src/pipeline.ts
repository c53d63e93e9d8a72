import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildModel } from './model/build.js';
import type { Diagnostic, Model } from './model/types.js';
import { emitModel, type SourceFile } from './emit/files.js';
import type { EnumStyle } from './emit/declarations.js';
import { toJavaScript } from './emit/javascript.js';
import { readPage } from './read/page.js';
import type { PageResult } from './read/types.js';
import { findVersions, listPages, type VersionInput } from './read/discover.js';

export interface GenerateOptions {
  enumStyle: EnumStyle;
  headerTemplate?: string;
  /** Emit type guards and their runtime module. Default true. */
  guards?: boolean;
}

export interface VersionOutput {
  apiVersion: string;
  model: Model;
  sources: SourceFile[];
  /** The package files: JavaScript and declarations, paths relative to the version folder. */
  files: SourceFile[];
  diagnostics: Diagnostic[];
  pages: number;
}

const TEMPLATE_DIR = new URL('../../templates/', import.meta.url);

export async function defaultHeaderTemplate(): Promise<string> {
  return readFile(fileURLToPath(new URL('header.txt', TEMPLATE_DIR)), 'utf8');
}

export async function readPages(input: VersionInput): Promise<PageResult[]> {
  const files = await listPages(input.dir);
  const results: PageResult[] = [];
  for (const file of files) {
    const text = await readFile(file.absolute, 'utf8');
    results.push(readPage(file.relative, text));
  }
  return results;
}

export async function generateVersion(input: VersionInput, options: GenerateOptions): Promise<VersionOutput> {
  const pages = await readPages(input);
  const { model, diagnostics } = buildModel(input.apiVersion, pages);
  const headerTemplate = options.headerTemplate ?? (await defaultHeaderTemplate());
  const { files: sources } = emitModel(model, { enumStyle: options.enumStyle, headerTemplate, guards: options.guards ?? true });
  return { apiVersion: input.apiVersion, model, sources, files: toJavaScript(sources), diagnostics, pages: pages.length };
}

export interface DocsOutput {
  versions: { input: VersionInput; output: VersionOutput }[];
  /** Every file of the output tree, paths relative to the output folder. */
  files: SourceFile[];
}

/** Generates every API version found under a docs folder into one output tree. */
export async function generateDocs(docsDir: string, fallbackVersion: string, options: GenerateOptions): Promise<DocsOutput> {
  const inputs = await findVersions(docsDir, fallbackVersion);
  const versions: DocsOutput['versions'] = [];
  for (const input of inputs) versions.push({ input, output: await generateVersion(input, options) });
  const files = versions.flatMap(({ input, output }) =>
    output.files.map((file) => ({ path: path.posix.join(input.outSubdir, file.path), content: file.content })));
  return { versions, files };
}
