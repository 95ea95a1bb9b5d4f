import { bankBalanceAt } from '../../analytics/reconcile/bank-balance';
import { rowList } from '../../analytics/reconcile/scope-rows';
import type { Row } from '../../analytics/book/types';

const line = (Date: string, Amount: string, RunningBalance: string | null): Row => ({ Date, Amount, RunningBalance });

describe('bankBalanceAt', () => {
  // Opening 1,000.00; +200.00 (1,200.00), −50.00 (1,150.00), +30.25 with no balance printed.
  const inOrder = [line('2024-06-01', '200.00', '1200.00'), line('2024-06-02', '-50.00', '1150.00'), line('2024-06-03', '30.25', null)];

  test('the last printed balance plus the lines after it, in fen', () => {
    expect(bankBalanceAt(rowList(inOrder), 100000)).toBe(115000 + 3025);
  });

  test('a file listed newest first, or out of date order, gives the same balance', () => {
    expect(bankBalanceAt(rowList(inOrder.slice().reverse()), 100000)).toBe(118025);
    expect(bankBalanceAt(rowList([inOrder[1], inOrder[2], inOrder[0]]), 100000)).toBe(118025);
  });

  test('two lines of one date keep their file order: the later one printed the day-end balance', () => {
    const sameDay = [line('2024-05-30', '-10.00', '990.00'), line('2024-06-01', '200.00', '1200.00'), line('2024-06-01', '-50.00', '1150.00'), line('2024-05-31', '10.00', '1000.00')];
    // Sorted by date: 05-30, 05-31, then the two of 06-01 in file order; the last printed is 1,150.00.
    expect(bankBalanceAt(rowList(sameDay), 100000)).toBe(115000);
    // A file listed newest first is turned round whole, its lines of one day included.
    expect(bankBalanceAt(rowList([line('2024-06-01', '-50.00', '1150.00'), line('2024-06-01', '200.00', '1200.00'), line('2024-05-31', '10.00', '1000.00')]), 99000)).toBe(115000);
  });

  test('no balance printed at all: the opening plus every line', () => {
    expect(bankBalanceAt(rowList(inOrder.map((l) => ({ ...l, RunningBalance: null }))), 100000)).toBe(100000 + 20000 - 5000 + 3025);
  });
});
