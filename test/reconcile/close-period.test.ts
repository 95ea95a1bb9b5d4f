import { applyChangeSet } from '../../analytics/book/apply-change-set';
import { closePeriod, reopenPeriod } from '../../analytics/reconcile/close-period';
import { CTX, entryRow, makeBook } from './make-book';

const tied = () =>
  makeBook({
    opening: '500.00',
    entries: [['J1', '2024-06-03', '+100.00']],
    lines: [['L1', '2024-06-04', '+100.00', undefined, undefined, undefined, '600.00']],
  });

describe('closePeriod', () => {
  it('closes a period whose accounts reconcile and records the closing balances', () => {
    const result = closePeriod(tied(), { period: '2024-06' }, CTX);
    expect(result.changes).toEqual([
      { table: 'Periods', op: 'upsert', rows: [{ Period: '2024-06', Status: 'closed', ClosedAt: CTX.now, ClosedBy: 'tester', ClosingBalances: '{"BANK1":"600.00"}', OverrideReason: null }] },
    ]);
  });

  it('makes later journal writes dated in the closed period fail', () => {
    const closed = applyChangeSet(tied(), closePeriod(tied(), { period: '2024-06' }, CTX).changes);
    expect(() => applyChangeSet(closed, [{ table: 'Journal', op: 'append', rows: [entryRow(['J2', '2024-06-20', '+5.00'])] }])).toThrow('in closed period 2024-06');
  });

  it('writes nothing and exits 1 when an account does not tie out and no reason is given', () => {
    const book = makeBook({ entries: [['J1', '2024-06-03', '+100.00']], lines: [['L1', '2024-06-03', '+100.00', undefined, undefined, undefined, '90.00']] });
    const result = closePeriod(book, { period: '2024-06' }, CTX);
    expect([result.changes, result.exitCode, result.summary.notTied]).toEqual([[], 1, [{ accountId: 'BANK1', difference: '10.00' }]]);
  });

  it('leaves cash accounts to the cash count', () => {
    const book = makeBook({ kind: 'cash', accountId: 'CASH', entries: [['J1', '2024-06-03', '+100.00']] });
    expect(closePeriod(book, { period: '2024-06' }, CTX).exitCode).toBe(0);
  });

  it('refuses to close a period twice', () => {
    const closed = applyChangeSet(tied(), closePeriod(tied(), { period: '2024-06' }, CTX).changes);
    expect(() => closePeriod(closed, { period: '2024-06' }, CTX)).toThrow('Period 2024-06 is already closed.');
  });
});

describe('reopenPeriod', () => {
  it('reopens with a reason recorded for the audit log, so entries can be written again', () => {
    const closed = applyChangeSet(tied(), closePeriod(tied(), { period: '2024-06' }, CTX).changes);
    const result = reopenPeriod(closed, { period: '2024-06', reason: '补记银行手续费' }, CTX);
    expect(result.audit).toMatchObject({ action: 'reopen', target: '2024-06', detail: { reason: '补记银行手续费' } });
    const open = applyChangeSet(closed, result.changes);
    expect(applyChangeSet(open, [{ table: 'Journal', op: 'append', rows: [entryRow(['J2', '2024-06-20', '-5.00'])] }]).tables.Journal!.rows).toHaveLength(2);
  });

  it('needs a reason', () => {
    const closed = applyChangeSet(tied(), closePeriod(tied(), { period: '2024-06' }, CTX).changes);
    expect(() => reopenPeriod(closed, { period: '2024-06', reason: ' ' }, CTX)).toThrow('Reopening 2024-06 needs a reason.');
  });
});
