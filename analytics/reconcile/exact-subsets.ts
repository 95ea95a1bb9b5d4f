/**
 * Exact subset sums over a small pool of integer amounts (fen), for sum matches. Sizes 2, 3
 * and 4 use hashing (a pair-sum table for 4), so a pool of n rows costs O(n²) rather than
 * O(n⁴); larger sizes fall back to a pruned depth-first search. Only the smallest size that
 * has any solution is returned: a deposit explained by two receipts is never re-explained
 * by four.
 */

/**
 * Every subset (as positions into `values`) of the smallest size from 2 to `maxSize` whose
 * values sum to `target`, at most `limit` of them.
 * @param values positive integers
 * @example exactSubsets([150010, 230020, 99], 380030, 4) // [[0, 1]]
 */
export function exactSubsets(values: readonly number[], target: number, maxSize: number, limit = 16): number[][] {
  for (let size = 2; size <= Math.min(maxSize, values.length); size++) {
    const found = size === 2 ? pairs(values, target, limit) : size === 3 ? triples(values, target, limit) : size === 4 ? quads(values, target, limit) : deeper(values, target, size, limit);
    if (found.length) return found;
  }
  return [];
}

function pairs(values: readonly number[], target: number, limit: number, skip = -1): number[][] {
  const seen = new Map<number, number[]>();
  const out: number[][] = [];
  for (let i = 0; i < values.length && out.length < limit; i++) {
    if (i === skip) continue;
    for (const k of seen.get(target - values[i]) ?? []) out.push([k, i]);
    seen.set(values[i], (seen.get(values[i]) ?? []).concat(i));
  }
  return out;
}

function triples(values: readonly number[], target: number, limit: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < values.length && out.length < limit; i++) {
    for (const [a, b] of pairs(values, target - values[i], limit, i)) {
      if (a > i && b > i) out.push([i, a, b]);
    }
  }
  return out.slice(0, limit);
}

function quads(values: readonly number[], target: number, limit: number): number[][] {
  const bySum = new Map<number, [number, number][]>();
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const s = values[i] + values[j];
      const list = bySum.get(s);
      if (list) list.push([i, j]);
      else bySum.set(s, [[i, j]]);
    }
  }
  const out: number[][] = [];
  // Each set {a < b < c < d} is found once, as the pair (a, b) followed by the pair (c, d).
  for (const [s, list] of bySum) {
    const rest = bySum.get(target - s);
    if (!rest) continue;
    for (const [i, j] of list) {
      for (const [k, l] of rest) {
        if (k <= j) continue;
        out.push([i, j, k, l]);
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
