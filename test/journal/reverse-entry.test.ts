import { commitCommand } from '../../analytics/book/commit-command';
import { entryRowHash } from '../../analytics/audit/entry-hash';
import { recordEntry } from '../../analytics/journal/record-entry';
import { reverseEntry } from '../../analytics/journal/reverse-entry';
import type { Book } from '../../analytics/book/types';
import { ctx, makeBook } from './journal-book';

function bookWithEntry(): Book {
  const base = makeBook();
  const recorded = recordEntry(base, { date: '2024-06-03', accountId: 'CASH', customerId: 'C0001', summary: '收测试货款', counterAccount: '应收账款', method: '现金', inflow: '300.00' }, ctx);
  return commitCommand(base, recorded, ctx).book;
}

describe('reverseEntry', () => {
  it('posts a mirror entry with negated amounts and marks the original reversed', () => {
    const book = bookWithEntry();
    const { book: after } = commitCommand(book, reverseEntry(book, { entryId: 'J000001', reason: '金额录错' }, ctx), ctx);
    const [original, reversal] = after.tables.Journal!.rows;
    expect(reversal).toMatchObject({
      EntryId: 'J000002', Date: '2024-06-30', Voucher: '记-0002', AccountId: 'CASH', CustomerId: 'C0001',
      CounterAccount: '应收账款', Method: '现金', Inflow: '-300.00', Outflow: null, Balance: '1000.00',
      Status: 'reversal', ReversalOf: 'J000001', Summary: '冲销 记-0001：金额录错',
    });
    expect(reversal.RowHash).toBe(entryRowHash(reversal));
    expect(original.Status).toBe('reversed');
  });

  it('changes nothing on the original but its status', () => {
    const book = bookWithEntry();
    const before = { ...book.tables.Journal!.rows[0] };
    const { book: after } = commitCommand(book, reverseEntry(book, { entryId: 'J000001', reason: '重复记账' }, ctx), ctx);
    expect(after.tables.Journal!.rows[0]).toEqual({ ...before, Status: 'reversed' });
  });

  it('refuses a second reversal even when the original status was edited back to posted by hand', () => {
    const book = bookWithEntry();
    const { book: after } = commitCommand(book, reverseEntry(book, { entryId: 'J000001', reason: '金额录错' }, ctx), ctx);
    after.tables.Journal!.rows[0] = { ...after.tables.Journal!.rows[0], Status: 'posted' };
    const again = reverseEntry(after, { entryId: 'J000001', reason: '再冲一次' }, ctx);
    expect(again.exitCode).toBe(2);
    expect(again.messages.map((m) => m.text['en-US'])).toContain('entry J000001 is already reversed');
  });

  it('takes a reversal date in an open month even when the original month is closed', () => {
    const book = bookWithEntry();
    book.tables.Periods!.rows.push({ Period: '2024-06', Status: 'closed' });
    const result = reverseEntry(book, { entryId: 'J000001', date: '2024-07-02', reason: '跨期更正' }, ctx);
    const { book: after } = commitCommand(book, result, ctx);
    expect(after.tables.Journal!.rows.map((r) => r.Status)).toEqual(['reversed', 'reversal']);
  });

  it.each([
    ['an unknown entry',            { entryId: 'J404', reason: 'x' }],
    ['an entry without a reason',   { entryId: 'J000001', reason: '' }],
    ['a date in a closed period',   { entryId: 'J000001', reason: 'x', date: '2024-05-31' }],
    ['a date before the original',  { entryId: 'J000001', reason: 'x', date: '2024-06-01' }],
  ])('refuses %s', (_name, params) => {
    const book = bookWithEntry();
    book.tables.Periods!.rows.push({ Period: '2024-05', Status: 'closed' });
    const result = reverseEntry(book, params, ctx);
    expect(result.exitCode).toBe(2);
    expect(result.changes).toEqual([]);
  });

  it('refuses to reverse an entry twice or to reverse a reversal', () => {
    const book = bookWithEntry();
    const { book: after } = commitCommand(book, reverseEntry(book, { entryId: 'J000001', reason: 'x' }, ctx), ctx);
    expect(reverseEntry(after, { entryId: 'J000001', reason: 'x' }, ctx).exitCode).toBe(2);
    expect(reverseEntry(after, { entryId: 'J000002', reason: 'x' }, ctx).exitCode).toBe(2);
  });
});
