/** The flags and outputs no other test reaches: --help, --emit-model, --report json, lint's lines and summary. */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { OPTIONS, USAGE } from '../../src/cli/args.js';
import { generateDocs } from '../../src/pipeline.js';
import { REPO_ROOT, runCli, scratchProject } from '../helpers/cli.js';

const folders: string[] = [];
test.after(async () => {
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

const page = (type: string, rows: string[], annotated: boolean) => `---
doc_type: resourcePageType
---
# ${type} resource type

Namespace: microsoft.graph

## Properties

| Property | Type | Description |
|:---|:---|:---|
${rows.join('\n')}

## JSON representation

${annotated ? `<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.${type}" } -->\n` : ''}\`\`\`json
{ ${[...new Set(rows.map((row) => row.split('|')[1].trim()))].map((name) => `"${name}": "String"`).join(', ')} }
\`\`\`
`;

/** Two pages: one with an unknown type, one with a property listed twice and no annotation (an info); the rules sort otherwise than the files. */
async function lintProject(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'graph-docs-typegen-flags-'));
  folders.push(dir);
  await mkdir(path.join(dir, 'docs'));
  await writeFile(path.join(dir, 'docs/a-widget.md'), page('widget', ['| id | String | The identifier. |', '| size | Strin | How big. |'], true));
  await writeFile(path.join(dir, 'docs/gadget.md'), page('gadget', ['| id | String | The identifier. |', '| id | String | Again. |'], false));
  return dir;
}

const WIDGET_WARNING = { file: 'docs/a-widget.md', line: 13, column: 1, severity: 'warning', ruleId: 'unknown-type', reason: "Unknown type 'Strin' for property 'widget.size'" };
const GADGET_WARNING = { file: 'docs/gadget.md', line: 13, column: 1, severity: 'warning', ruleId: 'duplicate-property', reason: "Property 'id' is listed twice" };
const GADGET_INFO = { file: 'docs/gadget.md', line: 10, column: 1, severity: 'info', ruleId: 'missing-annotation', reason: "Page defines 'gadget' without a resource annotation" };

test('--help and -h print the usage, naming every command and flag, and exit 0', () => {
  for (const flag of ['--help', '-h']) {
    const run = runCli([flag], REPO_ROOT);
    assert.is(run.status, 0, flag);
    assert.is(run.stdout, `${USAGE}\n`, flag);
    assert.is(run.stderr, '');
  }
  for (const command of ['generate', 'check', 'lint', 'verify-examples', 'diff']) assert.match(USAGE, new RegExp(`^  ${command} `, 'm'), command);
  for (const [flag, option] of Object.entries(OPTIONS)) {
    const short = 'short' in option ? `-${option.short}, ` : '';
    assert.match(USAGE, new RegExp(`^  ${short}--${flag}\\b`, 'm'), `--${flag} has its line in --help`);
  }
});

test('lint prints each warning in the vfile style, sorted by file and place, then the summary by rule; writes nothing', async () => {
  const dir = await lintProject();
  const run = runCli(['lint', '--no-cache'], dir);
  assert.is(run.status, 0, run.stderr);
  const lines = run.stdout.trimEnd().split('\n');
  assert.equal(lines.slice(0, 2), [
    "docs/a-widget.md:13:1 warning Unknown type 'Strin' for property 'widget.size' unknown-type",
    "docs/gadget.md:13:1 warning Property 'id' is listed twice duplicate-property",
  ]);
  assert.equal(lines.slice(2, -1), [
    'graph-docs-typegen',
    '  pages     2',
    '  types     2',
    '  enums     0',
    '  guards    4',
    '  errors    0',
    '  warnings  2 (duplicate-property 1, unknown-type 1)',
    '  output    nothing written',
  ]);
  assert.match(lines.at(-1)!, /^ {2}time {6}\d+\.\d s$/);
  assert.equal(readdirSync(dir).sort(), ['docs'], 'lint writes nothing');
  const strict = runCli(['lint', '--no-cache', '--strict'], dir);
  assert.is(strict.status, 1, 'warnings fail the run under --strict');
});

test('--report json writes every diagnostic, info included, sorted; info is never printed', async () => {
  const dir = await lintProject();
  const run = runCli(['lint', '--no-cache', '--report', 'json', 'report.json'], dir);
  assert.is(run.status, 0, run.stderr);
  const report = JSON.parse(await readFile(path.join(dir, 'report.json'), 'utf8')) as unknown;
  assert.equal(report, { diagnostics: [WIDGET_WARNING, GADGET_INFO, GADGET_WARNING] });
  assert.not.match(run.stdout, 'missing-annotation');
  assert.not.match(run.stdout, 'without a resource annotation');
});

test('--emit-model writes the intermediate model of every version, as the pipeline builds it', async () => {
  const dir = await scratchProject();
  folders.push(dir);
  const run = runCli(['generate', '--no-cache', '--out', 'out', '--emit-model', 'model.json'], dir);
  assert.is(run.status, 0, run.stderr);
  const written = JSON.parse(await readFile(path.join(dir, 'model.json'), 'utf8')) as unknown;
  const { versions } = await generateDocs(path.join(REPO_ROOT, 'docs'), 'v1.0', { enumStyle: 'const', cacheDir: false });
  assert.equal(written, { models: versions.map((version) => version.output.model) });
  assert.equal(versions.map((version) => version.output.model.apiVersion), ['beta', 'v1.0']);
  assert.ok(versions.every((version) => version.output.model.types.length > 10));
  assert.ok(existsSync(path.join(dir, 'out/beta/graph.d.ts')), 'the output is written as well');
});

test.run();
