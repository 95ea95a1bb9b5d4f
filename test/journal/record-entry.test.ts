import { commitCommand } from '../../analytics/book/commit-command';
import { entryRowHash } from '../../analytics/audit/entry-hash';
import { recordEntry, type EntryDraft } from '../../analytics/journal/record-entry';
import { recomputeBalances } from '../../analytics/journal/recompute-balances';
import { ctx, makeBook } from './journal-book';

const draft = (over: Partial<EntryDraft> = {}): EntryDraft => ({ date: '2024-06-20', accountId: 'CASH', summary: '收测试货款', inflow: '300', ...over });

describe('recordEntry', () => {
  it('posts an entry with the next id, voucher, RowHash and balance', () => {
    const book = makeBook([['J000006', '2024-06-03', 'CASH', '100.00', null]]);
    book.tables.Journal!.rows[0].Voucher = '记-0006';
    const result = recordEntry(book, draft({ customerId: 'C0001' }), ctx);
    expect(result.exitCode).toBe(0);
    const row = (result.changes[0] as { rows: Record<string, unknown>[] }).rows[0];
    expect(row).toMatchObject({ EntryId: 'J000007', Voucher: '记-0007', Inflow: '300.00', Outflow: null, Balance: '1400.00', Status: 'posted', CustomerId: 'C0001' });
    expect(row.RowHash).toBe(entryRowHash(row as never));
  });

  it('starts the voucher sequence again in a new month', () => {
    const book = makeBook([['J1', '2024-05-31', 'CASH', '1.00', null]]);
    book.tables.Journal!.rows[0].Voucher = '记-0031';
    expect(recordEntry(book, draft(), ctx).summary.voucher).toBe('记-0001');
  });

  it('keeps a voucher the cashier gave', () => {
    expect(recordEntry(makeBook(), draft({ voucher: '收-0003' }), ctx).summary.voucher).toBe('收-0003');
  });

  it('refreshes the balance of later entries of the same account only', () => {
    const book = makeBook([
      ['J1', '2024-06-25', 'CASH', null, '50.00', '950.00'],
      ['J2', '2024-06-25', 'BANK', '10.00', null, '10.00'],
    ]);
    const result = recordEntry(book, draft({ outflow: '0.30', inflow: undefined }), ctx);
    expect(result.changes[1]).toEqual({ table: 'Journal', op: 'upsert', rows: [{ EntryId: 'J1', Balance: '949.70' }] });
  });

  it('commits through the journal locks and leaves balances that recompute to themselves', () => {
    const book = makeBook([['J1', '2024-06-25', 'CASH', null, '50.00', '950.00']]);
    const { book: after } = commitCommand(book, recordEntry(book, draft(), ctx), ctx);
    expect(recomputeBalances(after).updates).toEqual([]);
    expect(after.tables.AuditLog!.rows).toHaveLength(1);
  });

  it('records many 0.1 and 0.2 amounts to an exact total', () => {
    let book = makeBook();
    for (let i = 0; i < 30; i++) {
      const result = recordEntry(book, draft({ inflow: i % 2 ? '0.2' : '0.1', accountId: 'BANK' }), ctx);
      book = commitCommand(book, result, ctx).book;
    }
    // 15 × 0.1 + 15 × 0.2 = 4.50
    expect(book.tables.Journal!.rows.at(-1)!.Balance).toBe('4.50');
  });

  it.each([
    ['an impossible date',           { date: '2024-02-30' },                       'entry-date'],
    ['a date in a closed period',    { date: '2024-05-10' },                       'entry-period-closed'],
    ['a date before the opening',    { date: '2023-12-31' },                       'entry-before-opening'],
    ['an unknown account',           { accountId: 'NOPE' },                        'entry-account'],
    ['both inflow and outflow',      { outflow: '5' },                             'entry-amount'],
    ['neither inflow nor outflow',   { inflow: undefined },                        'entry-amount'],
    ['a zero amount',                { inflow: '0.00' },                           'entry-amount'],
    ['a negative amount',            { inflow: '-5' },                             'entry-amount'],
    ['three decimals',               { inflow: '1.005' },                          'entry-amount'],
    ['text for an amount',           { inflow: '三百' },                            'entry-amount'],
    ['an unknown customer',          { customerId: 'C9999' },                      'entry-customer'],
    ['an empty summary',             { summary: ' ' },                             'entry-summary'],
  ])('refuses %s', (_name, over, event) => {
    const result = recordEntry(makeBook([], { closed: ['2024-05'] }), draft(over as Partial<EntryDraft>), ctx);
    expect(result.exitCode).toBe(2);
    expect(result.changes).toEqual([]);
    expect(result.messages.map((m) => m.event)).toContain(event);
  });

  it('refuses a customer that was merged and names the survivor', () => {
    const book = makeBook([], { customers: [
      { CustomerId: 'C0001', Name: '测试客户甲', Status: 'active' },
      { CustomerId: 'C0002', Name: '测试客户甲', Status: 'merged', Notes: 'merged into C0001' },
    ] });
    const result = recordEntry(book, draft({ customerId: 'C0002' }), ctx);
    expect(result.exitCode).toBe(2);
    expect(result.messages[0].text['en-US']).toContain('merged into C0001');
  });

  it('reports every error of a draft at once', () => {
    const result = recordEntry(makeBook(), draft({ date: 'x', accountId: 'NOPE', inflow: undefined }), ctx);
    expect(result.summary.errors).toHaveLength(3);
  });

  it('warns, and asks for review, when the date is after today', () => {
    const result = recordEntry(makeBook(), draft({ date: '2024-07-01' }), ctx);
    expect(result.exitCode).toBe(1);
    expect(result.messages.map((m) => m.event)).toContain('entry-future-date');
  });
});

describe('recordEntry on a cash account', () => {
  it('refuses a payment that would take cash on hand below zero', () => {
    const result = recordEntry(makeBook(), draft({ inflow: undefined, outflow: '1000.01' }), ctx);
    expect(result.exitCode).toBe(2);
    expect(result.changes).toEqual([]);
    expect(result.messages.map((m) => m.text['en-US'])).toContain('cash account CASH would go negative (-0.01); nothing was recorded. Record the missing receipt first');
  });

  it('only warns about negative cash when the book allows it while being adopted', () => {
    const book = makeBook();
    book.tables.Settings!.rows.push({ Key: 'cash.allowNegative', Value: 'true' });
    const result = recordEntry(book, draft({ inflow: undefined, outflow: '1000.01' }), ctx);
    expect(result.exitCode).toBe(1);
    expect(result.messages.map((m) => m.event)).toContain('cash-negative');
  });

  it('refuses a back-dated payment that takes a later cash balance below zero', () => {
    const book = makeBook([['J1', '2024-06-25', 'CASH', null, '900.00', '100.00']]);
    const result = recordEntry(book, draft({ date: '2024-06-10', inflow: undefined, outflow: '150.00' }), ctx);
    expect(result.messages.map((m) => m.event)).toContain('cash-negative');
  });

  it('lets a bank account go below zero without a warning', () => {
    expect(recordEntry(makeBook(), draft({ accountId: 'BANK', inflow: undefined, outflow: '5.00' }), ctx).exitCode).toBe(0);
  });
});
