import { Worker } from 'node:worker_threads';
import type { EmittedType } from '../emit/emittedType.js';
import type { EmitOptions } from '../emit/files.js';
import type { Model } from '../model/types.js';
import type { PageText, WorkerRequest, WorkerResponse } from './messages.js';

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
 * Worker threads that read pages and then print types. Started on first use and kept until
 * closed, so that the threads that parsed a version's pages also print its types, having loaded
 * the emitter while the main thread built the model. Every result is placed by position, so the
 * output never depends on which thread finished first.
 */
export class WorkerPool {
  private workers: Worker[] = [];

  constructor(readonly threads: number) {}

  get started(): boolean {
    return this.workers.length > 0;
  }

  /** Reads the pages; each result (JSON) goes to `onResult` with the page's position in `pages` as it arrives. */
  async read(pages: PageText[], onResult: (index: number, json: string) => void): Promise<void> {
    const batches = toBatches(pages);
    if (batches.length === 0) return;
    const workers = this.start();
    let sent = 0;
    let received = 0;
    await this.exchange((worker, response, done) => {
      if (response.kind !== 'read') return;
      const { start } = batches[response.batch];
      response.results.forEach((json, position) => onResult(start + position, json));
      if (++received === batches.length) done();
      else send(worker);
    }, () => {
      for (const worker of workers) for (let count = 0; count < BATCHES_IN_FLIGHT; count++) send(worker);
    });

    function send(worker: Worker): void {
      if (sent >= batches.length) return;
      const request: WorkerRequest = { kind: 'read', batch: sent, pages: batches[sent].pages };
      sent++;
      worker.postMessage(request);
      // The emitter is wanted next: a thread loads it as soon as its last batch is read.
      if (sent === batches.length) for (const each of workers) each.postMessage({ kind: 'load-emitter' } satisfies WorkerRequest);
    }
  }

  /** The shares of the types at `positions` of the model, in that order, printed in contiguous runs, one per thread. */
  async printTypes(model: Model, options: EmitOptions, positions: number[]): Promise<EmittedType[]> {
    const workers = this.start();
    const runs = workers.map((_, index) => positions.slice(
      Math.floor((index * positions.length) / workers.length), Math.floor(((index + 1) * positions.length) / workers.length)));
    const json = JSON.stringify(model);
    const printed: EmittedType[][] = [];
    let received = 0;
    await this.exchange((worker, response, done) => {
      if (response.kind !== 'printed') return;
      printed[workers.indexOf(worker)] = response.shares;
      if (++received === workers.length) done();
    }, () => {
      workers.forEach((worker, index) => worker.postMessage({ kind: 'print', model: json, options, positions: runs[index] } satisfies WorkerRequest));
    });
    return printed.flat();
  }

  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    for (const worker of workers) worker.removeAllListeners();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private start(): Worker[] {
    if (this.workers.length === 0) this.workers = Array.from({ length: Math.max(1, this.threads) }, () => new Worker(WORKER_SCRIPT));
    return this.workers;
  }

  /** Listens to every worker until `handle` calls done; a failure, an error or a thread's exit rejects. */
  private exchange(handle: (worker: Worker, response: WorkerResponse, done: () => void) => void, begin: () => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const listeners = this.workers.map((worker) => {
        const onMessage = (response: WorkerResponse): void => {
          if (response.kind === 'failure') return finish(new Error(response.message));
          try {
            handle(worker, response, () => finish());
          } catch (error) {
            finish(error as Error);
          }
        };
        const onExit = (code: number): void => finish(new Error(`A worker thread stopped early (exit code ${code})`));
        worker.on('message', onMessage).on('error', finish).on('exit', onExit);
        return { worker, onMessage, onExit };
      });
      let settled = false;
      function finish(error?: Error): void {
        if (settled) return;
        settled = true;
        for (const { worker, onMessage, onExit } of listeners) worker.off('message', onMessage).off('error', finish).off('exit', onExit);
        if (error) reject(error);
        else resolve();
      }
      begin();
    });
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
