import { appendFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { committedOutput, runCli, scratchProject, snapshot } from '../helpers/cli.js';

const projects: string[] = [];
async function project(): Promise<string> {
  const dir = await scratchProject();
  projects.push(dir);
  return dir;
}

test.after(async () => {
  await Promise.all(projects.map((dir) => rm(dir, { recursive: true, force: true })));
});

test('check: in sync exits 0 with a one-line summary and writes nothing', async () => {
  const dir = await project();
  const before = await snapshot(dir);
  const run = runCli(['check'], dir);
  assert.is(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /generated is up to date/);
  assert.equal(await snapshot(dir), before);
});

test('check: a hand edit to a generated file exits 1, names it and shows the fix', async () => {
  const dir = await project();
  await appendFile(path.join(dir, 'generated/beta/graph.d.ts'), 'export type HandEdit = 1;\n');
  const before = await snapshot(dir);
  const run = runCli(['check'], dir);
  assert.is(run.status, 1);
  assert.match(run.stdout, 'changed: beta/graph.d.ts');
  assert.match(run.stdout, '-export type HandEdit = 1;');
  assert.match(run.stdout, 'npm run generate');
  assert.equal(await snapshot(dir), before, 'check writes nothing');
});

test('check: a docs change prints the API changes, breaking first, above the files that differ', async () => {
  const dir = await project();
  const widget = path.join(dir, 'docs/beta/widget.md');
  await writeFile(widget, (await readFile(widget, 'utf8'))
    .replace(/^(\| *mode *\| *)String/m, '$1Int32')
    .replace(/^(\| description\t.*\n)/m, '$1| heft | Double | The heft in grams. |\n'));
  const run = runCli(['check'], dir);
  assert.is(run.status, 1);
  const filesStart = run.stdout.indexOf('\n\nchanged: ');
  const [summary, files] = [run.stdout.slice(0, filesStart), run.stdout.slice(filesStart)];
  assert.match(summary, [
    'API changes: 1 breaking, 1 not breaking',
    '  beta microsoft.graph.widget: property-changed `mode` [property-type-changed]: `Edm.String, nullable` (widget.md:36) → `Edm.Int32, nullable` (widget.md:37)',
    '  beta microsoft.graph.widget: property-added `heft` [property-added]: now `Edm.Double, nullable` (widget.md:34)',
  ].join('\n'));
  assert.match(files, 'changed: beta/model.json');
});

test('check: an output folder without model.json says the API changes cannot be told', async () => {
  const dir = await project();
  await rm(path.join(dir, 'generated/beta/model.json'));
  const run = runCli(['check'], dir);
  assert.is(run.status, 1);
  assert.match(run.stdout, `API changes: ${path.join('generated', 'beta', 'model.json')} is missing, so what changed in that version cannot be told`);
  assert.match(run.stdout, 'missing: beta/model.json');
});

test('generate --changelog: appends the changes since the last generated tree and the bump they call for', async () => {
  const dir = await project();
  const changelog = path.join(dir, 'generated/CHANGELOG.md');
  const widget = path.join(dir, 'docs/beta/widget.md');
  const page = await readFile(widget, 'utf8');
  await writeFile(widget, page.replace(/^(\| description\t.*\n)/m, '$1| heft | Double | The heft in grams. |\n'));
  let run = runCli(['generate', '--changelog', '--quiet'], dir);
  assert.is(run.status, 0, run.stderr);
  assert.match(run.stdout, 'CHANGELOG.md: minor (0 breaking, 1 not breaking)');
  assert.is(await readFile(changelog, 'utf8'), [
    '# Changelog', '', '## 0.2.0 (minor after 0.1.0)', '', 'API changes: 0 breaking, 1 not breaking.', '',
    '- beta microsoft.graph.widget: property-added `heft` [property-added]: now `Edm.Double, nullable` (widget.md:34)', '',
  ].join('\n'));
  await writeFile(widget, page.replace(/^(\| description\t.*\n)/m, '$1| heft | Double | The heft in kilograms. |\n'));
  run = runCli(['generate', '--changelog', '--quiet'], dir);
  assert.match(run.stdout, 'CHANGELOG.md: patch (0 breaking, 0 not breaking)');
  await writeFile(widget, page);
  run = runCli(['generate', '--changelog', '--quiet'], dir);
  assert.match(run.stdout, 'CHANGELOG.md: major (1 breaking, 0 not breaking)');
  run = runCli(['generate', '--changelog', '--quiet'], dir);
  assert.match(run.stdout, 'CHANGELOG.md not updated: no change since the last generated tree');
  const sections = (await readFile(changelog, 'utf8')).split('\n').filter((line) => line.startsWith('## '));
  assert.equal(sections, ['## 0.2.0 (minor after 0.1.0)', '## 0.1.1 (patch after 0.1.0)', '## 1.0.0 (major after 0.1.0)']);
  assert.is(runCli(['check'], dir).status, 0, 'CHANGELOG.md is the user\'s file: check leaves it alone');
});

test('check: a page added to docs/ but never generated exits 1', async () => {
  const dir = await project();
  await writeFile(path.join(dir, 'docs/v1.0/sprocket.md'), `---
doc_type: resourcePageType
---
# sprocket resource type

## Properties
| Property | Type | Description |
|:---|:---|:---|
| teeth | Int32 | Number of teeth. |

## JSON representation
<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.sprocket" } -->
\`\`\`json
{ "teeth": 12 }
\`\`\`
`);
  const run = runCli(['generate', '--check'], dir);
  assert.is(run.status, 1);
  assert.match(run.stdout, 'changed: v1.0/graph.d.ts');
  assert.match(run.stdout, '+export interface Sprocket');
});

test('check: a stale generated file is extra, a foreign file is ignored', async () => {
  const dir = await project();
  await writeFile(path.join(dir, 'generated/v1.0/old.js'), '// @generated by graph-docs-typegen\nexport {};\n');
  await writeFile(path.join(dir, 'generated/NOTES.md'), 'hand-written\n');
  const run = runCli(['check'], dir);
  assert.is(run.status, 1);
  assert.match(run.stdout, 'extra: v1.0/old.js');
  assert.not.match(run.stdout, 'NOTES.md');
});

test('generate: removes stale generated files and keeps foreign ones', async () => {
  const dir = await project();
  await writeFile(path.join(dir, 'generated/v1.0/old.js'), '// @generated by graph-docs-typegen\nexport {};\n');
  await writeFile(path.join(dir, 'generated/NOTES.md'), 'hand-written\n');
  const run = runCli(['generate'], dir);
  assert.is(run.status, 0, run.stderr);
  assert.match(run.stdout, /0 written, \d+ unchanged, 1 removed/);
  const want = await committedOutput();
  want.set('NOTES.md', 'hand-written\n');
  assert.equal(await snapshot(path.join(dir, 'generated')), want, 'the committed files, the foreign one, and no old.js');
});

test('generate: from no output folder writes every file of the committed generated/', async () => {
  const dir = await project();
  const run = runCli(['generate', '--no-cache', '--out', 'fresh'], dir);
  assert.is(run.status, 0, run.stderr);
  const want = new Map([...await committedOutput()].filter(([file]) => file.startsWith('v1.0/') || file.startsWith('beta/')));
  assert.equal(await snapshot(path.join(dir, 'fresh')), want);
});

test('generate: a failure mid-way leaves the old tree intact and no staging folder', async () => {
  const dir = await project();
  await appendFile(path.join(dir, 'docs/beta/widget.md'), '\nA change that alters the output.\n');
  await writeFile(path.join(dir, 'docs/beta/widgetpart.md'), (await readFile(path.join(dir, 'docs/beta/widgetpart.md'), 'utf8')).replace(/\| Double/g, '| Int64'));
  await writeFile(path.join(dir, 'generated/v1.0/index.js'), 'hand-written, where a generated file goes\n');
  const before = await snapshot(dir);
  const run = runCli(['generate'], dir);
  assert.is(run.status, 2);
  assert.match(run.stderr, 'v1.0/index.js');
  assert.equal(await snapshot(dir), before);
  assert.equal((await readdir(dir)).sort(), ['docs', 'generated']);
});

test('usage errors are one line and exit 2', async () => {
  const dir = await project();
  for (const args of [['--bogus'], ['frobnicate'], ['generate', '--docs', 'missing'], ['generate', '--enum-style', 'weird']]) {
    const run = runCli(args, dir);
    assert.is(run.status, 2, args.join(' '));
    assert.is(run.stderr.trim().split('\n').length, 1, run.stderr);
    assert.match(run.stderr, /^graph-docs-typegen: /);
  }
});

test.run();
