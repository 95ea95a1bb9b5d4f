import { referencesOf } from '../../analytics/reconcile/match-state';
import { serialText } from '../../analytics/book/coded-cells';
import { allocateColumns, withReferenceCode } from '../../analytics/reconcile/ledger-columns';
import { isReferenceTypo } from '../../analytics/reconcile/similarity';
import { seededRandom } from '../../analytics/util/seeded-random';

// Two sides whose references are the given numbers under one prefix and width (NaN: none).
function side(prefix: string, width: number, numbers: number[]) {
  return withReferenceCode(allocateColumns(numbers.length), { prefix, width, numbers: Float64Array.from(numbers) });
}

function sides(prefix: string, width: number, entries: number[], lines: number[]) {
  return referencesOf(side(prefix, width, entries), side(prefix, width, lines));
}

describe('references held as numbers', () => {
  test('equality, presence and typos agree with the texts, for every pair', () => {
    const random = seededRandom(42);
    for (const [prefix, width] of [['R', 10], ['', 0], ['ZF', 6], ['', 3], ['9', 0]] as [string, number][]) {
      // Numbers near each other, so one-digit changes, swaps and extra digits all occur.
      const base = Math.floor(random() * 10 ** Math.max(width, 6));
      const pick = () => {
        const r = random();
        if (r < 0.05) return NaN;
        if (r < 0.3) return base;
        if (r < 0.6) return Math.max(0, base + Math.floor((random() - 0.5) * 20));
        if (r < 0.8) return Math.floor(random() * 10 ** Math.max(1, width));
        return Number(String(base).split('').reverse().join('').slice(0, 15)) || 0;
      };
      const a = Array.from({ length: 60 }, pick);
      const b = Array.from({ length: 60 }, pick);
      const J = side(prefix, width, a);
      const refs = referencesOf(J, side(prefix, width, b));
      const text = (n: number) => (n === n ? serialText(prefix, width, n) : '');
      for (let j = 0; j < a.length; j++) {
        expect(J.reference[j]).toBe(text(a[j]));
        expect(refs.hasJ(j)).toBe(text(a[j]) !== '');
        for (let s = 0; s < b.length; s++) {
          const same = text(a[j]) !== '' && text(a[j]) === text(b[s]);
          expect(refs.same(j, s)).toBe(same);
          expect(refs.typo(j, s)).toBe(isReferenceTypo(text(a[j]), text(b[s])));
        }
      }
    }
  });

  test('a one-digit change, a swap of neighbours and a dropped digit are typos; two changes are not', () => {
    const refs = sides('R', 0, [1234567, 1234567, 1234567, 1234567, 12], [1234568, 1243567, 123467, 1234598, 13]);
    expect([0, 1, 2, 3, 4].map((k) => refs.typo(k, k))).toEqual([true, true, true, false, false]);
  });
});
