/**
 * Balances of one account's journal entries after an adoption: old and new entries walked
 * together in (Date, EntryId) order from the account's opening balance, with exact text
 * arithmetic. Old entries whose stored Balance changes get an upsert (allowed on posted
 * entries, since Balance is derived).
 */
import { rowsOf, text } from '../book/book';
import type { Book, Row } from '../book/types';
import { subtractAmounts, sumAmountTexts } from './amount-cells';

/**
 * Balances of one account's entries, old and new, walked in (Date, EntryId) order from the
 * opening balance. Returns the balance of every entry and the upserts for old entries whose
 * stored Balance changes.
 */
export function recomputeAccountBalances(
  book: Book,
  accountId: string,
  opening: string,
  added: readonly Row[],
): { byEntry: Map<string, string>; updates: Row[] } {
  const old = rowsOf(book, 'Journal').filter((r) => text(r.AccountId) === accountId);
  const all = [...old, ...added.filter((r) => text(r.AccountId) === accountId)];
  all.sort((a, b) =>
    text(a.Date) < text(b.Date)
      ? -1
      : text(a.Date) > text(b.Date)
        ? 1
        : compareEntryIds(text(a.EntryId), text(b.EntryId)),
  );
  const byEntry = new Map<string, string>();
  const updates: Row[] = [];
  const oldIds = new Set(old.map((r) => text(r.EntryId)));
  let balance = sumAmountTexts([opening]);
  for (const e of all) {
    balance = subtractAmounts(
      sumAmountTexts([balance, text(e.Inflow) || '0']),
      text(e.Outflow) || '0',
    );
    byEntry.set(text(e.EntryId), balance);
    if (oldIds.has(text(e.EntryId)) && text(e.Balance) !== balance)
      updates.push({ EntryId: e.EntryId, Balance: balance });
  }
  return { byEntry, updates };
}

function compareEntryIds(a: string, b: string): number {
  const na = /^J(\d+)$/.exec(a);
  const nb = /^J(\d+)$/.exec(b);
  if (na && nb) return Number(na[1]) - Number(nb[1]);
  return a < b ? -1 : a > b ? 1 : 0;
}
