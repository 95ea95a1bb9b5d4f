// Expected numbers: pandas via test/notebook/fixtures/golden.py (see its docstring), pasted here.
import { seasonality } from '../../../analytics/notebook/cells/seasonality';
import { inputOf, makeGoldenBook } from '../fixtures/make-book';

// Month, years observed, average monthly income, seasonal index (average / mean of all months)
const SEASONAL = [
  ["01", 2, "15940.26", 0.8647],
  ["02", 2, "17395.72", 0.9437],
  ["03", 2, "13445.42", 0.7294],
  ["04", 2, "18965.17", 1.0288],
  ["05", 2, "25572.38", 1.3872],
  ["06", 2, "12175.15", 0.6605],
  ["07", 1, "31801.57", 1.7252],
  ["08", 1, "0.00"    , 0.0],
  ["09", 1, "7470.29" , 0.4052],
  ["10", 1, "33446.08", 1.8144],
  ["11", 1, "24866.37", 1.3489],
  ["12", 1, "27238.05", 1.4776],
];

describe('seasonality', () => {
  it('divides each calendar month\'s average income by the average month', () => {
    const rows = seasonality({ measure: 'income' }, inputOf(makeGoldenBook())).rows;
    expect(rows.map((r) => [r.Month, r.Observations, r.Average, r.Index])).toEqual(SEASONAL);
  });
});
