import { medianAndMad, medianAndMadWithout } from '../../analytics/risk/robust-stats';
import { seededRandom } from '../../analytics/util/seeded-random';

describe('medianAndMadWithout', () => {
  it('works the documented example by hand', () => {
    // others 1 2 3 4: median 2.5; deviations 1.5 0.5 0.5 1.5 → median (0.5 + 1.5) / 2 = 1
    expect(medianAndMadWithout(Float64Array.of(1, 2, 3, 4, 100), 4)).toEqual({ median: 2.5, mad: 1 });
    // leave out 1: others 2 3 4 100, median 3.5; deviations 1.5 0.5 0.5 96.5 → MAD 1
    expect(medianAndMadWithout(Float64Array.of(1, 2, 3, 4, 100), 0)).toEqual({ median: 3.5, mad: 1 });
    expect(medianAndMadWithout(Float64Array.of(7), 0)).toEqual({ median: NaN, mad: NaN });
    expect(medianAndMadWithout(Float64Array.of(7, 9), 1)).toEqual({ median: 7, mad: 0 });
  });

  it('agrees with sorting the others afresh, on random groups with ties, odd and even sizes', () => {
    const rand = seededRandom(11);
    for (let trial = 0; trial < 400; trial++) {
      const n = 2 + Math.floor(rand() * 60);
      const values = Array.from({ length: n }, () => (rand() < 0.3 ? 5000 : Math.round(rand() * 100_000)));
      const sorted = Float64Array.from(values).sort();
      for (let p = 0; p < n; p++) {
        const others = Array.from(sorted.slice(0, p)).concat(Array.from(sorted.slice(p + 1)));
        expect(medianAndMadWithout(sorted, p)).toEqual(medianAndMad(others));
      }
    }
  });
});
