import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { WARNINGS_LISTED } from '../../src/cli/args.js';
import { diagnosticsToList } from '../../src/cli/diagnostics.js';
import type { Diagnostic, Severity } from '../../src/model/types.js';
import { runCli } from '../helpers/cli.js';

const diagnostic = (line: number, severity: Severity): Diagnostic =>
  ({ file: 'x.md', line, column: 1, severity, ruleId: 'rule', reason: 'r' });

const cases: { given: Severity[]; all: boolean; want: { listed: number; unlisted: number } }[] = [
  { given: Array(WARNINGS_LISTED).fill('warning'), all: false, want: { listed: WARNINGS_LISTED, unlisted: 0 } },
  { given: Array(WARNINGS_LISTED + 5).fill('warning'), all: false, want: { listed: WARNINGS_LISTED, unlisted: 5 } },
  { given: Array(WARNINGS_LISTED + 5).fill('warning'), all: true, want: { listed: WARNINGS_LISTED + 5, unlisted: 0 } },
  // Errors are always listed; info never is, nor counted as unlisted.
  { given: [...Array(WARNINGS_LISTED + 1).fill('warning'), 'error', 'info'], all: false, want: { listed: WARNINGS_LISTED + 1, unlisted: 1 } },
];
for (const { given, all, want } of cases) {
  test(`${given.length} diagnostics, all=${all}: ${want.listed} listed, ${want.unlisted} counted only`, () => {
    const { listed, unlisted } = diagnosticsToList(given.map((severity, index) => diagnostic(index + 1, severity)), all);
    assert.equal({ listed: listed.length, unlisted }, want);
    if (given.includes('error')) assert.ok(listed.some((entry) => entry.severity === 'error'));
  });
}

/** A page whose Properties table lists one property `count` times: a duplicate-property warning each time after the first. */
const pageWithDuplicates = (count: number) => `---
doc_type: resourcePageType
---
# widget resource type

## Properties
| Property | Type | Description |
|:--|:--|:--|
${Array.from({ length: count }, () => '| id | String | The id. |').join('\n')}

## JSON representation
<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widget" } -->
\`\`\`json
{ "id": "String" }
\`\`\`
`;

test('generate lists the first warnings and points to lint and --verbose for the rest; lint and --verbose list all', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'graph-docs-typegen-warnings-'));
  try {
    await writeFile(path.join(dir, 'widget.md'), pageWithDuplicates(WARNINGS_LISTED + 4));
    const warningLines = (stdout: string) => stdout.split('\n').filter((line) => / warning .* duplicate-property$/.test(line));
    const generate = runCli(['generate', '--docs', dir, '--out', path.join(dir, 'out'), '--no-cache', '--quiet'], dir);
    assert.is(generate.status, 0, generate.stderr);
    assert.is(warningLines(generate.stdout).length, WARNINGS_LISTED);
    assert.match(generate.stdout, /\.\.\. and 3 more warnings, counted by rule below: `graph-docs-typegen lint` lists them all/);
    assert.match(generate.stdout, /warnings +23 \(duplicate-property 23\)/);
    const verbose = runCli(['generate', '--docs', dir, '--out', path.join(dir, 'out'), '--no-cache', '--quiet', '--verbose'], dir);
    assert.is(warningLines(verbose.stdout).length, WARNINGS_LISTED + 3);
    assert.not.match(verbose.stdout, /more warnings/);
    const lint = runCli(['lint', '--docs', dir, '--no-cache', '--quiet'], dir);
    assert.is(warningLines(lint.stdout).length, WARNINGS_LISTED + 3);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
