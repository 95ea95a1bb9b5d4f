// Expected numbers: pandas via test/notebook/fixtures/golden.py (see its docstring), pasted here.
import { topCustomers } from '../../../analytics/notebook/cells/top-customers';
import { inputOf, makeBook, makeGoldenBook } from '../fixtures/make-book';

// Customer, receipts, share of all receipts from customers
const RANKED = [
  ["C01", "72351.44", 0.2181],
  ["C03", "51877.80", 0.1563],
  ["C02", "33034.48", 0.0996],
  ["C06", "32929.87", 0.0992],
  ["C08", "30071.23", 0.0906],
  ["C12", "22564.68", 0.068],
  ["C05", "19676.98", 0.0593],
  ["C04", "14935.65", 0.045],
  ["C14", "13520.23", 0.0407],
  ["C13", "13337.11", 0.0402],
  ["C11", "9594.23" , 0.0289],
  ["C15", "7932.14" , 0.0239],
  ["C10", "7691.67" , 0.0232],
  ["C07", "1299.76" , 0.0039],
  ["C09", "993.27"  , 0.003],
];

const metric = (out: ReturnType<typeof topCustomers>, key: string) => out.metrics?.find((m) => m.key === key)?.value;

describe('topCustomers', () => {
  it('ranks customers by receipts with their shares', () => {
    const rows = topCustomers({ top: 10 }, inputOf(makeGoldenBook())).rows;
    expect(rows.map((r) => [r.CustomerId, r.Amount, r.Share])).toEqual(RANKED.slice(0, 10));
  });

  it('gives the cumulative share down the ranking', () => {
    const rows = topCustomers({ top: 3 }, inputOf(makeGoldenBook())).rows;
    expect(rows.map((r) => r.Rank)).toEqual([1, 2, 3]);
    expect(rows[2].CumulativeShare).toBe(0.474);
  });

  it('measures concentration as the share of the top 10 and the HHI', () => {
    const out = topCustomers({}, inputOf(makeGoldenBook()));
    expect(metric(out, 'customers')).toBe(15);
    expect(metric(out, 'top10Share')).toBe(0.9171);
    expect(metric(out, 'hhi')).toBe(1153.78);
  });

  it('gives an HHI of 5000 for two customers with equal receipts', () => {
    const book = makeBook({
      Journal: [
        { EntryId: 'J1', Date: '2026-01-02', AccountId: 'B', CustomerId: 'A', Inflow: '10.00', Outflow: null },
        { EntryId: 'J2', Date: '2026-01-03', AccountId: 'B', CustomerId: 'B', Inflow: '10.00', Outflow: null },
      ],
    });
    expect(metric(topCustomers({}, inputOf(book)), 'hhi')).toBe(5000);
  });
});
