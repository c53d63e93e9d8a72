/**
 * Runs the pipeline on one version folder for harness.ts, on a thread the tests can stop when a
 * hostile page makes the run hang. Not a test file: uvu only loads `*.test.js`.
 */
import { parentPort } from 'node:worker_threads';
import { generateVersion } from '../../src/pipeline.js';
import type { GenerateRequest, GenerateReply } from './harness.js';

parentPort!.on('message', async ({ id, dir, apiVersion }: GenerateRequest) => {
  const started = performance.now();
  let reply: GenerateReply;
  try {
    const output = await generateVersion({ apiVersion, dir, outSubdir: '' }, { enumStyle: 'const', cacheDir: false });
    reply = {
      id, status: 'done', elapsedMs: performance.now() - started,
      diagnostics: output.diagnostics, files: output.files,
      types: output.model.types.map((type) => ({
        name: type.name, namespace: type.namespace, kind: type.kind,
        members: type.kind === 'enum' ? type.members.map((member) => member.name) : type.properties.map((property) => property.name),
      })),
    };
  } catch (error) {
    reply = { id, status: 'crashed', elapsedMs: performance.now() - started, error: error instanceof Error ? error.stack ?? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
