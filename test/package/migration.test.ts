import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CLI, CORPUS, plainEnvironment, REPO_ROOT } from '../helpers/cli.js';
import { corpusTest } from '../helpers/corpus.js';

/*
 * The README's migration example: a program written against the official beta typings, and its
 * port to the generated package (for the beta corpus), both compiled under node16 and strict.
 */

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/migration');
const TSC = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
const BETA = path.join(CORPUS, 'beta/resources');
const COMPILER_OPTIONS = { noEmit: true, strict: true, module: 'node16', moduleResolution: 'node16', target: 'es2022', types: [], skipLibCheck: false };

function compile(project: string, file: string): { status: number | null; output: string } {
  writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: COMPILER_OPTIONS, files: [file] }));
  const result = spawnSync(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8', env: plainEnvironment() });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

corpusTest(test, 'the migration example compiles against the official typings and, ported, against the generated package', () => {
  const cacheDir = path.join(REPO_ROOT, 'node_modules/.cache');
  mkdirSync(cacheDir, { recursive: true });
  const project = mkdtempSync(path.join(cacheDir, 'migration-'));
  try {
    const packageDir = path.join(project, 'node_modules/@graph-docs-typegen/graph-types');
    const generated = spawnSync(process.execPath, [CLI, 'generate', '--docs', BETA, '--api-version', 'beta', '--out', path.join(packageDir, 'beta'), '--quiet'], {
      cwd: REPO_ROOT, encoding: 'utf8', env: plainEnvironment(),
    });
    assert.is(generated.status, 0, generated.stderr);
    cpSync(path.join(REPO_ROOT, 'generated/package.json'), path.join(packageDir, 'package.json'));
    mkdirSync(path.join(project, 'node_modules/@microsoft'));
    symlinkSync(path.join(REPO_ROOT, 'node_modules/@microsoft/microsoft-graph-types-beta'), path.join(project, 'node_modules/@microsoft/microsoft-graph-types-beta'), 'dir');
    writeFileSync(path.join(project, 'package.json'), '{ "private": true, "type": "module" }\n');
    for (const file of ['official.ts', 'ported.ts']) cpSync(path.join(FIXTURE, file), path.join(project, file));
    for (const file of ['official.ts', 'ported.ts']) {
      const result = compile(project, file);
      assert.is(result.status, 0, `${file}: ${result.output}`);
    }
    // The compile bites: a program the generated types refuse fails.
    writeFileSync(path.join(project, 'wrong.ts'), "import type { Message } from '@graph-docs-typegen/graph-types/beta';\nexport const wrong: Message = { subject: 7 };\n");
    assert.is.not(compile(project, 'wrong.ts').status, 0, 'a wrong property type fails against the generated package');
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});

test.run();
