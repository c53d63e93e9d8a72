import { readApiPage } from './apiPage.js';
import { splitFrontMatter } from './frontMatter.js';
import { readIncludePage } from './includePage.js';
import { readResourcePage } from './page.js';
import type { Diagnostic } from '../model/types.js';
import type { PageResult } from './types.js';

const INCLUDES_FOLDER = /(?:^|\/)includes\//i;
const API_DOC_TYPE = /^apiPageType$/i;
/** A few pages labelled api pages define a resource: they are read as both, so neither their type nor their operations are lost. */
const RESOURCE_ANNOTATION = /"blockType"\s*:\s*"resource"/;

/** Reads one page with the reader for its kind: an api page, a file of an `includes/` folder, or a resource (or enum) page. */
export function readPage(file: string, text: string): PageResult {
  if (INCLUDES_FOLDER.test(file)) return readIncludePage(file, text);
  const docType = splitFrontMatter(text.replace(/^\uFEFF/, '')).fields.doc_type;
  if (!docType || !API_DOC_TYPE.test(docType.trim())) return readResourcePage(file, text);
  const apiPage = readApiPage(file, text);
  if (!RESOURCE_ANNOTATION.test(text)) return apiPage;
  const resourcePage = readResourcePage(file, text);
  return { ...resourcePage, docType: 'api', api: apiPage.api, diagnostics: mergeDiagnostics(resourcePage.diagnostics, apiPage.diagnostics) };
}

/** Both readers report what is wrong with the text itself (encoding, nesting): once is enough. */
function mergeDiagnostics(first: Diagnostic[], second: Diagnostic[]): Diagnostic[] {
  const seen = new Set(first.map((diagnostic) => `${diagnostic.ruleId}:${diagnostic.line}:${diagnostic.column}`));
  return [...first, ...second.filter((diagnostic) => !seen.has(`${diagnostic.ruleId}:${diagnostic.line}:${diagnostic.column}`))];
}
