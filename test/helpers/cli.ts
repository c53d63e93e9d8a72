import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CLI = path.join(REPO_ROOT, 'dist/src/cli/main.js');
export const CORPUS = path.resolve(REPO_ROOT, '../shared/corpus/graph-docs-2021-07');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string): CliRun {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: plainEnvironment() });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A scratch project holding copies of the embedded docs/ and the committed generated/. */
export async function scratchProject(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'graph-docs-typegen-test-'));
  await cp(path.join(REPO_ROOT, 'docs'), path.join(dir, 'docs'), { recursive: true });
  await cp(path.join(REPO_ROOT, 'generated'), path.join(dir, 'generated'), { recursive: true });
  return dir;
}

/** Every file below a folder with its bytes, for before/after comparisons. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, absolute), await readFile(absolute, 'latin1'));
  }
  return files;
}

/** The committed generated/ as snapshot() gives it: what generating docs/ must write, file for file. */
export function committedOutput(): Promise<Map<string, string>> {
  return snapshot(path.join(REPO_ROOT, 'generated'));
}

/** The environment of a user's pipe: uvu sets FORCE_COLOR for itself, which the CLI would obey. */
export function plainEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  return env;
}
