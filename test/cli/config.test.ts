import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isDocsBaseUrl } from '../../src/cli/args.js';
import { CONFIG_KEYS, validateConfig } from '../../src/cli/config.js';
import { REPO_ROOT } from '../helpers/cli.js';

interface SchemaNode {
  [keyword: string]: unknown;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | false;
  items?: SchemaNode;
}

const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'graph-docs-typegen.schema.json'), 'utf8')) as SchemaNode & {
  properties: Record<string, SchemaNode> & { docsBaseUrl: { pattern: string } };
};

const KNOWN = '$schema, docs, out, apiVersion, enumStyle, strict, quiet, verbose, jobs, noCache, guards, checkFormats, versions, '
  + 'namingOverrides, headerTemplate, docsBaseUrl, includeNamespaces, excludeNamespaces, emit';

const rejected: { given: unknown; want: string }[] = [
  { given: [], want: "'the config' must be an object, not a list" },
  { given: null, want: "'the config' must be an object, not null" },
  { given: { enumstyle: 'union' }, want: `unknown key 'enumstyle' (known: ${KNOWN})` },
  { given: { $schema: 1 }, want: "'$schema' must be a string, not number" },
  { given: { docs: '' }, want: `'docs' must be a non-empty string, not ""` },
  { given: { out: 1 }, want: "'out' must be a non-empty string, not number" },
  { given: { apiVersion: null }, want: "'apiVersion' must be a non-empty string, not null" },
  { given: { enumStyle: 'weird' }, want: `'enumStyle' must be "const" | "union" | "enum", not "weird"` },
  { given: { strict: 1 }, want: "'strict' must be true or false, not number" },
  { given: { quiet: 'no' }, want: `'quiet' must be true or false, not "no"` },
  { given: { verbose: [] }, want: "'verbose' must be true or false, not a list" },
  { given: { jobs: 0 }, want: "'jobs' must be a whole number ≥ 1, not number" },
  { given: { jobs: 1.5 }, want: "'jobs' must be a whole number ≥ 1, not number" },
  { given: { jobs: Infinity }, want: "'jobs' must be a whole number ≥ 1, not number" },
  { given: { jobs: '2' }, want: `'jobs' must be a whole number ≥ 1, not "2"` },
  { given: { noCache: null }, want: "'noCache' must be true or false, not null" },
  { given: { guards: 'yes' }, want: `'guards' must be true or false, not "yes"` },
  { given: { checkFormats: {} }, want: "'checkFormats' must be true or false, not object" },
  { given: { versions: [] }, want: "'versions' must be an object, each value an object with 'docs' and 'out', not a list" },
  { given: { versions: { beta: 'd' } }, want: `'versions.beta' must be an object with 'docs' and 'out', not "d"` },
  { given: { versions: { beta: { docs: 'd' } } }, want: "'versions.beta' needs 'out'" },
  { given: { versions: { 'v1.0': { out: 'o' } } }, want: "'versions.v1.0' needs 'docs'" },
  { given: { versions: { beta: { docs: 'd', out: '' } } }, want: `'versions.beta.out' must be a non-empty string, not ""` },
  { given: { versions: { beta: { docs: 'd', out: 'o', extra: 1 } } }, want: "unknown key 'versions.beta.extra' (known: docs, out)" },
  { given: { namingOverrides: 'x' }, want: `'namingOverrides' must be an object, each value a non-empty string, not "x"` },
  { given: { namingOverrides: { 'microsoft.graph.x': null } }, want: "'namingOverrides.microsoft.graph.x' must be a non-empty string, not null" },
  { given: { headerTemplate: '' }, want: `'headerTemplate' must be a non-empty string, not ""` },
  { given: { docsBaseUrl: 'docs.example.com/graph' }, want: `'docsBaseUrl' must be an http or https URL, not "docs.example.com/graph"` },
  { given: { docsBaseUrl: 'https://' }, want: `'docsBaseUrl' must be an http or https URL, not "https://"` },
  { given: { docsBaseUrl: 'http://docs.example.com:65536/' }, want: `'docsBaseUrl' must be an http or https URL, not "http://docs.example.com:65536/"` },
  { given: { docsBaseUrl: 'http://docs.example.1/' }, want: `'docsBaseUrl' must be an http or https URL, not "http://docs.example.1/"` },
  { given: { docsBaseUrl: 7 }, want: "'docsBaseUrl' must be an http or https URL, not number" },
  { given: { includeNamespaces: 'microsoft.graph' }, want: `'includeNamespaces' must be a list, each a non-empty string, not "microsoft.graph"` },
  { given: { excludeNamespaces: ['ok', 3] }, want: "'excludeNamespaces[1]' must be a non-empty string, not number" },
  { given: { emit: 'json-schema' }, want: `'emit' must be a list, each "json-schema", not "json-schema"` },
  { given: { emit: ['json-schema', 'yaml'] }, want: `'emit[1]' must be "json-schema", not "yaml"` },
];

for (const { given, want } of rejected) {
  test(`config rejects ${JSON.stringify(given)}`, () => {
    assert.throws(() => validateConfig(given, 'c.json'), (error: Error) => error.message === `c.json: ${want}`);
  });
}

const accepted: { given: object; why: string }[] = [
  { given: {}, why: 'no settings' },
  {
    why: 'every key',
    given: {
      $schema: './graph-docs-typegen.schema.json', docs: 'docs', out: 'generated', apiVersion: 'beta', enumStyle: 'union',
      strict: true, quiet: false, verbose: true, jobs: 2, noCache: true, guards: false, checkFormats: true,
      versions: { beta: { docs: 'd/beta', out: 'o/beta' }, 'v1.0': { docs: 'd/v1.0', out: 'o/v1.0' } },
      namingOverrides: { 'microsoft.graph.fooBar': 'FooBar2' }, headerTemplate: 'h.txt', docsBaseUrl: 'https://docs.example.com/graph/',
      includeNamespaces: ['microsoft.graph'], excludeNamespaces: ['microsoft.graph.termStore'], emit: ['json-schema'],
    },
  },
  { given: { docsBaseUrl: 'http://localhost:8080/resources/' }, why: 'a docs mirror on this machine' },
  { given: { docsBaseUrl: 'http://127.0.0.1:65535/resources/?lang=en#top' }, why: 'an IPv4 address, the highest port, a query and a fragment' },
];

for (const { given, why } of accepted) {
  test(`config accepts ${why}`, () => {
    assert.equal(validateConfig(given), given);
  });
}

test('the schema lists exactly the keys of the Config interface', () => {
  assert.equal(Object.keys(schema.properties).filter((key) => key !== '$schema').sort(), [...CONFIG_KEYS].sort());
});

test('the schema uses only keywords the error messages put into words', () => {
  const worded = new Set(['type', 'enum', 'minLength', 'minimum', 'pattern', 'items', 'properties', 'additionalProperties', 'required']);
  const annotations = new Set(['$schema', '$id', 'title', 'description']);
  const unworded: string[] = [];
  const visit = (node: SchemaNode, at: string): void => {
    for (const keyword of Object.keys(node)) if (!worded.has(keyword) && !annotations.has(keyword)) unworded.push(`${at}/${keyword}`);
    for (const [name, property] of Object.entries(node.properties ?? {})) visit(property, `${at}/properties/${name}`);
    if (node.additionalProperties) visit(node.additionalProperties, `${at}/additionalProperties`);
    if (node.items) visit(node.items, `${at}/items`);
  };
  visit(schema, '#');
  assert.equal(unworded, []);
});

test('the schema\'s docsBaseUrl pattern admits only URLs the URL parser takes, as --docs-base-url wants', () => {
  const pattern = new RegExp(schema.properties.docsBaseUrl.pattern, 'u');
  fc.assert(fc.property(fc.stringMatching(pattern), (url) => isDocsBaseUrl(url)), { numRuns: 2000 });
});

test.run();
