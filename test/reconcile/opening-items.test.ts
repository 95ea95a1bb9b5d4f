import { commitCommand } from '../../analytics/book/commit-command';
import { computeReconciliation } from '../../analytics/reconcile/compute-reconciliation';
import { openingItemsAsOf, recordOpeningItems } from '../../analytics/reconcile/opening-items';
import { CTX, line, makeBook } from '../rules/fixtures';

function adopted() {
  const lines = [line('2024-01-08', '-500.00', '支票', '', { Reference: '88' }), line('2024-01-09', '-500.00', '转账'), line('2024-01-12', '2000.00', '存款')];
  const journal = [{ EntryId: 'J000001', Date: '2024-01-15', AccountId: 'BANK', Summary: '补记银行已收', Inflow: '300.00', Status: 'posted' }];
  const book = makeBook({ lines, journal });
  const r = recordOpeningItems(book, {
    accountId: 'BANK',
    asOf: '2023-12-31',
    items: [
      { kind: 'bookPaidNotOnBank', date: '2023-12-28', amount: '500.00', reference: '88', description: '支票 88' },
      { kind: 'bookReceivedNotOnBank', date: '2023-12-30', amount: '2000.00' },
      { kind: 'bankReceivedNotBooked', date: '2023-12-29', amount: '300.00' },
      { kind: 'bankPaidNotBooked', date: '2023-12-29', amount: '12.00' },
    ],
  }, CTX);
  return { book: commitCommand(book, r, CTX).book, lines };
}

describe('openingItemsAsOf', () => {
  it('clears a cheque by the bank line with its reference, not the first equal amount', () => {
    const { book, lines } = adopted();
    const s = openingItemsAsOf(book, 'BANK', '2024-01-31');
    expect(s.clearedBy.get('OI-0001')).toBe(lines[0].LineId);
    expect(s.clearingLines.has(String(lines[1].LineId))).toBe(false);
  });

  it('clears a bank-side item by the journal entry that books it', () => {
    const { book } = adopted();
    expect(openingItemsAsOf(book, 'BANK', '2024-01-31').clearedBy.get('OI-0003')).toBe('J000001');
  });

  it('keeps an item open when nothing has cleared it by the date', () => {
    const { book } = adopted();
    expect(openingItemsAsOf(book, 'BANK', '2024-01-31').open.map((r) => r.ItemId)).toEqual(['OI-0004']);
    expect(openingItemsAsOf(book, 'BANK', '2024-01-10').open.map((r) => r.ItemId)).toEqual(['OI-0003', 'OI-0004', 'OI-0002']);
  });
});

describe('recordOpeningItems', () => {
  it('refuses an item dated after the adoption date', () => {
    const book = makeBook({});
    expect(() => recordOpeningItems(book, { accountId: 'BANK', asOf: '2023-12-31', items: [{ kind: 'bookPaidNotOnBank', date: '2024-01-02', amount: '5.00' }] }, CTX)).toThrow(/opening item 1: date '2024-01-02'/);
  });
});

describe('computeReconciliation with opening items', () => {
  // Adopted 2023-12-31 with book opening 1,000.00 (fixture); at adoption cheque 88 for 500.00 had
  // not reached the bank and the bank held a 300.00 receipt the book lacked: bank opening 1,800.00.
  function adoptedBook() {
    const lines = [line('2024-01-08', '-500.00', '支票', '', { Reference: '88' }), line('2024-01-12', '2000.00', '货款')];
    const journal = [
      { EntryId: 'J000001', Date: '2024-01-12', AccountId: 'BANK', Summary: '收货款', Inflow: '2000.00', Status: 'posted' },
      { EntryId: 'J000002', Date: '2024-01-15', AccountId: 'BANK', Summary: '补记期初银行已收', Inflow: '300.00', Status: 'posted' },
    ];
    const book = makeBook({ lines, journal });
    const r = recordOpeningItems(book, { accountId: 'BANK', asOf: '2023-12-31', items: [
      { kind: 'bookPaidNotOnBank', date: '2023-12-28', amount: '500.00', reference: '88' },
      { kind: 'bankReceivedNotBooked', date: '2023-12-29', amount: '300.00' },
    ] }, CTX);
    return commitCommand(book, r, CTX).book;
  }

  it('ties out the first month after adoption once both items have cleared', () => {
    const run = computeReconciliation(adoptedBook(), { accountId: 'BANK', period: '2024-01' });
    // book 1,000 + 2,000 + 300 = 3,300; bank 1,800 − 500 + 2,000 = 3,300
    expect([run.bookBalance, run.bankBalance, run.difference, run.items.length]).toEqual([330000, 330000, 0, 0]);
  });

  it('lists an item not yet cleared as outstanding of its kind and still ties out', () => {
    const run = computeReconciliation(adoptedBook(), { accountId: 'BANK', period: '2024-01', asOf: '2024-01-10' });
    // book 1,000; bank 1,800 − 500 = 1,300; the 300 receipt is still 银行已收企业未收
    expect([run.bookBalance, run.bankBalance]).toEqual([100000, 130000]);
    expect(run.items.map((i) => [i.kind, i.source, i.amount])).toEqual([['BankReceivedNotBooked', 'opening', 30000]]);
    expect(run.difference).toBe(0);
  });
});
