import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { REPO_ROOT } from '../helpers/cli.js';

/*
 * The `@see` links of the generated package: each well-formed, to the published page of its
 * version, and built from a page that is in the docs folder (a sample of ten per version).
 */

const LINK = /@see (https:\/\/learn\.microsoft\.com\/graph\/api\/resources\/[^\s?]+\?view=graph-rest-[^\s]+)/g;
const VIEWS: Record<string, string> = { 'v1.0': 'graph-rest-1.0', beta: 'graph-rest-beta' };

function pagesUnder(dir: string): Set<string> {
  return new Set(readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md')).map((file) => path.basename(file, '.md')));
}

for (const [version, view] of Object.entries(VIEWS)) {
  test(`${version}: every link is well-formed, for ${view}, and a sample of ten names a page of docs/${version}`, () => {
    const folder = path.join(REPO_ROOT, 'generated', version);
    const declarations = readdirSync(folder).filter((file) => file.endsWith('.d.ts')).sort();
    const links = declarations.flatMap((file) => [...readFileSync(path.join(folder, file), 'utf8').matchAll(LINK)].map((match) => match[1]));
    const seeLines = declarations.flatMap((file) => readFileSync(path.join(folder, file), 'utf8').match(/@see https?:\S*/g) ?? []);
    assert.is(links.length, seeLines.length, 'every web link is a resource page link');
    assert.ok(links.length >= 40, `${links.length} links`);
    const pages = new Set<string>();
    for (const link of links) {
      const url = new URL(link);
      assert.is(url.searchParams.get('view'), view, link);
      assert.is(url.href, link, `${link} is already in its normal form`);
      pages.add(decodeURIComponent(url.pathname.slice('/graph/api/resources/'.length)));
    }
    const sorted = [...pages].sort();
    const sample = Array.from({ length: Math.min(10, sorted.length) }, (_, index) => sorted[Math.floor((index * sorted.length) / Math.min(10, sorted.length))]);
    assert.is(sample.length, Math.min(10, sorted.length));
    const known = pagesUnder(path.join(REPO_ROOT, 'docs', version));
    for (const page of sample) assert.ok(known.has(page), `${page}.md is a page of docs/${version}`);
  });
}

test.run();
