import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readResponseSentence } from '../../src/read/responseProse.js';

const unresolved = (name: string) => ({ kind: 'unresolved' as const, name });
const cases: { given: string; want: Omit<NonNullable<ReturnType<typeof readResponseSentence>>, 'offset'> | undefined }[] = [
  { given: 'If successful, this method returns a `200 OK` response code and a [user](../resources/user.md) object in the response body.', want: { status: 200, type: unresolved('user'), collection: false } },
  { given: 'If successful, this method returns a `200 OK` response code and a collection of [message](../resources/message.md) objects in the response body.', want: { status: 200, type: unresolved('message'), collection: true } },
  { given: 'If successful, this method returns a `200 OK` response code and a [driveItem](../resources/driveitem.md) collection in the response body.', want: { status: 200, type: unresolved('driveItem'), collection: true } },
  { given: 'If successful, this method returns `201 Created` response code and [workbookNamedItem](../resources/nameditem.md) object in the response body.', want: { status: 201, type: unresolved('workbookNamedItem'), collection: false } },
  { given: 'If successful, this method returns a `200 OK` response code and the [object](../resources/recordoperation.md) in the response body.', want: { status: 200, type: unresolved('recordoperation'), collection: false } },
  { given: 'If successful, this function returns a `200 OK` response code and a String collection in the response body.', want: { status: 200, type: { kind: 'primitive', name: 'String' }, collection: true } },
  { given: 'If successful, this method returns a `200 OK` response code and a Stream in the response body.', want: { status: 200, type: { kind: 'primitive', name: 'Stream' }, collection: false } },
  { given: 'If successful, this method returns `204 No Content` response code. It does not return anything in the response body.', want: { status: 204, collection: false } },
  { given: 'If successful, this method returns a `202 Accepted` response code. See [error responses](/graph/errors) for failures.', want: { status: 202, collection: false } },
  { given: 'Returns `404 Not Found` when the user does not exist, and `200 OK` with a [user](user.md) object otherwise.', want: { status: 200, type: unresolved('user'), collection: false } },
  { given: 'This method returns nothing useful.', want: undefined },
];

for (const { given, want } of cases) {
  test(`response sentence ${JSON.stringify(given.slice(0, 70))}`, () => {
    const read = readResponseSentence(given);
    if (read) delete (read as Partial<typeof read>).offset;
    assert.equal(read, want);
  });
}

test.run();
