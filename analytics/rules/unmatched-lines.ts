/**
 * Statement lines of an account and period that no journal entry accounts for: not in a
 * match the cashier confirmed or the matcher proposed (rejected matches do not count), and
 * not the source of an entry posted from a proposal. Zero-amount lines are left out.
 */
import { periodBounds } from '../book/dates';
import { rowsOf, text } from '../book/book';
import type { Book, Row } from '../book/types';
import { toMinorUnits } from '../money/minor-units';
import { splitIds } from '../reconcile/match-id';

/** The Source value an entry posted from statement line `lineId` carries. */
export function proposalSource(lineId: string): string {
  return `statement:${lineId}`;
}

/**
 * Lines of `accountId` dated in `period` with no journal entry behind them.
 * @param period 'YYYY-MM', or undefined for every period
 */
export function unmatchedLines(book: Book, accountId: string, period?: string): Row[] {
  const settled = new Set<string>();
  for (const m of rowsOf(book, 'Matches')) {
    if (m.Status === 'rejected') continue;
    for (const id of splitIds(m.LineIds)) settled.add(id);
  }
  for (const e of rowsOf(book, 'Journal')) {
    const src = text(e.Source);
    if (src.startsWith('statement:')) settled.add(src.slice('statement:'.length));
  }
  const bounds = period ? periodBounds(period) : undefined;
  return rowsOf(book, 'Statement').filter((l) => {
    const date = text(l.Date);
    if (text(l.AccountId) !== accountId) return false;
    if (bounds && (date < bounds.first || date > bounds.last)) return false;
    if (toMinorUnits(text(l.Amount)) === 0) return false;
    return !settled.has(text(l.LineId));
  });
}
