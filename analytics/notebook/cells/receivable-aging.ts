/**
 * Receivable aging per customer. What a customer owes is its opening balance (Customers
 * OpeningBalance, dated `openingDate`) plus money paid out to it, less money received
 * from it. Receipts settle the oldest open amounts first (FIFO); what stays open is aged
 * by days from its date to `asOf` into 0–30, 31–60, 61–90, 91–180, 181–365 and over 365
 * days. A customer who paid more than it owed shows a negative balance with nothing aged.
 * LIMITATION: a cash book has no invoices, so sales on credit are only visible through
 * the opening balance and payouts; use `counterAccounts` to restrict to 应收账款 entries.
 */
import { fromMinorUnits } from '../../money/minor-units';
import { daysBetween } from '../../book/dates';
import { rowsOf, text } from '../../book/book';
import { t, type Row } from '../../book/types';
import { dateParam, listParam, type Params } from '../params';
import { fen, journalMovements, skippedNote } from '../movements';
import type { CellInput, CellOutput, OutputColumn } from '../types';

const BUCKETS = [
  { key: 'Days0to30', upTo: 30, header: t('0-30天', '0-30 days') },
  { key: 'Days31to60', upTo: 60, header: t('31-60天', '31-60 days') },
  { key: 'Days61to90', upTo: 90, header: t('61-90天', '61-90 days') },
  { key: 'Days91to180', upTo: 180, header: t('91-180天', '91-180 days') },
  { key: 'Days181to365', upTo: 365, header: t('181-365天', '181-365 days') },
  { key: 'Over365', upTo: Infinity, header: t('365天以上', 'Over 365 days') },
];

/**
 * Aging table.
 * @param params `{ asOf?: date (default the run date), openingDate?: date (default the earliest account opening date or entry), counterAccounts?: string[] }`
 * @param input the book and run date
 * @returns rows `{ CustomerId, Name, Balance, Days0to30 … Over365 }` for customers with a balance, largest first
 * @example receivableAging({ asOf: '2026-06-30' }, input).rows[0] // { CustomerId: 'C1', Balance: '500.00', Days31to60: '500.00', ... }
 */
export function receivableAging(params: Params, input: CellInput): CellOutput {
  const asOf = dateParam(params, 'asOf') ?? input.today;
  const only = listParam(params, 'counterAccounts');
  const { movements, skipped } = journalMovements(input.book, { to: asOf });
  const openingDate =
    dateParam(params, 'openingDate') ?? firstDate(input, movements[0]?.date ?? asOf);

  // Step 1: each customer's charges (open amounts with dates) and unapplied credit, FIFO
  const ledgers = new Map<string, { open: { date: string; amount: number }[]; credit: number }>();
  const ledger = (id: string) =>
    ledgers.get(id) ?? ledgers.set(id, { open: [], credit: 0 }).get(id)!;
  for (const c of rowsOf(input.book, 'Customers')) {
    const opening = fen(c.OpeningBalance);
    if (Number.isNaN(opening) || opening === 0) continue;
    post(ledger(text(c.CustomerId)), openingDate, opening);
  }
  for (const m of movements) {
    if (!m.customerId || (only && !only.includes(m.counterAccount))) continue;
    if (m.outflow) post(ledger(m.customerId), m.date, m.outflow);
    if (m.inflow) post(ledger(m.customerId), m.date, -m.inflow);
  }

  // Step 2: age what stays open
  const names = new Map(
    rowsOf(input.book, 'Customers').map((c) => [text(c.CustomerId), text(c.Name)]),
  );
  const rows: Row[] = [];
  for (const [id, l] of ledgers) {
    const buckets = BUCKETS.map(() => 0);
    for (const o of l.open)
      buckets[BUCKETS.findIndex((b) => daysBetween(o.date, asOf) <= b.upTo)] += o.amount;
    const balance = buckets.reduce((s, v) => s + v, 0) - l.credit;
    if (balance === 0) continue;
    const row: Row = {
      CustomerId: id,
      Name: names.get(id) ?? '',
      Balance: fromMinorUnits(balance),
    };
    BUCKETS.forEach((b, i) => (row[b.key] = fromMinorUnits(buckets[i])));
    rows.push(row);
  }
  rows.sort(
    (a, b) =>
      fen(b.Balance) - fen(a.Balance) || (String(a.CustomerId) < String(b.CustomerId) ? -1 : 1),
  );

  const columns: OutputColumn[] = [
    { key: 'CustomerId', header: t('客户编号', 'Customer ID'), type: 'id' },
    { key: 'Name', header: t('客户名称', 'Name'), type: 'text' },
    { key: 'Balance', header: t('应收余额', 'Balance'), type: 'amount' },
    ...BUCKETS.map((b) => ({ key: b.key, header: b.header, type: 'amount' as const })),
  ];
  return {
    columns,
    rows,
    chart: {
      kind: 'column',
      title: t('应收账龄', 'Receivable aging'),
      category: 'CustomerId',
      series: BUCKETS.map((b) => b.key),
    },
    metrics: BUCKETS.map((b) => ({
      key: b.key,
      label: b.header,
      value: fromMinorUnits(rows.reduce((s, r) => s + fen(r[b.key]), 0)),
    })),
    notes: skippedNote(skipped),
  };
}

/** Post a charge (positive) or a receipt (negative) to a customer ledger, FIFO. */
function post(
  l: { open: { date: string; amount: number }[]; credit: number },
  date: string,
  amount: number,
): void {
  if (amount > 0) {
    const used = Math.min(l.credit, amount);
    l.credit -= used;
    if (amount > used) l.open.push({ date, amount: amount - used });
    return;
  }
  let left = -amount;
  while (left > 0 && l.open.length) {
    const oldest = l.open[0];
    const used = Math.min(oldest.amount, left);
    oldest.amount -= used;
    left -= used;
    if (oldest.amount === 0) l.open.shift();
  }
  l.credit += left;
}

function firstDate(input: CellInput, fallback: string): string {
  const dates = rowsOf(input.book, 'Accounts')
    .map((a) => text(a.OpeningDate))
    .filter((d) => d !== '')
    .sort();
  return dates[0] ?? fallback;
}
