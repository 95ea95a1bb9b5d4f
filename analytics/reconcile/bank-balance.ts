/**
 * The bank balance at a cut-off, read from the statement: the last running balance the
 * bank printed (on or before the cut-off; a line's balance is after that line, so a date's
 * last line gives its end-of-day balance), plus any later lines in scope without a balance.
 * With no running balance at all: the opening balance plus every line.
 */
import { text } from '../book/book';
import { cellsOfRows, type RowCells } from '../book/column-rows';
import type { Row } from '../book/types';
import { fen } from './ledger-columns';

/**
 * Statement closing balance in fen.
 * @param lines the account's lines dated on or before the cut-off, in file order (objects or cells)
 * @param opening the account's opening balance in fen
 */
export function bankBalanceAt(lines: readonly Row[] | RowCells, opening: number): number {
  const cells = Array.isArray(lines) ? cellsOfRows(lines) : (lines as RowCells);
  const dates = cells.column('Date');
  const balances = cells.column('RunningBalance');
  const amounts = cells.column('Amount');
  const ordered = chronological(dates, cells.length);
  let last = -1;
  for (let i = ordered.length - 1; i >= 0; i--) {
    const rb = balances[ordered[i]];
    if (rb !== null && rb !== undefined && rb !== '' && Number.isFinite(fen(rb))) {
      last = i;
      break;
    }
  }
  let balance = last >= 0 ? fen(balances[ordered[last]]) : opening;
  for (let i = last + 1; i < ordered.length; i++) balance += fen(amounts[ordered[i]]);
  return balance;
}

// Positions of the lines by date, keeping file order within a date; files listed newest
// first are turned round.
function chronological(dates: ArrayLike<unknown>, n: number): number[] {
  const first = text(dates[0]);
  const lastDate = text(dates[n - 1]);
  const base = Array.from({ length: n }, (_, i) => (first > lastDate ? n - 1 - i : i));
  if (isInDateOrder(dates, base)) return base;
  return base
    .map((at, i) => ({ at, i, date: text(dates[at]) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i))
    .map((x) => x.at);
}

function isInDateOrder(dates: ArrayLike<unknown>, order: readonly number[]): boolean {
  for (let i = 1; i < order.length; i++) if (text(dates[order[i]]) < text(dates[order[i - 1]])) return false;
  return true;
}
