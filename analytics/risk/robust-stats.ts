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
 * Iglewicz–Hoaglin modified z-score: 0.6745 (x − median) / MAD. Defined only for MAD > 0;
 * returns NaN otherwise so callers must choose a fallback explicitly.
 */
export function modifiedZ(x: number, median: number, mad: number): number {
  return mad > 0 ? (0.6745 * (x - median)) / mad : NaN;
}
