// Expected numbers: pandas via test/notebook/fixtures/golden.py (see its docstring), pasted here.
import { cashFlow } from '../../../analytics/notebook/cells/cash-flow';
import { inputOf, makeBook, makeGoldenBook } from '../fixtures/make-book';

// Account, Method, Receipts, Payments, Net
const FLOWS = [
  ["BANK1", "支付宝", "86185.11" , "28985.01", "57200.10"],
  ["BANK1", "转账" , "96540.27" , "30696.48", "65843.79"],
  ["CASH1", "现金" , "149085.16", "34870.80", "114214.36"],
];

describe('cashFlow', () => {
  it('sums receipts and payments per account and settlement method', () => {
    const rows = cashFlow({}, inputOf(makeGoldenBook())).rows;
    expect(rows.map((r) => [r.AccountId, r.Method, r.Receipts, r.Payments, r.Net])).toEqual(FLOWS);
  });

  it('groups entries without a method under one label', () => {
    const book = makeBook({ Journal: [{ EntryId: 'J1', Date: '2026-01-02', AccountId: 'B', Method: null, Inflow: '1.00', Outflow: null }] }, 'en-US');
    expect(cashFlow({}, inputOf(book)).rows[0].Label).toBe('B · (none)');
  });
});
