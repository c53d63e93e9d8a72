import { parentPort } from 'node:worker_threads';
import type { Model } from '../model/types.js';
import type { WorkerRequest, WorkerResponse } from './messages.js';
import { readPageAsJson } from './readPageText.js';

/** A worker thread of the pool (workerPool.ts): reads the batches of pages it is sent, then prints types, one request at a time. */
parentPort!.on('message', async (request: WorkerRequest) => {
  const reply = (response: WorkerResponse): void => parentPort!.postMessage(response);
  switch (request.kind) {
    case 'read': {
      const results: string[] = [];
      for (const page of request.pages) {
        try {
          results.push(readPageAsJson(page.file, page.text));
        } catch (error) {
          // The reader never throws on page content, so this is a bug: name the page that shows it.
          return reply({ kind: 'failure', message: `Reading ${page.file} failed: ${describe(error)}` });
        }
      }
      return reply({ kind: 'read', batch: request.batch, results });
    }
    case 'load-emitter':
      // A failure to load shows when the types are asked for: this request has no reply.
      await import('../emit/files.js').catch(() => undefined);
      return;
    case 'print': {
      try {
        const { printTypes } = await import('../emit/files.js');
        const model = JSON.parse(request.model) as Model;
        return reply({ kind: 'printed', shares: printTypes(model, request.options, request.positions) });
      } catch (error) {
        return reply({ kind: 'failure', message: `Printing types failed: ${describe(error)}` });
      }
    }
  }
});

function describe(error: unknown): string {
  return error instanceof Error ? error.stack ?? error.message : String(error);
}
