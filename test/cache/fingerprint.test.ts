import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { moduleClosure } from '../../src/cache/fingerprint.js';

test("the page cache's reader version covers every reader: resource, api and include pages, and their helpers", () => {
  const reader = new URL('../../src/parallel/readPageText.js', import.meta.url);
  const covered = moduleClosure([reader]).map((url) => path.basename(url.pathname));
  for (const module of ['readPage.js', 'page.js', 'apiPage.js', 'includePage.js', 'httpRequest.js', 'permissions.js', 'responseProse.js', 'markdown.js']) {
    assert.ok(covered.includes(module), `${module} is not in the reader's fingerprint`);
  }
});

test.run();
