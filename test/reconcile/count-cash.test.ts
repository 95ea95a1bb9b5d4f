import { countCash } from '../../analytics/reconcile/count-cash';
import type { Row } from '../../analytics/book/types';
import { CTX, makeBook } from './make-book';

// Book balance at the end of 06-30: 2,000.00 + 1,234.50 − 300.00 = 2,934.50 (07-01 excluded).
const book = () =>
  makeBook({
    kind: 'cash', accountId: 'CASH', opening: '2000.00',
    entries: [
      ['J1', '2024-06-10', '+1234.50'],
      ['J2', '2024-06-30', '-300.00'],
      ['J3', '2024-07-01', '+50.00'],
    ],
  });

describe('countCash', () => {
  it('agrees when the count by denomination equals the book at the end of the day', () => {
    // 29 × 100 + 1 × 20 + 1 × 10 + 4 × 1 + 1 × 0.5 = 2,934.50
    const r = countCash(book(), { accountId: 'CASH', date: '2024-06-30', denominations: { '100': 29, '20': 1, '10': 1, '1': 4, '0.5': 1 } }, CTX);
    expect([r.summary.counted, r.summary.bookBalance, r.summary.difference, r.summary.kind, r.exitCode]).toEqual(['2934.50', '2934.50', '0.00', 'balanced', 0]);
    expect(r.changes.some((c) => c.table === 'Exceptions')).toBe(false);
  });

  it('records a shortage as a cash-count exception to follow up', () => {
    const r = countCash(book(), { accountId: 'CASH', date: '2024-06-30', denominations: { '100': 29, '10': 3 } }, CTX);
    const exception = r.changes.find((c) => c.table === 'Exceptions') as { rows: Row[] };
    expect([r.summary.difference, r.summary.kind, r.exitCode]).toEqual(['-4.50', 'shortage', 1]);
    expect(exception.rows[0]).toMatchObject({ FindingId: 'cash-count:CASH:2024-06-30', Rule: 'cash-count', Amount: '-4.50', Status: 'open' });
  });

  it('writes the count sheet with the total in 大写', () => {
    const r = countCash(book(), { accountId: 'CASH', date: '2024-06-30', denominations: { '100': 30 } }, CTX);
    const sheet = r.changes.find((c) => c.op === 'sheet') as { sheet: { rows: unknown[][] } };
    expect(sheet.sheet.rows).toContainEqual(['大写', null, '人民币叁仟元整']);
    expect(r.summary.kind).toBe('overage');
  });

  it('refuses a denomination that is not an amount', () => {
    expect(() => countCash(book(), { accountId: 'CASH', date: '2024-06-30', denominations: { 'abc': 1 } }, CTX)).toThrow("Denomination 'abc' is not a positive amount.");
  });
});
