import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sha256 } from './entryStore.js';

/** `from './x.js'`, `import './x.js'` and `import('./x.js')`: the project's own modules, by relative path. */
const RELATIVE_IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*['"](\.\.?\/[^'"]+)['"]/g;
const PACKAGE_JSON = new URL('../../../package.json', import.meta.url);

const fingerprints = new Map<string, string>();

/**
 * The generator's own version as far as some results go: a hash of the compiled code of the
 * given modules and of every project module they import, directly or not, plus the package
 * manifest (the version, and the exact versions of remark and ts-morph) and any extra files
 * (templates the code reads at run time).
 *
 * Hashing the code rather than trusting the version number means a rebuilt generator (a reader
 * rule changed, nothing bumped) never reuses what the old code produced; following imports from
 * a module, rather than hashing the whole of dist/, means a change to the emitter keeps the
 * parsed pages, whose code it is not.
 */
export function codeFingerprint(entries: URL[], extraFiles: URL[] = []): string {
  const id = [...entries, ...extraFiles].map(String).join('\n');
  let fingerprint = fingerprints.get(id);
  if (!fingerprint) {
    const hashes = [...moduleClosure(entries), ...extraFiles].map((url) => `${url.href} ${sha256(readFileSync(url))}`);
    fingerprint = sha256([readFileSync(PACKAGE_JSON, 'utf8'), ...hashes.sort()].join('\n'));
    fingerprints.set(id, fingerprint);
  }
  return fingerprint;
}

/** Every file directly inside a folder, for `extraFiles`. */
export function filesIn(folder: URL): URL[] {
  return readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => new URL(entry.name, folder));
}

/** The given modules and every project module they import, directly or not. */
export function moduleClosure(entries: URL[]): URL[] {
  const seen = new Map<string, URL>();
  const pending = [...entries];
  while (pending.length > 0) {
    const url = pending.pop()!;
    if (seen.has(url.href)) continue;
    let code: string;
    try {
      code = readFileSync(fileURLToPath(url), 'utf8');
    } catch {
      continue; // An import-like phrase in a comment: not a module.
    }
    seen.set(url.href, url);
    for (const match of code.matchAll(RELATIVE_IMPORT)) pending.push(new URL(match[1], url));
  }
  return [...seen.values()];
}
