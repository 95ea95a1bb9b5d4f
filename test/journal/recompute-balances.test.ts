import { recomputeBalances, type BalanceProblem } from '../../analytics/journal/recompute-balances';
import { makeBook } from './journal-book';

describe('recomputeBalances', () => {
  it('walks each account from its opening balance in date then entry order', () => {
    const book = makeBook([
      // id          date          account  inflow    outflow
      ['J000003', '2024-02-01', 'CASH', null, '200.00'],
      ['J000001', '2024-01-05', 'CASH', '50.00', null],
      ['J000002', '2024-01-05', 'BANK', '300.00', null],
    ]);
    const { updates, closing } = recomputeBalances(book);
    expect(updates).toEqual([
      { EntryId: 'J000001', Balance: '1050.00' },
      { EntryId: 'J000002', Balance: '300.00' },
      { EntryId: 'J000003', Balance: '850.00' },
    ]);
    expect(closing).toEqual({ CASH: '850.00', BANK: '300.00' });
  });

  it('orders entry ids with their digits read as numbers', () => {
    const book = makeBook([
      ['J10', '2024-01-05', 'BANK', null, '1.00'],
      ['J9', '2024-01-05', 'BANK', '5.00', null],
    ]);
    expect(recomputeBalances(book).updates).toEqual([
      { EntryId: 'J9', Balance: '5.00' },
      { EntryId: 'J10', Balance: '4.00' },
    ]);
  });

  it('totals a thousand 0.1 and 0.2 amounts exactly to the cent', () => {
    const rows: [string, string, string, string | null, string | null][] = [];
    for (let i = 1; i <= 1000; i++) rows.push([`J${i}`, '2024-03-01', 'BANK', i % 2 ? '0.10' : '0.20', null]);
    rows.push(['J1001', '2024-03-02', 'BANK', null, '0.30']);
    // 500 × 0.10 + 500 × 0.20 = 150.00, less 0.30
    expect(recomputeBalances(makeBook(rows)).closing.BANK).toBe('149.70');
  });

  it('names the row, expected and found value when a typed balance disagrees', () => {
    const book = makeBook([
      ['J1', '2024-01-05', 'CASH', '0.10', null, '1000.10'],
      ['J2', '2024-01-06', 'CASH', '0.20', null, '1000.30000000000004'],
      ['J3', '2024-01-07', 'CASH', null, '0.30', '999.99'],
    ]);
    const { problems, updates } = recomputeBalances(book);
    const disagreements = problems.filter((p) => p.code === 'balance-disagrees') as BalanceProblem[];
    expect(disagreements.map((p) => [p.entryId, p.row, p.expected, p.found])).toEqual([
      ['J2', 3, '1000.30', '1000.30000000000004'],
      ['J3', 4, '1000.00', '999.99'],
    ]);
    expect(updates.map((u) => u.EntryId)).toEqual(['J2', 'J3']);
  });

  it('fills a blank balance without calling it a disagreement', () => {
    const { problems, updates } = recomputeBalances(makeBook([['J1', '2024-01-05', 'CASH', '5.00', null, null]]));
    expect(problems).toEqual([]);
    expect(updates).toEqual([{ EntryId: 'J1', Balance: '1005.00' }]);
  });

  it('nets a reversal pair to zero', () => {
    const book = makeBook([
      ['J1', '2024-01-05', 'BANK', '300.00', null],
      ['J2', '2024-01-06', 'BANK', '-300.00', null],
    ]);
    expect(recomputeBalances(book).closing.BANK).toBe('0.00');
  });

  it('reports an unreadable amount and an account missing from Accounts', () => {
    const book = makeBook([['J1', '2024-01-05', 'PETTY', 'abc', null]]);
    expect(recomputeBalances(book).problems.map((p) => p.code).sort()).toEqual(['bad-amount', 'unknown-account']);
  });
});
