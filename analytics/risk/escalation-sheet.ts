/**
 * The management summary of open exceptions: counts by severity, status and customer,
 * split into age buckets (days since first seen) with the amount involved. Open means
 * still firing and not resolved or dismissed. Rewritten whole on every scan and review.
 */
import { daysBetween } from '../book/dates';
import type { Lang } from '../book/schema';
import type { Cell, ResultSheet, Row } from '../book/types';
import { fromMinorUnits, toMinorUnits } from '../money/minor-units';

export const OPEN_STATUSES = new Set(['open', 'reviewing', 'escalated']);
const BUCKETS = [
  { upTo: 7, label: '0–7' },
  { upTo: 30, label: '8–30' },
  { upTo: 90, label: '31–90' },
  { upTo: Infinity, label: '>90' },
];
const TOP_CUSTOMERS = 20;

/** True for an Exceptions row that still needs someone's attention. */
export function isOpenException(row: Row): boolean {
  return row.Active !== false && OPEN_STATUSES.has(String(row.Status ?? 'open'));
}

/**
 * Build the escalation summary sheet.
 * @param exceptions rows of the Exceptions table
 * @param now 'YYYY-MM-DD HH:mm:ss' in the book's zone
 * @param lang the book's language (headers and labels)
 */
export function buildEscalationSheet(exceptions: Row[], now: string, lang: Lang): ResultSheet {
  const zh = lang === 'zh-CN';
  const open = exceptions.filter(isOpenException);
  const today = now.slice(0, 10);

  // Step 1: one tally per (group, item)
  const tallies = new Map<string, { group: string; item: string; counts: number[]; fen: number }>();
  const add = (group: string, item: string, bucket: number, fen: number) => {
    const key = `${group}|${item}`;
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = { group, item, counts: BUCKETS.map(() => 0), fen: 0 }));
    t.counts[bucket]++;
    t.fen += fen;
  };
  const severityName: Record<string, string> = zh
    ? { high: '高', medium: '中', low: '低' }
    : { high: 'high', medium: 'medium', low: 'low' };
  for (const severity of ['high', 'medium', 'low'])
    tallies.set(`S|${severity}`, {
      group: zh ? '严重程度' : 'Severity',
      item: severityName[severity],
      counts: BUCKETS.map(() => 0),
      fen: 0,
    });
  for (const row of open) {
    const firstSeen = String(row.FirstSeen ?? now).slice(0, 10);
    const age = Math.max(0, daysBetween(firstSeen, today));
    const bucket = BUCKETS.findIndex((b) => age <= b.upTo);
    const fen = Math.abs(toMinorUnits(String(row.Amount ?? '0'))) || 0;
    const severity = String(row.Severity ?? 'low');
    const s = tallies.get(`S|${severity}`);
    if (s) (s.counts[bucket]++, (s.fen += fen));
    add(zh ? '状态' : 'Status', String(row.Status ?? 'open'), bucket, fen);
    add(
      zh ? '客户' : 'Customer',
      String(row.CustomerId || (zh ? '（未指明客户）' : '(no customer)')),
      bucket,
      fen,
    );
  }

  // Step 2: rows: severities, statuses, the customers with most open findings, total
  const all = [...tallies.values()];
  const customers = all
    .filter((t) => t.group === (zh ? '客户' : 'Customer'))
    .sort((a, b) => sum(b.counts) - sum(a.counts) || b.fen - a.fen)
    .slice(0, TOP_CUSTOMERS);
  const ordered = [
    ...all.filter((t) => t.group === (zh ? '严重程度' : 'Severity')),
    ...all.filter((t) => t.group === (zh ? '状态' : 'Status')),
    ...customers,
  ];
  const totals = BUCKETS.map(
    (_, i) =>
      open.length &&
      ordered
        .filter((t) => t.group === (zh ? '严重程度' : 'Severity'))
        .reduce((s, t) => s + t.counts[i], 0),
  );
  const totalFen = ordered
    .filter((t) => t.group === (zh ? '严重程度' : 'Severity'))
    .reduce((s, t) => s + t.fen, 0);
  const rows: Cell[][] = ordered.map((t) => [
    t.group,
    t.item,
    ...t.counts,
    sum(t.counts),
    fromMinorUnits(t.fen),
  ]);
  rows.push([zh ? '合计' : 'Total', '', ...totals, open.length, fromMinorUnits(totalFen)]);

  return {
    name: zh ? '风险升级汇总' : 'Risk escalation',
    title: { 'zh-CN': `未结异常汇总（截至 ${now}）`, 'en-US': `Open exceptions (as of ${now})` },
    columns: [
      { header: zh ? '分组' : 'Group', type: 'text' },
      { header: zh ? '项目' : 'Item', type: 'text' },
      ...BUCKETS.map((b) => ({
        header: zh ? `${b.label}天` : `${b.label} days`,
        type: 'integer' as const,
      })),
      { header: zh ? '合计' : 'Total', type: 'integer' },
      { header: zh ? '涉及金额' : 'Amount', type: 'amount' },
    ],
    rows,
    charts: [],
  };
}

function sum(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}
