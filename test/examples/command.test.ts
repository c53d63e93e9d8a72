import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { VerificationReport } from '../../src/examples/report.js';
import { runCli } from '../helpers/cli.js';

const command = suite('verify-examples: a small docs version folder, end to end through the CLI');

const FENCE = '```';

const GADGET_PAGE = `---
doc_type: resourcePageType
---
# gadget resource type

Namespace: microsoft.graph

## Properties

| Property | Type | Description |
|:---|:---|:---|
|id|String|Identifier. Read-only.|
|size|Int32|How big it is.|
|color|String|Possible values are: \`red\`, \`green\`.|
|startDateTime|DateTimeOffset|When it started.|
`;

const SESSION_PAGE = `---
doc_type: resourcePageType
---
# gadgetSession resource type

Namespace: microsoft.graph.callRecords

## Properties

| Property | Type | Description |
|:---|:---|:---|
|id|String|Identifier.|
|minutes|Int32|How long.|
`;

function response(annotation: string, body: string): string {
  return `<!-- { "blockType": "response", ${annotation} } -->
${FENCE}http
HTTP/1.1 200 OK
Content-type: application/json

${body}
${FENCE}
`;
}

const API_PAGE = [
  '# Get gadget\n',
  response('"@odata.type": "microsoft.graph.gadget"', '{\n  "id": "1",\n  "size": 3,\n  "color": "red"\n}'),
  response('"@odata.type": "microsoft.graph.gadget", "isCollection": true, "truncated": true', '{\n  "value": [\n    { "id": "1", "color": "blue" },\n    ...\n  ]\n}'),
  response('"@odata.type": "microsoft.graph.gadget"', '{\n  "id": "2",\n  "size": "big",\n}'),
  response('"@odata.type": "microsoft.graph.callRecords.gadgetSession"', '{ "id": "s", "minutes": 5 }'),
  response('"@odata.type": "microsoft.graph.gadget"', '{\n  "id": "3"\n  "size": 1\n}'),
  response('"@odata.type": "Edm.String"', '"text"'),
].join('\n');

/** Two operations whose request bodies are checked: a create (the gadget type) and an action (its parameters). */
const CREATE_PAGE = `---
doc_type: apiPageType
---
# Create gadget

## HTTP request

${FENCE}http
POST /gadgets
${FENCE}

## Request body

In the request body, supply a JSON representation of the [gadget](../resources/gadget.md) object.

## Example

<!-- { "blockType": "request", "name": "create_gadget" } -->
${FENCE}http
POST https://graph.microsoft.com/v1.0/gadgets
Content-type: application/json

{
  "size": "big"
}
${FENCE}

<!-- { "blockType": "request", "name": "create_gadget_elsewhere" } -->
${FENCE}http
POST https://graph.microsoft.com/v1.0/widgets
Content-type: application/json

{ "size": 1 }
${FENCE}
`;

const PAINT_PAGE = `---
doc_type: apiPageType
---
# gadget: paint

## HTTP request

${FENCE}http
POST /gadgets/{id}/paint
${FENCE}

## Request body

| Parameter | Type | Description |
|:---|:---|:---|
|color|String|The new color. Required.|
|coats|Int32|How many coats. Optional.|

## Example

<!-- { "blockType": "request", "name": "paint_gadget" } -->
${FENCE}http
POST https://graph.microsoft.com/v1.0/gadgets/g1/paint
Content-type: application/json

{ "coats": 2 }
${FENCE}
`;

let root = '';

command.before(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'graph-docs-typegen-verify-'));
  await mkdir(path.join(root, 'v1.0/resources'), { recursive: true });
  await mkdir(path.join(root, 'v1.0/api'), { recursive: true });
  await writeFile(path.join(root, 'v1.0/resources/gadget.md'), GADGET_PAGE);
  await writeFile(path.join(root, 'v1.0/resources/callrecords-gadgetsession.md'), SESSION_PAGE);
  await writeFile(path.join(root, 'v1.0/api/gadget-get.md'), API_PAGE);
  await writeFile(path.join(root, 'v1.0/api/gadget-create.md'), CREATE_PAGE);
  await writeFile(path.join(root, 'v1.0/api/gadget-paint.md'), PAINT_PAGE);
});

command.after(async () => {
  await rm(root, { recursive: true, force: true });
});

command('checks every typed body, writes both reports and ends with the figures line', async () => {
  const run = runCli(['verify-examples', '--docs', 'v1.0', '--report-dir', 'out', '--min-pass-rate', '50'], root);
  assert.is(run.status, 0, run.stdout + run.stderr);
  const lines = run.stdout.trim().split('\n');
  assert.is(lines.at(-1), 'examples: found=6 notJson=1 checked=4 passed=2 (50.0%)');
  const report = JSON.parse(await readFile(path.join(root, 'out/verify-examples-report.json'), 'utf8')) as VerificationReport;
  assert.is(report.apiVersion, 'v1.0');
  assert.is(report.counts.repaired, 2);
  assert.is(report.counts.noType, 1);
  assert.equal(report.causes.map((cause) => cause.cause).sort(), ['expected integer (Int32), got string', 'not a member of enum gadgetColor']);
  const enumFailure = report.causes.find((cause) => cause.cause.startsWith('not a member'))!.failures[0];
  assert.equal([enumFailure.file, enumFailure.path], ['v1.0/api/gadget-get.md', '$.value[0].color']);
  assert.is(API_PAGE.split('\n')[enumFailure.line - 1].trim(), '{ "id": "1", "color": "blue" },');
  assert.equal(report.notJson.map((entry) => entry.reason), ["Expected ',' or '}' after property value"]);
  const markdown = await readFile(path.join(root, 'out/verify-examples-report.md'), 'utf8');
  assert.match(markdown, '| repaired | 2 |');
  assert.match(markdown, 'v1.0/api/gadget-get.md:');
});

command('a pass rate below --min-pass-rate (95% by default) exits 1 after the reports, saying so on stderr', () => {
  for (const floor of [[], ['--min-pass-rate', '50.1']]) {
    const run = runCli(['verify-examples', '--docs', 'v1.0', '--report-dir', 'below', ...floor], root);
    assert.is(run.status, 1, floor.join(' '));
    assert.is(run.stdout.trim().split('\n').at(-1), 'examples: found=6 notJson=1 checked=4 passed=2 (50.0%)');
    assert.is(run.stderr, `graph-docs-typegen: 50.0% of the checked examples pass, below --min-pass-rate ${floor[1] ?? 95}\n`);
  }
  for (const bad of ['', 'most', '101', '-1']) {
    const run = runCli(['verify-examples', '--docs', 'v1.0', `--min-pass-rate=${bad}`], root);
    assert.is(run.status, 2, bad);
    assert.match(run.stderr, `--min-pass-rate takes a percentage from 0 to 100, not '${bad}'`);
  }
});

command('checks request bodies against the operation their URL calls, on a line of their own before the figures line', async () => {
  const run = runCli(['verify-examples', '--docs', 'v1.0', '--report-dir', 'out-requests', '--min-pass-rate', '0'], root);
  assert.is(run.status, 0, run.stdout + run.stderr);
  const lines = run.stdout.trim().split('\n');
  assert.is(lines.at(-2), 'request bodies: found=3 unmatched=1 noType=0 notJson=0 checked=2 passed=0 (0.0%)');
  const { requestBodies } = JSON.parse(await readFile(path.join(root, 'out-requests/verify-examples-report.json'), 'utf8')) as VerificationReport;
  const failures = requestBodies.causes.flatMap((cause) => cause.failures.map((failure) => `${failure.file}:${failure.line} ${failure.odataType} ${failure.message}`));
  assert.equal(failures.sort(), [
    'v1.0/api/gadget-create.md:24 microsoft.graph.gadget $.size: expected integer (Int32), got string',
    'v1.0/api/gadget-paint.md:26 parameters $.color: required parameter missing',
  ]);
  assert.is(CREATE_PAGE.split('\n')[24 - 1].trim(), '"size": "big"');
  assert.is(PAINT_PAGE.split('\n')[26 - 1], '{ "coats": 2 }', 'a missing parameter is placed on the body\'s first line');
  assert.equal(requestBodies.unmatched.map((entry) => `${entry.file}:${entry.line} ${entry.url}`), ['v1.0/api/gadget-create.md:33 https://graph.microsoft.com/v1.0/widgets']);
  const markdown = await readFile(path.join(root, 'out-requests/verify-examples-report.md'), 'utf8');
  assert.match(markdown, '| request bodies found | 3 |');
});

command('a folder without resources/ and api/ is a usage error', () => {
  const run = runCli(['verify-examples', '--docs', '.'], root);
  assert.is(run.status, 2);
  assert.match(run.stderr, 'not a docs version folder');
});

command.run();
