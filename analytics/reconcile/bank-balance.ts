/**
 * The bank balance at a cut-off, read from the statement: the last running balance the
 * bank printed (on or before the cut-off; a line's balance is after that line, so a date's
 * last line gives its end-of-day balance), plus any later lines in scope without a balance.
 * With no running balance at all: the opening balance plus every line.
 */
import { text } from '../book/book';
import { fen } from './ledger-columns';
import type { ScopeRows } from './scope-rows';

/**
 * Statement closing balance in fen.
 * @param lines the account's lines dated on or before the cut-off, in file order
 * @param opening the account's opening balance in fen
 */
export function bankBalanceAt(lines: ScopeRows, opening: number): number {
  const ordered = chronological(lines);
  const runningBalance = lines.column('RunningBalance');
  const amount = lines.column('Amount');
  let last = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    const rb = runningBalance(ordered(i));
    if (rb !== null && rb !== undefined && rb !== '' && Number.isFinite(fen(rb))) {
      last = i;
      break;
    }
  }
  let balance = last >= 0 ? fen(runningBalance(ordered(last))) : opening;
  for (let i = last + 1; i < lines.length; i++) balance += fen(amount(ordered(i)));
  return balance;
}

// The place of the i-th line by date, keeping file order within a date; files listed newest
// first are turned round. No list is made for lines already in order (the usual case).
function chronological(lines: ScopeRows): (i: number) => number {
  const n = lines.length;
  const cell = lines.column('Date');
  const date = (k: number) => text(cell(k));
  const newestFirst = n > 0 && date(0) > date(n - 1);
  const base = newestFirst ? (i: number) => n - 1 - i : (i: number) => i;
  let before = n > 0 ? date(base(0)) : '';
  let inOrder = true;
  for (let i = 1; i < n && inOrder; i++) {
    const d = date(base(i));
    if (d < before) inOrder = false;
    before = d;
  }
  if (inOrder) return base;
  const dates = Array.from({ length: n }, (_, i) => date(base(i)));
  const sorted = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => (dates[a] < dates[b] ? -1 : dates[a] > dates[b] ? 1 : a - b));
  return (i) => base(sorted[i]);
}
