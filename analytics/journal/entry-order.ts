/**
 * The one order of journal entries: by Date, then by EntryId compared with its digits read
 * as numbers (J9 before J10). Balances, vouchers and histories all walk entries this way.
 * For a million entries, {@link orderEntries} compares precomputed keys (a date number and an
 * id key) and skips the sort when the journal is already in order, as it usually is.
 */
import type { Row } from '../book/types';
import { text } from '../book/book';

/** Compare two entries by (Date, EntryId); for `Array.prototype.sort`. */
export function compareEntries(a: Row, b: Row): number {
  return text(a.Date) < text(b.Date)
    ? -1
    : text(a.Date) > text(b.Date)
      ? 1
      : compareIds(text(a.EntryId), text(b.EntryId));
}

/** Compare ids so that runs of digits compare as numbers: 'J9' < 'J10' < 'K1'. */
export function compareIds(a: string, b: string): number {
  const ka = entryIdKey(a);
  const kb = entryIdKey(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Indices of `entries` in (Date, EntryId) order.
 * @param entries journal rows
 * @param include which rows to order; all when absent
 */
export function orderEntries(entries: readonly Row[], include?: (row: Row) => boolean): number[] {
  const index: number[] = [];
  const dates = new Float64Array(entries.length);
  const ids: string[] = new Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    if (include && !include(entries[i])) continue;
    index.push(i);
    dates[i] = dateNumber(text(entries[i].Date));
    ids[i] = entryIdKey(text(entries[i].EntryId));
  }
  const compare = (a: number, b: number) =>
    dates[a] - dates[b] || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : a - b);
  for (let k = 1; k < index.length; k++) {
    if (compare(index[k - 1], index[k]) > 0) return index.sort(compare);
  }
  return index;
}

/**
 * The key whose plain string order is the id order: each digit run becomes its length
 * (3 digits) then its digits without leading zeros, so 'J9' → 'J0019' < 'J10' → 'J00210'.
 */
export function entryIdKey(id: string): string {
  let out = '';
  let i = 0;
  while (i < id.length) {
    if (!isDigit(id.charCodeAt(i))) {
      let k = i + 1;
      while (k < id.length && !isDigit(id.charCodeAt(k))) k++;
      out += id.slice(i, k);
      i = k;
      continue;
    }
    let start = i;
    while (
      start < id.length - 1 &&
      id.charCodeAt(start) === 48 &&
      isDigit(id.charCodeAt(start + 1))
    )
      start++;
    let end = start;
    while (end < id.length && isDigit(id.charCodeAt(end))) end++;
    out += String(end - start).padStart(3, '0') + id.slice(start, end);
    i = end;
  }
  return out;
}

// 'YYYY-MM-DD' → YYYYMMDD; text that is not a date sorts after every date.
function dateNumber(date: string): number {
  const n = Number(date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10));
  return date.length >= 10 && Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
