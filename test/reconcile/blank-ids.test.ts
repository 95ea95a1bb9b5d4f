/**
 * Rows without an id still count where they belong. A reversal with a blank EntryId and
 * the entry it reverses cancel out; a statement line with a blank LineId clears the
 * opening item it pays. Either way the reconciliation ties out to the cent, as it did before
 * the open rows were picked from columns (a regression found by the red team: ids read as
 * 'null' on one side and '' on the other).
 */
import { computeReconciliation } from '../../analytics/reconcile/compute-reconciliation';
import { entryRow, lineRow, makeBook } from './make-book';

test('a reversal with a blank EntryId cancels the entry it reverses', () => {
  const book = makeBook({ entries: [['J1', '2024-06-03', '+100.00'], ['J2', '2024-06-04', '+250.00']], lines: [['L1', '2024-06-03', '+100.00'], ['L2', '2024-06-04', '+250.00']] });
  book.tables.Journal!.rows.push({ ...entryRow(['X', '2024-06-05', '-100.00']), EntryId: null, Status: 'reversal', ReversalOf: 'J1' });
  const run = computeReconciliation(book, { accountId: 'BANK1', period: '2024-06' });
  // Book 250.00 (100 − 100 + 250); bank 350.00; L1 is received by the bank, not booked.
  expect(run.items.map((i) => [i.kind, i.id, i.amount])).toEqual([['BankReceivedNotBooked', 'L1', 10000]]);
  expect(run.difference).toBe(0);
});

test('a statement line with a blank LineId clears the opening item it pays', () => {
  const book = makeBook({ entries: [['J2', '2024-06-04', '+250.00']], lines: [['L2', '2024-06-04', '+250.00']] });
  book.tables.Statement!.rows.push({ ...lineRow(['X', '2024-06-06', '-100.00']), LineId: null });
  book.tables.OpeningItems!.rows.push({ ItemId: 'OI-0001', AccountId: 'BANK1', AsOf: '2024-06-01', Kind: 'bookPaidNotOnBank', Date: '2024-05-30', Amount: '100.00', Reference: null, Description: null, Status: 'open', ClearedBy: null });
  const run = computeReconciliation(book, { accountId: 'BANK1', period: '2024-06' });
  expect(run.items).toEqual([]);
  expect(run.difference).toBe(0);
});

test('an entry whose date is not a date is never matched (it used to read as 1970-01-01)', () => {
  const book = makeBook({ entries: [['J1', '2024-06-0x', '+100.00']], lines: [['L1', '1970-01-02', '+100.00']] });
  const run = computeReconciliation(book, { accountId: 'BANK1', period: '2024-06' });
  expect(run.proposals.toRows()).toEqual([]);
  expect(run.items.map((i) => [i.kind, i.id]).sort()).toEqual([
    ['BankReceivedNotBooked', 'L1'],
    ['BookReceivedNotOnBank', 'J1'],
  ]);
});

test('rows without an id are never matched, so no two matches share an id', () => {
  const book = makeBook({ entries: [['J1', '2024-06-03', '+100.00']], lines: [['L1', '2024-06-03', '+100.00']] });
  for (const [id, date, amount] of [[null, '2024-06-05', '+300.00'], ['', '2024-06-12', '-40.00'], [' ', '2024-06-14', '+7.00']] as const) {
    book.tables.Journal!.rows.push({ ...entryRow(['X', date, amount]), EntryId: id });
    book.tables.Statement!.rows.push({ ...lineRow(['X', date, amount]), LineId: id });
  }
  const run = computeReconciliation(book, { accountId: 'BANK1', period: '2024-06' });
  expect(run.proposals.toRows().map((p) => [p.EntryIds, p.LineIds])).toEqual([['J1', 'L1']]);
  // The six rows without ids stay outstanding, each under its kind, and balance each other.
  expect(run.items).toHaveLength(6);
  expect(run.difference).toBe(0);
});

test('a date the calendar does not have (2024-06-31, 2023-02-29) is never matched', () => {
  const book = makeBook({ entries: [['J1', '2024-06-31', '+100.00'], ['J2', '2023-02-29', '+50.00']], lines: [['L1', '2024-07-01', '+100.00'], ['L2', '2023-03-01', '+50.00']] });
  const run = computeReconciliation(book, { accountId: 'BANK1', period: '2024-07' });
  expect(run.proposals.toRows()).toEqual([]);
  expect(run.items.map((i) => i.id).sort()).toEqual(['J1', 'J2', 'L1', 'L2']);
});
