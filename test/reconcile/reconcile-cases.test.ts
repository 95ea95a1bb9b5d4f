import { reconcileAccount } from '../../analytics/reconcile/reconcile-account';
import { CTX, makeBook } from './make-book';

const NONE = { count: 0, amount: '0.00' };

describe('reconcileAccount (cases R1–R3)', () => {
  it('R1: matches two receipts to one bank credit whose float sum is not exact', () => {
    const book = makeBook({
      customers: [['C1', '测试客户甲']],
      entries: [
        ['J31', '2024-06-08', '+1500.10', 'C1', '记-031'],
        ['J34', '2024-06-09', '+2300.20', 'C1', '记-034'],
      ],
      lines: [['L1', '2024-06-10', '+3800.30', '测试客户甲', undefined, '货款合并']],
    });
    const result = reconcileAccount(book, { accountId: 'BANK1', period: '2024-06' }, CTX);
    const upsert = result.changes.find((c) => c.table === 'Matches' && c.op === 'upsert');
    expect(upsert && 'rows' in upsert ? upsert.rows.map((r) => [r.EntryIds, r.LineIds, r.Rule]) : []).toEqual([['J31,J34', 'L1', 'many-to-one']]);
    expect(result.summary.difference).toBe('0.00');
    expect(result.summary.outstanding).toEqual({ bankReceivedNotBooked: NONE, bankPaidNotBooked: NONE, bookReceivedNotOnBank: NONE, bookPaidNotOnBank: NONE });
    expect(result.exitCode).toBe(0);
  });

  it('R1: matches 19.99 and 0.20 to 20.19 without any tolerance', () => {
    const book = makeBook({
      entries: [
        ['J1', '2024-06-08', '+19.99'],
        ['J2', '2024-06-08', '+0.20'],
      ],
      lines: [['L1', '2024-06-09', '+20.19']],
    });
    const result = reconcileAccount(book, { accountId: 'BANK1', period: '2024-06' }, CTX);
    expect(result.summary.matched).toBe(1);
    expect(result.summary.difference).toBe('0.00');
  });

  it('R2: explains a batch credit by the same-day vouchers, never by next period’s invoices', () => {
    const book = makeBook({
      customers: [['CA', '测试客户A'], ['CB', '测试客户B']],
      entries: [
        ['J101', '2024-06-28', '+30000.00', 'CA', '记-101'],
        ['J102', '2024-06-28', '+18250.00', 'CB', '记-102'],
        ['J131', '2024-07-28', '+30000.00', 'CA', '记-131'],
        ['J132', '2024-07-28', '+18250.00', 'CB', '记-132'],
      ],
      lines: [['L1', '2024-06-28', '+48250.00', undefined, undefined, '批量入账']],
    });
    const result = reconcileAccount(book, { accountId: 'BANK1', period: '2024-06' }, CTX);
    const upsert = result.changes.find((c) => c.table === 'Matches' && c.op === 'upsert');
    expect(upsert && 'rows' in upsert ? upsert.rows.map((r) => [r.EntryIds, r.LineIds]) : []).toEqual([['J101,J102', 'L1']]);
    expect(result.summary.outstanding.bankReceivedNotBooked).toEqual(NONE);
    expect(result.summary.bookBalance).toBe('48250.00');
    expect(result.summary.bankBalance).toBe('48250.00');
    expect(result.summary.difference).toBe('0.00');
  });

  it('R3: cuts off at the end of the period’s last day on both sides', () => {
    const book = makeBook({
      opening: '10000.00',
      entries: [
        ['J1', '2024-06-15', '-2000.00'],
        ['J2', '2024-06-29', '-300.00', undefined, undefined, '88', '支票 88'],
        ['J3', '2024-07-01', '+1000.00'],
      ],
      lines: [
        ['L1', '2024-06-15', '-2000.00', undefined, undefined, undefined, '8000.00'],
        ['L2', '2024-06-30', '+500.00', undefined, undefined, '利息', '8500.00'],
      ],
    });
    const s = reconcileAccount(book, { accountId: 'BANK1', period: '2024-06' }, CTX).summary;
    expect([s.bookBalance, s.bankBalance]).toEqual(['7700.00', '8500.00']);
    expect(s.outstanding.bookPaidNotOnBank).toEqual({ count: 1, amount: '-300.00' });
    expect(s.outstanding.bankReceivedNotBooked).toEqual({ count: 1, amount: '500.00' });
    expect(s.outstanding.bookReceivedNotOnBank).toEqual(NONE);
    expect([s.adjustedBook, s.adjustedBank, s.difference]).toEqual(['8200.00', '8200.00', '0.00']);
  });
});
