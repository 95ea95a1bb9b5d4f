// Expected numbers: pandas via test/notebook/fixtures/golden.py (see its docstring), pasted here.
import { trend } from '../../../analytics/notebook/cells/trend';
import { inputOf, makeBook, makeGoldenBook } from '../fixtures/make-book';

// numpy.polyfit and scipy.stats.t.ppf(0.975, n - 2): fitted value, 95 % lower, upper, for 18 months and 3 ahead
const BAND = [
  [20716.1387, 11134.3349, 30297.9425],
  [20447.6423, 11672.8051, 29222.4794],
  [20179.1458, 12176.8824, 28181.4092],
  [19910.6494, 12635.6015, 27185.6972],
  [19642.1529, 13033.9707, 26250.3351],
  [19373.6565, 13351.9064, 25395.4065],
  [19105.16  , 13563.8132, 24646.5068],
  [18836.6636, 13640.2008, 24033.1263],
  [18568.1671, 13553.0325, 23583.3017],
  [18299.6707, 13284.5361, 23314.8053],
  [18031.1742, 12834.7115, 23227.6369],
  [17762.6778, 12221.331 , 23304.0246],
  [17494.1813, 11472.4313, 23515.9313],
  [17225.6849, 10617.5026, 23833.8671],
  [16957.1884, 9682.1406 , 24232.2362],
  [16688.692 , 8686.4286 , 24690.9553],
  [16420.1955, 7645.3584 , 25195.0327],
  [16151.6991, 6569.8952 , 25733.5029],
  [15883.2026, 5468.0304 , 26298.3748],
  [15614.7062, 4345.6197 , 26883.7926],
  [15346.2097, 3206.9982 , 27485.4212],
];

const metric = (out: ReturnType<typeof trend>, key: string) => out.metrics?.find((m) => m.key === key)?.value as number;

describe('trend', () => {
  it('fits the same line as numpy.polyfit', () => {
    const out = trend({ measure: 'income', horizon: 3 }, inputOf(makeGoldenBook()));
    expect(metric(out, 'slope')).toBeCloseTo(-268.4964499483997, 2);
    expect(metric(out, 'intercept')).toBeCloseTo(20716.138713450284, 2);
    expect(metric(out, 'r2')).toBeCloseTo(0.02140253836378614, 4);
    expect(metric(out, 'months')).toBe(18);
  });

  it('draws the 95 % band of the mean over the data and three months ahead', () => {
    const rows = trend({ measure: 'income', horizon: 3 }, inputOf(makeGoldenBook())).rows;
    expect(rows).toHaveLength(BAND.length);
    rows.forEach((r, i) => {
      // Engine values are rounded to the cent; pandas printed 4 decimals.
      expect(Math.abs((r.Trend as number) - BAND[i][0])).toBeLessThanOrEqual(0.0051);
      expect(Math.abs((r.Lower as number) - BAND[i][1])).toBeLessThanOrEqual(0.0051);
      expect(Math.abs((r.Upper as number) - BAND[i][2])).toBeLessThanOrEqual(0.0051);
    });
    expect(rows.slice(-3).map((r) => r.Actual)).toEqual([null, null, null]);
  });

  it('fits an exact line with a zero-width band', () => {
    const book = makeBook({
      Journal: ['2026-01-05', '2026-02-05', '2026-03-05', '2026-04-05'].map((Date, i) => ({ EntryId: `J${i}`, Date, AccountId: 'B', Inflow: `${100 + 10 * i}.00` })),
    });
    const rows = trend({ horizon: 1 }, inputOf(book)).rows;
    expect(rows.map((r) => [r.Trend, r.Lower, r.Upper])).toEqual([[100, 100, 100], [110, 110, 110], [120, 120, 120], [130, 130, 130], [140, 140, 140]]);
  });

  it('gives no band with fewer than three months', () => {
    const book = makeBook({ Journal: [{ EntryId: 'J1', Date: '2026-01-05', AccountId: 'B', Inflow: '1.00' }] });
    expect(trend({ horizon: 0 }, inputOf(book)).rows).toEqual([{ Period: '2026-01', Actual: '1.00', Trend: 1, Lower: null, Upper: null }]);
  });
});
