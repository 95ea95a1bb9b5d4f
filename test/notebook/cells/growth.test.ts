// Expected numbers: pandas via test/notebook/fixtures/golden.py (see its docstring), pasted here.
import { growth } from '../../../analytics/notebook/cells/growth';
import { inputOf, makeBook, makeGoldenBook } from '../fixtures/make-book';

// Period, income, MoM, YoY (ratios rounded half-up to 4 decimals; null when the base is zero or absent)
const INCOME_GROWTH = [
  ["2024-01", "21081.99", null   , null],
  ["2024-02", "17746.18", -0.1582, null],
  ["2024-03", "14261.70", -0.1964, null],
  ["2024-04", "31637.93", 1.2184 , null],
  ["2024-05", "21827.27", -0.3101, null],
  ["2024-06", "11954.80", -0.4523, null],
  ["2024-07", "31801.57", 1.6602 , null],
  ["2024-08", "0.00"    , -1.0   , null],
  ["2024-09", "7470.29" , null   , null],
  ["2024-10", "33446.08", 3.4772 , null],
  ["2024-11", "24866.37", -0.2565, null],
  ["2024-12", "27238.05", 0.0954 , null],
  ["2025-01", "10798.52", -0.6036, -0.4878],
  ["2025-02", "17045.26", 0.5785 , -0.0395],
  ["2025-03", "12629.14", -0.2591, -0.1145],
  ["2025-04", "6292.41" , -0.5018, -0.8011],
  ["2025-05", "29317.49", 3.6592 , 0.3432],
  ["2025-06", "12395.49", -0.5772, 0.0369],
];

describe('growth', () => {
  it('gives month-on-month and year-on-year growth of income', () => {
    const rows = growth({ grain: 'month', measure: 'income' }, inputOf(makeGoldenBook())).rows;
    expect(rows).toEqual(INCOME_GROWTH.map(([Period, Value, MoM, YoY]) => ({ Period, Value, MoM, YoY })));
  });

  it('leaves growth empty after a month of zero rather than dividing by zero', () => {
    const book = makeBook({
      Journal: [
        { EntryId: 'J1', Date: '2026-01-10', AccountId: 'B', Inflow: '100.00', Outflow: null },
        { EntryId: 'J2', Date: '2026-03-10', AccountId: 'B', Inflow: '150.00', Outflow: null },
      ],
    });
    expect(growth({}, inputOf(book)).rows.map((r) => r.MoM)).toEqual([null, -1, null]);
  });

  it('compares a quarter with the same quarter a year before', () => {
    const book = makeBook({
      Journal: [
        { EntryId: 'J1', Date: '2025-02-10', AccountId: 'B', Inflow: '200.00', Outflow: null },
        { EntryId: 'J2', Date: '2026-01-10', AccountId: 'B', Inflow: '250.00', Outflow: null },
      ],
    });
    const last = growth({ grain: 'quarter' }, inputOf(book)).rows.at(-1);
    expect(last).toEqual({ Period: '2026-Q1', Value: '250.00', MoM: null, YoY: 0.25 });
  });
});
