import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isDocsBaseUrl } from '../../src/cli/args.js';
import { CONFIG_KEYS, validateConfig } from '../../src/cli/config.js';
import { REPO_ROOT } from '../helpers/cli.js';

const rejected: { given: unknown; want: string }[] = [
  { given: { enumstyle: 'union' }, want: "unknown key 'enumstyle'" },
  { given: { enumStyle: 'weird' }, want: `'enumStyle' must be "const" | "union" | "enum", not "weird"` },
  { given: { jobs: 0 }, want: "'jobs' must be a whole number ≥ 1, not number" },
  { given: { guards: 'yes' }, want: `'guards' must be true or false, not "yes"` },
  { given: { versions: { beta: { docs: 'd' } } }, want: "'versions.beta' needs 'out'" },
  { given: { versions: { beta: { docs: 'd', out: 'o', extra: 1 } } }, want: "unknown key 'versions.beta.extra'" },
  { given: { excludeNamespaces: ['ok', 3] }, want: "'excludeNamespaces[1]' must be a non-empty string, not number" },
  { given: { namingOverrides: { 'microsoft.graph.x': null } }, want: "'namingOverrides.microsoft.graph.x' must be a non-empty string, not null" },
  { given: [], want: "'the config' must be an object, not a list" },
  { given: { docsBaseUrl: 'docs.example.com/graph' }, want: `'docsBaseUrl' must be an http or https URL, not "docs.example.com/graph"` },
];

for (const { given, want } of rejected) {
  test(`config rejects ${JSON.stringify(given)}`, () => {
    assert.throws(() => validateConfig(given, 'c.json'), (error: Error) => error.message.startsWith(`c.json: ${want}`));
  });
}

test('config accepts every documented key', () => {
  const config = {
    $schema: './graph-docs-typegen.schema.json', docs: 'docs', out: 'generated', apiVersion: 'beta', enumStyle: 'union',
    strict: true, quiet: false, jobs: 2, noCache: true, guards: false, checkFormats: true,
    versions: { beta: { docs: 'd/beta', out: 'o/beta' } }, namingOverrides: { 'microsoft.graph.fooBar': 'FooBar2' },
    headerTemplate: 'h.txt', docsBaseUrl: 'https://docs.example.com/graph/', includeNamespaces: ['microsoft.graph'], excludeNamespaces: ['microsoft.graph.termStore'],
  };
  assert.equal(validateConfig(config), config);
});

test('the JSON Schema for editors lists exactly the keys the validator knows', () => {
  const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'graph-docs-typegen.schema.json'), 'utf8')) as { properties: object };
  assert.equal(Object.keys(schema.properties).filter((key) => key !== '$schema').sort(), [...CONFIG_KEYS].sort());
});

test('the schema\'s docsBaseUrl pattern admits only URLs the URL parser takes, as --docs-base-url wants', () => {
  const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'graph-docs-typegen.schema.json'), 'utf8')) as { properties: { docsBaseUrl: { pattern: string } } };
  const pattern = new RegExp(schema.properties.docsBaseUrl.pattern, 'u');
  fc.assert(fc.property(fc.stringMatching(pattern), (url) => isDocsBaseUrl(url)), { numRuns: 2000 });
});

test.run();
