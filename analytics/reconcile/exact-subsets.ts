/**
 * Exact subset sums over a small pool of integer amounts (fen), for sum matches. Sizes 2, 3
 * and 4 use hashing (a pair-sum table for 4), so a pool of n rows costs O(n²) rather than
 * O(n⁴); larger sizes fall back to a pruned depth-first search. Only the smallest size that
 * has any solution is returned: a deposit explained by two receipts is never re-explained
 * by four. accidentalSumPool bounds the pool per size so that a chance exact sum among
 * unrelated rows stays unlikely; that bound is also what keeps the search cheap at scale.
 */

/**
 * Every subset (as positions into `values`) of the smallest size from `minSize` (2) to `maxSize` whose
 * values sum to `target`, at most `limit` of them.
 * @param values positive integers
 * @example exactSubsets([150010, 230020, 99], 380030, 4) // [[0, 1]]
 */
export function exactSubsets(values: readonly number[], target: number, maxSize: number, limit = 16, poolFor: (size: number) => number = () => values.length, minSize = 2): number[][] {
  let order: number[] = [];
  let ordered = 0; // how many leading values `order` covers
  for (let size = minSize; size <= Math.min(maxSize, values.length); size++) {
    // Only the first poolFor(size) values take part in subsets of this size.
    const n = Math.min(values.length, Math.max(size, poolFor(size)));
    const pool = n === values.length ? values : values.slice(0, n);
    if (size <= 3 && ordered !== n) {
      order = ascending(pool, n);
      ordered = n;
    }
    const found = size === 2 ? pairs(pool, order, target, -1, limit) : size === 3 ? triples(pool, order, target, limit) : size === 4 ? quads(pool, target, limit) : deeper(pool, target, size, limit);
    if (found.length) return found;
  }
  return [];
}

// Positions 0 … n − 1 by value, then position: an insertion sort, as the pools are a few
// dozen values and a sort call would copy them into a work array first.
function ascending(values: readonly number[], n: number): number[] {
  const order = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    let m = k - 1;
    while (m >= 0 && values[order[m]] > values[k]) {
      order[m + 1] = order[m];
      m--;
    }
    order[m + 1] = k;
  }
  return order;
}

/**
 * The most candidates a search for `size` rows summing to `target` may look at so that an
 * accidental exact sum stays unlikely: C(n, size) subsets spread over about `target`
 * possible totals, so n is the largest with C(n, size) ≤ risk × target.
 * @example accidentalSumPool(4, 500_000, 0.05) // 28
 */
export function accidentalSumPool(size: number, target: number, risk: number): number {
  const budget = risk * Math.abs(target);
  let n = size;
  let subsets = 1; // C(size, size)
  while (n < 4096) {
    const next = (subsets * (n + 1)) / (n + 1 - size); // C(n + 1, size)
    if (next > budget) break;
    subsets = next;
    n++;
  }
  return n;
}

// Pairs among order[from+1..] summing to target, by walking inwards from both ends.
function pairs(values: readonly number[], order: readonly number[], target: number, from: number, limit: number): number[][] {
  const out: number[][] = [];
  let lo = from + 1;
  let hi = order.length - 1;
  while (lo < hi && out.length < limit) {
    const sum = values[order[lo]] + values[order[hi]];
    if (sum < target) lo++;
    else if (sum > target) hi--;
    else {
      // Every pairing inside runs of equal values on either end is a solution.
      let h = hi;
      while (h > lo && values[order[h]] === values[order[hi]] && out.length < limit) out.push([order[lo], order[h--]]);
      lo++;
    }
  }
  return out;
}

function triples(values: readonly number[], order: readonly number[], target: number, limit: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < order.length - 2 && out.length < limit; i++) {
    const rest = target - values[order[i]];
    if (rest < 2 * values[order[i]]) break; // the other two are at least as large
    for (const p of pairs(values, order, rest, i, limit - out.length)) out.push([order[i], ...p]);
  }
  return out;
}

// Scratch space for the packed pair sums of up to 64 candidates, reused by every call.
const PAIR_KEYS = new Float64Array((64 * 63) / 2);

// Pair sums packed with their positions into one float (sum × 4096 + i × 64 + j), sorted
// natively, then walked from both ends: the common case of up to 64 candidates.
function quads(values: readonly number[], target: number, limit: number): number[][] {
  const n = values.length;
  if (n > 64 || target * 4096 >= Number.MAX_SAFE_INTEGER) return quadsByMap(values, target, limit);
  const keys = PAIR_KEYS;
  let m = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const sum = values[i] + values[j];
      if (sum < target) keys[m++] = sum * 4096 + i * 64 + j;
    }
  }
  const sorted = keys.subarray(0, m).sort();
  const sumAt = (k: number) => Math.floor(sorted[k] / 4096);
  const out: number[][] = [];
  // Two pairs make a set only when disjoint; {a < b < c < d} is kept once, as (a, b) + (c, d).
  const join = (p: number, q: number) => {
    const cp = sorted[p] % 4096;
    const cq = sorted[q] % 4096;
    const [i, j, k, l] = [cp >> 6, cp & 63, cq >> 6, cq & 63];
    if (j < k) out.push([i, j, k, l]);
    else if (l < i) out.push([k, l, i, j]);
  };
  let lo = 0;
  let hi = m - 1;
  while (lo < hi && out.length < limit) {
    const sum = sumAt(lo) + sumAt(hi);
    if (sum < target) lo++;
    else if (sum > target) hi--;
    else {
      let lo2 = lo;
      while (lo2 <= hi && sumAt(lo2) === sumAt(lo)) lo2++;
      let hi2 = hi;
      while (hi2 >= lo && sumAt(hi2) === sumAt(hi)) hi2--;
      if (sumAt(lo) === sumAt(hi)) {
        for (let p = lo; p <= hi; p++) for (let q = p + 1; q <= hi; q++) join(p, q);
      } else {
        for (let p = lo; p < lo2; p++) for (let q = hi2 + 1; q <= hi; q++) join(p, q);
      }
      lo = lo2;
      hi = hi2;
    }
  }
  return out.slice(0, limit);
}

function quadsByMap(values: readonly number[], target: number, limit: number): number[][] {
  // Pair sums below the target, keyed by sum; a pair's two positions are packed in one number.
  const n = values.length;
  const bySum = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = values[i] + values[j];
      if (s >= target) continue;
      const list = bySum.get(s);
      if (list) list.push(i * n + j);
      else bySum.set(s, [i * n + j]);
    }
  }
  // Each set {a < b < c < d} is found once, as the pair (a, b) followed by the pair (c, d).
  const out: number[][] = [];
  for (const [s, list] of bySum) {
    const rest = bySum.get(target - s);
    if (!rest) continue;
    for (const p of list) {
      const i = Math.floor(p / n);
      const j = p % n;
      for (const q of rest) {
        const k = Math.floor(q / n);
        if (k <= j) continue;
        out.push([i, j, k, q % n]);
        if (out.length >= limit) return out;
      }
    }
  }
  return out;
}

// Depth-first over values sorted largest first, pruned by what is still reachable.
function deeper(values: readonly number[], target: number, size: number, limit: number): number[][] {
  const order = values.map((_, i) => i).sort((a, b) => values[b] - values[a]);
  const out: number[][] = [];
  const picks: number[] = [];
  const search = (from: number, left: number): void => {
    if (out.length >= limit) return;
    if (picks.length === size) {
      if (left === 0) out.push(picks.map((k) => order[k]));
      return;
    }
    const need = size - picks.length;
    for (let k = from; k <= order.length - need; k++) {
      if (values[order[k]] > left) continue;
      let reach = 0;
      for (let r = k; r < k + need; r++) reach += values[order[r]];
      if (reach < left) return;
      picks.push(k);
      search(k + 1, left - values[order[k]]);
      picks.pop();
    }
  };
  search(0, target);
  return out;
}
