import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
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

/** The files TypeScript reads for one file of the consumer, compiled as a node16 ES module project would. */
function programFiles(file: string): string[] {
  const result = run(process.execPath, [
    TSC, '--noEmit', '--listFilesOnly', '--strict', '--module', 'node16', '--moduleResolution', 'node16', '--target', 'es2022', '--types', 'node', file,
  ], CONSUMER);
  assert.is(result.status, 0, result.output);
  return result.output.split('\n').filter((line) => line.includes('/generated/')).map((line) => line.slice(line.indexOf('/generated/') + 1));
}

test('a type-only import parses the types\' declarations and no guard, building block or runtime', () => {
  const files = programFiles('src/typesOnly.ts');
  assert.ok(files.includes('generated/beta/graph.d.ts'), files.join(', '));
  assert.equal(files.filter((file) => /guards|checks|runtime/.test(file)), []);
});

test('a guards-only import parses the guards and the types they narrow to', () => {
  const files = programFiles('src/guardsOnly.ts');
  for (const expected of ['generated/beta/guards.d.ts', 'generated/beta/graph.guards.d.ts', 'generated/beta/runtime.d.ts', 'generated/beta/graph.d.ts']) {
    assert.ok(files.includes(expected), `${expected} in ${files.join(', ')}`);
  }
});

test('a CommonJS project compiled with module node16 requires the types\' and the guards\' .cjs copies', () => {
  const cjs = path.join(CONSUMER, 'cjs');
  const build = run(process.execPath, [TSC, '-p', 'tsconfig.json'], cjs);
  assert.is(build.status, 0, build.output);
  const result = run(process.execPath, ['dist/main.js'], cjs);
  assert.is(result.status, 0, result.output);
  assert.is(result.output, [
    'cjs valid: true false true',
    '$.id: expected string, got number',
    '$.status: expected recordOperationStatus member, got string "sleeping"',
    'assert: 2 issues',
    '',
  ].join('\n'));
});

/** Every file path an exports entry names, under any condition. */
function targets(entry: unknown): string[] {
  if (typeof entry === 'string') return [entry];
  return Object.values(entry as Record<string, unknown>).flatMap(targets);
}

test('every subpath of the package\'s exports map resolves to files that exist and are packed, under import and require', async () => {
  const manifest = JSON.parse(await readFile(path.join(REPO_ROOT, 'generated/package.json'), 'utf8')) as { exports: Record<string, unknown> };
  const packed = packedFiles();
  const subpaths = Object.keys(manifest.exports);
  assert.ok(subpaths.length >= 11, subpaths.join(', '));
  for (const [subpath, entry] of Object.entries(manifest.exports)) {
    for (const target of targets(entry)) {
      assert.ok(existsSync(path.join(REPO_ROOT, 'generated', target)), `${subpath}: ${target} exists`);
      assert.ok(packed.includes(target.slice(2)), `${subpath}: ${target} is packed`);
    }
  }
  for (const version of ['v1.0', 'beta']) {
    for (const subpath of [`./${version}`, `./${version}/guards`]) {
      const entry = manifest.exports[subpath] as Record<string, Record<string, string>>;
      assert.equal(Object.keys(entry), ['import', 'require'], subpath);
      assert.match(entry.require.types, /\.d\.cts$/);
      assert.match(entry.require.default, /\.cjs$/);
    }
  }
});

function packedFiles(): string[] {
  const result = run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], path.join(REPO_ROOT, 'generated'));
  assert.is(result.status, 0, result.output);
  const [packed] = JSON.parse(result.output.slice(result.output.indexOf('['))) as { name: string; files: { path: string }[] }[];
  assert.is(packed.name, '@graph-docs-typegen/graph-types');
  return packed.files.map((file) => file.path).sort();
}

test('npm pack of generated/ holds the built files and no generator sources', () => {
  const files = packedFiles();
  for (const expected of [
    'package.json', 'v1.0/index.js', 'v1.0/index.d.ts', 'beta/index.js', 'beta/runtime.js', 'beta/graph.d.ts',
    'beta/paths.d.ts', 'beta/responses.js', 'beta/operations.json', 'beta/model.json', 'v1.0/model.json', 'v1.0/paths.d.ts',
    'beta/guards.js', 'beta/guards.d.ts', 'beta/graph.guards.js', 'beta/graph.checks.js', 'beta/index.cjs', 'beta/index.d.cts', 'beta/runtime.cjs',
  ]) {
    assert.ok(files.includes(expected), `${expected} is packed`);
  }
  assert.equal(files.filter((file) => /\.(ts|mts|cts)$/.test(file) && !/\.d\.c?ts$/.test(file)), [], 'no TypeScript sources');
  assert.equal(files.filter((file) => !/^(package\.json|README\.md|CHANGELOG\.md|(v1\.0|beta)\/([\w.-]+\.(js|cjs|d\.ts|d\.cts)|operations\.json|model\.json))$/.test(file)), [], 'nothing else');
});

test.run();
