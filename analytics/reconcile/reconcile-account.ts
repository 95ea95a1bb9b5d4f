/**
 * `reconcile`: match one account's statement to its journal for a period, list what is
 * outstanding, and write the Matches rows, the 余额调节表 row and a printable sheet.
 * User decisions survive a re-run: confirmed and hand-made matches are kept as they are,
 * rejected pairings are never proposed again, and only this period's automatic matches
 * are rewritten (the ones no longer found are deleted).
 */
import { rowsOf, text } from '../book/book';
import { columnChange } from '../book/column-rows';
import { t, type Book, type CommandContext, type CommandResult, type Row, type TableChange } from '../book/types';
import { fromMinorUnits } from '../money/minor-units';
import { computeReconciliation, OUTSTANDING_KINDS, type OutstandingKind, type ReconciliationRun } from './compute-reconciliation';
import { reconciliationSheet } from './reconciliation-sheet';
import type { MatcherRunner } from './match-statement';

export interface ReconcileAccountParams {
  accountId: string;
  /** 'YYYY-MM' */
  period: string;
  /** Where the matcher runs; this thread when not given (the CLI splits it across two). */
  runner?: MatcherRunner;
}

export interface OutstandingSummary {
  count: number;
  /** Signed decimal text. */
  amount: string;
}

export type ReconcileSummary = {
  accountId: string;
  period: string;
  /** Matches in force for the period: new automatic ones plus kept ones. */
  matched: number;
  outstanding: {
    bankReceivedNotBooked: OutstandingSummary;
    bankPaidNotBooked: OutstandingSummary;
    bookReceivedNotOnBank: OutstandingSummary;
    bookPaidNotOnBank: OutstandingSummary;
  };
  bookBalance: string;
  bankBalance: string;
  adjustedBook: string;
  adjustedBank: string;
  difference: string;
  /** The first outstanding items (the sheet lists them all). */
  items: { kind: OutstandingKind; id: string; date: string; amount: string; text: string }[];
};

/** Most items echoed in the summary; the result sheet has every one. */
const SUMMARY_ITEMS = 200;

/**
 * Reconcile one account for one period.
 * @param book the book
 * @param params account id and period 'YYYY-MM'
 * @param ctx clock, user and language
 * @returns Matches upserts/deletes, the Reconciliation row, the 调节表 sheet; exit code 1 when
 *   the adjusted balances differ
 * @throws AnalyticsError `bad-period` or `unknown-account`
 * @example
 * reconcileAccount(book, { accountId: 'BANK1', period: '2024-06' }, ctx).summary.difference // '0.00'
 */
export function reconcileAccount(book: Book, params: ReconcileAccountParams, ctx: CommandContext): CommandResult<ReconcileSummary> {
  const run = computeReconciliation(book, params);
  const summary = summarize(run);
  const changes: TableChange[] = [];

  // Matches: drop this period's automatic matches no longer found, upsert the new ones.
  if (run.staleMatchIds.length) changes.push({ table: 'Matches', op: 'delete', ids: run.staleMatchIds });
  // Held as columns until a host needs rows: the file writer writes them from the columns.
  if (run.proposals.length) changes.push(columnChange('Matches', 'upsert', run.proposals));

  // Reconciliation has no id column: rewrite it with this account/period's row replaced.
  const others = rowsOf(book, 'Reconciliation').filter((r) => !(text(r.AccountId) === run.accountId && text(r.Period) === run.period));
  changes.push({ table: 'Reconciliation', op: 'replace', rows: others.concat(reconciliationRow(run, ctx)) });
  changes.push({ table: 'sheet', op: 'sheet', sheet: reconciliationSheet(run, book.lang) });

  const ties = run.difference === 0;
  const messages = [message(summary, ties)];
  if (run.repeatedMatchIds.length) messages.push(repeatedIdsMessage(run));
  return {
    changes,
    summary,
    messages,
    exitCode: ties && !run.repeatedMatchIds.length ? 0 : 1,
    audit: { action: 'reconcile', target: `${run.accountId} ${run.period}`, detail: { matched: summary.matched, difference: summary.difference } },
  };
}

function summarize(run: ReconciliationRun): ReconcileSummary {
  const kind = (k: OutstandingKind): OutstandingSummary => ({ count: run.counts[k], amount: fromMinorUnits(run.totals[k]) });
  return {
    accountId: run.accountId,
    period: run.period,
    matched: run.proposals.length + run.keptMatches,
    outstanding: {
      bankReceivedNotBooked: kind('BankReceivedNotBooked'),
      bankPaidNotBooked: kind('BankPaidNotBooked'),
      bookReceivedNotOnBank: kind('BookReceivedNotOnBank'),
      bookPaidNotOnBank: kind('BookPaidNotOnBank'),
    },
    bookBalance: fromMinorUnits(run.bookBalance),
    bankBalance: fromMinorUnits(run.bankBalance),
    adjustedBook: fromMinorUnits(run.adjustedBook),
    adjustedBank: fromMinorUnits(run.adjustedBank),
    difference: fromMinorUnits(run.difference),
    items: run.items.slice(0, SUMMARY_ITEMS).map((it) => ({ kind: it.kind, id: it.id, date: it.date, amount: fromMinorUnits(it.amount), text: it.text })),
  };
}

function reconciliationRow(run: ReconciliationRun, ctx: CommandContext): Row {
  const row: Row = { AccountId: run.accountId, Period: run.period, BookBalance: fromMinorUnits(run.bookBalance), BankBalance: fromMinorUnits(run.bankBalance) };
  for (const k of OUTSTANDING_KINDS) row[k] = fromMinorUnits(run.totals[k]);
  row.AdjustedBook = fromMinorUnits(run.adjustedBook);
  row.AdjustedBank = fromMinorUnits(run.adjustedBank);
  row.Difference = fromMinorUnits(run.difference);
  row.PreparedAt = ctx.now;
  return row;
}

function message(s: ReconcileSummary, ties: boolean) {
  const open = Object.values(s.outstanding).reduce((n, o) => n + o.count, 0);
  return ties
    ? { level: 'info' as const, event: 'reconcile-run', text: t(`${s.accountId} ${s.period}: 匹配 ${s.matched} 组，未达账项 ${open} 笔，调节后余额相符 (${s.adjustedBook})。`, `${s.accountId} ${s.period}: ${s.matched} matches, ${open} outstanding items; adjusted balances agree (${s.adjustedBook}).`) }
    : { level: 'warn' as const, event: 'reconcile-difference', text: t(`${s.accountId} ${s.period}: 调节后企业余额 ${s.adjustedBook} 与银行余额 ${s.adjustedBank} 相差 ${s.difference}，请查看调节表中的未达账项。`, `${s.accountId} ${s.period}: adjusted book ${s.adjustedBook} and bank ${s.adjustedBank} differ by ${s.difference}; see the outstanding items on the reconciliation sheet.`) };
}

// Matches whose id another match has: their rows' ids repeat in the sheets (or hold the
// separators), so a Matches row could not say which rows it means.
function repeatedIdsMessage(run: ReconciliationRun) {
  const n = run.repeatedMatchIds.length;
  const some = run.repeatedMatchIds.slice(0, 5).join(', ') + (n > 5 ? ' …' : '');
  return {
    level: 'warn' as const,
    event: 'reconcile-repeated-ids',
    text: t(
      `${run.accountId} ${run.period}: ${n} 组匹配未写入，因其编号与另一组相同（${some}）：日记账或对账单中有重复的编号，或编号含有 ',' 或 '|'。这些行仍列为未达账项；请修正编号后重新对账。`,
      `${run.accountId} ${run.period}: ${n} match(es) not written because another match has the same id (${some}): the Journal or Statement repeats a row id, or an id holds ',' or '|'. Their rows stay outstanding; fix the ids and reconcile again.`,
    ),
  };
}
