// Expected numbers worked out by hand: receipts settle the oldest open amounts first.
import { receivableAging } from '../../../analytics/notebook/cells/receivable-aging';
import { inputOf, makeBook } from '../fixtures/make-book';

const book = makeBook({
  Accounts: [{ AccountId: 'BANK1', Name: '基本户', OpeningBalance: '0.00', OpeningDate: '2026-01-01' }],
  Customers: [
    { CustomerId: 'A', Name: '甲公司', OpeningBalance: '1000.00' },
    { CustomerId: 'B', Name: '乙公司', OpeningBalance: '200.00' },
    { CustomerId: 'C', Name: '丙公司', OpeningBalance: null },
    { CustomerId: 'D', Name: '丁公司', OpeningBalance: null },
  ],
  Journal: [
    { EntryId: 'J1', Date: '2025-05-01', AccountId: 'BANK1', CustomerId: 'D', Inflow: null,     Outflow: '100.00' },
    { EntryId: 'J2', Date: '2026-02-01', AccountId: 'BANK1', CustomerId: 'B', Inflow: '250.00', Outflow: null },
    { EntryId: 'J3', Date: '2026-03-01', AccountId: 'BANK1', CustomerId: 'B', Inflow: null,     Outflow: '30.00' },
    { EntryId: 'J4', Date: '2026-04-15', AccountId: 'BANK1', CustomerId: 'D', Inflow: null,     Outflow: '50.00' },
    { EntryId: 'J5', Date: '2026-05-01', AccountId: 'BANK1', CustomerId: 'A', Inflow: '400.00', Outflow: null },
    { EntryId: 'J6', Date: '2026-06-10', AccountId: 'BANK1', CustomerId: 'A', Inflow: null,     Outflow: '300.00' },
  ],
});

// Customer, balance, 0-30, 31-60, 61-90, 91-180, 181-365, over 365 (as of 2026-06-30)
const AGED = [
  ['A', '900.00', '300.00', '0.00', '0.00',  '600.00', '0.00', '0.00'],
  ['D', '150.00', '0.00',   '0.00', '50.00', '0.00',   '0.00', '100.00'],
  ['B', '-20.00', '0.00',   '0.00', '0.00',  '0.00',   '0.00', '0.00'],
];

describe('receivableAging', () => {
  it('ages what stays open after receipts settle the oldest amounts first', () => {
    const rows = receivableAging({ asOf: '2026-06-30' }, inputOf(book)).rows;
    expect(rows.map((r) => [r.CustomerId, r.Balance, r.Days0to30, r.Days31to60, r.Days61to90, r.Days91to180, r.Days181to365, r.Over365])).toEqual(AGED);
  });

  it('totals each bucket over customers', () => {
    const metrics = receivableAging({ asOf: '2026-06-30' }, inputOf(book)).metrics ?? [];
    expect(metrics.map((m) => m.value)).toEqual(['300.00', '0.00', '50.00', '600.00', '0.00', '100.00']);
  });

  it('counts only entries booked against the given counter accounts', () => {
    const only = makeBook({
      Journal: [
        { EntryId: 'J1', Date: '2026-06-01', AccountId: 'B', CustomerId: 'A', CounterAccount: '应收账款', Outflow: '80.00' },
        { EntryId: 'J2', Date: '2026-06-02', AccountId: 'B', CustomerId: 'A', CounterAccount: '其他应收款', Outflow: '5.00' },
      ],
    });
    const [row] = receivableAging({ asOf: '2026-06-30', counterAccounts: ['应收账款'] }, inputOf(only)).rows;
    expect(row.Balance).toBe('80.00');
  });
});
