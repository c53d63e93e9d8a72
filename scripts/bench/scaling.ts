/**
 * How parsing scales across threads on this machine, run as its own process: the reader over one
 * half of the pages in a worker thread alone, then over both halves in two worker threads at
 * once, in turns. If the machine's cores parsed independently, each half would take as long at
 * once as alone. Prints one JSON object of medians in seconds.
 *
 * Usage: node dist/scripts/bench/scaling.js DOCS_DIR RUNS
 */
import { Worker } from 'node:worker_threads';
import { listPages } from '../../src/read/discover.js';

const [docs, runsText] = process.argv.slice(2);
const READER = new URL('../../src/parallel/readPageText.js', import.meta.url).href;

/** A worker that reads the given pages with the generator's reader and posts its seconds. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
import(workerData.reader).then(({ readPageAsJson }) => {
  const texts = workerData.files.map((file) => [file, readFileSync(file, 'utf8')]);
  const started = performance.now();
  for (const [file, text] of texts) readPageAsJson(file, text);
  parentPort.postMessage((performance.now() - started) / 1000);
});`;

const files = (await listPages(docs)).map((page) => page.absolute);
const halves = [files.filter((_, index) => index % 2 === 0), files.filter((_, index) => index % 2 === 1)];

function readIn(halfFiles: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    new Worker(WORKER, { eval: true, workerData: { reader: READER, files: halfFiles } }).on('message', resolve).on('error', reject);
  });
}

const alone: number[] = [];
const together: number[] = [];
for (let run = 0; run < Number(runsText); run++) {
  alone.push(await readIn(halves[0]));
  together.push(...await Promise.all(halves.map(readIn)));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
process.stdout.write(JSON.stringify({ alone: median(alone), together: median(together) }));
