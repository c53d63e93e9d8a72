/**
 * Whether an enum page or a values table is a flags enum, by its own text: one table of inline
 * pages and the flags each of their enums gets.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readPage } from '../../src/read/readPage.js';

interface FlagsCase {
  given: string;
  page: string;
  /** Each enum of the page and its flags. */
  want: Record<string, boolean>;
}

function enumPage(text: string, rows: string): string {
  return `---\ndoc_type: enumPageType\n---\n\n# windowsArchitecture enum type\n\nNamespace: microsoft.graph\n\n${text}\n\n## Members\n|Member|Value|Description|\n|:---|:---|:---|\n${rows}\n`;
}

const BITS = '|none|0|None.|\n|x86|1|X86.|\n|x64|2|X64.|\n|arm|4|Arm.|';
const SEQUENCE = '|none|0|None.|\n|x86|1|X86.|\n|x64|2|X64.|\n|arm|3|Arm.|';

/** `enums.md`: two values sections, only the second of which says anything of combining. */
const ENUMS_PAGE = `---\ndoc_type: enumPageType\n---\n\n# Enum values\n\nNamespace: microsoft.graph\n\n### sourceColor values\n\n| Member | Description |\n|:---|:---|\n| red | Red. |\n| blue | Blue. |\n\n`
  + '### sourceType values\n\nMultiple values can be combined.\n\n| Member | Description |\n|:---|:---|\n| mailbox | A mailbox. |\n| site | A site. |\n';

const CASES: FlagsCase[] = [
  { given: 'an enum page that says "Flag enum"', page: enumPage('Flag enum to determine which architectures apply.', BITS), want: { windowsArchitecture: true } },
  { given: 'an enum page whose member says "No flags set"', page: enumPage('Windows architectures.', BITS.replace('None.', 'No flags set.')), want: { windowsArchitecture: true } },
  { given: 'a values section that says its values combine, beside one that does not', page: ENUMS_PAGE, want: { sourceColor: false, sourceType: true } },
  {
    given: 'distinct powers of two and a combined value shown',
    page: enumPage('Windows architectures, for example `x86,x64` for both.', BITS),
    want: { windowsArchitecture: true },
  },
  { given: 'distinct powers of two and no combination shown: a plain enum', page: enumPage('Windows architectures.', BITS), want: { windowsArchitecture: false } },
  {
    given: 'a combination shown of members numbered in sequence',
    page: enumPage('Windows architectures, for example `x86,x64` for both.', SEQUENCE),
    want: { windowsArchitecture: false },
  },
  { given: 'a member named for comma-separated values', page: enumPage('File formats.', '|csv|0|Comma-separated values|\n|pdf|1|Portable Document Format|'), want: { windowsArchitecture: false } },
];

for (const { given, page, want } of CASES) {
  test(`flags enum: ${given}`, () => {
    const result = readPage('x.md', page);
    assert.equal(Object.fromEntries(result.enums.map((enumType) => [enumType.name, enumType.flags])), want);
  });
}

test.run();
