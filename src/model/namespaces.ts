import type { PageResult } from '../read/types.js';
import { compareText } from '../compareText.js';

/**
 * Pages spell one namespace in several ways (`termStore`, `termstore`); the spelling most pages
 * use wins, ties going to the first in sort order, so one namespace gives one module.
 */
export function canonicalNamespaces(pages: PageResult[]): (namespace: string) => string {
  const counts = new Map<string, Map<string, number>>();
  const count = (namespace: string) => {
    const spellings = counts.get(namespace.toLowerCase()) ?? new Map<string, number>();
    spellings.set(namespace, (spellings.get(namespace) ?? 0) + 1);
    counts.set(namespace.toLowerCase(), spellings);
  };
  for (const page of pages) {
    for (const object of page.objects) count(object.namespace);
    for (const enumType of page.enums) count(enumType.namespace);
  }
  const canonical = new Map<string, string>();
  for (const [key, spellings] of counts) {
    const [best] = [...spellings].sort(([a, countA], [b, countB]) => countB - countA || compareText(a, b));
    canonical.set(key, best[0]);
  }
  return (namespace) => canonical.get(namespace.toLowerCase()) ?? namespace;
}
