import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { plainEnvironment, REPO_ROOT } from '../helpers/cli.js';

const CONSUMER = path.join(REPO_ROOT, 'test/consumer');
const TSC = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: plainEnvironment() });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

for (const config of ['tsconfig.node16.json', 'tsconfig.bundler.json']) {
  test(`the consumer type-checks against the package by name (${config})`, () => {
    const result = run(process.execPath, [TSC, '-p', config, '--noEmit'], CONSUMER);
    assert.is(result.status, 0, result.output);
  });
}

test('the consumer runs under node and validates a sample with both entry points', () => {
  const build = run(process.execPath, [TSC, '-p', 'tsconfig.node16.json'], CONSUMER);
  assert.is(build.status, 0, build.output);
  const result = run(process.execPath, ['dist/main.js'], CONSUMER);
  assert.is(result.status, 0, result.output);
  assert.is(result.output, [
    'valid: true false true object',
    '$.id: expected string, got number',
    '$.status: expected recordOperationStatus member, got string "sleeping"',
    '$.resultInfo.code: expected integer (Int32), got string',
    'assert: 3 issues',
    '',
  ].join('\n'));
});

test('the consumer calls a local server through openapi-fetch with the beta paths, and the validating middleware reports a bad body', () => {
  const build = run(process.execPath, [TSC, '-p', 'tsconfig.node16.json'], CONSUMER);
  assert.is(build.status, 0, build.output);
  const result = run(process.execPath, ['dist/operations.js'], CONSUMER);
  assert.is(result.status, 0, result.output);
  assert.is(result.output, [
    'get: Sprocket true issues=0',
    'list: w1 count=1 query=$top=1&$count=true&$select=id,displayName',
    'bad: data=w2 reported=GET /widgets/{widget-id} 200: $.displayName: expected string, got number; $.stage: expected widgetStage member, got string "sleeping"',
    '',
  ].join('\n'));
});

test('npm pack of generated/ holds the built files and no generator sources', () => {
  const result = run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], path.join(REPO_ROOT, 'generated'));
  assert.is(result.status, 0, result.output);
  const [packed] = JSON.parse(result.output.slice(result.output.indexOf('['))) as { name: string; files: { path: string }[] }[];
  const files = packed.files.map((file) => file.path).sort();
  assert.is(packed.name, '@graph-docs-typegen/graph-types');
  for (const expected of [
    'package.json', 'v1.0/index.js', 'v1.0/index.d.ts', 'beta/index.js', 'beta/runtime.js', 'beta/graph.d.ts',
    'beta/paths.d.ts', 'beta/responses.js', 'beta/operations.json', 'v1.0/paths.d.ts',
  ]) {
    assert.ok(files.includes(expected), `${expected} is packed`);
  }
  assert.equal(files.filter((file) => /\.(ts|mts|cts)$/.test(file) && !file.endsWith('.d.ts')), [], 'no TypeScript sources');
  assert.equal(files.filter((file) => !/^(package\.json|README\.md|(v1\.0|beta)\/([\w.-]+\.(js|d\.ts)|operations\.json))$/.test(file)), [], 'nothing else');
});

test.run();
