import { Worker } from 'node:worker_threads';
import type { PageText, ReadRequest, ReadResponse } from './messages.js';

const WORKER_SCRIPT = new URL('./worker.js', import.meta.url);
/** A message carries pages up to about this many characters: few messages, yet a fair split at the end. */
const BATCH_CHARACTERS = 128 * 1024;
/**
 * Batches a worker holds at once, so it never waits for the main thread between two, even while
 * that thread loads and runs the emitter's first steps (a few hundred milliseconds).
 */
const BATCHES_IN_FLIGHT = 4;

/** Pages that travel in one message: `pages` are the caller's pages from position `start` on. */
interface Batch {
  start: number;
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
            const { start } = batches[response.batch];
            response.results.forEach((json, position) => onResult(start + position, json));
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

/**
 * Consecutive pages in path order. Not largest first, though that would balance the threads'
 * ends better: measured on the v1.0 pages, a thread needed a fifth more CPU time to parse them
 * largest first than in path order, where neighbouring pages are alike.
 */
function toBatches(pages: PageText[]): Batch[] {
  const batches: Batch[] = [];
  let start = 0;
  let characters = 0;
  for (let index = 0; index < pages.length; index++) {
    characters += pages[index].text.length;
    if (characters >= BATCH_CHARACTERS || index === pages.length - 1) {
      batches.push({ start, pages: pages.slice(start, index + 1) });
      start = index + 1;
      characters = 0;
    }
  }
  return batches;
}
