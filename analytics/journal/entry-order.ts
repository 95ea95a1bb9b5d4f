/**
 * The one order of journal entries: by Date, then by EntryId compared with its digits read
 * as numbers (J9 before J10). Balances, vouchers and histories all walk entries this way.
 */
import type { Row } from '../book/types';
import { text } from '../book/book';

/** Compare two entries by (Date, EntryId); for `Array.prototype.sort`. */
export function compareEntries(a: Row, b: Row): number {
  const byDate = text(a.Date).localeCompare(text(b.Date));
  return byDate !== 0 ? byDate : compareIds(text(a.EntryId), text(b.EntryId));
}

/** Compare ids so that runs of digits compare as numbers: 'J9' < 'J10' < 'K1'. */
export function compareIds(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    if (numeric) {
      const dx = x.replace(/^0+/, '');
      const dy = y.replace(/^0+/, '');
      if (dx.length !== dy.length) return dx.length - dy.length;
      if (dx !== dy) return dx < dy ? -1 : 1;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}
