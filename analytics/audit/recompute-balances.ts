/**
 * Recompute each entry's running Balance: per account, from the account's OpeningBalance,
 * adding Inflow and subtracting Outflow in date order (entries of the same date keep their
 * sheet order). Balances are derived, never typed, so a typed value that disagrees is a finding.
 */
import { Decimal, ZERO, amountText } from '../money/decimal';
import { rowsOf } from '../book/book';
import type { Book } from '../book/types';

/**
 * The recomputed Balance of every Journal row, by row index.
 * @returns an array parallel to the Journal rows; null where an amount cannot be read
 */
export function recomputeBalances(book: Book): (string | null)[] {
  const journal = rowsOf(book, 'Journal');
  const opening = new Map<string, Decimal>();
  for (const a of rowsOf(book, 'Accounts')) opening.set(String(a.AccountId ?? ''), toDecimal(a.OpeningBalance) ?? ZERO);

  // Stable order: date, then sheet order.
  const order = journal.map((_, i) => i);
  order.sort((a, b) => {
    const da = String(journal[a].Date ?? '');
    const db = String(journal[b].Date ?? '');
    return da < db ? -1 : da > db ? 1 : a - b;
  });

  const running = new Map<string, Decimal | null>();
  const out: (string | null)[] = new Array(journal.length).fill(null);
  for (const i of order) {
    const e = journal[i];
    const account = String(e.AccountId ?? '');
    const before = running.has(account) ? running.get(account)! : (opening.get(account) ?? ZERO);
    const inflow = toDecimal(e.Inflow);
    const outflow = toDecimal(e.Outflow);
    // One unreadable amount makes every later balance of that account unknown, not wrong.
    const after = before === null || inflow === undefined || outflow === undefined ? null : before.plus(inflow).minus(outflow);
    running.set(account, after);
    out[i] = after === null ? null : amountText(after);
  }
  return out;
}

function toDecimal(v: unknown): Decimal | undefined {
  if (v === null || v === undefined || v === '') return ZERO;
  try {
    return new Decimal(String(v).trim());
  } catch {
    // Not a canonical amount: the caller treats the balance as unknown.
    return undefined;
  }
}
