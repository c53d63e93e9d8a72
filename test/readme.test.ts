import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readExpectedFigures } from '../scripts/figures/expected.js';
import { readmeWithFigures } from '../scripts/figures/readme.js';
import { unifiedDiff } from '../src/write/unified-diff.js';
import { plainEnvironment, REPO_ROOT } from './helpers/cli.js';
import { corpusTest } from './helpers/corpus.js';

const readme = suite('README: every command it shows runs');

/** Commands the README shows that a test cannot run, and why. */
const NOT_RUN: Record<string, string> = {
  'npm ci': 'the set-up itself: CI runs it before the tests',
  'npm test': 'the test command itself: CI runs it',
  'npm run figures': 'measures what the corpus tests assert: CI would measure the corpus twice',
  'npm run figures -- --update': 'rewrites the figures the tests hold',
  'npm run bench:diff -- --runs 3 --json /tmp/bench-diff.json': 'cold and warm diffs and generates of the whole corpus, several minutes: CI runs its diffs in test/corpus/diff.test.ts and test/diff/command.test.ts',
};

/** Commands that read ../shared: they run only beside it. */
const needsCorpus = (command: string) => command.includes('../shared/') || /^npm run (accuracy|bench|figures)\b/.test(command);

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

/** Runs the commands in a copy of the project; each must exit 0. */
async function runCommands(selected: string[]): Promise<void> {
  const project = await sandbox();
  try {
    for (const command of selected) {
      const run = spawnSync('bash', ['-c', command], { cwd: project, encoding: 'utf8', env: plainEnvironment(), timeout: 15 * 60 * 1000 });
      assert.is(run.status, 0, `${command}\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`);
    }
  } finally {
    await rm(path.dirname(project), { recursive: true, force: true });
  }
}

const runnable = commands.filter((command) => !NOT_RUN[command]);

readme('every command the README shows that needs no corpus exits 0 in a copy of the project', async () => {
  await runCommands(runnable.filter((command) => !needsCorpus(command)));
});

corpusTest(readme, 'every command the README shows on the corpus exits 0 in a copy of the project', async () => {
  await runCommands(runnable.filter(needsCorpus));
});

readme('the README shows the figures of test/expected-figures.json', () => {
  const text = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const { text: expected, problems } = readmeWithFigures(text, readExpectedFigures());
  assert.equal(problems, []);
  const difference = unifiedDiff(text, expected, 'README.md', 'README.md with test/expected-figures.json');
  assert.ok(difference === '', `the README's figures differ from test/expected-figures.json (\`npm run figures -- --update\` writes both from a measurement):\n${difference}`);
});

readme('the figures in the README are filled in', () => {
  const text = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  assert.not.match(text, /ACCURACY_LINES|VERIFY_LINES|\(pending\)/);
});

readme.run();
