/**
 * Orders strings by UTF-16 code units: the same order on every machine and locale, which is
 * what keeps the output, the diagnostics and the cache keys deterministic.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
