/**
 * Period close (结账): a period closes only when every bank-like account's reconciliation
 * for it ties out (adjusted book = adjusted bank), or when the user records why it closes
 * anyway. Closing writes the Periods row with each account's closing book balance (the
 * next period's opening); from then on apply-change-set refuses Journal writes dated in it.
 * Cash accounts are checked by a cash count (count-cash.ts), not here.
 */
import { rowsOf, text } from '../book/book';
import { periodBounds } from '../book/dates';
import { t, type Book, type CommandContext, type CommandResult } from '../book/types';
import { fromMinorUnits } from '../money/minor-units';
import { fail } from '../util/error';
import { computeReconciliation } from './compute-reconciliation';
import type { MatcherRunner } from './match-statement';
import { fen } from './ledger-columns';
import { isoPeriod } from './period';

export interface ClosePeriodParams {
  /** 'YYYY-MM' */
  period: string;
  /** Close even though some account does not tie out; recorded on the Periods row and in the audit log. */
  overrideReason?: string;
  /** Where the matcher runs; this thread when not given (the CLI splits large accounts across two). */
  runner?: MatcherRunner;
}

export type ClosePeriodSummary = {
  period: string;
  closed: boolean;
  /** Closing book balance per account, decimal text. */
  closingBalances: Record<string, string>;
  /** Accounts whose reconciliation does not tie out, with the difference. */
  notTied: { accountId: string; difference: string }[];
  overrideReason: string | null;
};

/**
 * Close a period.
 * @returns the Periods upsert; exit code 1 and no changes when an account does not tie out
 *   and no override reason is given
 * @throws AnalyticsError `bad-period`, `period-closed` when it is already closed
 */
export function closePeriod(book: Book, params: ClosePeriodParams, ctx: CommandContext): CommandResult<ClosePeriodSummary> {
  const period = isoPeriod(params.period);
  const reason = params.overrideReason?.trim() || null;
  if (rowsOf(book, 'Periods').some((r) => text(r.Period) === period && text(r.Status) === 'closed')) {
    fail('period-closed', t(`期间 ${period} 已经结账。`, `Period ${period} is already closed.`));
  }

  // Step 1: every account's closing balance, and the reconciliation of those a bank reports on
  const end = periodBounds(period).last;
  const closingBalances: Record<string, string> = {};
  const notTied: ClosePeriodSummary['notTied'] = [];
  for (const account of rowsOf(book, 'Accounts')) {
    const accountId = text(account.AccountId);
    let balance = fen(account.OpeningBalance);
    for (const e of rowsOf(book, 'Journal')) {
      if (text(e.AccountId) === accountId && text(e.Date) <= end) balance += fen(e.Inflow) - fen(e.Outflow);
    }
    closingBalances[accountId] = fromMinorUnits(balance);
    if (!needsReconciliation(book, accountId, text(account.Kind), end)) continue;
    const run = computeReconciliation(book, { accountId, period, runner: params.runner });
    if (run.difference !== 0) notTied.push({ accountId, difference: fromMinorUnits(run.difference) });
  }

  // Step 2: refuse, or close (with the reason when something did not tie out)
  const summary: ClosePeriodSummary = { period, closed: false, closingBalances, notTied, overrideReason: reason };
  if (notTied.length && !reason) {
    const list = notTied.map((n) => `${n.accountId} (${n.difference})`).join(', ');
    return {
      changes: [],
      summary,
      messages: [{ level: 'warn', event: 'close-refused', text: t(`${period} 未结账：以下账户余额调节不平 ${list}。请先对账，或用 --override 说明原因。`, `${period} not closed: these accounts do not reconcile: ${list}. Reconcile them first, or give --override with a reason.`) }],
      exitCode: 1,
    };
  }
  summary.closed = true;
  const row = { Period: period, Status: 'closed', ClosedAt: ctx.now, ClosedBy: ctx.user, ClosingBalances: JSON.stringify(closingBalances), OverrideReason: notTied.length ? reason : null };
  return {
    changes: [{ table: 'Periods', op: 'upsert', rows: [row] }],
    summary,
    messages: [{ level: 'info', event: 'period-closed', text: t(`${period} 已结账。`, `${period} is closed.`) }],
    exitCode: 0,
    audit: { action: 'close', target: period, detail: { closingBalances, notTied, overrideReason: notTied.length ? reason : null } },
  };
}

export interface ReopenPeriodParams {
  period: string;
  /** Why the period is reopened; required, it goes to the audit log. */
  reason: string;
}

/**
 * Reopen a closed period so its Journal rows can be corrected; an audited action.
 * @throws AnalyticsError `bad-period`, `period-not-closed`, `reason-required`
 */
export function reopenPeriod(book: Book, params: ReopenPeriodParams, ctx: CommandContext): CommandResult {
  const period = isoPeriod(params.period);
  const reason = params.reason?.trim();
  if (!reason) fail('reason-required', t(`反结账期间 ${period} 需要填写原因。`, `Reopening ${period} needs a reason.`));
  const row = rowsOf(book, 'Periods').find((r) => text(r.Period) === period);
  if (!row || text(row.Status) !== 'closed') fail('period-not-closed', t(`期间 ${period} 尚未结账。`, `Period ${period} is not closed.`));
  return {
    changes: [{ table: 'Periods', op: 'upsert', rows: [{ Period: period, Status: 'open' }] }],
    summary: { period, reopened: true, reason },
    messages: [{ level: 'warn', event: 'period-reopened', text: t(`${period} 已反结账，原因：${reason}`, `${period} reopened: ${reason}`) }],
    exitCode: 0,
    audit: { action: 'reopen', target: period, detail: { reason, closedAt: text(row.ClosedAt), closedBy: text(row.ClosedBy), user: ctx.user } },
  };
}

// Bank-like accounts with any statement line or entry by the period end are reconciled.
function needsReconciliation(book: Book, accountId: string, kind: string, end: string): boolean {
  if (kind === 'cash') return false;
  const has = (key: 'Journal' | 'Statement') => rowsOf(book, key).some((r) => text(r.AccountId) === accountId && text(r.Date) <= end);
  return has('Statement') || has('Journal');
}
