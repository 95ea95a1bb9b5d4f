/**
 * First index of an ascending array whose value is ≥ x (the array's length when none is).
 * @example lowerBound(Float64Array.of(1, 3, 3, 7), 3) // 1
 */
export function lowerBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
