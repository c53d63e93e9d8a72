/**
 * `npm run bench:diff`: what `diff` of two docs folders costs, against the issue's target "no more
 * than two warm generates (it reuses the page cache)", and what a git ref side costs.
 *
 * On the corpus (../shared/corpus/graph-docs-2021-07, whole version folders v1.0/ and beta/), in
 * one process tree and in turns (every round runs every item once, so noise on a shared machine
 * hits all items alike), with the median of the rounds (`--runs N`, default 3):
 *   1. cold diff: `diff --from C/v1.0 --to C/beta --from-version v1.0 --to-version beta --format json`,
 *      its cache emptied first;
 *   2. warm generate of v1.0 and of beta (`generate --docs C/VERSION --api-version VERSION --out ...
 *      --quiet`), each in a cache primed once before the first round; "two warm generates" is the
 *      sum of the two medians;
 *   3. warm diff: the same diff again, in the cache the cold diff of the round filled;
 *   4. the same diff with git sides, `--from git:HEAD:v1.0 --to git:HEAD:beta`, cold (cache emptied)
 *      then warm, run inside a temporary git repository (in the OS temp folder, removed afterwards)
 *      holding a commit of copies of both version folders.
 * Each is the CLI as a user runs it, in its own process, timed from spawn to exit, with its peak
 * RSS and CPU time (user + system) from /usr/bin/time (the node process and its children, git's
 * included), or from scripts/bench/usage.ts (node only) where /usr/bin/time is missing.
 *
 * The CLI has no option naming the cache folder: it keeps its cache in node_modules/.cache of the
 * package holding the working folder. So each item runs in a temporary folder of its own holding a
 * package.json, with absolute paths for --from, --to, --docs and --out. The git fixture's
 * repository sits one folder below such a folder (the repository itself has no package.json), so
 * its cache lands outside the repository; after the runs the bench checks that HEAD and the refs
 * are unchanged and `git status --porcelain --ignored --untracked-files=all` is empty.
 *
 * Every diff's `changes` must be the same: cold and warm, docs folders and git sides (the same pages).
 * The processes run a copy of dist/, so a rebuild meanwhile does not disturb the figures.
 *
 * Options: --runs N (default 3), --json FILE (the same figures as JSON). Exit 2 without the
 * corpus, 1 when a check fails (the changes differ, or the repository changed).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { medianOf } from './median.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CORPUS = path.resolve(REPO_ROOT, '../shared/corpus/graph-docs-2021-07');
const VERSIONS = ['v1.0', 'beta'] as const;
const TIME = '/usr/bin/time';

type Item = 'coldDiff' | 'warmGenerateV1' | 'warmGenerateBeta' | 'warmDiff' | 'coldGitDiff' | 'warmGitDiff';

const ITEMS: { item: Item; title: string }[] = [
  { item: 'coldDiff', title: '1. cold diff v1.0 → beta, docs folders (empty cache)' },
  { item: 'warmGenerateV1', title: '2a. warm generate v1.0' },
  { item: 'warmGenerateBeta', title: '2b. warm generate beta' },
  { item: 'warmDiff', title: '3. warm diff, docs folders' },
  { item: 'coldGitDiff', title: '4a. cold diff, git:HEAD:v1.0 → git:HEAD:beta' },
  { item: 'warmGitDiff', title: '4b. warm diff, git sides' },
];

interface Sample {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
}

interface ItemFigures { medianSeconds: number; minSeconds: number; maxSeconds: number; cpuSeconds: number; peakRssMb: number; seconds: number[] }

/** What --json writes: every figure the report prints, in seconds and MB. */
interface DiffCostFigures {
  machine: { cores: number; cpu: string; node: string; runs: number; loadBefore: number; loadAfter: number; measuredBy: string };
  corpus: string;
  primingColdGenerateSeconds: Record<string, number>;
  items: Record<Item, ItemFigures>;
  twoWarmGeneratesSeconds: number;
  warmDiffTimesTwoWarmGenerates: number;
  target: number;
  met: boolean;
  changes: { count: number; breaking: number; nonBreaking: number; sameInEveryDiff: boolean; differing: string[] };
  git: { repository: string; cacheDir: string; head: string; headUnchanged: boolean; refsUnchanged: boolean; status: string; clean: boolean; cacheOutsideRepository: boolean };
}

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, json: { type: 'string' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`--runs ${values.runs}: expected a whole number of at least 1\n`);
  process.exit(2);
}
for (const version of VERSIONS) {
  if (!existsSync(path.join(CORPUS, version))) {
    process.stderr.write(`bench:diff needs the corpus at ${CORPUS} (with v1.0/ and beta/); ${path.join(CORPUS, version)} is missing\n`);
    process.exit(2);
  }
}

const measuredBy = existsSync(TIME) ? `${TIME} (node and its children)` : 'process.resourceUsage (node only; no /usr/bin/time here)';
const workspace = mkdtempSync(path.join(os.tmpdir(), 'graph-docs-typegen-diff-cost-'));
let failed = false;
try {
  const generator = copyGenerator(path.join(workspace, 'generator'));
  const cli = path.join(generator, 'dist/src/cli/main.js');
  const usage = pathToFileURL(path.join(generator, 'dist/scripts/bench/usage.js')).href;
  const diffFlags = ['--from-version', 'v1.0', '--to-version', 'beta', '--format', 'json'];
  const docsDiff = ['diff', '--from', path.join(CORPUS, 'v1.0'), '--to', path.join(CORPUS, 'beta'), ...diffFlags];
  const gitDiff = ['diff', '--from', 'git:HEAD:v1.0', '--to', 'git:HEAD:beta', ...diffFlags];
  const generate = (version: string, folder: string): string[] =>
    ['generate', '--docs', path.join(CORPUS, version), '--api-version', version, '--out', path.join(folder, 'out'), '--quiet'];

  // Each item's working folder is a package of its own, so its cache is its node_modules/.cache.
  const diffFolder = packageFolder('diff-docs');
  const generateFolders = Object.fromEntries(VERSIONS.map((version) => [version, packageFolder(`generate-${version}`)])) as Record<string, string>;
  const gitFolder = packageFolder('diff-git');
  const repository = makeFixture(path.join(gitFolder, 'repo'));
  const before = repositoryState(repository);

  const loadBefore = os.loadavg()[0];
  process.stderr.write('priming: one cold generate of each version\n');
  const primingColdGenerateSeconds: Record<string, number> = {};
  for (const version of VERSIONS) {
    primingColdGenerateSeconds[version] = (await timeCli(cli, usage, generate(version, generateFolders[version]), generateFolders[version])).sample.seconds;
  }

  const samples = new Map<Item, Sample[]>(ITEMS.map(({ item }) => [item, []]));
  /** Each diff's `changes`, as JSON text, by where it came from. */
  const outputs: { label: string; changes: string; summary: { breaking: number; nonBreaking: number } }[] = [];
  const keep = (item: Item, label: string, result: { sample: Sample; stdout: string }): void => {
    samples.get(item)!.push(result.sample);
    if (item.endsWith('Diff')) {
      const report = JSON.parse(result.stdout) as { summary: { breaking: number; nonBreaking: number }; changes: unknown[] };
      outputs.push({ label, changes: JSON.stringify(report.changes), summary: report.summary });
    }
  };
  for (let round = 1; round <= runs; round++) {
    process.stderr.write(`round ${round}/${runs}\n`);
    rmSync(path.join(diffFolder, 'node_modules'), { recursive: true, force: true });
    keep('coldDiff', `cold docs diff, round ${round}`, await timeCli(cli, usage, docsDiff, diffFolder));
    keep('warmGenerateV1', '', await timeCli(cli, usage, generate('v1.0', generateFolders['v1.0']), generateFolders['v1.0']));
    keep('warmGenerateBeta', '', await timeCli(cli, usage, generate('beta', generateFolders.beta), generateFolders.beta));
    keep('warmDiff', `warm docs diff, round ${round}`, await timeCli(cli, usage, docsDiff, diffFolder));
    rmSync(path.join(gitFolder, 'node_modules'), { recursive: true, force: true });
    keep('coldGitDiff', `cold git diff, round ${round}`, await timeCli(cli, usage, gitDiff, repository));
    keep('warmGitDiff', `warm git diff, round ${round}`, await timeCli(cli, usage, gitDiff, repository));
  }
  const loadAfter = os.loadavg()[0];

  const after = repositoryState(repository);
  const cacheDir = path.join(gitFolder, 'node_modules', '.cache', 'graph-docs-typegen');
  const git = {
    repository, cacheDir, head: before.head, headUnchanged: after.head === before.head, refsUnchanged: after.refs === before.refs,
    status: after.status, clean: after.status === '', cacheOutsideRepository: existsSync(cacheDir),
  };
  const first = outputs[0];
  const differing = outputs.filter((output) => output.changes !== first.changes).map((output) => output.label);
  const items = Object.fromEntries(ITEMS.map(({ item }) => [item, itemFigures(samples.get(item)!)])) as Record<Item, ItemFigures>;
  const twoWarmGenerates = items.warmGenerateV1.medianSeconds + items.warmGenerateBeta.medianSeconds;
  const ratio = items.warmDiff.medianSeconds / twoWarmGenerates;
  const figures: DiffCostFigures = {
    machine: { cores: os.availableParallelism(), cpu: os.cpus()[0]?.model ?? 'unknown CPU', node: process.version, runs, loadBefore, loadAfter, measuredBy },
    corpus: CORPUS,
    primingColdGenerateSeconds,
    items,
    twoWarmGeneratesSeconds: twoWarmGenerates,
    warmDiffTimesTwoWarmGenerates: ratio,
    target: 1,
    met: ratio <= 1,
    changes: {
      count: (JSON.parse(first.changes) as unknown[]).length, breaking: first.summary.breaking, nonBreaking: first.summary.nonBreaking,
      sameInEveryDiff: differing.length === 0, differing,
    },
    git,
  };
  failed = differing.length > 0 || !git.headUnchanged || !git.refsUnchanged || !git.clean || !git.cacheOutsideRepository;
  print(report(figures));
  if (values.json) writeFileSync(values.json, `${JSON.stringify(figures, null, 2)}\n`);
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;

/** The built generator as it is now: dist/, templates/ and package.json copied, node_modules linked. */
function copyGenerator(root: string): string {
  for (const part of ['dist/src', 'dist/scripts', 'templates', 'package.json']) cpSync(path.join(REPO_ROOT, part), path.join(root, part), { recursive: true });
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

/** A folder holding a package.json: the CLI run in it (or below it) keeps its cache in its node_modules/.cache. */
function packageFolder(name: string): string {
  const folder = path.join(workspace, name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'package.json'), '{ "private": true }\n');
  return folder;
}

/** A git repository with one commit holding copies of both version folders, and no package.json of its own. */
function makeFixture(repository: string): string {
  mkdirSync(repository, { recursive: true });
  for (const version of VERSIONS) cpSync(path.join(CORPUS, version), path.join(repository, version), { recursive: true });
  const config = ['-c', 'init.defaultBranch=main', '-c', 'core.autocrlf=false', '-c', 'user.name=bench', '-c', 'user.email=bench@localhost', '-c', 'commit.gpgsign=false'];
  git(repository, [...config, 'init', '--quiet']);
  git(repository, [...config, 'add', '-A']);
  git(repository, [...config, 'commit', '--quiet', '--no-verify', '-m', 'bench fixture: graph-docs-2021-07 v1.0 and beta']);
  return repository;
}

/** What a run must not change: HEAD, the refs, and the working tree and index against HEAD (ignored files included). */
function repositoryState(repository: string): { head: string; refs: string; status: string } {
  return {
    head: git(repository, ['rev-parse', 'HEAD']).trim(),
    refs: git(repository, ['for-each-ref', '--format=%(refname) %(objectname)']),
    status: git(repository, ['status', '--porcelain', '--ignored', '--untracked-files=all']).trim(),
  };
}

function git(cwd: string, args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 2 ** 30 });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} exited with ${result.status}\n${result.stderr}`);
  return result.stdout;
}

/** The CLI with the arguments, as its own process in `cwd`, timed from spawn to exit; its stdout too. */
async function timeCli(cli: string, usage: string, args: string[], cwd: string): Promise<{ sample: Sample; stdout: string }> {
  const usageFile = path.join(workspace, 'usage.txt');
  rmSync(usageFile, { force: true });
  const command = existsSync(TIME)
    ? [TIME, '-f', '%U %S %M', '-o', usageFile, process.execPath, cli, ...args]
    : [process.execPath, '--import', usage, cli, ...args];
  const started = performance.now();
  const child = spawn(command[0], command.slice(1), {
    cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GRAPH_DOCS_TYPEGEN_BENCH_USAGE: usageFile },
  });
  const stdout: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seconds = (performance.now() - started) / 1000;
  if (status !== 0) throw new Error(`${args.slice(0, 1).join(' ')} in ${cwd} exited with ${status}: node ${cli} ${args.join(' ')}\n${stderr}`);
  const text = readFileSync(usageFile, 'utf8');
  let sample: Sample;
  if (existsSync(TIME)) {
    // The last line: /usr/bin/time puts a note first when the command fails or is signalled.
    const [user, system, maxKb] = text.trim().split('\n').at(-1)!.split(' ').map(Number);
    sample = { seconds, cpuSeconds: user + system, peakRssMb: maxKb / 1024 };
  } else {
    const measured = JSON.parse(text) as { maxRSS: number; cpuTime: number };
    sample = { seconds, cpuSeconds: measured.cpuTime / 1e6, peakRssMb: measured.maxRSS / 1024 };
  }
  return { sample, stdout: Buffer.concat(stdout).toString('utf8') };
}

function itemFigures(samples: Sample[]): ItemFigures {
  const seconds = samples.map((sample) => sample.seconds);
  return {
    medianSeconds: medianOf(seconds), minSeconds: Math.min(...seconds), maxSeconds: Math.max(...seconds),
    cpuSeconds: medianOf(samples.map((sample) => sample.cpuSeconds)), peakRssMb: Math.max(...samples.map((sample) => sample.peakRssMb)), seconds,
  };
}

function report(figures: DiffCostFigures): string {
  const { machine, items, git, changes } = figures;
  const ratio = figures.warmDiffTimesTwoWarmGenerates;
  const met = (ok: boolean): string => (ok ? 'met' : 'NOT met');
  const seconds = (value: number): string => (value >= 10 ? value.toFixed(0) : value.toFixed(1));
  return [
    `## bench:diff: ${machine.cores} cores (${machine.cpu}), node ${machine.node}, ${machine.runs} runs in turns; `
      + `load average ${machine.loadBefore.toFixed(1)} before, ${machine.loadAfter.toFixed(1)} after`,
    '',
    `Corpus ${figures.corpus}, whole version folders; priming cold generates (one run each): `
      + VERSIONS.map((version) => `${version} ${figures.primingColdGenerateSeconds[version].toFixed(2)} s`).join(', ') + '.',
    '',
    '| item | median s | min–max s | CPU s | peak RSS MB |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...ITEMS.map(({ item, title }) => {
      const figure = items[item];
      return `| ${title} | ${figure.medianSeconds.toFixed(2)} | ${figure.minSeconds.toFixed(2)}–${figure.maxSeconds.toFixed(2)} `
        + `| ${figure.cpuSeconds.toFixed(2)} | ${figure.peakRssMb.toFixed(0)} |`;
    }),
    '',
    `CPU and peak RSS from ${machine.measuredBy}; peak RSS is the largest of the runs.`,
    `Two warm generates: ${items.warmGenerateV1.medianSeconds.toFixed(2)} + ${items.warmGenerateBeta.medianSeconds.toFixed(2)} = ${figures.twoWarmGeneratesSeconds.toFixed(2)} s; `
      + `warm diff / two warm generates = ${ratio.toFixed(2)} (target ≤ ${figures.target.toFixed(1)}: ${met(figures.met)}).`,
    `Changes: ${changes.count} (${changes.breaking} breaking, ${changes.nonBreaking} non-breaking); `
      + (changes.sameInEveryDiff
        ? `the same in every diff (${ITEMS.filter(({ item }) => item.endsWith('Diff')).length * machine.runs}: docs folders and git sides, cold and warm).`
        : `NOT the same in every diff: ${changes.differing.join(', ')} differ from the first cold docs diff.`),
    `Git fixture (a commit of copies of both folders, in ${git.repository}, removed afterwards): `
      + `HEAD ${git.head.slice(0, 12)} ${git.headUnchanged ? 'unchanged' : 'CHANGED'}, refs ${git.refsUnchanged ? 'unchanged' : 'CHANGED'}, `
      + `\`git status --porcelain --ignored --untracked-files=all\` ${git.clean ? 'empty' : `NOT empty:\n${git.status}\n`}; `
      + (git.cacheOutsideRepository ? 'its cache was outside the repository, in ../node_modules/.cache (the package.json is in the folder above the repository).' : `its cache was NOT found at ${git.cacheDir}.`),
    '',
    `diff cost: warm ${seconds(items.warmDiff.medianSeconds)} s = ${ratio.toFixed(2)} × two warm generates (${seconds(figures.twoWarmGeneratesSeconds)} s) `
      + `(target ≤ 1.0: ${met(figures.met)}); cold ${seconds(items.coldDiff.medianSeconds)} s; `
      + `git side cold ${seconds(items.coldGitDiff.medianSeconds)} s, warm ${seconds(items.warmGitDiff.medianSeconds)} s`,
  ].join('\n');
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}
