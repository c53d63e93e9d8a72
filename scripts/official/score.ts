/**
 * `npm run diff-official`'s arithmetic: the properties one version adds and removes, by the
 * official typings and by our diff, compared exactly (names are case-sensitive in Graph), with
 * recall (agreed / official) and precision (agreed / ours) per list.
 */
import { compareText } from '../../src/compareText.js';

export type List = 'added' | 'removed';
export const LISTS: readonly List[] = ['added', 'removed'];

/** A property one version adds or removes on a type (the type's OData full name). */
export interface PropertyChange {
  type: string;
  property: string;
  list: List;
}

export interface Disagreement extends PropertyChange {
  /** Which comparison has the change: the official typings' only, or ours only. */
  side: 'official' | 'ours';
  /** The other side has the same change with the property spelled in another case. */
  caseOnly: boolean;
}

export interface Score {
  official: number;
  ours: number;
  agreed: number;
  /** agreed / official; null when official is 0. */
  recall: number | null;
  /** agreed / ours; null when ours is 0. */
  precision: number | null;
}

export interface Scored {
  added: Score;
  removed: Score;
  both: Score;
  disagreements: Disagreement[];
}

/** The properties `to` has that `from` lacks (added) and those it lost (removed), compared exactly. */
export function changesBetween(type: string, from: Iterable<string>, to: Iterable<string>): PropertyChange[] {
  const before = new Set(from);
  const after = new Set(to);
  return [
    ...[...after].filter((property) => !before.has(property)).map((property): PropertyChange => ({ type, property, list: 'added' })),
    ...[...before].filter((property) => !after.has(property)).map((property): PropertyChange => ({ type, property, list: 'removed' })),
  ];
}

const keyOf = (change: PropertyChange): string => `${change.list}\u0000${change.type}\u0000${change.property}`;
const foldedKeyOf = (change: PropertyChange): string => `${change.list}\u0000${change.type}\u0000${change.property.toLowerCase()}`;

export function scoreOf(official: number, ours: number, agreed: number): Score {
  return { official, ours, agreed, recall: official === 0 ? null : agreed / official, precision: ours === 0 ? null : agreed / ours };
}

/** Both lists scored, and every change only one side has, sorted by type, list, property, side. */
export function scoreChanges(official: readonly PropertyChange[], ours: readonly PropertyChange[]): Scored {
  const officialKeys = new Set(official.map(keyOf));
  const oursKeys = new Set(ours.map(keyOf));
  const officialFolded = new Set(official.map(foldedKeyOf));
  const oursFolded = new Set(ours.map(foldedKeyOf));
  const disagreements: Disagreement[] = [];
  const scores = {} as Record<List, Score>;
  for (const list of LISTS) {
    const mine = unique(official.filter((change) => change.list === list));
    const theirs = unique(ours.filter((change) => change.list === list));
    const agreed = mine.filter((change) => oursKeys.has(keyOf(change))).length;
    scores[list] = scoreOf(mine.length, theirs.length, agreed);
    for (const change of mine) {
      if (!oursKeys.has(keyOf(change))) disagreements.push({ ...change, side: 'official', caseOnly: oursFolded.has(foldedKeyOf(change)) });
    }
    for (const change of theirs) {
      if (!officialKeys.has(keyOf(change))) disagreements.push({ ...change, side: 'ours', caseOnly: officialFolded.has(foldedKeyOf(change)) });
    }
  }
  const both = scoreOf(scores.added.official + scores.removed.official, scores.added.ours + scores.removed.ours, scores.added.agreed + scores.removed.agreed);
  disagreements.sort((a, b) => compareText(a.type, b.type) || compareText(a.list, b.list) || compareText(a.property, b.property) || compareText(a.side, b.side));
  return { added: scores.added, removed: scores.removed, both, disagreements };
}

function unique(changes: PropertyChange[]): PropertyChange[] {
  return [...new Map(changes.map((change) => [keyOf(change), change])).values()];
}

/** A percentage with one decimal; `n/a` for an empty denominator. */
export const percent = (ratio: number | null): string => (ratio === null ? 'n/a' : `${(ratio * 100).toFixed(1)}%`);

/** mulberry32: a small seeded generator, so a sample is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` items drawn without replacement (a Fisher–Yates shuffle's head), in the order drawn. */
export function sample<T>(items: readonly T[], count: number, seed: number): T[] {
  const random = seededRandom(seed);
  const pool = [...items];
  const take = Math.min(count, pool.length);
  for (let index = 0; index < take; index++) {
    const pick = index + Math.floor(random() * (pool.length - index));
    [pool[index], pool[pick]] = [pool[pick]!, pool[index]!];
  }
  return pool.slice(0, take);
}

/** A type's property names on one version's pages: declared on it, and with its bases' too. */
export interface PageNames {
  own: ReadonlySet<string>;
  all: ReadonlySet<string>;
}

/**
 * Where a disagreement's property is on our side (the models read from the pages), a first sort
 * of the causes: `has` is the version the change says has the property (beta for an addition),
 * `lacks` the other one.
 */
export function onThePages(disagreement: Disagreement, pages: { from: PageNames; to: PageNames }, versions = { from: 'from', to: 'to' }): string {
  const [has, lacks] = disagreement.list === 'added' ? [pages.to, pages.from] : [pages.from, pages.to];
  const [hasName, lacksName] = disagreement.list === 'added' ? [versions.to, versions.from] : [versions.from, versions.to];
  const property = disagreement.property;
  const inOtherCase = (names: ReadonlySet<string>) => [...names].some((name) => name !== property && name.toLowerCase() === property.toLowerCase());
  if (disagreement.side === 'official') {
    if (has.own.has(property)) return lacks.own.has(property) ? `declared on both versions' pages` : `declared on the ${hasName} page, inherited on the ${lacksName} pages`;
    if (has.all.has(property)) return lacks.all.has(property) ? `inherited on both versions' pages` : `inherited on the ${hasName} pages only`;
    if (lacks.all.has(property)) return `on the ${lacksName} pages only`;
    if (inOtherCase(has.all)) return `in another case on the ${hasName} pages`;
    return 'on no page of either version';
  }
  if (lacks.own.has(property)) return `declared on both versions' pages`;
  if (lacks.all.has(property)) return `inherited on the ${lacksName} pages (the base changed)`;
  if (inOtherCase(lacks.all)) return `in another case on the ${lacksName} pages`;
  return `on the ${hasName} pages only`;
}
