/**
 * Posting an entry into a running balance: the new entry's Balance and the refreshed
 * Balance of the same account's later entries, recomputed for that account only. Shared by
 * recordEntry and reverseEntry.
 */
import { rowsOf, text } from '../book/book';
import type { Book, Row, TableChange } from '../book/types';
import { compareEntries } from './entry-order';
import { recomputeBalances } from './recompute-balances';

/**
 * The entry with its Balance set, and Balance refreshes for the same account's later entries.
 * @param alsoChanged other partial rows of existing entries to send in the same upsert (a status flip)
 */
export function balanceWith(
  book: Book,
  entry: Row,
  alsoChanged: Row[] = [],
): { entry: Row; changes: TableChange[] } {
  const journal = book.tables.Journal ?? { key: 'Journal' as const, columns: [], rows: [] };
  const next: Book = {
    ...book,
    tables: { ...book.tables, Journal: { ...journal, rows: journal.rows.concat(entry) } },
  };
  const { updates } = recomputeBalances(next, { accounts: [text(entry.AccountId)] });
  const byId = new Map(updates.map((u) => [u.EntryId, u.Balance]));
  const later = journal.rows.filter(
    (r) =>
      r.AccountId === entry.AccountId && byId.has(text(r.EntryId)) && compareEntries(r, entry) > 0,
  );
  const refresh = later.map((r) => ({
    EntryId: text(r.EntryId),
    Balance: byId.get(text(r.EntryId))!,
  }));
  const merged = mergeUpdates(refresh, alsoChanged);
  return {
    entry: { ...entry, Balance: byId.get(text(entry.EntryId)) ?? entry.Balance },
    changes: merged.length ? [{ table: 'Journal', op: 'upsert', rows: merged }] : [],
  };
}

/**
 * The first negative balance a cash account would show after posting, if any. Cash on hand
 * cannot be negative; a negative balance means a receipt is missing or an amount is wrong.
 */
export function negativeCashBalance(
  book: Book,
  entry: Row,
  refresh: TableChange[],
): string | undefined {
  const account = rowsOf(book, 'Accounts').find((a) => text(a.AccountId) === text(entry.AccountId));
  if (account?.Kind !== 'cash') return undefined;
  const balances = [
    text(entry.Balance),
    ...refresh.flatMap((c) => ('rows' in c ? c.rows.map((r) => text(r.Balance)) : [])),
  ];
  return balances.find((b) => b.startsWith('-'));
}

function mergeUpdates(balances: Row[], others: Row[]): Row[] {
  const out = new Map<string, Row>();
  for (const r of [...others, ...balances])
    out.set(text(r.EntryId), { ...out.get(text(r.EntryId)), ...r });
  return [...out.values()];
}
