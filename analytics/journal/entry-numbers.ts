/**
 * Numbers a new journal entry gets: its EntryId (J000001, J000002, … across the book) and,
 * when the cashier gave none, the next voucher number in the month's sequence (记-0001,
 * 记-0002, … restarting each month, as vouchers are numbered in Chinese practice).
 */
import { text } from '../book/book';
import type { Row } from '../book/types';

export const DEFAULT_VOUCHER_PREFIX = '记';

/**
 * The next free EntryId: one more than the highest `J<digits>` id in use.
 * @example nextEntryId([{ EntryId: 'J000041' }]) // 'J000042'
 */
export function nextEntryId(entries: readonly Row[]): string {
  let max = 0;
  for (const e of entries) {
    const m = /^J(\d+)$/.exec(text(e.EntryId));
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `J${String(max + 1).padStart(6, '0')}`;
}

/**
 * The next voucher number of the month `date` falls in.
 * @param entries journal entries (any account; the sequence is the book's)
 * @param date 'YYYY-MM-DD' of the new entry
 * @param prefix voucher word, e.g. 记 (记账凭证), 收, 付
 * @example nextVoucher([{ Date: '2024-06-03', Voucher: '记-0006' }], '2024-06-20') // '记-0007'
 */
export function nextVoucher(
  entries: readonly Row[],
  date: string,
  prefix = DEFAULT_VOUCHER_PREFIX,
): string {
  const month = date.slice(0, 7);
  const pattern = new RegExp(`^${escapeRegExp(prefix)}-(\\d+)$`);
  let max = 0;
  for (const e of entries) {
    if (text(e.Date).slice(0, 7) !== month) continue;
    const m = pattern.exec(text(e.Voucher));
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}-${String(max + 1).padStart(4, '0')}`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
