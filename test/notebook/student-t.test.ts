// Expected quantiles: scipy.stats.t.ppf(p, df) (scipy 1.10.1), printed to 15 digits.
import { studentTQuantile } from '../../analytics/notebook/student-t';

describe('studentTQuantile', () => {
  it.each([
    [0.975, 1,   12.706204736174694],
    [0.975, 2,   4.302652729749462],
    [0.975, 3,   3.1824463052837078],
    [0.975, 10,  2.228138851986274],
    [0.975, 30,  2.0422724563012378],
    [0.975, 100, 1.9839715185235518],
  ])('gives the %s quantile with %i degrees of freedom', (p, df, expected) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(expected, 9);
  });

  it('refuses a fractional number of degrees of freedom', () => {
    expect(() => studentTQuantile(0.975, 2.5)).toThrow(/df=2.5/);
  });
});
