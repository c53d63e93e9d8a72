/**
 * "Hostile input never breaks the output": each hostile page, beside a good one, runs through
 * the pipeline. Given the page, want: no crash and no hang; the good page's type still comes
 * out; where the issue asks for "a clear message with its place", a diagnostic with its rule id
 * and line; the emitted TypeScript type-checks under --strict; no page text runs as code.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  failedRun, fixture, GOOD_PAGE, injectedCode, IsolatedGenerator, lineOf, missingDiagnostics, missingTypes, outputPathProblems,
  removeVersionFolders, typeErrors, unwantedDiagnostics, versionFolder, type Pages, type WantDiagnostic,
} from './harness.js';

/** How long a small page may take, worker start-up and emit included; longer is a hang. */
const SMALL_PAGE_BUDGET_MS = 20_000;
/** How long a page of megabytes, or one built to be slow to parse, may take. */
const BIG_PAGE_BUDGET_MS = 90_000;

interface PageCase {
  /** What the hostile page holds. */
  given: string;
  /** The hostile pages, by file name; the good page is added to every case. */
  pages: () => Pages;
  want?: {
    /** Diagnostics the run must give, each naming its page and line. */
    diagnostics?: WantDiagnostic[];
    /**
     * Types (OData names) the model must still hold: an object type with the TypeScript type its
     * emitted interface gives each property named, an enum with members it must keep.
     */
    types?: Record<string, Record<string, string> | string[]>;
    /** The hostile page is valid after all: it may cause no warning beyond `diagnostics`. */
    clean?: boolean;
  };
  budgetMs?: number;
}

// ------------------------------------------------------------------------------------------
// Pages

const fromFixtures = (...names: string[]) => (): Pages => Object.fromEntries(names.map((name) => [name, fixture(name)]));

/** A diagnostic at the first line of a fixture that holds `needle`. */
const at = (ruleId: string, file: string, needle: string, content: string | Buffer = fixture(file)): WantDiagnostic =>
  ({ ruleId, file, line: lineOf(content, needle) });

const ENCODING_BASE = fixture('encoding-base.md');
const encoded = (transform: (text: string) => string | Buffer): Buffer | string => transform(ENCODING_BASE.replace(/ MARK-\S+/g, ''));
const ENCODING_TYPE = { encodingWidget: { id: 'string | null', name: 'string | null', size: 'number | null' } };

const INVALID_UTF8 = Buffer.concat(ENCODING_BASE.replace(' MARK-NUL', '').split('MARK-INVALID-UTF8')
  .flatMap((part, index) => (index === 0 ? [Buffer.from(part)] : [Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]), Buffer.from(part)])));
const NUL_BYTES = ENCODING_BASE.replace(' MARK-INVALID-UTF8', '').replace('MARK-NUL', 'before\0after\0\0');

/** A resource page `type` with `rows` (name, type, description) and text after the JSON block. */
function resourcePage(type: string, rows: string[], after = ''): string {
  return `---\ntitle: "${type} resource type"\ndoc_type: resourcePageType\n---\n\n# ${type} resource type\n\nNamespace: microsoft.graph\n\n`
    + `Represents ${type}.\n\n## Properties\n\n| Property | Type | Description |\n| :------- | :--- | :---------- |\n${rows.join('\n')}\n\n`
    + `## JSON representation\n\n<!-- {\n  "blockType": "resource",\n  "@odata.type": "microsoft.graph.${type}"\n}-->\n\`\`\`json\n{\n  "id": "String"\n}\n\`\`\`\n${after}`;
}

const TABLE_ROWS = 50_000;
const hugeTable = (): Pages => ({
  'huge-table.md': resourcePage('hugeTableWidget', Array.from({ length: TABLE_ROWS }, (_, index) => `| prop${index} | String | Property number ${index}. |`)),
});

const PARAGRAPH = `${'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore. '.repeat(10)}\n\n`;
const twentyMegabytes = (): Pages => ({
  'twenty-megabytes.md': resourcePage('twentyMegabyteWidget', ['| id | String | The identifier. |'],
    `\n## Remarks\n\n${PARAGRAPH.repeat(Math.ceil(20_000_000 / PARAGRAPH.length))}`),
});

const MEGABYTE = 1 << 20;
const megabyteLine = (filler: string) => (): Pages => ({
  'megabyte-line.md': resourcePage('longLineWidget', [
    '| id | String | The identifier. |',
    `| long | String | ${filler.repeat(Math.ceil(MEGABYTE / filler.length))} |`,
    '| after | Int32 | The row after the long one. |',
  ]),
});

const deepBlockQuotes = (depth: number) => (): Pages => ({
  'deep-blockquotes.md': resourcePage('deepQuoteWidget', ['| id | String | The identifier. |'], `\n## Notes\n\n${'> '.repeat(depth)}the bottom\n`),
});
const deepLists = (depth: number) => (): Pages => ({
  'deep-lists.md': resourcePage('deepListWidget', ['| id | String | The identifier. |'],
    `\n## Notes\n\n${Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}- level ${level + 1}`).join('\n')}\n`),
});

const API_REQUEST_LINES = 20_000;
const manyRequestLines = (): Pages => ({
  'many-request-lines.md': '---\ndoc_type: apiPageType\n---\n\n# List widgets\n\n## Permissions\n\n|Permission type|Permissions (from least to most privileged)|\n|:--|:--|\n|Application|Widget.Read.All|\n\n'
    + `## HTTP request\n\n\`\`\`http\n${Array.from({ length: API_REQUEST_LINES }, (_, index) => `GET /widgets${index}/{id}/parts`).join('\n')}\n\`\`\`\n\n`
    + `## Example\n\n<!-- { "blockType": "request" } -->\n\`\`\`http\nGET https://graph.microsoft.com/v1.0/widgets${API_REQUEST_LINES - 1}/w1/parts\n\`\`\`\n`,
});

const GLOBAL_PAGES = ['date', 'object', 'array', 'error', 'promise', 'function', 'record', 'map'].map((name) => `type-name-global-${name}.md`);
/** A type named like a global, as emitted: Date is the Edm primitive (a string), Object untyped; the others refer to the page's own type. */
const globalProperties = (name: string): Record<string, string> => {
  const reference = name === 'Date' ? 'string' : name;
  return {
    id: 'string | null', day: 'string | null', createdDateTime: 'string | null', tags: 'string[] | null', data: 'string | null', payload: 'unknown',
    ...(name === 'Object' ? { parent: 'unknown', children: 'unknown[]' } : { parent: `${reference} | null`, children: `${reference}[] | null` }),
  };
};
const globalCase = (name: string): PageCase => ({
  given: `a type named ${name}, like a TypeScript or JavaScript global`,
  pages: fromFixtures(`type-name-global-${name.toLowerCase()}.md`),
  want: { types: { [name]: globalProperties(name) } },
});

// ------------------------------------------------------------------------------------------
// Cases

const CASES: PageCase[] = [
  // Descriptions
  ...([
    ['*/', 'description-comment-close.md', 'commentCloseWidget'],
    ['/*', 'description-comment-open.md', 'commentOpenWidget'],
    ['*/ followed by code', 'description-comment-escape.md', 'commentEscapeWidget'],
    ['<script>', 'description-script-tag.md', 'scriptTagWidget'],
    ['backticks', 'description-backticks.md', 'backtickWidget'],
    ['${...} substitutions', 'description-template-literal.md', 'templateLiteralWidget'],
    ['U+2028 and U+2029', 'description-line-separator.md', 'lineSeparatorWidget'],
    ['quotes and backslashes', 'description-quotes.md', 'quoteWidget'],
  ] as const).map(([what, file, type]): PageCase => ({
    given: `descriptions holding ${what}`,
    pages: fromFixtures(file),
    want: {
      types: {
        [type]: { id: 'string | null', displayName: 'string | null', kind: `${type[0].toUpperCase()}${type.slice(1)}Kind | null`, mode: `${type[0].toUpperCase()}${type.slice(1)}Mode | null` },
        [`${type}Kind`]: ['plain', 'fancy'],
      },
      clean: true,
    },
  })),
  {
    given: 'enum values that are hostile text (`*/`, `<script>`, `${...}`, quotes)',
    pages: fromFixtures('enum-values-hostile.md'),
    want: {
      diagnostics: [at('invalid-enum-member', 'enum-values-hostile.md', '| `*/x` |')],
      types: { hostileValueWidget: { id: 'string | null', mode: 'string | null', stage: 'HostileValueStage | null' }, hostileValueStage: ['draft', 'unknownFutureValue'] },
    },
  },

  // Property names
  {
    given: 'property names that are reserved words (default, class, delete, function, new, typeof, in)',
    pages: fromFixtures('property-name-reserved-words.md'),
    want: {
      types: {
        reservedWordWidget: Object.fromEntries([['id', 'string | null'], ...['default', 'class', 'delete', 'function', 'new', 'typeof', 'in']
          .map((name) => [name, `ReservedWordWidget${name[0].toUpperCase()}${name.slice(1)} | null`])]),
      },
      clean: true,
    },
  },
  {
    given: 'property names that are keys of Object.prototype (__proto__, constructor, hasOwnProperty, ...)',
    pages: fromFixtures('property-name-prototype.md'),
    want: {
      types: {
        // fromEntries, as `__proto__:` in an object literal would set the prototype.
        prototypeWidget: Object.fromEntries([
          ['id', 'string | null'], ['__proto__', 'PrototypeWidget__proto__ | null'], ['constructor', 'PrototypeWidgetConstructor | null'],
          ['hasOwnProperty', 'PrototypeWidgetHasOwnProperty | null'], ['toString', 'PrototypeWidgetToString | null'],
          ['valueOf', 'PrototypeWidgetValueOf | null'], ['isPrototypeOf', 'PrototypeWidgetIsPrototypeOf | null'],
        ]),
      },
      clean: true,
    },
  },
  {
    given: 'the OData annotations @odata.type and @odata.id listed as properties',
    pages: fromFixtures('property-name-odata-type.md'),
    want: { types: { odataTypeWidget: { id: 'string | null' } } },
  },
  { given: 'a hyphenated property name (x-ms-id)', pages: fromFixtures('property-name-hyphen.md'), want: { types: { hyphenWidget: { id: 'string | null', 'x-ms-id': 'HyphenWidgetXMsId | null' } } } },
  { given: 'a dotted property name (a.b)', pages: fromFixtures('property-name-dotted.md'), want: { types: { dottedWidget: { id: 'string | null', 'a.b': 'DottedWidgetAB | null' } } } },
  {
    given: 'a property name holding a space (with space)',
    pages: fromFixtures('property-name-with-space.md'),
    want: { diagnostics: [at('invalid-property-name', 'property-name-with-space.md', '| with space |')], types: { spaceWidget: { id: 'string | null' } } },
  },
  {
    given: 'a property name starting with a digit (123abc)',
    pages: fromFixtures('property-name-leading-digit.md'),
    want: { diagnostics: [at('invalid-property-name', 'property-name-leading-digit.md', '| 123abc |')], types: { digitWidget: { id: 'string | null' } } },
  },
  {
    given: 'an empty property name cell',
    pages: fromFixtures('property-name-empty.md'),
    want: { diagnostics: [at('invalid-property-name', 'property-name-empty.md', 'by an empty cell')], types: { emptyNameWidget: { id: 'string | null' } } },
  },

  // Type names
  ...['Date', 'Object', 'Array', 'Error', 'Promise', 'Function', 'Record', 'Map'].map(globalCase),
  {
    given: 'every type named like a global, in one version, and a type using them all',
    pages: fromFixtures(...GLOBAL_PAGES, 'type-name-global-user.md'),
    want: {
      types: {
        globalUser: {
          id: 'string | null', myDate: 'string | null', myObject: 'unknown', myArray: 'Array | null', myRecord: 'Record | null',
          manyDates: 'string[] | null', manyObjects: 'unknown[]', manyArrays: 'Array[] | null', manyMaps: 'Map[] | null',
        },
        ...Object.fromEntries(['Date', 'Object', 'Array', 'Error', 'Promise', 'Function', 'Record', 'Map'].map((name) => [name, globalProperties(name)])),
      },
    },
  },
  {
    given: 'two types whose names differ only in case (fooBar and FooBar)',
    pages: fromFixtures('type-name-clash-lower.md', 'type-name-clash-upper.md'),
    want: {
      diagnostics: [{ ruleId: 'name-clash', file: ['type-name-clash-lower.md', 'type-name-clash-upper.md'] }],
      types: { fooBar: { id: 'string | null', lowerOnly: 'string | null' }, FooBar: { id: 'string | null', upperOnly: 'number | null' } },
    },
  },
  {
    given: 'two namespaces that make one module name (microsoft.graph.x-y and microsoft.graph.x_y)',
    pages: fromFixtures('namespace-clash-hyphen.md', 'namespace-clash-underscore.md'),
    want: {
      diagnostics: [{ ruleId: 'name-clash', file: ['namespace-clash-hyphen.md', 'namespace-clash-underscore.md'] }],
      types: {
        'microsoft.graph.x-y.clashWidget': { id: 'string | null', onlyHyphen: 'string | null' },
        'microsoft.graph.x_y.clashWidget': { id: 'string | null', onlyUnderscore: 'string | null' },
      },
    },
  },
  {
    given: 'an @odata.type holding `*/`, `<script>`, `${...}`, a backtick, U+2028 and code',
    pages: fromFixtures('type-name-hostile.md'),
    want: { diagnostics: [at('invalid-type-name', 'type-name-hostile.md', '"@odata.type"')] },
  },
  {
    given: 'links and @odata.type values that are paths (../../evil, /etc/passwd)',
    pages: () => ({ 'link-paths.md': fixture('link-paths.md') }),
    want: {
      diagnostics: [
        at('invalid-type-name', 'link-paths.md', '"@odata.type": "../../evil"'),
        at('invalid-type-name', 'link-paths.md', '"@odata.type": "microsoft.graph.evil/'),
      ],
      types: { linkWidget: { id: 'string | null', parent: 'unknown', sibling: 'unknown' } },
    },
  },

  // Tables
  {
    given: 'a table row with too few cells',
    pages: fromFixtures('table-missing-cells.md'),
    want: { diagnostics: [at('table-cell-count', 'table-missing-cells.md', '| missingCells |')], types: { missingCellsWidget: { id: 'string | null', missingCells: 'string | null', name: 'string | null' } } },
  },
  {
    given: 'a table row with too many cells',
    pages: fromFixtures('table-extra-cells.md'),
    want: { diagnostics: [at('table-cell-count', 'table-extra-cells.md', '| extraCells |')], types: { extraCellsWidget: { id: 'string | null', extraCells: 'string | null', name: 'string | null' } } },
  },
  {
    given: 'escaped pipes in description and type cells',
    pages: fromFixtures('table-escaped-pipes.md'),
    want: { types: { escapedPipeWidget: { id: 'string | null', pipeDescribed: 'string | null', pipeTyped: 'string | null', after: 'number | null' } } },
  },
  {
    given: 'a properties table without its header separator line',
    pages: fromFixtures('table-no-header-separator.md'),
    want: { diagnostics: [at('table-no-separator', 'table-no-header-separator.md', '| Property | Type | Description |')], types: { noSeparatorWidget: {} } },
  },
  {
    given: `a table of ${TABLE_ROWS.toLocaleString('en')} rows`,
    pages: hugeTable,
    // Not clean: the page's JSON block lists none of the rows, so each is a real property-not-in-json.
    want: { types: { hugeTableWidget: { prop0: 'string | null', [`prop${TABLE_ROWS - 1}`]: 'string | null' } } },
    budgetMs: BIG_PAGE_BUDGET_MS,
  },
  {
    given: 'a page of 20 MB',
    pages: twentyMegabytes,
    want: { types: { twentyMegabyteWidget: { id: 'string | null' } }, clean: true },
    budgetMs: BIG_PAGE_BUDGET_MS,
  },
  {
    given: 'a description line of 1 MB of words',
    pages: megabyteLine('word '),
    want: { types: { longLineWidget: { id: 'string | null', long: 'string | null', after: 'number | null' } } },
    budgetMs: BIG_PAGE_BUDGET_MS,
  },
  {
    given: 'a description line of 1 MB of emphasis markers (*_)',
    pages: megabyteLine('*_'),
    want: { types: { longLineWidget: { id: 'string | null', long: 'string | null', after: 'number | null' } } },
    budgetMs: BIG_PAGE_BUDGET_MS,
  },

  // Nesting
  { given: 'lists nested 64 deep', pages: fromFixtures('nested-lists.md'), want: { types: { nestedListWidget: { id: 'string | null' } } } },
  { given: 'block quotes nested 64 deep', pages: fromFixtures('nested-blockquotes.md'), want: { types: { nestedQuoteWidget: { id: 'string | null' } } } },
  { given: 'block quotes nested 10,000 deep', pages: deepBlockQuotes(10_000), want: { types: { deepQuoteWidget: { id: 'string | null' } } }, budgetMs: BIG_PAGE_BUDGET_MS },
  { given: 'lists nested 2,000 deep', pages: deepLists(2_000), want: { types: { deepListWidget: { id: 'string | null' } } }, budgetMs: BIG_PAGE_BUDGET_MS },

  // Encodings and line endings
  { given: 'a byte order mark', pages: () => ({ 'bom.md': encoded((text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])) }), want: { types: ENCODING_TYPE, clean: true } },
  { given: 'CRLF line endings', pages: () => ({ 'crlf.md': encoded((text) => text.replace(/\n/g, '\r\n')) }), want: { types: ENCODING_TYPE, clean: true } },
  { given: 'lone CR line endings', pages: () => ({ 'lone-cr.md': encoded((text) => text.replace(/\n/g, '\r')) }), want: { types: ENCODING_TYPE, clean: true } },
  {
    given: 'invalid UTF-8',
    pages: () => ({ 'invalid-utf8.md': INVALID_UTF8 }),
    want: { diagnostics: [at('invalid-utf8', 'invalid-utf8.md', '| name |', INVALID_UTF8)], types: ENCODING_TYPE },
  },
  {
    given: 'NUL bytes',
    pages: () => ({ 'nul-bytes.md': NUL_BYTES }),
    want: { diagnostics: [at('nul-bytes', 'nul-bytes.md', '| name |', NUL_BYTES)], types: ENCODING_TYPE },
  },

  // Api pages and permission includes
  {
    given: 'an api page with hostile and unreadable request lines, permissions, bodies and annotations',
    pages: fromFixtures('api-page-hostile.md', 'includes/permissions/hostile-permissions.md'),
    want: {
      diagnostics: [
        at('request-line-unreadable', 'api-page-hostile.md', 'GET /widgets/{id\n'),
        at('request-line-unreadable', 'api-page-hostile.md', 'DELETE /widgets/(('),
        at('permission-name-malformed', 'api-page-hostile.md', '|Delegated (work or school account) | Widget.Read.All, */'),
        at('example-url-unmatched', 'api-page-hostile.md', 'GET https://graph.microsoft.com/v1.0/drives/a/root:'),
        at('permission-name-malformed', 'includes/permissions/hostile-permissions.md', '|Delegated (work or school account)|*/ evil'),
      ],
    },
  },
  {
    given: `an api page of ${API_REQUEST_LINES.toLocaleString('en')} request lines`,
    pages: manyRequestLines,
    want: { clean: true },
    budgetMs: BIG_PAGE_BUDGET_MS,
  },
  { given: 'an empty file', pages: fromFixtures('empty.md'), want: { diagnostics: [{ ruleId: 'empty-page', file: 'empty.md', line: 1 }] } },
  {
    given: 'front matter that never closes',
    pages: fromFixtures('front-matter-unclosed.md'),
    want: { diagnostics: [{ ruleId: 'front-matter-unclosed', file: 'front-matter-unclosed.md', line: 1 }] },
  },
  {
    given: 'an annotation that is not valid JSON',
    pages: fromFixtures('invalid-annotation.md'),
    want: { diagnostics: [at('invalid-annotation', 'invalid-annotation.md', '<!-- {')], types: { invalidAnnotationWidget: { id: 'string | null', name: 'string | null' } } },
  },
];

// ------------------------------------------------------------------------------------------
// The test

const generator = new IsolatedGenerator();

test.after(async () => {
  await generator.close();
  await removeVersionFolders();
});

for (const given of CASES) {
  test(`hostile page: ${given.given}`, async () => {
    const pages = given.pages();
    const budget = given.budgetMs ?? SMALL_PAGE_BUDGET_MS;
    const outcome = await generator.generate(await versionFolder(pages), budget);
    const failure = failedRun(outcome, budget);
    if (failure || outcome.status !== 'done') return assert.unreachable(failure);
    const want = given.want ?? {};
    const hostileFiles = Object.keys(pages);
    const problems = [
      ...missingTypes(outcome.types, { [GOOD_PAGE.type]: GOOD_PAGE.properties, ...want.types }),
      ...missingDiagnostics(outcome.diagnostics, want.diagnostics ?? []),
      ...(want.clean ? hostileFiles.flatMap((file) => unwantedDiagnostics(outcome.diagnostics, file, want.diagnostics ?? [])) : []),
      ...outputPathProblems(outcome.files),
      ...injectedCode(outcome.files),
      ...(outputPathProblems(outcome.files).length > 0 ? [] : typeErrors(outcome.files)),
    ];
    assert.ok(problems.length === 0, `${problems.length} problems (run took ${(outcome.elapsedMs / 1000).toFixed(1)} s):\n  ${problems.join('\n  ')}`);
  });
}

test.run();
