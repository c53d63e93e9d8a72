import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { emitModel } from '../../src/emit/files.js';
import { buildModel } from '../../src/model/build.js';
import { loadTemplates, readPages } from '../../src/pipeline.js';
import type { PageResult } from '../../src/read/types.js';
import { plainEnvironment, REPO_ROOT } from '../helpers/cli.js';

/*
 * A user's program calling Graph through openapi-fetch with the generated `paths`, type-checked
 * under node16 and bundler and run against a local server. The beta package is built from
 * docs/beta plus the fixture's stand-in for the api-page reader (see its README), in a folder
 * under node_modules/.cache, so that openapi-fetch and @types/node resolve from the repository
 * while the package resolves to the one built here.
 */
const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/operations-consumer');
const TSC = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: plainEnvironment() });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

async function consumerProject(): Promise<string> {
  const cacheDir = path.join(REPO_ROOT, 'node_modules/.cache');
  await mkdir(cacheDir, { recursive: true });
  const project = await mkdtemp(path.join(cacheDir, 'operations-consumer-'));
  const { pages } = await readPages({ apiVersion: 'beta', dir: path.join(REPO_ROOT, 'docs/beta'), outSubdir: 'beta' }, { cacheDir: false, jobs: 1 });
  const apiPages = JSON.parse(await readFile(path.join(FIXTURE, 'beta-api-pages.json'), 'utf8')) as PageResult[];
  const { model } = buildModel('beta', [...pages, ...apiPages], { folderName: 'beta' });
  const { files } = emitModel(model, { enumStyle: 'const', templates: await loadTemplates(), guards: true });
  const packageDir = path.join(project, 'node_modules/@graph-docs-typegen/graph-types');
  await mkdir(path.join(packageDir, 'beta'), { recursive: true });
  await cp(path.join(REPO_ROOT, 'generated/package.json'), path.join(packageDir, 'package.json'));
  for (const file of files) await writeFile(path.join(packageDir, 'beta', file.path), file.content);
  for (const part of ['src', 'tsconfig.node16.json', 'tsconfig.bundler.json']) await cp(path.join(FIXTURE, part), path.join(project, part), { recursive: true });
  await writeFile(path.join(project, 'package.json'), '{ "private": true, "type": "module" }\n');
  return project;
}

test('openapi-fetch with the generated paths: typed calls under node16 and bundler, and the validating middleware at run time', async () => {
  const project = await consumerProject();
  try {
    for (const config of ['tsconfig.bundler.json', 'tsconfig.node16.json']) {
      const checked = run(process.execPath, [TSC, '-p', config, ...(config.includes('bundler') ? ['--noEmit'] : [])], project);
      assert.is(checked.status, 0, `${config}: ${checked.output}`);
    }
    const result = run(process.execPath, ['dist/main.js'], project);
    assert.is(result.status, 0, result.output);
    assert.is(result.output, [
      'get: Sprocket true issues=0',
      'list: w1 count=1 query=$top=1&$count=true&$select=id,displayName',
      'bad: data=w2 reported=GET /widgets/{widget-id} 200: $.displayName: expected string, got number; $.stage: expected widgetStage member, got string "sleeping"',
      '',
    ].join('\n'));
  } finally {
    await rm(project, { recursive: true, force: true });
  }
});

test.run();
