/**
 * Yearly review of long-unsettled items (长期未达账项): every account's outstanding items as
 * of a date, aged from their own date and bucketed 0–30 / 31–60 / 61–90 / 91–180 / 181–365 /
 * over 365 days, by customer. Entries carry their customer; statement lines are put under the
 * customer whose name their counterparty is, or under "unidentified".
 */
import { rowsOf, text } from '../book/book';
import { daysBetween } from '../book/dates';
import { t, type Book, type Cell, type CommandContext, type CommandResult, type ResultSheet } from '../book/types';
import { fromMinorUnits } from '../money/minor-units';
import { computeReconciliation, type OutstandingItem } from './compute-reconciliation';
import { normalizeParty } from './ledger-columns';
import { isoDate } from './period';
import { appendAll } from '../util/append-all';

export const AGING_BUCKETS = ['0-30', '31-60', '61-90', '91-180', '181-365', '>365'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export interface AgingReviewParams {
  /** 'YYYY-MM-DD' */
  asOf: string;
}

export type AgingRow = { customerId: string; name: string; count: number; total: string; buckets: Record<AgingBucket, string> };

/** The bucket of an item `days` old. @example agingBucket(31) // '31-60' */
export function agingBucket(days: number): AgingBucket {
  if (days <= 30) return '0-30';
  if (days <= 60) return '31-60';
  if (days <= 90) return '61-90';
  if (days <= 180) return '91-180';
  if (days <= 365) return '181-365';
  return '>365';
}

/**
 * Age every outstanding item by customer.
 * @throws AnalyticsError `bad-date`
 */
export function agingReview(book: Book, params: AgingReviewParams, _ctx?: CommandContext): CommandResult<{ asOf: string; rows: AgingRow[]; totals: Record<AgingBucket, string> }> {
  const asOf = isoDate(params.asOf, t('截至日期', 'as-of date'));
  const names = new Map(rowsOf(book, 'Customers').map((c) => [text(c.CustomerId), text(c.Name)]));
  const byName = new Map([...names].map(([id, name]) => [normalizeParty(name), id]));

  // Step 1: outstanding items of every account that has a statement
  const items: OutstandingItem[] = [];
  for (const a of rowsOf(book, 'Accounts')) {
    const accountId = text(a.AccountId);
    if (text(a.Kind) === 'cash' || !rowsOf(book, 'Statement').some((l) => text(l.AccountId) === accountId)) continue;
    appendAll(items, computeReconciliation(book, { accountId, period: asOf.slice(0, 7), asOf }).items);
  }

  // Step 2: bucket by customer
  const groups = new Map<string, { count: number; total: number; buckets: Record<AgingBucket, number> }>();
  const totals = Object.fromEntries(AGING_BUCKETS.map((b) => [b, 0])) as Record<AgingBucket, number>;
  for (const it of items) {
    const customer = it.customerId || byName.get(normalizeParty(it.text.split(' ')[0])) || '';
    const g = groups.get(customer) ?? { count: 0, total: 0, buckets: Object.fromEntries(AGING_BUCKETS.map((b) => [b, 0])) as Record<AgingBucket, number> };
    const bucket = agingBucket(daysBetween(it.date, asOf));
    g.count++;
    g.total += it.amount;
    g.buckets[bucket] += it.amount;
    totals[bucket] += it.amount;
    groups.set(customer, g);
  }
  const zh = book.lang === 'zh-CN';
  const rows: AgingRow[] = [...groups]
    .sort((a, b) => Math.abs(b[1].total) - Math.abs(a[1].total) || (a[0] < b[0] ? -1 : 1))
    .map(([customerId, g]) => ({
      customerId,
      name: customerId ? names.get(customerId) ?? customerId : zh ? '未识别' : 'unidentified',
      count: g.count,
      total: fromMinorUnits(g.total),
      buckets: Object.fromEntries(AGING_BUCKETS.map((b) => [b, fromMinorUnits(g.buckets[b])])) as Record<AgingBucket, string>,
    }));

  const sheet: ResultSheet = {
    name: `${zh ? '账龄' : 'Aging'} ${asOf}`,
    title: { 'zh-CN': `未达账项账龄分析 截至 ${asOf}`, 'en-US': `Outstanding items by age as of ${asOf}` },
    columns: [
      { header: zh ? '客户编号' : 'Customer ID', type: 'id' },
      { header: zh ? '客户名称' : 'Name', type: 'text' },
      { header: zh ? '笔数' : 'Items', type: 'integer' },
      ...AGING_BUCKETS.map((b) => ({ header: `${b}${zh ? '天' : ' days'}`, type: 'amount' as const })),
      { header: zh ? '合计' : 'Total', type: 'amount' },
    ],
    rows: rows.map((r): Cell[] => [r.customerId || null, r.name, r.count, ...AGING_BUCKETS.map((b) => r.buckets[b]), r.total]),
  };
  const old = rows.filter((r) => AGING_BUCKETS.slice(3).some((b) => r.buckets[b] !== '0.00')).length;
  return {
    changes: [{ table: 'sheet', op: 'sheet', sheet }],
    summary: { asOf, rows, totals: Object.fromEntries(AGING_BUCKETS.map((b) => [b, fromMinorUnits(totals[b])])) as Record<AgingBucket, string> },
    messages: [{ level: old ? 'warn' : 'info', event: 'aging-review', text: t(`截至 ${asOf}，${items.length} 笔未达账项，${old} 位客户有超过 90 天的项目。`, `As of ${asOf}: ${items.length} outstanding items; ${old} customers have items older than 90 days.`) }],
    exitCode: old ? 1 : 0,
    audit: { action: 'aging-review', target: asOf, detail: { items: items.length, customersOver90: old } },
  };
}
