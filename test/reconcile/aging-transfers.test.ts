import { agingBucket, agingReview } from '../../analytics/reconcile/aging-review';
import { pairTransfers, transferEntryIds } from '../../analytics/reconcile/pair-transfers';
import { applyChangeSet } from '../../analytics/book/apply-change-set';
import { CTX, entryRow, makeBook } from './make-book';

describe('agingBucket', () => {
  it.each`
    days   | bucket
    ${0}   | ${'0-30'}
    ${30}  | ${'0-30'}
    ${31}  | ${'31-60'}
    ${90}  | ${'61-90'}
    ${91}  | ${'91-180'}
    ${365} | ${'181-365'}
    ${366} | ${'>365'}
  `('puts an item $days days old in $bucket', ({ days, bucket }) => {
    expect(agingBucket(days)).toBe(bucket);
  });
});

describe('agingReview', () => {
  it('ages outstanding items by customer as of a date', () => {
    const book = makeBook({
      customers: [['C1', '华东商贸'], ['C2', '江南材料']],
      entries: [
        ['J1', '2024-01-10', '+800.00', 'C1'],
        ['J2', '2024-06-20', '+200.00', 'C1'],
        ['J3', '2024-06-01', '-50.00', 'C2'],
      ],
      lines: [
        ['L1', '2024-06-01', '-50.00', '江南材料'],
        ['L2', '2023-05-01', '+75.00', '江南材料'],
      ],
    });
    const r = agingReview(book, { asOf: '2024-06-30' }, CTX);
    expect(r.summary.rows.map((x) => [x.customerId, x.count, x.buckets['0-30'], x.buckets['91-180'], x.buckets['>365'], x.total])).toEqual([
      ['C1', 2, '200.00', '800.00', '0.00', '1000.00'],
      ['C2', 1, '0.00', '0.00', '75.00', '75.00'],
    ]);
    expect(r.exitCode).toBe(1);
  });
});

describe('pairTransfers', () => {
  const book = () => {
    const b = makeBook({ entries: [['J1', '2024-06-10', '-5000.00', undefined, undefined, undefined, '转账至支付宝']] });
    b.tables.Accounts!.rows.push({ AccountId: 'ALIPAY', Name: '支付宝', Kind: 'alipay', OpeningBalance: '0.00' });
    b.tables.Journal!.rows.push(entryRow(['J2', '2024-06-11', '+5000.00', undefined, undefined, undefined, '银行转入'], 'ALIPAY'));
    b.tables.Journal!.rows.push(entryRow(['J3', '2024-06-11', '+5000.00', 'C9', undefined, undefined, '货款'], 'BANK1'));
    return b;
  };

  it('pairs an outflow with the other account’s inflow as one transfer, never a customer receipt', () => {
    const r = pairTransfers(book(), { period: '2024-06' }, CTX);
    expect(r.summary).toMatchObject({ paired: 1, pairs: ['J1,J2'] });
    expect([...transferEntryIds(applyChangeSet(book(), r.changes))]).toEqual(['J1', 'J2']);
  });

  it('does not pair the same transfer twice on a re-run', () => {
    const once = applyChangeSet(book(), pairTransfers(book(), { period: '2024-06' }, CTX).changes);
    expect(pairTransfers(once, { period: '2024-06' }, CTX).summary).toMatchObject({ paired: 0 });
  });
});
