/**
 * Amount unusual for this customer (robust z-score). Each entry is compared with the same
 * customer's other entries in the same direction (receipts with receipts, payments with
 * payments), by absolute amount:
 * - with at least `risk.outlierMinHistory` other entries (default 10) and a non-zero MAD,
 *   the modified z-score 0.6745 (x − median) / MAD must reach `risk.outlierZ` (3.5,
 *   Iglewicz and Hoaglin);
 * - otherwise (history too short, or zero spread) the fallback is the ratio to the
 *   median, which must reach `risk.outlierRatio` (default 10×), given at least
 *   `risk.outlierMinFallbackHistory` other entries. A classic z-score is never used: with
 *   n values it can never exceed √(n−1) (2 at n = 5), and with zero spread it is undefined
 *   (case R3). Nothing here can produce NaN: every division is guarded.
 * Only amounts above the median are reported. Groups above 64 entries are screened with
 * the whole group's median/MAD and only screened entries get the exact leave-one-out
 * statistics (one value moves the median and MAD of 64+ values by at most one rank).
 */
import { t } from '../../book/types';
import { forEachRun } from '../row-orders';
import { yuan } from '../explain';
import { medianAndMad, medianAndMadWithout, modifiedZ } from '../robust-stats';
import { lowerBound } from '../../util/lower-bound';
import type { AnomalyFinding, RiskInput, RiskRule } from '../types';

const EXACT_GROUP = 64;

export const amountOutlierRule: RiskRule = {
  id: 'amount-outlier',
  title: t('金额异常（相对该客户）', 'Amount unusual for this customer'),
  settings: [
    'risk.outlierZ',
    'risk.outlierMinHistory',
    'risk.outlierMinFallbackHistory',
    'risk.outlierRatio',
  ],
  detect(input) {
    const { journal } = input;
    const order = input.orders.byCustomerDay();
    const out: AnomalyFinding[] = [];
    forEachRun(order, journal.customer, (from, to) => {
      const receipts: number[] = [];
      const payments: number[] = [];
      for (let k = from; k < to; k++) {
        const row = order[k];
        if (journal.amount[row] > 0) receipts.push(row);
        else if (journal.amount[row] < 0) payments.push(row);
      }
      scanGroup(input, receipts, out);
      scanGroup(input, payments, out);
    });
    return out;
  },
};

interface Verdict {
  method: 'modified-z' | 'ratio-to-median';
  n: number;
  median: number;
  mad: number;
  score: number;
}

function scanGroup(input: RiskInput, rows: number[], out: AnomalyFinding[]): void {
  const minFallback = Math.max(1, input.number('risk.outlierMinFallbackHistory'));
  if (rows.length - 1 < minFallback) return;
  const { journal } = input;
  const values = rows.map((r) => Math.abs(journal.amount[r]));
  const sorted = Float64Array.from(values).sort();
  const whole = medianAndMad(sorted);
  const zLimit = input.number('risk.outlierZ');
  const ratioLimit = input.number('risk.outlierRatio');

  for (let k = 0; k < rows.length; k++) {
    const x = values[k];
    // exact screen: removing a value at or below the median cannot lift it above the median
    if (x <= whole.median) continue;
    // loose screen for large groups, where one value barely moves the statistics
    if (rows.length > EXACT_GROUP) {
      const loose =
        whole.mad > 0
          ? modifiedZ(x, whole.median, whole.mad) >= zLimit / 2
          : x >= (whole.median * ratioLimit) / 2;
      if (!loose) continue;
    }
    // The others' statistics: the group less one copy of x (which copy does not matter).
    const verdict = verdictOf(input, x, rows.length - 1, medianAndMadWithout(sorted, lowerBound(sorted, x)));
    if (verdict) out.push(finding(input, rows[k], x, values.slice(0, k).concat(values.slice(k + 1)), verdict));
  }
}

/** The outcome for one value against the others, or undefined when it is not unusual. */
export function judge(input: RiskInput, x: number, others: number[]): Verdict | undefined {
  return verdictOf(input, x, others.length, medianAndMad(others));
}

function verdictOf(input: RiskInput, x: number, n: number, { median, mad }: { median: number; mad: number }): Verdict | undefined {
  if (!(x > median)) return undefined;
  if (n >= input.number('risk.outlierMinHistory') && mad > 0) {
    const z = modifiedZ(x, median, mad);
    return z >= input.number('risk.outlierZ')
      ? { method: 'modified-z', n, median, mad, score: z }
      : undefined;
  }
  if (!(median > 0)) return undefined;
  const ratio = x / median;
  return ratio >= input.number('risk.outlierRatio')
    ? { method: 'ratio-to-median', n, median, mad, score: ratio }
    : undefined;
}

function finding(
  input: RiskInput,
  row: number,
  x: number,
  others: number[],
  v: Verdict,
): AnomalyFinding {
  const { journal } = input;
  const c = journal.customerIds[journal.customer[row]];
  const side =
    journal.amount[row] > 0 ? { zh: '收款', en: 'receipts' } : { zh: '付款', en: 'payments' };
  const minHistory = input.number('risk.outlierMinHistory');
  let zh: string;
  let en: string;
  if (v.method === 'modified-z') {
    zh = `金额 ${yuan(x)} 元远高于客户 ${c} 以往${side.zh}（n = ${v.n}，中位数 ${yuan(v.median)} 元，MAD ${yuan(v.mad)} 元）：稳健 z 值 ${v.score.toFixed(2)} ≥ ${input.number('risk.outlierZ')}。`;
    en = `The amount ${yuan(x)} CNY is far above customer ${c}'s other ${side.en} (n = ${v.n}, median ${yuan(v.median)} CNY, MAD ${yuan(v.mad)} CNY): robust z = ${v.score.toFixed(2)} ≥ ${input.number('risk.outlierZ')}.`;
  } else {
    const sd = populationSd(others);
    const why =
      v.n < minHistory ? t(`历史过短`, 'history too short') : t('离散度为零', 'zero spread');
    const ratio = formatRatio(v.score);
    zh = `${why['zh-CN']}，无法使用 z 值（n = ${v.n}，sd = ${yuan(sd)}，MAD = ${yuan(v.mad)}；z 值需 n ≥ ${minHistory} 且 MAD > 0）。改用与中位数之比：金额 ${yuan(x)} 元 = 客户 ${c} ${side.zh}中位数 ${yuan(v.median)} 元的 ${ratio} 倍（标准 ${input.number('risk.outlierRatio')} 倍）。`;
    en = `${why['en-US']} for a z-score (n = ${v.n}, sd = ${yuan(sd)}, MAD = ${yuan(v.mad)}; z needs n ≥ ${minHistory} and MAD > 0). Fallback, ratio to median: amount ${yuan(x)} = ${ratio} × customer ${c}'s median of ${side.en} ${yuan(v.median)} (limit ${input.number('risk.outlierRatio')}×).`;
  }
  return {
    rule: 'amount-outlier',
    severity: 'medium',
    entryIds: [journal.entryId(row)],
    customerId: c,
    amountFen: journal.amount[row],
    date: journal.date(row),
    explanation: t(zh, en),
  };
}

function populationSd(values: number[]): number {
  if (values.length === 0) return 0;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
}

function formatRatio(r: number): string {
  return Number.isInteger(r) ? String(r) : r.toFixed(2);
}
