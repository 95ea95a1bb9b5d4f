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
  let last = -1;
  for (let i = ordered.length - 1; i >= 0; i--) {
    const rb = lines.cell(ordered[i], 'RunningBalance');
    if (rb !== null && rb !== undefined && rb !== '' && Number.isFinite(fen(rb))) {
      last = i;
      break;
    }
  }
  let balance = last >= 0 ? fen(lines.cell(ordered[last], 'RunningBalance')) : opening;
  for (let i = last + 1; i < ordered.length; i++) balance += fen(lines.cell(ordered[i], 'Amount'));
  return balance;
}

// Places of the lines by date, keeping file order within a date; files listed newest first
// are turned round.
function chronological(lines: ScopeRows): number[] {
  const n = lines.length;
  const date = (k: number) => text(lines.cell(k, 'Date'));
  const newestFirst = n > 0 && date(0) > date(n - 1);
  const base = Array.from({ length: n }, (_, i) => (newestFirst ? n - 1 - i : i));
  if (isInDateOrder(base, date)) return base;
  const dates = base.map(date);
  return base
    .map((place, i) => i)
    .sort((a, b) => (dates[a] < dates[b] ? -1 : dates[a] > dates[b] ? 1 : a - b))
    .map((i) => base[i]);
}

function isInDateOrder(places: readonly number[], date: (k: number) => string): boolean {
  let before = places.length ? date(places[0]) : '';
  for (let i = 1; i < places.length; i++) {
    const d = date(places[i]);
    if (d < before) return false;
    before = d;
  }
  return true;
}
