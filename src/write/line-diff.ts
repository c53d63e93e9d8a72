/**
 * Line diff: Myers' O(ND) algorithm after trimming the common prefix and suffix. When a stretch
 * needs more edits than MAX_EXACT_EDITS, it is split at lines that occur exactly once on both
 * sides (as patience diff does) and each piece is diffed again; a piece with no such line is
 * reported as replaced whole. That keeps huge rewrites fast with a readable result.
 */

/** The lines a[aStart, aEnd) were replaced by b[bStart, bEnd); either side may be empty. */
export interface ChangeBlock {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** Myers keeps one diagonal array per edit step, so time and memory grow with the square of this. */
const MAX_EXACT_EDITS = 1000;

/** The changes turning `a` into `b`, in order, never touching or overlapping. */
export function diffLines(a: readonly string[], b: readonly string[]): ChangeBlock[] {
  const [aIds, bIds] = internLines(a, b);
  const blocks: ChangeBlock[] = [];
  diffRange(aIds, bIds, { aStart: 0, aEnd: a.length, bStart: 0, bEnd: b.length }, blocks);
  return blocks;
}

/** Equal lines get equal numbers, so the hot loops compare integers. */
function internLines(a: readonly string[], b: readonly string[]): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const toIds = (lines: readonly string[]): Int32Array =>
    Int32Array.from(lines, (line) => {
      let id = ids.get(line);
      if (id === undefined) {
        id = ids.size;
        ids.set(line, id);
      }
      return id;
    });
  return [toIds(a), toIds(b)];
}

function diffRange(a: Int32Array, b: Int32Array, range: ChangeBlock, out: ChangeBlock[]): void {
  let { aStart, aEnd, bStart, bEnd } = range;
  while (aStart < aEnd && bStart < bEnd && a[aStart] === b[bStart]) {
    aStart++;
    bStart++;
  }
  while (aEnd > aStart && bEnd > bStart && a[aEnd - 1] === b[bEnd - 1]) {
    aEnd--;
    bEnd--;
  }
  const trimmed = { aStart, aEnd, bStart, bEnd };
  if (aStart === aEnd && bStart === bEnd) return;
  if (aStart === aEnd || bStart === bEnd) {
    out.push(trimmed);
    return;
  }
  const exact = myers(a.subarray(aStart, aEnd), b.subarray(bStart, bEnd), MAX_EXACT_EDITS);
  if (exact === undefined) {
    diffAroundUniqueLines(a, b, trimmed, out);
    return;
  }
  for (const block of exact) {
    out.push({ aStart: block.aStart + aStart, aEnd: block.aEnd + aStart, bStart: block.bStart + bStart, bEnd: block.bEnd + bStart });
  }
}

/** Undefined when more than maxEdits inserted plus deleted lines are needed. */
function myers(a: Int32Array, b: Int32Array, maxEdits: number): ChangeBlock[] | undefined {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(maxEdits, n + m);
  const offset = limit + 1;
  // furthest[offset + k]: the furthest x reached on diagonal k = x - y.
  const furthest = new Int32Array(2 * limit + 3);
  // trace[d] holds diagonals -d..d of `furthest` as it was before step d, for backtracking.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    trace.push(furthest.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && furthest[offset + k - 1] < furthest[offset + k + 1]);
      let x = down ? furthest[offset + k + 1] : furthest[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      furthest[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m);
    }
  }
  return undefined;
}

function backtrack(trace: Int32Array[], n: number, m: number): ChangeBlock[] {
  const reversed: ChangeBlock[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const before = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && before[k - 1 + d] < before[k + 1 + d]);
    const previousK = down ? k + 1 : k - 1;
    const previousX = before[previousK + d];
    const previousY = previousX - previousK;
    // Moving down inserts b[previousY]; moving right deletes a[previousX]. The snake after it is skipped.
    const edit = down
      ? { aStart: previousX, aEnd: previousX, bStart: previousY, bEnd: previousY + 1 }
      : { aStart: previousX, aEnd: previousX + 1, bStart: previousY, bEnd: previousY };
    const later = reversed.at(-1);
    if (later !== undefined && later.aStart === edit.aEnd && later.bStart === edit.bEnd) {
      later.aStart = edit.aStart;
      later.bStart = edit.bStart;
    } else {
      reversed.push(edit);
    }
    x = previousX;
    y = previousY;
  }
  return reversed.reverse();
}

function diffAroundUniqueLines(a: Int32Array, b: Int32Array, range: ChangeBlock, out: ChangeBlock[]): void {
  const anchors = uniqueCommonLines(a, b, range);
  if (anchors.length === 0) {
    out.push(range);
    return;
  }
  let aPosition = range.aStart;
  let bPosition = range.bStart;
  for (const [aIndex, bIndex] of anchors) {
    diffRange(a, b, { aStart: aPosition, aEnd: aIndex, bStart: bPosition, bEnd: bIndex }, out);
    aPosition = aIndex + 1;
    bPosition = bIndex + 1;
  }
  diffRange(a, b, { aStart: aPosition, aEnd: range.aEnd, bStart: bPosition, bEnd: range.bEnd }, out);
}

/** Pairs [aIndex, bIndex] of lines unique on both sides, the longest run increasing on both. */
function uniqueCommonLines(a: Int32Array, b: Int32Array, range: ChangeBlock): Array<[number, number]> {
  const aUnique = uniquePositions(a, range.aStart, range.aEnd);
  const bUnique = uniquePositions(b, range.bStart, range.bEnd);
  const pairs: Array<[number, number]> = [];
  for (const [id, aIndex] of aUnique) {
    const bIndex = bUnique.get(id);
    if (aIndex >= 0 && bIndex !== undefined && bIndex >= 0) pairs.push([aIndex, bIndex]);
  }
  pairs.sort((p, q) => p[0] - q[0]);
  return longestIncreasingInB(pairs);
}

/** id → its index in lines[start, end), or -1 when it occurs more than once. */
function uniquePositions(lines: Int32Array, start: number, end: number): Map<number, number> {
  const positions = new Map<number, number>();
  for (let index = start; index < end; index++) {
    positions.set(lines[index], positions.has(lines[index]) ? -1 : index);
  }
  return positions;
}

/** Longest subsequence of pairs (already increasing in a) that also increases in b; O(n log n). */
function longestIncreasingInB(pairs: Array<[number, number]>): Array<[number, number]> {
  const tails: number[] = [];
  const predecessor = new Int32Array(pairs.length);
  for (let index = 0; index < pairs.length; index++) {
    const bIndex = pairs[index][1];
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (pairs[tails[middle]][1] < bIndex) low = middle + 1;
      else high = middle;
    }
    predecessor[index] = low > 0 ? tails[low - 1] : -1;
    tails[low] = index;
  }
  const result: Array<[number, number]> = [];
  for (let index = tails.at(-1) ?? -1; index >= 0; index = predecessor[index]) result.push(pairs[index]);
  return result.reverse();
}
