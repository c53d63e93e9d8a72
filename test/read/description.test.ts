import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readDescription, type DescriptionFacts } from '../../src/read/description.js';

const cases: { given: string; want: DescriptionFacts }[] = [
  { given: 'The server operation ID. Read-only.', want: { readOnly: true, notNullable: false } },
  { given: 'The name. Not nullable.', want: { readOnly: false, notNullable: true } },
  { given: 'Unique Client Context string. Max limit is 256 chars.', want: { readOnly: false, notNullable: false, maxLength: 256 } },
  { given: 'The display name. Maximum length is 128 characters.', want: { readOnly: false, notNullable: false, maxLength: 128 } },
  {
    given: 'Possible values are: `notStarted`, `running`, `completed`, `failed`. Read-only.',
    want: { readOnly: true, notNullable: false, possibleValues: ['notStarted', 'running', 'completed', 'failed'] },
  },
  {
    given: 'The mode. Possible values are: low, medium, high.',
    want: { readOnly: false, notNullable: false, possibleValues: ['low', 'medium', 'high'] },
  },
  { given: 'Possible values are listed in the table below.', want: { readOnly: false, notNullable: false } },
  { given: 'The identifier. Inherited from [entity](entity.md).', want: { readOnly: false, notNullable: false, inheritedFrom: 'entity' } },
];

for (const { given, want } of cases) {
  test(`description ${JSON.stringify(given.slice(0, 50))}`, () => {
    assert.equal(readDescription(given), want);
  });
}

test.run();
