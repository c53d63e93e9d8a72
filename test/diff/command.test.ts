import { spawnSync } from 'node:child_process';
import { copyFile, cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { DiffReport } from '../../src/diff/types.js';
import { CORPUS, REPO_ROOT, runCli, scratchProject } from '../helpers/cli.js';
import { corpusTest } from '../helpers/corpus.js';

const folders: string[] = [];
async function project(): Promise<string> {
  const dir = await scratchProject();
  folders.push(dir);
  return dir;
}

test.after(async () => {
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

const schema = JSON.parse(await readFile(path.join(REPO_ROOT, 'diff.schema.json'), 'utf8')) as object;
const validateReport = new Ajv({ allErrors: true }).compile(schema);

function jsonOf(run: { status: number | null; stdout: string; stderr: string }): DiffReport {
  const report = JSON.parse(run.stdout) as DiffReport;
  assert.ok(validateReport(report), JSON.stringify(validateReport.errors));
  return report;
}

const edit = async (file: string, change: (text: string) => string) => writeFile(file, change(await readFile(file, 'utf8')));
const brief = (report: DiffReport) => report.changes.map((change) => `${change.version} ${change.kind} ${change.type}${change.member ? ` ${change.member}` : ''} ${change.breaking ? 'breaking' : 'not-breaking'} ${change.rule}`);

/** The embedded docs with a property removed and an enum member added, in docs-edited/ beside docs/. */
async function editedDocs(dir: string): Promise<void> {
  await cp(path.join(dir, 'docs'), path.join(dir, 'docs-edited'), { recursive: true });
  await edit(path.join(dir, 'docs-edited/beta/widget.md'), (text) => text.replace(/^\| description\t.*\n/m, '').replace(/^ *"description": .*\n/m, ''));
  await edit(path.join(dir, 'docs-edited/beta/widget.md'), (text) => text.replace(/^(\| *mode *\| *)String/m, '$1Int32'));
}

test('diff: two docs folders, breaking first in Markdown, exact JSON that the schema accepts', async () => {
  const dir = await project();
  await editedDocs(dir);
  const markdown = runCli(['diff', '--from', 'docs', '--to', 'docs-edited', '--no-cache'], dir);
  assert.is(markdown.status, 0, markdown.stderr);
  assert.is(markdown.stderr, '', 'off a terminal, no progress line');
  assert.match(markdown.stdout, /^# API changes: `docs` → `docs-edited`\n\n2 breaking, 0 not breaking\.\n/);
  assert.match(markdown.stdout, '| property-removed | 1 | 0 |');
  assert.match(markdown.stdout, '## Breaking (2)\n\n### beta · microsoft.graph\n\n#### `widget`\n\n- property-removed `description` [property-removed]: was `Edm.String, nullable` (widget.md:33)');
  const report = jsonOf(runCli(['diff', '--from', 'docs', '--to', 'docs-edited', '--format', 'json', '--no-cache'], dir));
  assert.equal(report.summary, { breaking: 2, nonBreaking: 0 });
  assert.equal(report.changes[0], {
    kind: 'property-removed', version: 'beta', type: 'microsoft.graph.widget', member: 'description', breaking: true, rule: 'property-removed',
    from: { value: 'Edm.String, nullable', place: 'widget.md:33' }, to: null,
  });
  assert.equal(brief(report), [
    'beta property-removed microsoft.graph.widget description breaking property-removed',
    'beta property-changed microsoft.graph.widget mode breaking property-type-changed',
  ]);
});

test('diff: --fail-on breaking exits 1 on a breaking change, 0 on none', async () => {
  const dir = await project();
  await editedDocs(dir);
  assert.is(runCli(['diff', '--from', 'docs', '--to', 'docs-edited', '--fail-on', 'breaking'], dir).status, 1);
  assert.is(runCli(['diff', '--from', 'docs', '--to', 'docs-edited'], dir).status, 0, 'without --fail-on, breaking changes are reported only');
  const added = runCli(['diff', '--from', 'docs-edited', '--to', 'docs', '--fail-on', 'breaking', '--format', 'json'], dir);
  assert.is(added.status, 1, 'the way back changes the type of mode: breaking too');
  await edit(path.join(dir, 'docs-edited/beta/widget.md'), (text) => text.replace(/^(\| *mode *\| *)Int32/m, '$1String'));
  const additionOnly = runCli(['diff', '--from', 'docs-edited', '--to', 'docs', '--fail-on', 'breaking', '--format', 'json'], dir);
  assert.is(additionOnly.status, 0, additionOnly.stdout);
  assert.equal(brief(jsonOf(additionOnly)), ['beta property-added microsoft.graph.widget description not-breaking property-added']);
});

test('diff: a model file on either side; the generated tree\'s model.json is the docs it came from', async () => {
  const dir = await project();
  const same = jsonOf(runCli(['diff', '--from', 'generated/beta/model.json', '--to', 'docs', '--format', 'json'], dir));
  assert.equal(same.changes.filter((change) => change.version === 'beta'), []);
  assert.ok(same.changes.length === 0, 'v1.0 is only on the docs side and is not compared');
  const emitted = runCli(['generate', '--out', 'out', '--emit-model', 'models.json', '--quiet'], dir);
  assert.is(emitted.status, 0, emitted.stderr);
  await editedDocs(dir);
  const report = jsonOf(runCli(['diff', '--from', 'models.json', '--to', 'docs-edited', '--format', 'json'], dir));
  assert.is(report.summary.breaking, 2);
});

test('diff: versions are matched by name; one only on one side is named on stderr, not compared', async () => {
  const dir = await project();
  const run = runCli(['diff', '--from', 'generated/beta/model.json', '--to', 'docs'], dir);
  assert.is(run.status, 0, run.stderr);
  assert.match(run.stderr, 'v1.0: only in --to, not compared');
  const none = runCli(['diff', '--from', 'generated/beta/model.json', '--to', 'generated/v1.0/model.json'], dir);
  assert.is(none.status, 2);
  assert.match(none.stderr, 'no API version in common (from: beta; to: v1.0); name them with --from-version and --to-version');
});

test('diff: --from-version and --to-version compare two differently named versions', async () => {
  const dir = await project();
  const report = jsonOf(runCli(['diff', '--from', 'docs/v1.0', '--to', 'docs/beta', '--from-version', 'v1.0', '--to-version', 'beta', '--format', 'json'], dir));
  assert.ok(report.changes.length > 0);
  assert.ok(report.changes.every((change) => change.version === 'v1.0..beta'));
  assert.ok(report.changes.some((change) => change.kind === 'type-added' && change.type === 'microsoft.graph.recordOperation'), 'the seed page is in beta only');
  const missing = runCli(['diff', '--from', 'docs/v1.0', '--to', 'docs/beta', '--from-version', 'beta'], dir);
  assert.is(missing.status, 2);
  assert.match(missing.stderr, '--from-version beta: that side has v1.0');
});

for (const [args, message] of [
  [['diff', '--from', 'docs'], 'diff needs --from A and --to B'],
  [['diff', '--from', 'docs', '--to', 'docs', '--format', 'yaml'], "--format takes markdown or json, not 'yaml'"],
  [['diff', '--from', 'docs', '--to', 'docs', '--fail-on', 'any'], "--fail-on takes 'breaking', not 'any'"],
  [['diff', '--from', 'nowhere', '--to', 'docs'], 'nowhere: no such folder or file'],
  [['diff', '--from', 'docs/beta/widget.md', '--to', 'docs'], 'docs/beta/widget.md: not a model file'],
  [['generate', '--from', 'docs'], '--from goes with diff'],
  [['check', '--changelog'], '--changelog goes with generate'],
] as const) {
  test(`diff: usage error exits 2: ${args.join(' ')}`, async () => {
    const dir = await project();
    const run = runCli([...args], dir);
    assert.is(run.status, 2);
    assert.match(run.stderr, message);
  });
}

function git(cwd: string, ...args: string[]): string {
  const run = spawnSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=test', ...args], { cwd, encoding: 'utf8' });
  assert.is(run.status, 0, run.stderr);
  return run.stdout;
}

test('diff: git:REF[:PATH] reads the docs at a revision with git, checking nothing out', async () => {
  const dir = await project();
  git(dir, 'init', '-q');
  git(dir, 'add', 'docs');
  git(dir, 'commit', '-qm', 'docs');
  await edit(path.join(dir, 'docs/beta/widget.md'), (text) => text.replace(/^(\| *mode *\| *)String/m, '$1Int32'));
  git(dir, 'add', 'docs');
  git(dir, 'commit', '-qm', 'mode is a number');
  await edit(path.join(dir, 'docs/beta/widget.md'), (text) => text.replace(/^\| description\t.*\n/m, '').replace(/^ *"description": .*\n/m, ''));
  const status = git(dir, 'status', '--porcelain');
  const head = git(dir, 'rev-parse', 'HEAD');

  const working = jsonOf(runCli(['diff', '--from', 'git:HEAD', '--to', 'docs', '--format', 'json'], dir));
  assert.equal(brief(working), ['beta property-removed microsoft.graph.widget description breaking property-removed']);
  const history = jsonOf(runCli(['diff', '--from', 'git:HEAD~1', '--to', 'git:HEAD', '--format', 'json'], dir));
  assert.equal(brief(history), ['beta property-changed microsoft.graph.widget mode breaking property-type-changed']);
  const onePath = jsonOf(runCli(['diff', '--from', 'git:HEAD~1:docs/beta', '--to', 'docs/beta', '--format', 'json'], dir));
  assert.equal(onePath.changes.map((change) => change.member), ['description', 'mode']);
  const fromSubfolder = jsonOf(runCli(['diff', '--from', 'git:HEAD~1:.', '--to', '.', '--format', 'json'], path.join(dir, 'docs')));
  assert.equal(fromSubfolder.changes.map((change) => change.member), ['description', 'mode'], 'PATH is relative to the working folder');

  assert.is(git(dir, 'status', '--porcelain'), status, 'the working tree is as it was');
  assert.is(git(dir, 'rev-parse', 'HEAD'), head);
  const badRef = runCli(['diff', '--from', 'git:no-such-ref', '--to', 'docs'], dir);
  assert.is(badRef.status, 2);
  assert.match(badRef.stderr, "'no-such-ref' is not a revision of the repository");
  const outside = runCli(['diff', '--from', 'git:HEAD:../..', '--to', 'docs'], dir);
  assert.is(outside.status, 2);
  assert.match(outside.stderr, 'is outside the repository');
});

test('diff: git side in a folder that is no repository exits 2 saying so', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'graph-docs-typegen-nogit-'));
  folders.push(dir);
  await mkdir(path.join(dir, 'docs'));
  const run = runCli(['diff', '--from', 'git:HEAD', '--to', 'docs'], dir);
  assert.is(run.status, 2);
  assert.match(run.stderr, 'not a git repository');
});

corpusTest(test, 'diff: corpus copies edited (a property removed, a type changed, an enum member added, a page renamed) give exactly those changes', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'graph-docs-typegen-pair-'));
  folders.push(dir);
  const pages = ['entity', 'attendee', 'attendeebase', 'recipient', 'emailaddress', 'responsestatus', 'calendarpermission'];
  for (const side of ['a', 'b']) {
    await mkdir(path.join(dir, side, 'resources'), { recursive: true });
    for (const page of pages) await copyFile(path.join(CORPUS, 'v1.0/resources', `${page}.md`), path.join(dir, side, 'resources', `${page}.md`));
  }
  const b = (page: string) => path.join(dir, 'b/resources', page);
  await edit(b('recipient.md'), (text) => text.replace(/^\|emailAddress\|.*\n/m, '').replace(/^ *"emailAddress": .*\n/m, ''));
  await edit(b('responsestatus.md'), (text) => text.replace(/^(\| time +\| )DateTimeOffset/m, '$1Int32   ').replace('"time": "String (timestamp)"', '"time": 1024'));
  await edit(b('calendarpermission.md'), (text) => text.replace(/^(\| custom \|.*\n)/m, '$1| owner | The owner of the calendar. |\n'));
  await rename(b('attendeebase.md'), b('attendee-base.md'));
  const run = runCli(['diff', '--from', 'a', '--to', 'b', '--format', 'json', '--no-cache'], dir);
  assert.is(run.status, 0, run.stderr);
  assert.equal(brief(jsonOf(run)), [
    // attendeeBase's own table lists emailAddress, which it no longer inherits: now its own property.
    'v1.0 property-added microsoft.graph.attendeeBase emailAddress not-breaking property-added',
    'v1.0 enum-member-added microsoft.graph.calendarRoleType owner not-breaking enum-member-added',
    'v1.0 property-removed microsoft.graph.recipient emailAddress breaking property-removed',
    'v1.0 property-changed microsoft.graph.responseStatus time breaking property-type-changed',
  ]);
});

test.run();
