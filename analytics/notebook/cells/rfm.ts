/**
 * RFM segments of paying customers. Recency is days from the customer's last receipt to
 * `asOf`, frequency the number of receipts, monetary their sum; a reversed receipt and its
 * red-ink reversal are both left out, as if neither happened. Scores 1–5 rank each
 * measure: score = 1 + ⌊5 × (customers strictly worse) / n⌋, so ties share a score and
 * the best fifth gets 5. Segments are the usual eight (重要价值 … 一般挽留), taking a
 * measure as "high" when it is better than the mean over customers (recency below the
 * mean; frequency and monetary above it), compared exactly in fen.
 */
import { fromMinorUnits } from '../../money/minor-units';
import { daysBetween } from '../../book/dates';
import { rowsOf, text } from '../../book/book';
import { t, type Row, type Text } from '../../book/types';
import { dateParam, type Params } from '../params';
import { journalMovements, skippedNote } from '../movements';
import type { CellInput, CellOutput } from '../types';

interface CustomerRfm {
  id: string;
  /** Date of the latest receipt. */
  last: string;
  recency: number;
  frequency: number;
  monetary: number;
}

/** Segment names by R, F, M high (H) or low (L). */
export const RFM_SEGMENTS: Record<string, Text> = {
  HHH: t('重要价值客户', 'Important value'),
  HLH: t('重要发展客户', 'Important to develop'),
  LHH: t('重要保持客户', 'Important to keep'),
  LLH: t('重要挽留客户', 'Important to win back'),
  HHL: t('一般价值客户', 'General value'),
  HLL: t('一般发展客户', 'General to develop'),
  LHL: t('一般保持客户', 'General to keep'),
  LLL: t('一般挽留客户', 'General to win back'),
};

/**
 * RFM table.
 * @param params `{ asOf?: 'YYYY-MM-DD' (default the run date), from? }`
 * @param input the book and run date
 * @returns rows `{ CustomerId, Name, Recency, Frequency, Monetary, R, F, M, Segment }` by monetary descending
 * @example rfm({ asOf: '2026-06-30' }, input).rows[0] // { CustomerId: 'C1', Recency: 3, Frequency: 12, R: 5, ..., Segment: '重要价值客户' }
 */
export function rfm(params: Params, input: CellInput): CellOutput {
  const asOf = dateParam(params, 'asOf') ?? input.today;
  const { movements, skipped } = journalMovements(input.book, {
    from: dateParam(params, 'from'),
    to: asOf,
  });

  // Step 1: raw measures per paying customer
  const by = new Map<string, CustomerRfm>();
  for (const m of movements) {
    if (!m.customerId || m.inflow <= 0 || m.status === 'reversed' || m.status === 'reversal')
      continue;
    const c = by.get(m.customerId) ?? { id: m.customerId, recency: 0, frequency: 0, monetary: 0, last: '' };
    // Movements come in date order, so the last one seen is the latest.
    c.last = m.date;
    c.frequency += 1;
    c.monetary += m.inflow;
    by.set(m.customerId, c);
  }
  const list = [...by.values()];
  for (const c of list) c.recency = daysBetween(c.last, asOf);
  const n = list.length;

  // Step 2: scores and segments
  const sumR = list.reduce((s, c) => s + c.recency, 0);
  const sumF = list.reduce((s, c) => s + c.frequency, 0);
  const sumM = list.reduce((s, c) => s + c.monetary, 0);
  const score = (worse: number) => 1 + Math.floor((5 * worse) / n);
  const sorted = (pick: (c: CustomerRfm) => number) => list.map(pick).sort((a, b) => a - b);
  const recencies = sorted((c) => c.recency);
  const frequencies = sorted((c) => c.frequency);
  const monetaries = sorted((c) => c.monetary);
  const names = new Map(
    rowsOf(input.book, 'Customers').map((c) => [text(c.CustomerId), text(c.Name)]),
  );
  const counts = new Map<string, number>();
  const rows: Row[] = list
    .sort((a, b) => b.monetary - a.monetary || (a.id < b.id ? -1 : 1))
    .map((c) => {
      const code =
        (c.recency * n < sumR ? 'H' : 'L') +
        (c.frequency * n > sumF ? 'H' : 'L') +
        (c.monetary * n > sumM ? 'H' : 'L');
      counts.set(code, (counts.get(code) ?? 0) + 1);
      return {
        CustomerId: c.id,
        Name: names.get(c.id) ?? '',
        Recency: c.recency,
        Frequency: c.frequency,
        Monetary: fromMinorUnits(c.monetary),
        R: score(n - countAtMost(recencies, c.recency)),
        F: score(countBelow(frequencies, c.frequency)),
        M: score(countBelow(monetaries, c.monetary)),
        Segment: RFM_SEGMENTS[code][input.book.lang],
      };
    });
  return {
    columns: [
      { key: 'CustomerId', header: t('客户编号', 'Customer ID'), type: 'id' },
      { key: 'Name', header: t('客户名称', 'Name'), type: 'text' },
      { key: 'Recency', header: t('最近付款(天)', 'Recency (days)'), type: 'integer' },
      { key: 'Frequency', header: t('付款次数', 'Frequency'), type: 'integer' },
      { key: 'Monetary', header: t('付款金额', 'Monetary'), type: 'amount' },
      { key: 'R', header: t('R 分', 'R score'), type: 'integer' },
      { key: 'F', header: t('F 分', 'F score'), type: 'integer' },
      { key: 'M', header: t('M 分', 'M score'), type: 'integer' },
      { key: 'Segment', header: t('客户分群', 'Segment'), type: 'text' },
    ],
    rows,
    chart: {
      kind: 'scatter',
      title: t('付款次数与金额', 'Frequency and monetary value'),
      category: 'Frequency',
      series: ['Monetary'],
    },
    metrics: Object.keys(RFM_SEGMENTS)
      .filter((code) => counts.has(code))
      .map((code) => ({ key: code, label: RFM_SEGMENTS[code], value: counts.get(code) ?? 0 })),
    notes: skippedNote(skipped),
  };
}

/** How many values of an ascending array are below `v` (binary search). */
function countBelow(sorted: number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many values of an ascending array are at most `v`. */
function countAtMost(sorted: number[], v: number): number {
  return countBelow(sorted, v + 1);
}
