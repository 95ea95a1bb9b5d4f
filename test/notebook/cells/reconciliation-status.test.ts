// Expected values worked out by hand from the rows below.
import { reconciliationStatus } from '../../../analytics/notebook/cells/reconciliation-status';
import { inputOf, makeBook } from '../fixtures/make-book';

const book = makeBook({
  Reconciliation: [
    { AccountId: 'BANK2', Period: '2026-01', BookBalance: '300.00',  BankBalance: '315.50',  AdjustedBook: '300.00',  AdjustedBank: '315.50',  Difference: '-15.50' },
    { AccountId: 'BANK1', Period: '2026-02', BookBalance: '450.00',  BankBalance: '500.00',  AdjustedBook: '500.00',  AdjustedBank: '500.00',  Difference: null },
    { AccountId: 'BANK1', Period: '2026-01', BookBalance: '1000.00', BankBalance: '1200.00', AdjustedBook: '1200.00', AdjustedBank: '1200.00', Difference: '0.00' },
    { AccountId: 'CASH',  Period: '2026-02', BookBalance: null,      BankBalance: null,      AdjustedBook: null,      AdjustedBank: null,      Difference: null },
  ],
}, 'en-US');

describe('reconciliationStatus', () => {
  it('marks each reconciliation balanced, with a difference, or incomplete', () => {
    const rows = reconciliationStatus({}, inputOf(book)).rows;
    expect(rows.map((r) => [r.AccountId, r.Period, r.Difference, r.Status])).toEqual([
      ['BANK1', '2026-01', '0.00',   'balanced'],
      ['BANK2', '2026-01', '-15.50', 'difference'],
      ['BANK1', '2026-02', '0.00',   'balanced'],
      ['CASH',  '2026-02', null,     'incomplete'],
    ]);
  });

  it('counts reconciliations by status', () => {
    const metrics = reconciliationStatus({}, inputOf(book)).metrics ?? [];
    expect(metrics.map((m) => [m.key, m.value])).toEqual([['balanced', 2], ['difference', 1], ['incomplete', 1]]);
  });

  it('shows one period when asked', () => {
    expect(reconciliationStatus({ period: '2026-02' }, inputOf(book)).rows.map((r) => r.AccountId)).toEqual(['BANK1', 'CASH']);
  });
});
