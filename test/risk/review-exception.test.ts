import { applyChangeSet } from '../../analytics/book/apply-change-set';
import type { Book } from '../../analytics/book/types';
import { reviewException } from '../../analytics/risk/review-exception';
import { scanRisk } from '../../analytics/risk/scan-risk';
import { CTX, makeRiskBook } from './fixtures/make-risk-book';

function scanned(): { book: Book; id: string } {
  const base = makeRiskBook({ entries: [['E1', '2024-06-03', 'C1', '现金', '-60000.00']] });
  const book = applyChangeSet(base, scanRisk(base, { rules: ['large-value'] }, CTX).changes);
  return { book, id: String(book.tables.Exceptions!.rows[0].FindingId) };
}

describe('reviewException', () => {
  it('appends a dated, signed note line each time and keeps earlier lines', () => {
    const { book, id } = scanned();
    const r1 = reviewException(
      book,
      { findingId: id, status: 'reviewing', assignee: '李会计', note: '调取原始凭证' },
      CTX,
    );
    const after1 = applyChangeSet(book, r1.changes);
    const later = { ...CTX, now: '2024-07-02 15:30:00', user: '王经理' };
    const after2 = applyChangeSet(
      after1,
      reviewException(
        after1,
        { findingId: id, status: 'escalated', note: '金额较大，报总经理' },
        later,
      ).changes,
    );
    expect(after2.tables.Exceptions!.rows[0]).toMatchObject({
      Status: 'escalated',
      Assignee: '李会计',
      Notes:
        '[2024-07-01 09:00:00 tester] open → reviewing @李会计: 调取原始凭证\n[2024-07-02 15:30:00 王经理] reviewing → escalated: 金额较大，报总经理',
    });
  });

  it('records the change for the audit log', () => {
    const { book, id } = scanned();
    const r = reviewException(
      book,
      { findingId: id, status: 'dismissed', note: '已核实为正常备用金' },
      CTX,
    );
    expect(r.audit).toEqual({
      action: 'exception',
      target: id,
      detail: { from: 'open', to: 'dismissed', assignee: '', note: '已核实为正常备用金' },
    });
    expect(r.summary.open).toBe(0);
  });

  it('refuses to resolve without saying why', () => {
    const { book, id } = scanned();
    expect(() => reviewException(book, { findingId: id, status: 'resolved' }, CTX)).toThrow(
      /add --note/,
    );
  });

  it('refuses an unknown status or finding', () => {
    const { book, id } = scanned();
    expect(() => reviewException(book, { findingId: id, status: 'closed' as never }, CTX)).toThrow(
      /Unknown exception status 'closed'/,
    );
    expect(() => reviewException(book, { findingId: 'F-nope', status: 'reviewing' }, CTX)).toThrow(
      /No exception with FindingId 'F-nope'/,
    );
  });
});
