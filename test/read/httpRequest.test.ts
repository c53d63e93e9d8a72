import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isGraphUrl, looksLikeRequestLine, readRequestLine, requestPathMatcher } from '../../src/read/httpRequest.js';

const requestLines: { given: string; want: ReturnType<typeof readRequestLine> }[] = [
  { given: 'GET /me', want: { method: 'GET', path: '/me' } },
  { given: 'GET /users/{id | userPrincipalName}', want: { method: 'GET', path: '/users/{id | userPrincipalName}' } },
  { given: 'GET /users/{id}/messages/{id}/attachments/{id}', want: { method: 'GET', path: '/users/{id}/messages/{id}/attachments/{id}' } },
  { given: "GET /reports/getEmailActivityCounts(period='{period_value}')", want: { method: 'GET', path: "/reports/getEmailActivityCounts(period='{period_value}')" } },
  { given: 'GET /me/drive/items/{id}/workbook/worksheets/{id}/range/resizedRange(deltaRows={n}, deltaColumns={n})', want: { method: 'GET', path: '/me/drive/items/{id}/workbook/worksheets/{id}/range/resizedRange(deltaRows={n}, deltaColumns={n})' } },
  { given: 'GET /me/events?$select=subject', want: { method: 'GET', path: '/me/events', query: '$select=subject' } },
  { given: "GET /catalogs/{id}/resources?$filter=originSystem eq 'SharePointOnline'", want: { method: 'GET', path: '/catalogs/{id}/resources', query: "$filter=originSystem eq 'SharePointOnline'" } },
  { given: 'GET https://graph.microsoft.com/v1.0/users/{id}', want: { method: 'GET', path: '/users/{id}' } },
  { given: 'POST https://graph.microsoft.com/beta/communications/calls/{id}/record', want: { method: 'POST', path: '/communications/calls/{id}/record' } },
  { given: 'GET /me/calendars    // the signed-in user', want: { method: 'GET', path: '/me/calendars' } },
  { given: 'GET /me/events?$top=2 // first two', want: { method: 'GET', path: '/me/events', query: '$top=2' } },
  { given: 'get /me/messages', want: { method: 'GET', path: '/me/messages' } },
  { given: '  PATCH /groups/{id}', want: { method: 'PATCH', path: '/groups/{id}' } },
  { given: 'DELETE /groups/{id}/members/{id}/$ref', want: { method: 'DELETE', path: '/groups/{id}/members/{id}/$ref' } },
  { given: 'PUT /me/drive/root:/{item-path}:/content', want: { method: 'PUT', path: '/me/drive/root:/{item-path}:/content' } },
  { given: 'GET policies/claimsMappingPolicies', want: { method: 'GET', path: '/policies/claimsMappingPolicies' } },
  { given: 'DELETE/identity/b2xUserFlows/{id}/$ref', want: { method: 'DELETE', path: '/identity/b2xUserFlows/{id}/$ref' } },
  { given: 'GET ~/onPremisesPublishingProfiles/{publishingType}', want: { method: 'GET', path: '/onPremisesPublishingProfiles/{publishingType}' } },
  { given: "GET /me/drive/items/{id}/workbook/range(address='<address>'/entireRow", want: undefined },
  { given: 'GET /users/{id', want: undefined },
  { given: 'POST ** Collection URI for microsoft.management.services.api.x', want: undefined },
  { given: 'HEAD /users', want: undefined },
  { given: 'Content-Type: application/json', want: undefined },
  { given: '', want: undefined },
];

for (const { given, want } of requestLines) {
  test(`request line ${JSON.stringify(given)}`, () => {
    assert.equal(readRequestLine(given), want);
  });
}

const requestLike: { given: string; want: boolean }[] = [
  { given: 'HEAD /users', want: true },
  { given: 'post: /users', want: true },
  { given: 'GETT /users', want: true },
  { given: 'Content-Type: application/json', want: false },
  { given: '{', want: false },
];

for (const { given, want } of requestLike) {
  test(`looks like a request line: ${JSON.stringify(given)}`, () => {
    assert.is(looksLikeRequestLine(given), want);
  });
}

const matches: { given: { example: string; lines: string[] }; want: boolean }[] = [
  { given: { example: '/users/87d349ed', lines: ['/users/{id | userPrincipalName}'] }, want: true },
  { given: { example: '/users/87d349ed/messages', lines: ['/users/{id}'] }, want: false },
  { given: { example: "/reports/getEmailActivityCounts(period='D7')", lines: ["/reports/getEmailActivityCounts(period='{period_value}')"] }, want: true },
  { given: { example: "/me/drive/root/delta(token='1230919asd')", lines: ['/me/drive/root/delta'] }, want: true },
  { given: { example: '/Me/MailFolders/Inbox', lines: ['/me/mailFolders/{id}'] }, want: true },
  { given: { example: '/me/messages', lines: ['/users/{id}/messages'] }, want: true },
  { given: { example: '/drive/items/01ABC/children', lines: ['/me/drive/items/{item-id}/children'] }, want: true },
  { given: { example: '/me/drive/root/children', lines: ['/me/drive/items/{item-id}/children'] }, want: true },
  { given: { example: '/me/drive/root:/FolderA/FileB.txt:/content', lines: ['/me/drive/root:/{item-path}:/content'] }, want: true },
  { given: { example: "/me/messages('AAMkADA1M-zAAA=')/attachments", lines: ['/me/messages/{id}/attachments'] }, want: true },
  { given: { example: '/groups/{id}/members/microsoft.graph.user', lines: ['/groups/{id}/members'] }, want: true },
  { given: { example: '/education/classes/11003', lines: ['/education/classes/acdefc6b-2dc6-4e71-b1e9-6d9810ab1793'] }, want: true },
  { given: { example: '/resources/e5e7/roleSettings', lines: ['/resources/<resourceId>/roleSettings'] }, want: true },
  { given: { example: '/me/calendar', lines: ['/me/calendars/{id}'] }, want: false },
  { given: { example: '/connections/contosohr', lines: ['/external/connections/{id}'] }, want: false },
];

for (const { given, want } of matches) {
  test(`example path ${given.example} against ${given.lines.join(', ')}`, () => {
    assert.is(requestPathMatcher(given.lines)(given.example) !== undefined, want);
  });
}

test('the matcher gives the request path an example matches, for verify-examples to find its operation', () => {
  const matcher = requestPathMatcher(['/widgets', '/widgets/{widget-id}', '/groups/{group-id}/widgets/{widget-id}']);
  assert.is(matcher('/widgets/w1'), '/widgets/{widget-id}');
  assert.is(matcher('/groups/g1/widgets'), undefined);
});

test('only Graph hosts (or none) are Graph URLs: an upload URL Graph handed out is another service', () => {
  assert.ok(isGraphUrl('https://graph.microsoft.com/v1.0/me'));
  assert.ok(isGraphUrl('/me/drive'));
  assert.not.ok(isGraphUrl('https://sn3302.up.1drv.com/up/fe6987415ace7X4e1eF866337'));
});

test.run();
