import { commitCommand } from '../../analytics/book/commit-command';
import type { Book } from '../../analytics/book/types';
import { customer360 } from '../../analytics/customers/customer-360';
import { followUpsDue } from '../../analytics/customers/follow-ups-due';
import { mergeCustomers } from '../../analytics/customers/merge-customers';
import { unmergeCustomer } from '../../analytics/customers/unmerge-customer';
import { Decimal } from '../../analytics/money';
import { AS_OF, ctx, makeCustomerBook } from './customer-book';

function merged(): { before: Book; after: Book } {
  const before = makeCustomerBook();
  const { book: after } = commitCommand(before, mergeCustomers(before, { from: 'C0003', into: 'C0001', reason: '同一客户' }, ctx), ctx);
  return { before, after };
}

// Sum of every surviving customer's balance plus the entries with no customer.
function totalOverCustomers(book: Book): string {
  const survivors = book.tables.Customers!.rows.filter((c) => c.Status !== 'merged');
  let total = new Decimal(0);
  for (const c of survivors) total = total.plus(customer360(book, String(c.CustomerId), AS_OF).balance);
  return total.toFixed(2);
}

describe('mergeCustomers', () => {
  it('marks the duplicate merged with a note naming the survivor', () => {
    const c3 = merged().after.tables.Customers!.rows.find((c) => c.CustomerId === 'C0003')!;
    expect(c3.Status).toBe('merged');
    expect(c3.Notes).toBe('已合并至 C0001 / merged into C0001（同一客户）');
  });

  it('leaves every journal row exactly as posted', () => {
    const { before, after } = merged();
    expect(after.tables.Journal!.rows).toEqual(before.tables.Journal!.rows);
  });

  it('counts the merged customer\'s entries and opening once, under the survivor', () => {
    const view = customer360(merged().after, 'C0001', AS_OF);
    // 500.00 + 100.00 opening, +1,200.00 −300.00 +450.50 (+99.90 −99.90)
    expect(view.balance).toBe('1950.50');
    expect(view.history.filter((h) => h.entryId === 'J3')).toHaveLength(1);
    expect(view.mergedIds).toEqual(['C0003']);
  });

  it('keeps the total over all customers unchanged, so nothing is lost or double-counted', () => {
    const { before, after } = merged();
    // 1,400.00 + 800.00 + 550.50 before; 1,950.50 + 800.00 after
    expect(totalOverCustomers(before)).toBe('2750.50');
    expect(totalOverCustomers(after)).toBe('2750.50');
  });

  it('answers for the merged id with the survivor\'s view', () => {
    const view = customer360(merged().after, 'C0003', AS_OF);
    expect([view.customerId, view.resolvedFrom, view.balance]).toEqual(['C0001', 'C0003', '1950.50']);
  });

  it('brings the merged customer\'s exceptions, follow-ups and feedback along', () => {
    const { after } = merged();
    const view = customer360(after, 'C0001', AS_OF);
    expect(view.openExceptions.map((x) => x.FindingId)).toEqual(['X1', 'X3']);
    expect(view.satisfaction).toEqual({ count: 3, average: '3.33', latest: 2 });
    expect(followUpsDue(after, AS_OF).find((f) => f.id === 'M3')).toMatchObject({ customerId: 'C0001', recordedFor: 'C0003' });
  });

  it('fills the survivor\'s blank contact fields from the duplicate', () => {
    const c1 = merged().after.tables.Customers!.rows.find((c) => c.CustomerId === 'C0001')!;
    expect(c1.Email).toBe('jia@example.com');
    expect(c1.Phone).toBe('13800138000');
  });

  it('resolves a chain of merges to the last survivor', () => {
    const { after } = merged();
    const { book } = commitCommand(after, mergeCustomers(after, { from: 'C0001', into: 'C0004' }, ctx), ctx);
    expect(customer360(book, 'C0003', AS_OF).customerId).toBe('C0004');
    expect(customer360(book, 'C0004', AS_OF).balance).toBe('1950.50');
  });

  it.each([
    ['into itself',                  { from: 'C0001', into: 'C0001' }],
    ['an unknown customer',          { from: 'C0099', into: 'C0001' }],
    ['two different tax ids',        { from: 'C0002', into: 'C0001' }],
  ])('refuses a merge %s', (_name, params) => {
    const result = mergeCustomers(makeCustomerBook(), params, ctx);
    expect(result.exitCode).toBe(2);
    expect(result.changes).toEqual([]);
  });

  it('merges different tax ids when forced', () => {
    expect(mergeCustomers(makeCustomerBook(), { from: 'C0002', into: 'C0001', force: true }, ctx).exitCode).toBe(0);
  });

  it('refuses to merge into a customer that is itself merged, naming its survivor', () => {
    const result = mergeCustomers(merged().after, { from: 'C0004', into: 'C0003' }, ctx);
    expect(result.messages[0].text['en-US']).toBe('customer C0003 was merged into C0001; merge into C0001');
  });

  it('writes an audit row for the merge', () => {
    const log = merged().after.tables.AuditLog!.rows;
    expect(log.map((r) => [r.Action, r.Target])).toEqual([['customer-merge', 'C0001']]);
  });
});

describe('unmergeCustomer', () => {
  it('puts balances back exactly as before the merge', () => {
    const { after } = merged();
    const { book } = commitCommand(after, unmergeCustomer(after, { customerId: 'C0003', reason: '不是同一主体' }, ctx), ctx);
    expect([customer360(book, 'C0001', AS_OF).balance, customer360(book, 'C0003', AS_OF).balance]).toEqual(['1400.00', '550.50']);
    expect(book.tables.Customers!.rows[2]).toMatchObject({ Status: 'active', Notes: '2024-06-30 取消合并 / unmerged from C0001: 不是同一主体' });
  });

  it('refuses a customer that is not merged', () => {
    expect(unmergeCustomer(makeCustomerBook(), { customerId: 'C0001' }, ctx).exitCode).toBe(2);
  });
});
