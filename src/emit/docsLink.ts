import path from 'node:path';

/** Where the published Graph docs are: learn.microsoft.com serves every resource page under this folder. */
export const DEFAULT_DOCS_BASE_URL = 'https://learn.microsoft.com/graph/api/resources/';

/** How a docs page's published address is built: plain data, so that it can be part of a cache key. */
export interface DocsLink {
  /** Ends with `/`. */
  baseUrl: string;
  /** The `view` learn.microsoft.com picks the API version by: `graph-rest-1.0`, `graph-rest-beta`. */
  view: string;
}

export function docsLink(apiVersion: string, baseUrl: string = DEFAULT_DOCS_BASE_URL): DocsLink {
  return { baseUrl: baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`, view: `graph-rest-${apiVersion.replace(/^v(?=\d)/, '')}` };
}

/** `resources/user.md` → `https://learn.microsoft.com/graph/api/resources/user?view=graph-rest-1.0`: the page's file name, without `.md`. */
export function pageUrl(link: DocsLink, file: string): string {
  const page = path.posix.basename(file.replace(/\\/g, '/')).replace(/\.md$/i, '');
  return `${link.baseUrl}${encodeURIComponent(page)}?view=${encodeURIComponent(link.view)}`;
}
