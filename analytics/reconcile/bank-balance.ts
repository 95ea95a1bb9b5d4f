/**
 * The bank balance at a cut-off, read from the statement: the last running balance the
 * bank printed (on or before the cut-off; a line's balance is after that line, so a date's
 * last line gives its end-of-day balance), plus any later lines in scope without a balance.
 * With no running balance at all: the opening balance plus every line.
 */
import { text } from '../book/book';
import type { Row } from '../book/types';
import { fen } from './ledger-columns';

/**
 * Statement closing balance in fen.
 * @param lines the account's lines dated on or before the cut-off, in file order
 * @param opening the account's opening balance in fen
 */
export function bankBalanceAt(lines: readonly Row[], opening: number): number {
  const ordered = chronological(lines);
  let last = -1;
  for (let i = ordered.length - 1; i >= 0; i--) {
    const rb = ordered[i].RunningBalance;
    if (rb !== null && rb !== undefined && rb !== '' && Number.isFinite(fen(rb))) {
      last = i;
      break;
    }
  }
  let balance = last >= 0 ? fen(ordered[last].RunningBalance) : opening;
  for (let i = last + 1; i < ordered.length; i++) balance += fen(ordered[i].Amount);
  return balance;
}

// Lines by date, keeping file order within a date; files listed newest first are turned round.
function chronological(lines: readonly Row[]): readonly Row[] {
  const first = text(lines[0]?.Date);
  const lastDate = text(lines[lines.length - 1]?.Date);
  const base = first > lastDate ? lines.slice().reverse() : lines.slice();
  if (isInDateOrder(base)) return base;
  return base
    .map((row, i) => ({ row, i }))
    .sort((a, b) => (text(a.row.Date) < text(b.row.Date) ? -1 : text(a.row.Date) > text(b.row.Date) ? 1 : a.i - b.i))
    .map((x) => x.row);
}

function isInDateOrder(lines: readonly Row[]): boolean {
  for (let i = 1; i < lines.length; i++) if (text(lines[i].Date) < text(lines[i - 1].Date)) return false;
  return true;
}
