import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { colorsEnabled, ProgressLine } from '../../src/cli/terminal.js';
import { CLI, plainEnvironment, runCli, scratchProject } from '../helpers/cli.js';

const projects: string[] = [];
async function project(config?: object): Promise<string> {
  const dir = await scratchProject();
  projects.push(dir);
  if (config) await writeFile(path.join(dir, 'graph-docs-typegen.config.json'), JSON.stringify(config));
  return dir;
}
const read = (dir: string, file: string) => readFile(path.join(dir, file), 'utf8');

test.after(async () => {
  await Promise.all(projects.map((dir) => rm(dir, { recursive: true, force: true })));
});

test('an invalid config file exits 2 with one line naming the key', async () => {
  const dir = await project({ enumstyle: 'union' });
  const run = runCli(['generate', '--no-cache'], dir);
  assert.is(run.status, 2);
  assert.match(run.stderr, /^graph-docs-typegen: graph-docs-typegen.config.json: unknown key 'enumstyle'/);
  assert.is(run.stderr.trim().split('\n').length, 1);
});

test('config settings apply and flags override them', async () => {
  const dir = await project({ enumStyle: 'union', out: 'types' });
  assert.is(runCli(['generate', '--no-cache'], dir).status, 0);
  assert.match(await read(dir, 'types/beta/graph.d.ts'), 'export type RecordOperationStatus = "notStarted" | "running" | "completed" | "failed";');
  assert.is(runCli(['generate', '--no-cache', '--enum-style', 'enum'], dir).status, 0);
  assert.match(await read(dir, 'types/beta/graph.d.ts'), 'export declare enum RecordOperationStatus {');
});

test('docsBaseUrl (config) and --docs-base-url (flag, overriding it) move the @see links; a bad URL exits 2', async () => {
  const dir = await project({ docsBaseUrl: 'https://config.example.com/pages/' });
  assert.is(runCli(['generate', '--no-cache'], dir).status, 0);
  assert.match(await read(dir, 'generated/beta/graph.d.ts'), '@see https://config.example.com/pages/recordoperation?view=graph-rest-beta');
  assert.is(runCli(['generate', '--no-cache', '--docs-base-url', 'https://flag.example.com/docs'], dir).status, 0);
  const graph = await read(dir, 'generated/beta/graph.d.ts');
  assert.match(graph, '@see https://flag.example.com/docs/recordoperation?view=graph-rest-beta');
  assert.not.match(graph, 'config.example.com');
  const bad = runCli(['generate', '--no-cache', '--docs-base-url', 'javascript:alert(1)'], dir);
  assert.is(bad.status, 2);
  assert.match(bad.stderr, "--docs-base-url: expected an http or https URL, got 'javascript:alert(1)'");
});

test('--emit json-schema (or the config\'s emit) adds schema.json per version; without it the file goes', async () => {
  const dir = await project();
  assert.is(runCli(['generate', '--no-cache', '--emit', 'json-schema'], dir).status, 0);
  assert.match(await read(dir, 'generated/beta/schema.json'), '"microsoft.graph.recordOperation": {');
  assert.ok(existsSync(path.join(dir, 'generated/v1.0/schema.json')));
  assert.is(runCli(['generate', '--no-cache'], dir).status, 0);
  assert.not.ok(existsSync(path.join(dir, 'generated/beta/schema.json')), 'a generated file no run asks for is removed');
  const bad = runCli(['generate', '--no-cache', '--emit', 'yaml'], dir);
  assert.is(bad.status, 2);
  assert.match(bad.stderr, "--emit takes json-schema, not 'yaml'");
  const configured = await project({ emit: ['json-schema'] });
  assert.is(runCli(['generate', '--no-cache'], configured).status, 0);
  assert.ok(existsSync(path.join(configured, 'generated/beta/schema.json')));
  const wrong = await project({ emit: ['yaml'] });
  assert.match(runCli(['generate', '--no-cache'], wrong).stderr, "'emit[0]' must be \"json-schema\"");
});

test('config versions give each version its own pages and output folder', async () => {
  const dir = await project({ versions: { beta: { docs: 'docs/beta', out: 'beta-types' } } });
  const run = runCli(['generate', '--no-cache'], dir);
  assert.is(run.status, 0, run.stderr);
  assert.ok(existsSync(path.join(dir, 'beta-types/graph.d.ts')));
  assert.match(await read(dir, 'beta-types/graph.d.ts'), 'Microsoft Graph beta types');
});

test('config: guards off, formats on by default, naming overrides, namespaces left out', async () => {
  const dir = await project({
    guards: false, namingOverrides: { 'microsoft.graph.widget': 'Gizmo' }, excludeNamespaces: ['microsoft.graph.termStore'], out: 'plain',
  });
  assert.is(runCli(['generate', '--no-cache'], dir).status, 0);
  const graph = await read(dir, 'plain/v1.0/graph.d.ts');
  assert.match(graph, 'export interface Gizmo extends Entity');
  assert.not.match(graph, 'export declare function isGizmo');
  assert.not.ok(existsSync(path.join(dir, 'plain/v1.0/termStore.d.ts')));
  assert.not.ok(existsSync(path.join(dir, 'plain/v1.0/runtime.js')));
  const formats = await project({ checkFormats: true, out: 'strict-formats' });
  assert.is(runCli(['generate', '--no-cache'], formats).status, 0);
  assert.match(await read(formats, 'strict-formats/beta/runtime.js'), 'const DEFAULT_CHECK_FORMATS = true;');
});

test('config includeNamespaces: only those modules, references out of them untyped', async () => {
  const dir = await project({ includeNamespaces: ['microsoft.graph.callRecords'], out: 'only' });
  const run = runCli(['generate', '--no-cache'], dir);
  assert.is(run.status, 0, run.stdout + run.stderr);
  assert.not.ok(existsSync(path.join(dir, 'only/v1.0/graph.d.ts')));
  const callRecords = await read(dir, 'only/v1.0/callRecords.d.ts');
  assert.match(callRecords, 'export interface WidgetSession {');
  assert.match(callRecords, '    part?: unknown;');
});

test('a header template with an unknown variable exits 2 naming the template and the variable', async () => {
  const dir = await project({ headerTemplate: 'my-header.txt' });
  await writeFile(path.join(dir, 'my-header.txt'), 'Types for {{apiVersoin}}\n');
  const run = runCli(['generate', '--no-cache'], dir);
  assert.is(run.status, 2);
  assert.match(run.stderr, "Template my-header.txt uses unknown variable 'apiVersoin'");
});

test('not on a terminal: no progress on stderr, a summary table on stdout', async () => {
  const dir = await project();
  const run = runCli(['generate', '--no-cache'], dir);
  assert.is(run.stderr, '');
  assert.match(run.stdout, /pages\s+45\n\s+types\s+\d+\n\s+enums\s+\d+\n\s+guards\s+\d+/);
});

test('progress is a rewritten line on a terminal and nothing elsewhere', () => {
  const written: string[] = [];
  const stream = { write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
  const line = new ProgressLine(stream, true);
  line.update('pages parsed 1/2');
  line.clear();
  assert.equal(written, ['\r\u001b[2Kpages parsed 1/2', '\r\u001b[2K']);
  const silent: string[] = [];
  new ProgressLine({ write: (text: string) => silent.push(text) } as unknown as NodeJS.WriteStream, false).update('x');
  assert.equal(silent, []);
});

const colourCases: { given: NodeJS.ProcessEnv; tty: boolean; want: boolean }[] = [
  { given: {}, tty: true, want: true },
  { given: {}, tty: false, want: false },
  { given: { NO_COLOR: '1' }, tty: true, want: false },
  { given: { FORCE_COLOR: '1' }, tty: false, want: true },
  { given: { FORCE_COLOR: '0' }, tty: true, want: false },
  { given: { FORCE_COLOR: '1', NO_COLOR: '1' }, tty: false, want: true },
];
for (const { given, tty, want } of colourCases) {
  test(`colours with ${JSON.stringify(given)} on ${tty ? 'a terminal' : 'a pipe'}: ${want}`, () => {
    assert.is(colorsEnabled({ isTTY: tty }, given), want);
  });
}

test('generate --watch regenerates after a change and survives a bad page', async () => {
  const dir = await project();
  const child = spawn(process.execPath, [CLI, 'generate', '--watch', '--quiet'], { cwd: dir, env: plainEnvironment() });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const waitFor = async (pattern: RegExp, what: string) => {
    for (let tries = 0; tries < 300 && !pattern.test(output); tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.match(output, pattern, what);
  };
  try {
    await waitFor(/watching docs for changes/, 'first run');
    await appendFile(path.join(dir, 'docs/beta/resultinfo.md'), '\n');
    await writeFile(path.join(dir, 'docs/beta/broken.md'), '---\ndoc_type: resourcePageType\n---\n<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.broken" -->\n| Property | Type |\n|---|\n| a | Strin |\n');
    await waitFor(/output\s+generated: \d+ written[^]*output\s+generated: \d+ written/, 'second run');
    await writeFile(path.join(dir, 'docs/v1.0/sprocket.md'), (await read(dir, 'docs/v1.0/widgetpart.md')).replace(/widgetPart/g, 'sprocket'));
    for (let tries = 0; tries < 300 && !(await read(dir, 'generated/v1.0/graph.d.ts')).includes('interface Sprocket'); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.match(await read(dir, 'generated/v1.0/graph.d.ts'), 'export interface Sprocket', 'a page added while watching is generated');
    assert.is(child.exitCode, null, 'still running');
  } finally {
    child.kill('SIGINT');
  }
});

test.run();
