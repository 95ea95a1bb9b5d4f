/**
 * Top customers and concentration. Each customer's amount is the sum of its receipts
 * (or receipts less payments with `measure: 'net'`); customers whose amount is not
 * positive are left out of shares. Shares are amount / total of positive amounts; the
 * share of the top 10 and the Herfindahl-Hirschman index HHI = Σ (100 × share)² (0 to
 * 10,000; above 2,500 is highly concentrated) are computed in Decimal from fen and
 * rounded half-up: shares to 4 decimals, HHI to 2.
 */
import { Decimal } from '../../money/decimal';
import { fromMinorUnits } from '../../money/minor-units';
import { rowsOf, text } from '../../book/book';
import { t, type Row } from '../../book/types';
import { choiceParam, countParam, dateParam, type Params } from '../params';
import { journalMovements, skippedNote } from '../movements';
import type { CellInput, CellOutput } from '../types';

/**
 * Rank customers by amount.
 * @param params `{ top?: number (default 10), measure?: 'receipts'|'net' (default receipts), from?, to? }`
 * @param input the book
 * @returns the top `top` rows `{ Rank, CustomerId, Name, Amount, Share, CumulativeShare }`
 *   and metrics `customers`, `total`, `top10Share`, `hhi`
 * @example topCustomers({ top: 3 }, input).metrics // [{ key: 'top10Share', value: 0.8123 }, { key: 'hhi', value: 2143.5 }, ...]
 */
export function topCustomers(params: Params, input: CellInput): CellOutput {
  const top = countParam(params, 'top', 10);
  const measure = choiceParam(params, 'measure', ['receipts', 'net'] as const, 'receipts');
  const { movements, skipped } = journalMovements(input.book, {
    from: dateParam(params, 'from'),
    to: dateParam(params, 'to'),
  });

  // Step 1: amount per customer in fen
  const amounts = new Map<string, number>();
  for (const m of movements) {
    if (!m.customerId) continue;
    const v = measure === 'receipts' ? m.inflow : m.inflow - m.outflow;
    amounts.set(m.customerId, (amounts.get(m.customerId) ?? 0) + v);
  }
  const ranked = [...amounts.entries()]
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const total = ranked.reduce((s, [, v]) => s + v, 0);

  // Step 2: shares, HHI and the top-10 share from exact fen
  const share = (v: number) => (total === 0 ? new Decimal(0) : new Decimal(v).div(total));
  const hhi = ranked.reduce((s, [, v]) => s.plus(share(v).times(100).pow(2)), new Decimal(0));
  const top10 = share(ranked.slice(0, 10).reduce((s, [, v]) => s + v, 0));
  const names = new Map(
    rowsOf(input.book, 'Customers').map((c) => [text(c.CustomerId), text(c.Name)]),
  );

  let running = 0;
  const rows: Row[] = ranked.slice(0, top).map(([id, v], i) => {
    running += v;
    return {
      Rank: i + 1,
      CustomerId: id,
      Name: names.get(id) ?? '',
      Amount: fromMinorUnits(v),
      Share: round4(share(v)),
      CumulativeShare: round4(share(running)),
    };
  });
  return {
    columns: [
      { key: 'Rank', header: t('排名', 'Rank'), type: 'integer' },
      { key: 'CustomerId', header: t('客户编号', 'Customer ID'), type: 'id' },
      { key: 'Name', header: t('客户名称', 'Name'), type: 'text' },
      { key: 'Amount', header: t('金额', 'Amount'), type: 'amount' },
      { key: 'Share', header: t('占比', 'Share'), type: 'number', format: 'percent' },
      {
        key: 'CumulativeShare',
        header: t('累计占比', 'Cumulative share'),
        type: 'number',
        format: 'percent',
      },
    ],
    rows,
    chart: {
      kind: 'bar',
      title: t('主要客户', 'Top customers'),
      category: 'CustomerId',
      series: ['Amount'],
    },
    metrics: [
      { key: 'customers', label: t('客户数', 'Customers'), value: ranked.length },
      { key: 'total', label: t('合计金额', 'Total'), value: fromMinorUnits(total) },
      {
        key: 'top10Share',
        label: t('前十名占比', 'Share of top 10'),
        value: round4(top10),
        format: 'percent',
      },
      {
        key: 'hhi',
        label: t('赫芬达尔指数 HHI', 'HHI'),
        value: hhi.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber(),
      },
    ],
    notes: skippedNote(skipped),
  };
}

function round4(d: Decimal): number {
  return d.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toNumber();
}
