import { Worker } from 'node:worker_threads';
import type { PageText, ReadRequest, ReadResponse } from './messages.js';

const WORKER_SCRIPT = new URL('./worker.js', import.meta.url);
/** A message carries pages up to about this many characters: few messages, yet a fair split at the end. */
const BATCH_CHARACTERS = 128 * 1024;
/** Batches a worker holds at once, so it never waits for the main thread between two. */
const BATCHES_IN_FLIGHT = 2;

interface Batch {
  /** Positions in the caller's list of the batch's pages, in the batch's order. */
  indices: number[];
  pages: PageText[];
}

/**
 * Reads pages on worker threads. Each result (JSON) goes to `onResult` with the page's position
 * in `pages` as it arrives, so the caller places it (and caches it while the threads go on) and
 * the output never depends on which thread finished first.
 */
export async function readInWorkers(pages: PageText[], threads: number, onResult: (index: number, json: string) => void): Promise<void> {
  const batches = toBatches(pages);
  const workers = Array.from({ length: Math.max(1, Math.min(threads, batches.length)) }, () => new Worker(WORKER_SCRIPT));
  try {
    await new Promise<void>((resolve, reject) => {
      let sent = 0;
      let received = 0;
      const send = (worker: Worker): void => {
        if (sent >= batches.length) return;
        const request: ReadRequest = { batch: sent, pages: batches[sent].pages };
        sent++;
        worker.postMessage(request);
      };
      for (const worker of workers) {
        worker.on('message', (response: ReadResponse) => {
          if ('failure' in response) {
            reject(new Error(`Reading ${response.failure.file} failed: ${response.failure.message}`));
            return;
          }
          try {
            const { indices } = batches[response.batch];
            response.results.forEach((json, position) => onResult(indices[position], json));
          } catch (error) {
            reject(error);
            return;
          }
          if (++received === batches.length) resolve();
          else send(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => reject(new Error(`A page reader thread stopped early (exit code ${code})`)));
        for (let count = 0; count < BATCHES_IN_FLIGHT; count++) send(worker);
      }
      if (batches.length === 0) resolve();
    });
  } finally {
    for (const worker of workers) worker.removeAllListeners('exit');
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** Largest pages first, so the last batches are small ones and no thread is left with a big page at the end. */
function toBatches(pages: PageText[]): Batch[] {
  const order = pages.map((_, index) => index).sort((a, b) => pages[b].text.length - pages[a].text.length || a - b);
  const batches: Batch[] = [];
  let current: Batch = { indices: [], pages: [] };
  let characters = 0;
  for (const index of order) {
    current.indices.push(index);
    current.pages.push(pages[index]);
    characters += pages[index].text.length;
    if (characters >= BATCH_CHARACTERS) {
      batches.push(current);
      current = { indices: [], pages: [] };
      characters = 0;
    }
  }
  if (current.pages.length > 0) batches.push(current);
  return batches;
}
