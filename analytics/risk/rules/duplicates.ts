/**
 * Exact and near duplicates. Entries are grouped by counterparty (the customer, or the
 * normalised summary when no customer is named) and signed amount; within a group, entries
 * whose days chain within `risk.duplicateWindowDays` form a cluster.
 * - duplicate-exact: same account, day, counterparty, amount and normalised summary.
 * - duplicate-near: a cluster that is more than one exact group (other day, other text).
 * Text is compared after normaliseText, so a rich-text cell equals the plain one (E6).
 */
import { t } from '../../book/types';
import { normaliseText } from '../normalise-text';
import { forEachRun } from '../row-orders';
import { yuan } from '../explain';
import type { AnomalyFinding, RiskInput, RiskRule } from '../types';

const SETTINGS = ['risk.duplicateWindowDays'] as const;

export const duplicateExactRule: RiskRule = {
  id: 'duplicate-exact',
  title: t('重复记账（完全相同）', 'Exact duplicate'),
  settings: SETTINGS,
  detect: (input) => detectDuplicates(input).filter((f) => f.rule === 'duplicate-exact'),
};

export const duplicateNearRule: RiskRule = {
  id: 'duplicate-near',
  title: t('疑似重复（同额同对象、日期相近）', 'Near duplicate'),
  settings: SETTINGS,
  detect: (input) => detectDuplicates(input).filter((f) => f.rule === 'duplicate-near'),
};

const memo = new WeakMap<RiskInput, AnomalyFinding[]>();

/** Both kinds in one pass; memoised per scan so the two rules share the work. */
function detectDuplicates(input: RiskInput): AnomalyFinding[] {
  const cached = memo.get(input);
  if (cached) return cached;
  const { journal } = input;
  const windowDays = input.number('risk.duplicateWindowDays');
  const out: AnomalyFinding[] = [];
  const visitGroup = (rows: number[]) => clusters(input, rows, windowDays, out);

  // Step 1: entries with a customer, by customer (already in day order), then by amount
  const order = input.orders.byCustomerDay();
  forEachRun(order, journal.customer, (from, to) => {
    groupByAmount(input, order.subarray(from, to)).forEach(visitGroup);
  });

  // Step 2: entries without a customer, by normalised summary, then by amount
  const bySummary = new Map<string, number[]>();
  for (const row of input.orders.byDay()) {
    if (journal.customer[row] >= 0) continue;
    const key = normaliseText(journal.summary(row));
    if (key === '') continue;
    const list = bySummary.get(key);
    if (list) list.push(row);
    else bySummary.set(key, [row]);
  }
  for (const rows of bySummary.values())
    if (rows.length > 1) groupByAmount(input, rows).forEach(visitGroup);

  memo.set(input, out);
  return out;
}

/** Runs of equal non-zero amount (two or more), each in day order: one sort, no map per amount. */
function groupByAmount(input: RiskInput, rows: ArrayLike<number>): number[][] {
  const { amount, day } = input.journal;
  const sorted = Array.from(rows).sort((a, b) => amount[a] - amount[b] || day[a] - day[b] || a - b);
  const out: number[][] = [];
  let from = 0;
  for (let k = 1; k <= sorted.length; k++) {
    if (k < sorted.length && amount[sorted[k]] === amount[sorted[from]]) continue;
    if (k - from > 1 && amount[sorted[from]] !== 0) out.push(sorted.slice(from, k));
    from = k;
  }
  return out;
}

/** Split a day-ordered same-party, same-amount group into clusters and report them. */
function clusters(
  input: RiskInput,
  rows: number[],
  windowDays: number,
  out: AnomalyFinding[],
): void {
  const { journal } = input;
  let start = 0;
  for (let k = 1; k <= rows.length; k++) {
    if (k < rows.length && journal.day[rows[k]] - journal.day[rows[k - 1]] <= windowDays) continue;
    if (k - start > 1) reportCluster(input, rows.slice(start, k), out);
    start = k;
  }
}

function reportCluster(input: RiskInput, rows: number[], out: AnomalyFinding[]): void {
  const { journal } = input;
  const exact = new Map<string, number[]>();
  for (const r of rows) {
    const key = `${journal.account[r]}|${journal.day[r]}|${normaliseText(journal.summary(r))}`;
    exact.set(key, [...(exact.get(key) ?? []), r]);
  }
  for (const group of exact.values())
    if (group.length > 1) out.push(finding(input, 'duplicate-exact', group));
  if (exact.size > 1) out.push(finding(input, 'duplicate-near', rows));
}

function finding(
  input: RiskInput,
  rule: 'duplicate-exact' | 'duplicate-near',
  rows: number[],
): AnomalyFinding {
  const { journal } = input;
  const c = journal.customer[rows[0]];
  const party = c >= 0 ? journal.customerIds[c] : journal.summary(rows[0]);
  const amount = journal.amount[rows[0]];
  const dates = [...new Set(rows.map((r) => journal.date(r)))].join('、');
  const ids = rows.map((r) => journal.entryId(r)).join('、');
  const exact = rule === 'duplicate-exact';
  return {
    rule,
    severity: exact ? 'high' : 'medium',
    entryIds: rows.map((r) => journal.entryId(r)),
    customerId: c >= 0 ? journal.customerIds[c] : '',
    amountFen: amount,
    date: journal.date(rows[0]),
    explanation: exact
      ? t(
          `分录 ${ids} 的日期（${dates}）、账户、对象（${party}）、金额 ${yuan(amount)} 元和摘要（规范化后）完全相同，可能重复记账。`,
          `Entries ${ids} have the same date (${dates}), account, counterparty (${party}), amount ${yuan(amount)} CNY and summary (after normalising): possible duplicate.`,
        )
      : t(
          `分录 ${ids} 对同一对象（${party}）金额同为 ${yuan(amount)} 元，日期 ${dates} 相隔不超过 ${input.number('risk.duplicateWindowDays')} 天，疑似重复。`,
          `Entries ${ids} to the same counterparty (${party}) for the same ${yuan(amount)} CNY fall on ${dates}, within ${input.number('risk.duplicateWindowDays')} days: possible duplicate.`,
        ),
  };
}
