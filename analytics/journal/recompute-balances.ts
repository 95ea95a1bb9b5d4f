/**
 * Recompute every journal Balance: per account, walk its entries in (Date, EntryId) order
 * from the account's OpeningBalance, adding Inflow and subtracting Outflow in integer fen
 * (exact to ±90 trillion yuan; amounts that are not canonical text go through Decimal).
 * Reversal rows carry negated amounts and reversed rows keep theirs, so a 红字冲销 pair
 * nets to zero without any special case. Balances are derived, never typed: where a typed
 * Balance disagrees with the walk, the result names the row, the expected and the found value.
 */
import {
  decimalToMinorUnits,
  fromMinorUnits,
  parseAmount,
  roundToCents,
  toMinorUnits,
} from '../money';
import { fail } from '../util/error';
import { rowsOf, text } from '../book/book';
import { SCHEMA } from '../book/schema';
import type { Book, Row, TableChange } from '../book/types';
import { t } from '../book/types';
import { problem, warning, type Problem } from '../util/problem';
import { orderEntries } from './entry-order';

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

export interface RecomputeBalancesOptions {
  /** Only these accounts; all when absent. */
  accounts?: readonly string[];
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
export function recomputeBalances(
  book: Book,
  options: RecomputeBalancesOptions = {},
): RecomputeBalancesResult {
  const only = options.accounts ? new Set(options.accounts) : undefined;
  const entries = rowsOf(book, 'Journal');
  const problems: Problem[] = [];
  const sheet = SCHEMA.Journal.sheet[book.lang];
  const balanceHeader = SCHEMA.Journal.columns.find((c) => c.key === 'Balance')!.header[book.lang];

  // Step 1: opening balance per account, in fen
  const running = new Map<string, number>();
  for (const a of rowsOf(book, 'Accounts')) {
    const account = text(a.AccountId);
    if (only && !only.has(account)) continue;
    running.set(
      account,
      fenOf(a.OpeningBalance, () =>
        problems.push(
          problem(
            'bad-amount',
            `账户 ${account} 的期初余额不是金额，按 0 计 / account ${account}: the opening balance is not an amount; counted as 0`,
            { column: 'OpeningBalance' },
          ),
        ),
      ),
    );
  }

  // Step 2: walk entries in (Date, EntryId) order
  const order = orderEntries(entries, only && ((row) => only.has(text(row.AccountId))));
  const updates: BalanceUpdate[] = [];
  const unknownAccounts = new Set<string>();
  for (const index of order) {
    const row = entries[index];
    const sheetRow = index + 2;
    const account = text(row.AccountId);
    if (!running.has(account)) {
      running.set(account, 0);
      unknownAccounts.add(account);
    }
    const badAmount = (key: string) => () =>
      problems.push(
        problem(
          'bad-amount',
          `分录 ${text(row.EntryId)} 的${key === 'Inflow' ? '收入' : '支出'}不是精确到分的金额，按 0 计 / entry ${text(row.EntryId)}: ${key} is not an amount to the fen; counted as 0`,
          { sheet, row: sheetRow, column: key },
        ),
      );
    const balance =
      running.get(account)! +
      fenOf(row.Inflow, badAmount('Inflow')) -
      fenOf(row.Outflow, badAmount('Outflow'));
    if (!Number.isSafeInteger(balance))
      fail(
        'amount-too-large',
        t(
          `账户 ${account} 的余额在分录 ${text(row.EntryId)} 处超过 ±90 万亿元。`,
          `Account ${account}: the balance passes ±90 trillion at entry ${text(row.EntryId)}.`,
        ),
      );
    running.set(account, balance);

    // Step 3: compare with the typed cell
    const expected = fromMinorUnits(balance);
    const found = text(row.Balance);
    if (found === expected) continue;
    updates.push({ EntryId: text(row.EntryId), Balance: expected });
    if (found !== '' && fenOf(row.Balance, () => undefined, NaN) !== balance) {
      problems.push(
        balanceProblem(row, expected, found, { sheet, row: sheetRow, column: balanceHeader }),
      );
    }
  }
  for (const account of unknownAccounts) {
    problems.push(
      warning(
        'unknown-account',
        `账户 ${account} 不在账户表中，按期初余额 0 计算 / account ${account} is not in Accounts; its opening balance is taken as 0`,
        { sheet },
      ),
    );
  }

  const closing: Record<string, string> = {};
  for (const [account, balance] of running) closing[account] = fromMinorUnits(balance);
  const changes: TableChange[] = updates.length
    ? [{ table: 'Journal', op: 'upsert', rows: updates.map((u) => ({ ...u })) }]
    : [];
  return { changes, updates, problems, closing };
}

// An amount cell in fen: canonical text takes the integer fast path; anything else is read
// by parseAmount. Blank is 0; an unreadable or sub-fen amount calls `bad` and gives `fallback`.
function fenOf(cell: unknown, bad: () => void, fallback = 0): number {
  if (cell === null || cell === undefined || cell === '') return 0;
  if (typeof cell === 'string') {
    const fen = toMinorUnits(cell);
    if (!Number.isNaN(fen)) return fen;
  }
  const r = parseAmount(cell);
  if (!r.ok || !roundToCents(r.value).equals(r.value)) {
    bad();
    return fallback;
  }
  return decimalToMinorUnits(r.value);
}

function balanceProblem(
  row: Row,
  expected: string,
  found: string,
  at: { sheet: string; row: number; column: string },
): BalanceProblem {
  const entryId = text(row.EntryId);
  const message = `分录 ${entryId} 的余额应为 ${expected}，表中为 ${found} / entry ${entryId}: balance should be ${expected}, the sheet says ${found}`;
  return { ...warning('balance-disagrees', message, at), entryId, expected, found };
}
