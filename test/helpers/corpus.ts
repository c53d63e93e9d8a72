import { existsSync } from 'node:fs';
import type { Test } from 'uvu';
import { CORPUS } from './cli.js';

export const CORPUS_PRESENT = existsSync(CORPUS);

/**
 * Registers a test on the real corpus. Without the corpus it is skipped, saying so; when it runs
 * it prints `corpus test ran: NAME`, which `.ci/run` counts against `.ci/corpus-tests`, so a CI
 * run in which a corpus test did not run fails (one that ran and failed, uvu counts).
 */
export function corpusTest<Context extends object>(tests: Test<Context>, name: string, body: (context: Context) => Promise<void> | void): void {
  if (!CORPUS_PRESENT) {
    console.log(`skipped corpus test (${CORPUS} is absent): ${name}`);
    return;
  }
  tests(name, async (context) => {
    console.log(`corpus test ran: ${name}`);
    await body(context);
  });
}
