import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { plainEnvironment, REPO_ROOT } from './helpers/cli.js';

const readme = suite('README: every command it shows runs');

/** Commands the README shows that a test cannot run, and why. */
const NOT_RUN: Record<string, string> = {
  'npm ci': 'the set-up itself: CI runs it before the tests',
  'npm test': 'the test command itself: CI runs it',
};

/** The lines of the README's `sh` blocks, with the text after a `#` comment removed. */
function readmeCommands(): string[] {
  const text = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  return [...text.matchAll(/```sh\n([^]*?)```/g)]
    .flatMap((match) => match[1].split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '');
}

const SHARED = path.resolve(REPO_ROOT, '../shared');

/** A copy of the project beside a link to shared/, so commands that write do so outside the repo. */
async function sandbox(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'graph-docs-typegen-readme-'));
  const project = path.join(root, 'main');
  for (const entry of ['package.json', 'dist', 'docs', 'generated', 'templates', 'graph-docs-typegen.schema.json']) {
    await cp(path.join(REPO_ROOT, entry), path.join(project, entry), { recursive: true });
  }
  await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(project, 'node_modules'));
  if (existsSync(SHARED)) await symlink(SHARED, path.join(root, 'shared'));
  return project;
}

const commands = readmeCommands();

readme('the README shows commands, all of them npm or npx', () => {
  assert.ok(commands.length >= 8, `${commands.length} commands`);
  for (const command of commands) assert.match(command, /^(npm|npx) /, command);
});

readme('every command the README shows exits 0 in a copy of the project', async () => {
  const project = await sandbox();
  try {
    for (const command of commands) {
      if (NOT_RUN[command]) continue;
      if (command.includes('../shared/') && !existsSync(SHARED)) {
        console.log(`skipped README command (no ../shared): ${command}`);
        continue;
      }
      const run = spawnSync('bash', ['-c', command], { cwd: project, encoding: 'utf8', env: plainEnvironment(), timeout: 15 * 60 * 1000 });
      assert.is(run.status, 0, `${command}\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`);
    }
  } finally {
    await rm(path.dirname(project), { recursive: true, force: true });
  }
});

readme('the figures in the README are filled in', () => {
  const text = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  assert.not.match(text, /ACCURACY_LINES|VERIFY_LINES|\(pending\)/);
});

readme.run();
