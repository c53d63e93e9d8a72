/**
 * The bases that base pages state for their derived types, against what the derived types' own
 * pages say: one table of page sets, the base each type ends with, and the mismatches reported.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildModel } from '../../src/model/build.js';
import { readPage } from '../../src/read/readPage.js';

/** A resource page of `odataType` (title on line 5), the text given from line 7, then the annotation. */
function resource(odataType: string, text = '', annotation = ''): string {
  const namespace = odataType.slice(0, odataType.lastIndexOf('.'));
  return `---\ndoc_type: resourcePageType\n---\n\n# ${odataType.split('.').pop()} resource type\n\n${text}\n\nNamespace: ${namespace}\n\n## JSON representation\n\n`
    + `<!-- { "blockType": "resource", ${annotation} "@odata.type": "${odataType}" } -->\n\`\`\`json\n{ }\n\`\`\`\n`;
}

const ENTITY = resource('microsoft.graph.entity', '', '"keyProperty": "id",');
const OUTCOME = resource('microsoft.graph.educationOutcome',
  'This is a base class; the derived types are [educationPointsOutcome](educationpointsoutcome.md) and [educationRubricOutcome](educationrubricoutcome.md).');

interface StatedCase {
  given: string;
  pages: Record<string, string>;
  /** Full name → the base it ends with (undefined: none). */
  want: Record<string, string | undefined>;
  /** `file:line reason` of each base-type-mismatch. */
  mismatches?: string[];
}

const CASES: StatedCase[] = [
  {
    given: 'types whose own pages name no base take the base page\'s type',
    pages: {
      'educationoutcome.md': OUTCOME,
      'educationpointsoutcome.md': resource('microsoft.graph.educationPointsOutcome'),
      'educationrubricoutcome.md': resource('microsoft.graph.educationRubricOutcome'),
    },
    want: { 'microsoft.graph.educationPointsOutcome': 'microsoft.graph.educationOutcome', 'microsoft.graph.educationRubricOutcome': 'microsoft.graph.educationOutcome' },
  },
  {
    given: 'a Derived types table',
    pages: {
      'meetinginfo.md': resource('microsoft.graph.meetingInfo', '## Derived types\n\n| Type | Description |\n|:---|:---|\n| [tokenMeetingInfo](tokenmeetinginfo.md) | A token. |'),
      'tokenmeetinginfo.md': resource('microsoft.graph.tokenMeetingInfo'),
    },
    want: { 'microsoft.graph.tokenMeetingInfo': 'microsoft.graph.meetingInfo' },
  },
  {
    given: 'a type of another namespace, found by the page its link names where its simple name finds another',
    pages: {
      'datasource.md': resource('microsoft.graph.dataSource', 'The derived types are [userSource](ediscovery-usersource.md).'),
      'usersource.md': resource('microsoft.graph.userSource'),
      'ediscovery-usersource.md': resource('microsoft.graph.ediscovery.userSource'),
    },
    want: { 'microsoft.graph.ediscovery.userSource': 'microsoft.graph.dataSource', 'microsoft.graph.userSource': undefined },
  },
  {
    given: 'a type of another namespace named by its qualified name',
    pages: {
      'ediscovery-datasource.md': resource('microsoft.graph.ediscovery.dataSource', '## Derived types\n\n- **microsoft.graph.site**'),
      'site.md': resource('microsoft.graph.site'),
    },
    want: { 'microsoft.graph.site': 'microsoft.graph.ediscovery.dataSource' },
  },
  {
    given: 'an own page that names the same base',
    pages: { 'educationoutcome.md': OUTCOME, 'educationpointsoutcome.md': resource('microsoft.graph.educationPointsOutcome', 'Inherits from [educationOutcome](educationoutcome.md).') },
    want: { 'microsoft.graph.educationPointsOutcome': 'microsoft.graph.educationOutcome' },
  },
  {
    given: 'an own page that names a less specific base: the base page\'s type is the more specific',
    pages: {
      'entity.md': ENTITY,
      'educationoutcome.md': resource('microsoft.graph.educationOutcome', 'The derived types are [educationPointsOutcome](educationpointsoutcome.md).', '"baseType": "microsoft.graph.entity",'),
      'educationpointsoutcome.md': resource('microsoft.graph.educationPointsOutcome', '', '"baseType": "microsoft.graph.entity",'),
    },
    want: { 'microsoft.graph.educationPointsOutcome': 'microsoft.graph.educationOutcome' },
  },
  {
    given: 'a base page that lists a derived type of its derived type, and the nearer base page that lists it too',
    pages: {
      'mediaquality.md': resource('microsoft.graph.mediaQuality', '## Derived types\n\n- [videoQuality](videoquality.md)\n- [screenQuality](screenquality.md)'),
      'videoquality.md': resource('microsoft.graph.videoQuality', '### Derived types\n\n- [screenQuality](screenquality.md)'),
      'screenquality.md': resource('microsoft.graph.screenQuality'),
    },
    want: { 'microsoft.graph.videoQuality': 'microsoft.graph.mediaQuality', 'microsoft.graph.screenQuality': 'microsoft.graph.videoQuality' },
  },
  {
    given: 'an own page that names a derived type of the stated base',
    pages: {
      'mediaquality.md': resource('microsoft.graph.mediaQuality', '## Derived types\n\n- [screenQuality](screenquality.md)'),
      'videoquality.md': resource('microsoft.graph.videoQuality', 'Inherits from [mediaQuality](mediaquality.md).'),
      'screenquality.md': resource('microsoft.graph.screenQuality', '', '"baseType": "microsoft.graph.videoQuality",'),
    },
    want: { 'microsoft.graph.screenQuality': 'microsoft.graph.videoQuality' },
  },
  {
    given: 'an own page that names another base: it is kept, and both places are named',
    pages: {
      'educationoutcome.md': OUTCOME,
      'educationpointsoutcome.md': resource('microsoft.graph.educationPointsOutcome', 'Inherits from [gradingResult](gradingresult.md).'),
      'gradingresult.md': resource('microsoft.graph.gradingResult'),
    },
    want: { 'microsoft.graph.educationPointsOutcome': 'microsoft.graph.gradingResult' },
    mismatches: ["educationoutcome.md:7 educationoutcome.md:7 lists 'educationPointsOutcome' among the derived types of 'educationOutcome', but its own page names 'gradingResult' as its base at educationpointsoutcome.md:7"],
  },
  {
    given: 'an own annotation that names another base',
    pages: {
      'educationoutcome.md': OUTCOME,
      'educationpointsoutcome.md': resource('microsoft.graph.educationPointsOutcome', '', '"baseType": "microsoft.graph.gradingResult",'),
      'gradingresult.md': resource('microsoft.graph.gradingResult'),
    },
    want: { 'microsoft.graph.educationPointsOutcome': 'microsoft.graph.gradingResult' },
    mismatches: ["educationoutcome.md:7 educationoutcome.md:7 lists 'educationPointsOutcome' among the derived types of 'educationOutcome', but its own page names 'gradingResult' as its base at educationpointsoutcome.md:13"],
  },
  {
    given: 'two unrelated base pages that list one type',
    pages: {
      'a.md': resource('microsoft.graph.a', 'The derived types are [shared](shared.md).'),
      'b.md': resource('microsoft.graph.b', 'The derived types are [shared](shared.md).'),
      'shared.md': resource('microsoft.graph.shared'),
    },
    want: { 'microsoft.graph.shared': 'microsoft.graph.a' },
    mismatches: ["b.md:7 b.md:7 lists 'shared' among the derived types of 'b', but a.md:7 among those of 'a'"],
  },
  {
    given: 'statements that would make a cycle are reported, not applied; one that names no known type is left',
    pages: {
      'a.md': resource('microsoft.graph.a', 'The derived types are [b](b.md) and [missing](missing.md).'),
      'b.md': resource('microsoft.graph.b', 'The derived types are [a](a.md).'),
    },
    want: { 'microsoft.graph.a': undefined, 'microsoft.graph.b': undefined },
    mismatches: [
      "a.md:7 a.md:7 lists 'b' among the derived types of 'a', which the pages derive from 'b'",
      "b.md:7 b.md:7 lists 'a' among the derived types of 'b', which the pages derive from 'a'",
    ],
  },
];

for (const { given, pages, want, mismatches = [] } of CASES) {
  test(`stated bases: ${given}`, () => {
    const result = buildModel('beta', Object.entries(pages).map(([file, text]) => readPage(file, text)));
    const bases = Object.fromEntries(result.model.types.filter((type) => Object.hasOwn(want, `${type.namespace}.${type.name}`))
      .map((type) => [`${type.namespace}.${type.name}`, type.kind === 'enum' ? 'enum' : type.baseType]));
    assert.equal(bases, want);
    assert.equal(result.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'base-type-mismatch').map((diagnostic) => `${diagnostic.file}:${diagnostic.line} ${diagnostic.reason}`), mismatches);
    assert.equal(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'), []);
  });
}

test.run();
