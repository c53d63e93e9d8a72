/**
 * A base page's statements of its derived types, one table of inline pages: what the page
 * says, and the statements it gives (derived type and line; the base is the page's own type).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readPage } from '../../src/read/readPage.js';

interface DerivedCase {
  given: string;
  page: string;
  /** `name@line` of every statement, or `name (target)@line` where a link names it. */
  want: string[];
}

/** A resource page of `namespace.widget`: front matter (lines 1-3), title (5), namespace (7), the text given from line 9, then the annotation. */
function resource(text: string, namespace = 'microsoft.graph'): string {
  return `---\ndoc_type: resourcePageType\n---\n\n# widget resource type\n\nNamespace: ${namespace}\n\n${text}\n\n## JSON representation\n\n`
    + `<!-- { "blockType": "resource", "@odata.type": "${namespace}.widget" } -->\n\`\`\`json\n{ }\n\`\`\`\n`;
}

const TABLE = '| Type | Description |\n|:---|:---|\n| [gadget](./gadget.md) | A gadget. |\n| [gizmo](gizmo.md) | A gizmo. |';

const CASES: DerivedCase[] = [
  { given: 'a Derived types section as a table', page: resource(`## Derived types\n\n${TABLE}`), want: ['gadget (./gadget.md)@13', 'gizmo (gizmo.md)@14'] },
  { given: 'a Derived types subsection as a table', page: resource(`## Properties\n\nNone.\n\n### Derived types\n\n${TABLE}`), want: ['gadget (./gadget.md)@17', 'gizmo (gizmo.md)@18'] },
  {
    given: 'a Derived types section as a list, by link, bold name and code',
    page: resource('## Derived types\n\n- [gadget](gadget.md) for gadgets\n- **gizmo**: for gizmos\n- `doohickey`'),
    want: ['gadget (gadget.md)@11', 'gizmo@12', 'doohickey@13'],
  },
  {
    given: 'prose that names the derived types',
    page: resource('A widget. This is a base class; the derived types are [gadget](gadget.md), [gizmo](gizmo.md), and [doohickey](doohickey.md).'),
    want: ['gadget (gadget.md)@9', 'gizmo (gizmo.md)@9', 'doohickey (doohickey.md)@9'],
  },
  {
    given: 'prose across lines, after an "abstract type" sentence',
    page: resource('This is an abstract type.\nAll widgets exist as one of the following derived types: [gadget](gadget.md) and\n[gizmo](gizmo.md).'),
    want: ['gadget (gadget.md)@10', 'gizmo (gizmo.md)@11'],
  },
  {
    given: 'prose that ends in a colon, and the list after it',
    page: resource('Derived types include:\n\n- [gadget](gadget.md) for gadgets\n- [gizmo](gizmo.md) for gizmos'),
    want: ['gadget (gadget.md)@11', 'gizmo (gizmo.md)@12'],
  },
  { given: 'prose that ends in a colon, and the table after it', page: resource(`It is the base type for each specific widget type:\n\n${TABLE}`), want: ['gadget (./gadget.md)@13', 'gizmo (gizmo.md)@14'] },
  {
    given: '"base type for" with the types right after it, or after "such as"',
    page: resource('Base type for [gadget](gadget.md). It is the base type for richer widgets such as [gizmo](gizmo.md).'),
    want: ['gadget (gadget.md)@9', 'gizmo (gizmo.md)@9'],
  },
  { given: '"is inherited by"', page: resource('It is inherited by [gadget](../resources/gadget.md).'), want: ['gadget (../resources/gadget.md)@9'] },
  {
    given: 'a type of another namespace, by a qualified name or a link to its page',
    page: resource('The derived types are [microsoft.graph.callRecords.gadget](callrecords-gadget.md) and [gizmo](security-gizmo.md).'),
    want: ['microsoft.graph.callRecords.gadget (callrecords-gadget.md)@9', 'gizmo (security-gizmo.md)@9'],
  },
  {
    given: '"base class for" followed by what it is for, not by its derived types',
    page: resource('A base class for apply actions in the [settings](settings.md) of a [definition](definition.md). Supported derived types:\n\n- [gadget](gadget.md) is a derived type of widget.'),
    want: ['gadget (gadget.md)@11'],
  },
  { given: 'prose that speaks of derived types without naming any', page: resource('It is the base type for many other directory entity types.'), want: [] },
  { given: 'a table after prose that names no derived types', page: resource(`Widgets come in kinds:\n\n${TABLE}`), want: [] },
  { given: 'derived types named outside the introduction', page: resource('## Properties\n\nNone.\n\n## Relationships\n\nThe derived types are [gadget](gadget.md).'), want: [] },
];

for (const { given, page, want } of CASES) {
  test(`derived types: ${given}`, () => {
    const result = readPage('widget.md', page);
    assert.equal(result.derivedTypes.map((statement) => `${statement.name}${statement.target ? ` (${statement.target})` : ''}@${statement.place.line}`), want);
    for (const statement of result.derivedTypes) assert.is(statement.baseType, `${page.match(/Namespace: (\S+)/)![1]}.widget`);
  });
}

test('derived types: a page that defines no type states none', () => {
  const result = readPage('overview.md', '---\ndoc_type: resourcePageType\n---\n\nThe derived types are [gadget](gadget.md).\n');
  assert.equal(result.derivedTypes, []);
});

test.run();
