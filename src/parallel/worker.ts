import { parentPort } from 'node:worker_threads';
import type { ReadRequest, ReadResponse } from './messages.js';
import { readPageAsJson } from './readPageText.js';

/** A worker thread of the page pool (workerPool.ts): reads the batches it is sent, one at a time. */
parentPort!.on('message', ({ batch, pages }: ReadRequest) => {
  const results: string[] = [];
  for (const page of pages) {
    try {
      results.push(readPageAsJson(page.file, page.text));
    } catch (error) {
      // The reader never throws on page content, so this is a bug: name the page that shows it.
      const response: ReadResponse = { batch, failure: { file: page.file, message: error instanceof Error ? error.stack ?? error.message : String(error) } };
      parentPort!.postMessage(response);
      return;
    }
  }
  const response: ReadResponse = { batch, results };
  parentPort!.postMessage(response);
});
