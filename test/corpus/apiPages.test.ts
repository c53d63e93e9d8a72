/**
 * The api pages of the real docs, each read once by the reader (no model, no emit): the figures
 * of issue 11 as floors, printed as they are measured. Graph hosts only count for example URLs:
 * an upload or download URL Graph hands out is another service's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isGraphUrl } from '../../src/read/httpRequest.js';
import { readPage } from '../../src/read/readPage.js';
import type { PageResult } from '../../src/read/types.js';
import { CORPUS } from '../helpers/cli.js';
import { corpusTest } from '../helpers/corpus.js';

const corpus = suite('corpus: api pages');
const CURRENT_SAMPLE = path.resolve(CORPUS, '../graph-docs-current-sample');
const HTTP_REQUEST_HEADING = /^#{2,3}[ \t]*HTTP requests?[ \t]*$/im;

/** Floors under the figures measured on 2021-07 (the targets where they are met; see the README for the rest). */
const FLOORS = { requestLines: 0.99, examplesMatched: 0.965, responsesAgree: 0.95, permissionsRead: 0.98 };

interface Figures {
  withRequestSection: number; yieldingLines: number;
  examples: number; examplesMatched: number;
  bothTypes: number; agreeing: number;
  withPermissionsSection: number; permissionsRead: number;
}

function figuresOf(results: { text: string; result: PageResult }[]): Figures {
  const figures: Figures = { withRequestSection: 0, yieldingLines: 0, examples: 0, examplesMatched: 0, bothTypes: 0, agreeing: 0, withPermissionsSection: 0, permissionsRead: 0 };
  for (const { text, result } of results) {
    const api = result.api;
    if (!api) continue;
    const rules = new Map<string, number[]>();
    for (const diagnostic of result.diagnostics) rules.set(diagnostic.ruleId, [...(rules.get(diagnostic.ruleId) ?? []), diagnostic.line]);
    if (HTTP_REQUEST_HEADING.test(text)) {
      figures.withRequestSection++;
      if (api.requestLines.length > 0) figures.yieldingLines++;
    }
    if (api.requestLines.length > 0) {
      const examples = api.exampleRequests.filter((example) => isGraphUrl(example.url));
      figures.examples += examples.length;
      figures.examplesMatched += examples.filter((example) => !rules.get('example-url-unmatched')?.includes(example.place.line)).length;
    }
    if (api.response?.type && api.exampleResponses.some((example) => example.type && (example.status ?? 200) < 300)) {
      figures.bothTypes++;
      if (!rules.has('response-type-mismatch')) figures.agreeing++;
    }
    if (api.hasPermissionsSection) {
      figures.withPermissionsSection++;
      if (api.permissions.length > 0 || api.permissionIncludes.length > 0) figures.permissionsRead++;
    }
  }
  return figures;
}

const share = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
const percent = (part: number, whole: number) => `${part}/${whole} (${(100 * share(part, whole)).toFixed(1)}%)`;

function readFolder(dir: string, relativeTo: string): { text: string; result: PageResult }[] {
  return readdirSync(dir).filter((name) => name.endsWith('.md')).sort().map((name) => {
    const text = readFileSync(path.join(dir, name), 'utf8');
    return { text, result: readPage(path.relative(relativeTo, path.join(dir, name)).split(path.sep).join('/'), text) };
  });
}

for (const apiVersion of ['v1.0', 'beta']) {
  corpusTest(corpus, `${apiVersion}: request lines, example URLs, response types and permissions are read`, () => {
    const versionDir = path.join(CORPUS, apiVersion);
    const figures = figuresOf(readFolder(path.join(versionDir, 'api'), versionDir));
    console.log(`${apiVersion} api pages: request lines ${percent(figures.yieldingLines, figures.withRequestSection)}, `
      + `example URLs matched ${percent(figures.examplesMatched, figures.examples)}, `
      + `response types agree ${percent(figures.agreeing, figures.bothTypes)}, `
      + `permissions read ${percent(figures.permissionsRead, figures.withPermissionsSection)}`);
    assert.ok(share(figures.yieldingLines, figures.withRequestSection) >= FLOORS.requestLines, 'request lines');
    assert.ok(share(figures.examplesMatched, figures.examples) >= FLOORS.examplesMatched, 'example URLs');
    assert.ok(share(figures.agreeing, figures.bothTypes) >= FLOORS.responsesAgree, 'response types');
    assert.ok(share(figures.permissionsRead, figures.withPermissionsSection) >= FLOORS.permissionsRead, 'permissions');
  });
}

corpusTest(corpus, 'current-era sample: every page records its include, and every include present is read', () => {
  let pages = 0;
  let present = 0;
  const missing: string[] = [];
  for (const apiVersion of ['v1.0', 'beta']) {
    const versionDir = path.join(CURRENT_SAMPLE, apiVersion);
    const includes = new Map(readFolder(path.join(versionDir, 'includes/permissions'), versionDir).map(({ result }) => [result.file, result]));
    for (const { result } of readFolder(path.join(versionDir, 'api'), versionDir)) {
      pages++;
      const targets = result.api?.permissionIncludes ?? [];
      assert.ok(targets.length > 0, `${result.file}: no permissions include recorded`);
      for (const { target } of targets) {
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(result.file), target));
        const include = includes.get(resolved);
        if (!include) {
          missing.push(path.posix.basename(resolved));
          continue;
        }
        present++;
        assert.is(include.docType, 'include', resolved);
        const tables = include.permissionTables ?? [];
        assert.ok(tables.length > 0 && tables.every((table) => [table.delegatedWork, table.delegatedPersonal, table.application].some((names) => names === null || names.length > 0)),
          `${resolved}: no permissions read`);
      }
    }
  }
  console.log(`current-era sample: ${pages} pages, ${present} includes read, missing: ${missing.join(', ')}`);
  assert.equal(missing.sort(), ['message-delete-permissions.md', 'message-send-permissions.md', 'user-get-permissions.md', 'user-sendmail-permissions.md']);
});

corpus.run();
