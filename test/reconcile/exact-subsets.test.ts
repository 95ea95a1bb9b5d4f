import { accidentalSumPool, exactSubsets } from '../../analytics/reconcile/exact-subsets';
import { seededRandom } from './synthetic-book';

// Every subset of the smallest size 2…4 that sums to the target, by trying all of them.
function bruteForce(values: number[], target: number): string[] {
  for (let size = 2; size <= 4; size++) {
    const found: string[] = [];
    for (let mask = 0; mask < 1 << values.length; mask++) {
      const picked = values.map((_, i) => i).filter((i) => mask & (1 << i));
      if (picked.length === size && picked.reduce((s, i) => s + values[i], 0) === target) found.push(picked.join(','));
    }
    if (found.length) return found.sort();
  }
  return [];
}

describe('exactSubsets', () => {
  it('finds 1500.10 + 2300.20 = 3800.30 in fen', () => {
    expect(exactSubsets([150010, 230020, 99], 380030, 4)).toEqual([[0, 1]]);
  });

  it('agrees with trying every subset on 2,000 random small pools with repeated values', () => {
    const rand = seededRandom(11);
    for (let t = 0; t < 2000; t++) {
      const values = Array.from({ length: 2 + Math.floor(rand() * 10) }, () => 1 + Math.floor(rand() * 30));
      const target = 1 + Math.floor(rand() * 80);
      const got = exactSubsets(values, target, 4, 10_000).map((s) => s.slice().sort((a, b) => a - b).join(',')).sort();
      expect(got).toEqual(bruteForce(values, target));
    }
  });

  it('returns nothing when no subset sums to the target', () => {
    expect(exactSubsets([3, 5, 7], 4, 4)).toEqual([]);
  });
});

describe('accidentalSumPool', () => {
  it('allows fewer candidates for larger groups and smaller targets', () => {
    expect(accidentalSumPool(4, 500_000, 0.05)).toBe(29);
    expect(accidentalSumPool(4, 10_000, 0.05)).toBe(12);
    expect(accidentalSumPool(2, 500_000, 0.05)).toBe(224);
  });
});
