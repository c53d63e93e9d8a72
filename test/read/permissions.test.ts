import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isPermissionName, readPermissionsTable } from '../../src/read/permissions.js';

const INLINE = ['Permission type', 'Permissions (from least to most privileged)'];
const INCLUDE = ['Permission type', 'Least privileged permissions', 'Higher privileged permissions'];

const tables: { given: string; header: string[]; rows: string[][]; want: ReturnType<typeof readPermissionsTable> }[] = [
  {
    given: 'the inline table, least privileged first',
    header: INLINE,
    rows: [
      ['Delegated (work or school account)', 'User.Read, User.ReadWrite, Directory.AccessAsUser.All'],
      ['Delegated (personal Microsoft account)', 'User.Read'],
      ['Application', 'User.Read.All'],
    ],
    want: { scenarios: [{ permissions: { delegatedWork: ['User.Read', 'User.ReadWrite', 'Directory.AccessAsUser.All'], delegatedPersonal: ['User.Read'], application: ['User.Read.All'] }, row: 0 }], malformed: [] },
  },
  {
    given: '"Not supported." is null; a kind the table leaves out is []',
    header: INLINE,
    rows: [['Delegated (work or school account)', 'Not supported.'], ['Application', 'Calls.AccessMedia.All']],
    want: { scenarios: [{ permissions: { delegatedWork: null, delegatedPersonal: [], application: ['Calls.AccessMedia.All'] }, row: 0 }], malformed: [] },
  },
  {
    given: "an include's table: the least privileged, then the higher ones, order kept",
    header: INCLUDE,
    rows: [
      ['Delegated (work or school account)', 'Mail.ReadBasic', 'Mail.Read, Mail.ReadWrite'],
      ['Delegated (personal Microsoft account)', 'Not supported.', 'Not supported.'],
      ['Application', 'Mail.ReadBasic.All', 'Mail.Read'],
    ],
    want: { scenarios: [{ permissions: { delegatedWork: ['Mail.ReadBasic', 'Mail.Read', 'Mail.ReadWrite'], delegatedPersonal: null, application: ['Mail.ReadBasic.All', 'Mail.Read'] }, row: 0 }], malformed: [] },
  },
  {
    given: 'names with emphasis, line breaks, notes, "or"/"plus" and scenario labels',
    header: INLINE,
    rows: [['**Delegated (work or school account)**', '`Files.Read`<br>Files.ReadWrite (see below) or Sites.Read.All plus Group.Read.All; In teams: TeamMember.Read.All']],
    want: { scenarios: [{ permissions: { delegatedWork: ['Files.Read', 'Files.ReadWrite', 'Sites.Read.All', 'Group.Read.All', 'TeamMember.Read.All'], delegatedPersonal: [], application: [] }, row: 0 }], malformed: [] },
  },
  {
    given: 'a table with one scenario per row (Supported resource | Delegated ... | Application)',
    header: ['Supported resource', 'Delegated (work or school account)', 'Delegated (personal Microsoft account)', 'Application'],
    rows: [['[event](../resources/event.md)', 'Calendars.ReadWrite', 'Calendars.ReadWrite', 'Calendars.ReadWrite'], ['[post](../resources/post.md)', 'Group.ReadWrite.All', 'Not supported', 'Not supported']],
    want: {
      scenarios: [
        { permissions: { delegatedWork: ['Calendars.ReadWrite'], delegatedPersonal: ['Calendars.ReadWrite'], application: ['Calendars.ReadWrite'] }, row: 0 },
        { permissions: { delegatedWork: ['Group.ReadWrite.All'], delegatedPersonal: null, application: null }, row: 1 },
      ],
      malformed: [],
    },
  },
  {
    given: 'malformed names, each with its row ("n/a" is not supported)',
    header: INLINE,
    rows: [['Delegated (work or school account)', 'TODO: Determine scopes'], ['Application', 'Directory AccessAsUser.All, Mail.Send'], ['Delegated (personal Microsoft account)', 'n/a']],
    want: {
      scenarios: [{ permissions: { delegatedWork: ['Determine scopes'], delegatedPersonal: null, application: ['Directory AccessAsUser.All', 'Mail.Send'] }, row: 0 }],
      malformed: [{ name: 'Determine scopes', row: 0 }, { name: 'Directory AccessAsUser.All', row: 1 }],
    },
  },
  { given: 'a table that is no permissions table', header: ['Property', 'Type', 'Description'], rows: [['id', 'String', 'x']], want: undefined },
];

for (const { given, header, rows, want } of tables) {
  test(`permissions table: ${given}`, () => {
    assert.equal(readPermissionsTable(header, rows), want);
  });
}

const names: { given: string; want: boolean }[] = [
  { given: 'User.Read', want: true },
  { given: 'Mail.ReadWrite.Shared', want: true },
  { given: 'Directory.AccessAsUser.All', want: true },
  { given: 'eDiscovery.Read.All', want: true },
  { given: 'User-LifeCycleInfo.Read.All', want: true },
  { given: 'offline_access', want: true },
  { given: 'User', want: false },
  { given: 'Directory AccessAsUser.All', want: false },
  { given: 'n/a', want: false },
  { given: 'User.Read.', want: false },
];

for (const { given, want } of names) {
  test(`permission name ${JSON.stringify(given)}`, () => {
    assert.is(isPermissionName(given), want);
  });
}

test.run();
