/**
 * Median and median absolute deviation (MAD) of plain numbers: the robust centre and
 * spread the outlier rule uses. Inputs are amounts in fen; results may be half a fen.
 */

/** Median of values already sorted ascending; NaN for none. */
export function medianOfSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const mid = n >> 1;
  return n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Median and MAD of values (any order).
 * @returns `{ median, mad }`, both NaN for an empty input
 * @example medianAndMad([1, 2, 3, 4, 100]) // { median: 3, mad: 1 }
 */
export function medianAndMad(values: ArrayLike<number>): { median: number; mad: number } {
  const sorted = Float64Array.from(values).sort();
  const median = medianOfSorted(sorted);
  const deviations = sorted.map((v) => Math.abs(v - median)).sort();
  return { median, mad: medianOfSorted(deviations) };
}

/**
 * Median and MAD of `sorted` without its element at index `p` (leave-one-out), in one
 * linear walk and no copy: the outlier rule asks this once per candidate of a customer's
 * group, where sorting the others afresh each time was the rule's main cost.
 * @param sorted values ascending
 * @param p index of the value to leave out
 * @example medianAndMadWithout(Float64Array.of(1, 2, 3, 4, 100), 4) // { median: 2.5, mad: 1 }
 */
export function medianAndMadWithout(sorted: ArrayLike<number>, p: number): { median: number; mad: number } {
  const m = sorted.length - 1;
  if (m <= 0) return { median: NaN, mad: NaN };
  const at = (i: number) => sorted[i < p ? i : i + 1];
  const median = m % 2 ? at(m >> 1) : (at((m >> 1) - 1) + at(m >> 1)) / 2;
  // Deviations below the median, read from the split downwards, and above it, read
  // upwards, are each ascending: merge them up to the middle one(s).
  let lo = 0;
  let hi = m;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at(mid) < median) lo = mid + 1;
    else hi = mid;
  }
  let left = lo - 1;
  let right = lo;
  const next = () => {
    const dl = left >= 0 ? median - at(left) : Infinity;
    const dr = right < m ? at(right) - median : Infinity;
    if (dl <= dr) {
      left--;
      return dl;
    }
    right++;
    return dr;
  };
  const k = (m - 1) >> 1;
  let d = 0;
  for (let i = 0; i <= k; i++) d = next();
  return { median, mad: m % 2 ? d : (d + next()) / 2 };
}

/**
 * Iglewicz–Hoaglin modified z-score: 0.6745 (x − median) / MAD. Defined only for MAD > 0;
 * returns NaN otherwise so callers must choose a fallback explicitly.
 */
export function modifiedZ(x: number, median: number, mad: number): number {
  return mad > 0 ? (0.6745 * (x - median)) / mad : NaN;
}
