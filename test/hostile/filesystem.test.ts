/**
 * "Hostile input never breaks the output", on the file system: the CLI reads a docs folder that
 * holds, beside the embedded beta pages, an entry no page reader can read (or, in one case, a page
 * the reader throws on). Given the entry, want:
 * the run ends within a minute, exits 0 (1 under --strict) with a message naming the entry and
 * no stack trace, still writes the good pages' types, and writes nothing outside --out, whatever
 * paths the pages name.
 */
import { spawnSync } from 'node:child_process';
import { chmod, chown, cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CLI, REPO_ROOT, snapshot } from '../helpers/cli.js';
import { fixture } from './harness.js';

const HANG_LIMIT_MS = 60_000;
/** The unprivileged user the unreadable-file case runs as when the tests run as root. */
const NOBODY = 65534;
const IS_ROOT = process.getuid?.() === 0;

/** Where the pages go, relative to the project: one version folder. */
const VERSION_DIR = 'docs/beta';
/** What the CLI may write besides --out: its cache, whose place no page decides. */
const CACHE_DIR = 'node_modules/.cache/';

interface Layout {
  /** The folder the test watches for writes: it holds the project and nothing else. */
  root: string;
  /** The working folder of the run: docs/beta holds the pages, out/ is --out. */
  project: string;
  version: string;
}

interface FileSystemCase {
  given: string;
  /** Puts the hostile entry into the version folder. */
  arrange: (layout: Layout) => Promise<void>;
  /** Entries of the version folder the run's messages must name. */
  named: string[];
  /** Run the CLI as this user: root reads any file, whatever its mode. */
  uid?: number;
}

const mkfifo = (file: string): void => {
  const made = spawnSync('mkfifo', [file]);
  if (made.status !== 0) throw new Error(`mkfifo ${file}: ${made.stderr}`);
};

const CASES: FileSystemCase[] = [
  {
    given: 'an unreadable file (mode 000)',
    arrange: async ({ version }) => {
      await writeFile(path.join(version, 'locked.md'), fixture('encoding-base.md'));
      await chmod(path.join(version, 'locked.md'), 0o000);
    },
    named: ['locked.md'],
    uid: IS_ROOT ? NOBODY : undefined,
  },
  {
    given: 'a directory named x.md',
    arrange: async ({ version }) => mkdir(path.join(version, 'x.md')),
    named: ['x.md'],
  },
  {
    given: 'symbolic link loops (loop.md → loop.md, ping.md → pong.md → ping.md, cycle.md → its own folder)',
    arrange: async ({ version }) => {
      await symlink('loop.md', path.join(version, 'loop.md'));
      await symlink('pong.md', path.join(version, 'ping.md'));
      await symlink('ping.md', path.join(version, 'pong.md'));
      await symlink('.', path.join(version, 'cycle.md'));
    },
    named: ['loop.md', 'ping.md', 'pong.md', 'cycle.md'],
  },
  {
    // A file deleted between listing and reading cannot be timed from outside the run; a link
    // whose target is gone is what the reader then meets, deterministically.
    given: 'a file that vanished (a link to a deleted page)',
    arrange: async ({ version }) => symlink('deleted-page.md', path.join(version, 'gone.md')),
    named: ['gone.md'],
  },
  {
    given: 'a FIFO named fifo.md, which nobody writes to',
    arrange: async ({ version }) => mkfifo(path.join(version, 'fifo.md')),
    named: ['fifo.md'],
  },
  {
    // Not a file-system case, but the CLI's end of one: a page the reader throws on must not end
    // the run with exit 2. Small folders are read on the main thread, whose stack is the smallest.
    given: 'a page that overflows the reader\'s stack (block quotes 10,000 deep)',
    arrange: async ({ version }) => writeFile(path.join(version, 'deep.md'),
      `---\ndoc_type: resourcePageType\n---\n\n# deepQuote resource type\n\n${'> '.repeat(10_000)}the bottom\n`),
    named: ['deep.md'],
  },
  {
    given: 'links and @odata.type values that name paths outside --out',
    arrange: async ({ root, version }) => {
      const page = fixture('link-paths.md').replace('ABSOLUTE_MARKER', path.join(root, 'absolute-pwned'));
      await writeFile(path.join(version, 'link-paths.md'), page);
    },
    named: [],
  },
];

// ------------------------------------------------------------------------------------------
// Helpers

const roots: string[] = [];

async function layout(): Promise<Layout> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'graph-docs-typegen-hostile-fs-'));
  roots.push(root);
  const project = path.join(root, 'project');
  const version = path.join(project, VERSION_DIR);
  await cp(path.join(REPO_ROOT, 'docs/beta'), version, { recursive: true });
  return { root, project, version };
}

test.after(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

interface Run {
  status: number | null;
  output: string;
  hung: boolean;
}

function generate(project: string, options: { strict?: boolean; uid?: number } = {}): Run {
  const args = [CLI, 'generate', '--docs', 'docs', '--out', 'out', ...(options.strict ? ['--strict'] : [])];
  const run = spawnSync(process.execPath, args, {
    cwd: project, encoding: 'utf8', timeout: HANG_LIMIT_MS, killSignal: 'SIGKILL',
    env: { ...process.env, NO_COLOR: '1' },
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
  return { status: run.status, output: `${run.stdout ?? ''}${run.stderr ?? ''}`, hung: run.signal === 'SIGKILL' };
}

/** Gives a folder tree to `uid`, so a run as that user can read the pages and write --out. */
async function giveTo(dir: string, uid: number): Promise<void> {
  await chown(dir, uid, uid);
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isSymbolicLink()) await chown(path.join(entry.parentPath, entry.name), uid, uid);
  }
}

const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

/** Every problem with a run: hang, exit code, stack trace, entries not named, missing output. */
function runProblems(run: Run, named: string[], wantStatus: number): string[] {
  if (run.hung) return [`no exit after ${HANG_LIMIT_MS / 1000} s: the run hangs\n${run.output}`];
  const problems: string[] = [];
  if (run.status !== wantStatus) problems.push(`exit code ${run.status}, want ${wantStatus}`);
  if (STACK_LINE.test(run.output)) problems.push('the output holds a stack trace');
  for (const entry of named) {
    if (!run.output.includes(`${VERSION_DIR}/${entry}`)) problems.push(`no message names ${VERSION_DIR}/${entry}`);
  }
  return problems;
}

/** Files that changed, appeared or vanished outside --out (and the cache) during the run. */
function writesOutsideOut(before: Map<string, string>, after: Map<string, string>): string[] {
  const allowed = (file: string) => file.startsWith(`project${path.sep}out${path.sep}`) || file.startsWith(path.join('project', CACHE_DIR));
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((file) => before.get(file) !== after.get(file));
  return changed.filter((file) => !allowed(file)).map((file) => `written outside --out: ${file}${after.has(file) ? '' : ' (removed)'}`);
}

async function goodPagesWritten(project: string): Promise<string[]> {
  const declarations = await readFile(path.join(project, 'out/beta/graph.d.ts'), 'utf8').catch(() => '');
  return declarations.includes('export interface ResultInfo') ? [] : ['out/beta/graph.d.ts lacks ResultInfo, a type of a good page'];
}

// ------------------------------------------------------------------------------------------
// Tests

for (const given of CASES) {
  test(`hostile file system: ${given.given}`, async () => {
    const dirs = await layout();
    await given.arrange(dirs);
    if (given.uid !== undefined) await giveTo(dirs.root, given.uid);
    const before = await snapshot(dirs.root);
    const run = generate(dirs.project, { uid: given.uid });
    const problems = [...runProblems(run, given.named, 0)];
    if (!run.hung) problems.push(...await goodPagesWritten(dirs.project), ...writesOutsideOut(before, await snapshot(dirs.root)));
    assert.ok(problems.length === 0, `${problems.join('\n')}\n--- output:\n${run.output}`);
  });
}

test('hostile file system: under --strict every hostile entry at once exits 1 and names each', async () => {
  const dirs = await layout();
  const cases = CASES.filter((given) => given.uid === undefined);
  for (const given of cases) await given.arrange(dirs);
  const run = generate(dirs.project, { strict: true });
  const problems = runProblems(run, cases.flatMap((given) => given.named), 1);
  assert.ok(problems.length === 0, `${problems.join('\n')}\n--- output:\n${run.output}`);
});

test.run();
