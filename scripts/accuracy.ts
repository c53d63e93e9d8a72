/**
 * `npm run accuracy`: generates both corpus versions into a temporary folder and scores the
 * declarations we ship against the official typings with ../shared/tools/accuracy.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateVersion } from '../src/pipeline.js';

const corpus = path.resolve('../shared/corpus/graph-docs-2021-07');
const tool = path.resolve('../shared/tools/accuracy/compare.mjs');
if (!existsSync(corpus) || !existsSync(tool)) {
  console.error(`accuracy: needs ${corpus} and ${tool}`);
  process.exit(2);
}
const show = process.argv.includes('--show') ? process.argv[process.argv.indexOf('--show') + 1] : '0';
const temp = await mkdtemp(path.join(os.tmpdir(), 'graph-docs-typegen-accuracy-'));
try {
  for (const apiVersion of ['v1.0', 'beta']) {
    const docs = path.join(corpus, apiVersion, 'resources');
    const output = await generateVersion({ apiVersion, dir: docs, outSubdir: apiVersion }, { enumStyle: 'const', guards: true });
    const out = path.join(temp, apiVersion);
    for (const file of output.files.filter((candidate) => candidate.path.endsWith('.d.ts'))) {
      await mkdir(path.dirname(path.join(out, file.path)), { recursive: true });
      await writeFile(path.join(out, file.path), file.content);
    }
    const json = path.join(temp, `${apiVersion}.json`);
    const run = spawnSync(process.execPath, [tool, '--oracle', apiVersion, '--generated', out, '--docs', docs, '--show', show, '--json', json], { encoding: 'utf8' });
    const lines = run.stdout.trimEnd().split('\n');
    if (show !== '0') console.log(run.stdout);
    if (process.env.ACCURACY_KEEP) console.log(`kept: ${temp}`);
    console.log(`${apiVersion} ${lines.at(-1)}`);
    if (run.status !== 0) console.error(run.stderr);
  }
} finally {
  if (!process.env.ACCURACY_KEEP) await rm(temp, { recursive: true, force: true });
}
