// Expected numbers: pandas via test/notebook/fixtures/golden.py (see its docstring), pasted here.
import { dailyFunds } from '../../../analytics/notebook/cells/daily-funds';
import { inputOf, makeBook, makeGoldenBook } from '../fixtures/make-book';

// Date, account, opening, receipts, payments, closing (opening balances BANK1 100000.00, CASH1 5000.00)
const FIRST = [
  ["2024-01-01", "BANK1", "100000.00", "3760.29", "0.00"   , "103760.29"],
  ["2024-01-15", "CASH1", "5000.00"  , "0.00"   , "1456.54", "3543.46"],
  ["2024-01-19", "BANK1", "103760.29", "4012.44", "0.00"   , "107772.73"],
];
const LAST = [
  ["2025-06-18", "BANK1", "232041.41", "0.00", "2997.91", "229043.50"],
  ["2025-06-22", "BANK1", "229043.50", "0.00", "5999.61", "223043.89"],
];

const asArrays = (rows: ReturnType<typeof dailyFunds>['rows']) => rows.map((r) => [r.Date, r.AccountId, r.Opening, r.Receipts, r.Payments, r.Closing]);

describe('dailyFunds', () => {
  it('rolls each account from its opening balance day by day', () => {
    const rows = dailyFunds({}, inputOf(makeGoldenBook())).rows;
    expect(rows).toHaveLength(97);
    expect(asArrays(rows.slice(0, 3))).toEqual(FIRST);
    expect(asArrays(rows.slice(-2))).toEqual(LAST);
  });

  it('ends each account on the closing balance pandas finds', () => {
    const rows = dailyFunds({}, inputOf(makeGoldenBook())).rows;
    const closing = (id: string) => rows.filter((r) => r.AccountId === id).at(-1)?.Closing;
    expect([closing('BANK1'), closing('CASH1')]).toEqual(["223043.89", "119214.36"]);
  });

  it('starts a report mid-period with the balance carried from earlier entries', () => {
    const book = makeBook({
      Accounts: [{ AccountId: 'CASH1', Name: '现金', OpeningBalance: '1000.00', OpeningDate: '2026-01-01' }],
      Journal: [
        { EntryId: 'J1', Date: '2026-01-03', AccountId: 'CASH1', Inflow: '200.00', Outflow: null },
        { EntryId: 'J2', Date: '2026-01-05', AccountId: 'CASH1', Inflow: null,     Outflow: '50.50' },
        { EntryId: 'J3', Date: '2026-01-05', AccountId: 'CASH1', Inflow: '10.00',  Outflow: null },
      ],
    });
    expect(dailyFunds({ from: '2026-01-04' }, inputOf(book)).rows).toEqual([
      { Date: '2026-01-05', AccountId: 'CASH1', Opening: '1200.00', Receipts: '10.00', Payments: '50.50', Closing: '1159.50' },
    ]);
  });
});
