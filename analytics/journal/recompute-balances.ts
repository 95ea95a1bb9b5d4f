/**
 * Recompute every journal Balance: per account, walk its entries in (Date, EntryId) order
 * from the account's OpeningBalance, adding Inflow and subtracting Outflow with Decimal.
 * Reversal rows carry negated amounts and reversed rows keep theirs, so a 红字冲销 pair
 * nets to zero without any special case. Balances are derived, never typed: where a typed
 * Balance disagrees with the walk, the result names the row, the expected and the found value.
 */
import { Decimal, ZERO, amountText, parseAmount } from '../money';
import { rowsOf, text } from '../book/book';
import { SCHEMA } from '../book/schema';
import type { Book, Row, TableChange } from '../book/types';
import { problem, warning, type Problem } from '../util/problem';
import { compareEntries } from './entry-order';

/** A typed Balance that disagrees with the recomputed one. */
export interface BalanceProblem extends Problem {
  entryId: string;
  /** Recomputed balance, canonical text. */
  expected: string;
  /** The typed cell as it stands ('' when blank). */
  found: string;
}

export interface BalanceUpdate {
  EntryId: string;
  Balance: string;
}

export interface RecomputeBalancesResult {
  /** One upsert of `{ EntryId, Balance }` rows whose Balance changes; empty when none does. */
  changes: TableChange[];
  updates: BalanceUpdate[];
  /** Typed balances that disagree (BalanceProblem), unreadable amounts, unknown accounts. */
  problems: Problem[];
  /** Closing balance of each account after its last entry (or its opening balance). */
  closing: Record<string, string>;
}

/**
 * Recompute the Balance of every journal entry.
 * @param book the book; its Accounts give the opening balances
 * @returns the Balance updates as a change set, the disagreements found and each account's closing balance
 * @example
 * // Accounts: CASH opening 100.00; Journal: J1 in 0.10, J2 in 0.20
 * recomputeBalances(book).closing // { CASH: '100.30' }
 */
export function recomputeBalances(book: Book): RecomputeBalancesResult {
  const entries = rowsOf(book, 'Journal');
  const problems: Problem[] = [];
  const sheet = SCHEMA.Journal.sheet[book.lang];
  const balanceHeader = SCHEMA.Journal.columns.find((c) => c.key === 'Balance')!.header[book.lang];

  // Step 1: opening balance per account
  const running = new Map<string, Decimal>();
  for (const a of rowsOf(book, 'Accounts')) {
    const opening = parseAmount(a.OpeningBalance, { blank: 'zero' });
    running.set(text(a.AccountId), opening.ok ? opening.value : ZERO);
  }

  // Step 2: walk entries in order, remembering each one's sheet row
  const order = entries.map((row, index) => ({ row, sheetRow: index + 2 })).sort((x, y) => compareEntries(x.row, y.row));
  const updates: BalanceUpdate[] = [];
  const unknownAccounts = new Set<string>();
  for (const { row, sheetRow } of order) {
    const account = text(row.AccountId);
    if (!running.has(account)) {
      running.set(account, ZERO);
      unknownAccounts.add(account);
    }
    const balance = running.get(account)!.plus(amountOf(row, 'Inflow', sheetRow, sheet, problems)).minus(amountOf(row, 'Outflow', sheetRow, sheet, problems));
    running.set(account, balance);

    // Step 3: compare with the typed cell
    const expected = amountText(balance);
    const found = text(row.Balance);
    const typed = parseAmount(row.Balance);
    if (typed.ok && typed.value.equals(balance) && found === expected) continue;
    updates.push({ EntryId: text(row.EntryId), Balance: expected });
    if (found !== '' && !(typed.ok && typed.value.equals(balance))) {
      problems.push(balanceProblem(row, expected, found, { sheet, row: sheetRow, column: balanceHeader }));
    }
  }
  for (const account of unknownAccounts) {
    problems.push(warning('unknown-account', `账户 ${account} 不在账户表中，按期初余额 0 计算 / account ${account} is not in Accounts; its opening balance is taken as 0`, { sheet }));
  }

  const closing: Record<string, string> = {};
  for (const [account, balance] of running) closing[account] = amountText(balance);
  const changes: TableChange[] = updates.length ? [{ table: 'Journal', op: 'upsert', rows: updates.map((u) => ({ ...u })) }] : [];
  return { changes, updates, problems, closing };
}

function amountOf(row: Row, key: 'Inflow' | 'Outflow', sheetRow: number, sheet: string, problems: Problem[]): Decimal {
  const r = parseAmount(row[key], { blank: 'zero' });
  if (r.ok) return r.value;
  problems.push(problem('bad-amount', `分录 ${text(row.EntryId)} 的${key === 'Inflow' ? '收入' : '支出'}不是金额，按 0 计 / entry ${text(row.EntryId)}: ${key} ${r.reason}; counted as 0`, { sheet, row: sheetRow, column: key }));
  return ZERO;
}

function balanceProblem(row: Row, expected: string, found: string, at: { sheet: string; row: number; column: string }): BalanceProblem {
  const entryId = text(row.EntryId);
  const message = `分录 ${entryId} 的余额应为 ${expected}，表中为 ${found} / entry ${entryId}: balance should be ${expected}, the sheet says ${found}`;
  return { ...warning('balance-disagrees', message, at), entryId, expected, found };
}
