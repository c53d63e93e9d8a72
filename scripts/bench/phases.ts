/**
 * Where a cold run's time goes, as its own process: each stage of `generateVersion` without the
 * cache, timed on its own. Prints one JSON object of seconds per stage.
 *
 * Usage: node dist/scripts/bench/phases.js DOCS_DIR API_VERSION
 */
import { loadTemplates } from '../../src/pipeline.js';
import { buildModel } from '../../src/model/build.js';
import { loadPages, readPageBytes } from '../../src/parallel/readPages.js';

const [docs, apiVersion] = process.argv.slice(2);
const seconds: Record<string, number> = {};
let last = performance.now();
const lap = (stage: string): void => {
  const now = performance.now();
  seconds[stage] = (now - last) / 1000;
  last = now;
};

const pages = await loadPages(docs);
lap('read files');
const results = await readPageBytes(pages);
lap('parse pages (worker threads)');
const { model } = buildModel(apiVersion, results);
lap('build model');
const { emitModel } = await import('../../src/emit/files.js');
const templates = await loadTemplates();
lap('load ts-morph');
emitModel(model, { enumStyle: 'const', templates, guards: true, checkFormats: false });
lap('emit .js and .d.ts (ts-morph structures)');
process.stdout.write(JSON.stringify(seconds));
