/**
 * Bench item 1, run as its own process: the bare markdown parse the generator is measured
 * against. Every page of the folder through unified + remark-parse + remark-gfm, one thread,
 * nothing else: no front matter split, no reading of the tree, no cache.
 *
 * Usage: node dist/scripts/bench/baseline.js DOCS_DIR
 */
import { readFileSync } from 'node:fs';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { listPages } from '../../src/read/discover.js';

const processor = unified().use(remarkParse).use(remarkGfm);
for (const page of await listPages(process.argv[2])) processor.parse(readFileSync(page.absolute, 'utf8'));
