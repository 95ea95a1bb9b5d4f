import { commitCommand } from '../../analytics/book/commit-command';
import { recordTransfer } from '../../analytics/journal/record-transfer';
import { recomputeBalances } from '../../analytics/journal/recompute-balances';
import { ctx, makeBook } from './journal-book';

describe('recordTransfer', () => {
  it('posts both sides under one voucher, each naming the other account', () => {
    const book = makeBook([['J1', '2024-06-01', 'BANK', '5000.00', null, '5000.00']]);
    const result = recordTransfer(book, { date: '2024-06-03', fromAccountId: 'BANK', toAccountId: 'CASH', amount: '2000', summary: '提取备用金' }, ctx);
    const { book: after } = commitCommand(book, result, ctx);
    expect(after.tables.Journal!.rows.slice(1).map((r) => [r.EntryId, r.AccountId, r.Voucher, r.Inflow, r.Outflow, r.Balance, r.CounterAccount])).toEqual([
      ['J000002', 'BANK', '记-0001', null,      '2000.00', '3000.00', '库存现金'],
      ['J000003', 'CASH', '记-0001', '2000.00', null,      '3000.00', '测试银行基本户'],
    ]);
    expect(result.exitCode).toBe(0);
    expect(recomputeBalances(after).updates).toEqual([]);
  });

  it('refuses both sides when one is invalid', () => {
    const result = recordTransfer(makeBook(), { date: '2024-06-03', fromAccountId: 'BANK', toAccountId: 'NOPE', amount: '1', summary: 'x' }, ctx);
    expect([result.exitCode, result.changes]).toEqual([2, []]);
  });

  it('refuses a transfer to the same account', () => {
    expect(recordTransfer(makeBook(), { date: '2024-06-03', fromAccountId: 'CASH', toAccountId: 'CASH', amount: '1', summary: 'x' }, ctx).exitCode).toBe(2);
  });

  it('refuses to deposit more cash than is on hand', () => {
    const result = recordTransfer(makeBook(), { date: '2024-06-03', fromAccountId: 'CASH', toAccountId: 'BANK', amount: '1500', summary: '现金存行' }, ctx);
    expect(result.exitCode).toBe(2);
    expect(result.messages.map((m) => m.event)).toContain('cash-negative');
  });
});
