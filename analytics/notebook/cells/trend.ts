/**
 * A straight-line trend of a monthly measure with its 95 % confidence band. Method:
 * ordinary least squares of the monthly value y on the month number x = 0, 1, …, n−1;
 * the band is the confidence interval of the mean response,
 *   ŷ(x) ± t(0.975, n−2) · s · √(1/n + (x − x̄)² / Σ(xᵢ − x̄)²), s² = Σ residual² / (n−2),
 * drawn over the data and `horizon` months beyond. Quiet months count as zero. These are
 * statistics in yuan as doubles, not money: the fitted values are rounded half-up to the
 * cent for display only. With fewer than 3 months there is no band.
 */
import { fromMinorUnits } from '../../money/minor-units';
import { t, type Row } from '../../book/types';
import { choiceParam, countParam, dateParam, type Params } from '../params';
import { journalMovements, periodRange, skippedNote, totalsByPeriod } from '../movements';
import { studentTQuantile } from '../student-t';
import type { CellInput, CellOutput } from '../types';
import { MEASURES, valueOf } from './seasonality';

/**
 * Trend table.
 * @param params `{ measure?: 'income'|'expense'|'profit' (default income), horizon?: months to project (default 3), from?, to? }`
 * @param input the book
 * @returns rows `{ Period, Actual, Trend, Lower, Upper }` and metrics `slope` (yuan per month), `intercept`, `r2`, `months`
 * @example trend({ horizon: 1 }, input).metrics // [{ key: 'slope', value: 125.5 }, ...]
 */
export function trend(params: Params, input: CellInput): CellOutput {
  const measure = choiceParam(params, 'measure', MEASURES, 'income');
  const horizon = params.horizon === 0 ? 0 : countParam(params, 'horizon', 3);
  const { movements, skipped } = journalMovements(input.book, {
    from: dateParam(params, 'from'),
    to: dateParam(params, 'to'),
  });
  const months = totalsByPeriod(movements, 'month');
  const y = months.map((p) => valueOf(p, measure) / 100);
  const n = y.length;

  // Step 1: least squares fit
  const xMean = (n - 1) / 2;
  const yMean = n ? y.reduce((s, v) => s + v, 0) / n : 0;
  let sxx = 0;
  let sxy = 0;
  y.forEach((v, x) => {
    sxx += (x - xMean) ** 2;
    sxy += (x - xMean) * (v - yMean);
  });
  const slope = sxx ? sxy / sxx : 0;
  const intercept = yMean - slope * xMean;
  const fitted = (x: number) => intercept + slope * x;
  const sse = y.reduce((s, v, x) => s + (v - fitted(x)) ** 2, 0);
  const sst = y.reduce((s, v) => s + (v - yMean) ** 2, 0);

  // Step 2: band of the mean response, over the data and the horizon
  const q = n >= 3 ? studentTQuantile(0.975, n - 2) : NaN;
  const s = n >= 3 ? Math.sqrt(sse / (n - 2)) : NaN;
  const periods = n
    ? periodRange(months[0].period, addMonths(months[n - 1].period, horizon), 'month')
    : [];
  const rows: Row[] = periods.map((period, x) => {
    const half = q * s * Math.sqrt(1 / n + (x - xMean) ** 2 / sxx);
    return {
      Period: period,
      Actual: x < n ? fromMinorUnits(valueOf(months[x], measure)) : null,
      Trend: cents(fitted(x)),
      Lower: Number.isFinite(half) ? cents(fitted(x) - half) : null,
      Upper: Number.isFinite(half) ? cents(fitted(x) + half) : null,
    };
  });
  return {
    columns: [
      { key: 'Period', header: t('期间', 'Period'), type: 'text' },
      { key: 'Actual', header: t('实际', 'Actual'), type: 'amount' },
      { key: 'Trend', header: t('趋势', 'Trend'), type: 'number' },
      { key: 'Lower', header: t('95%下限', '95% lower'), type: 'number' },
      { key: 'Upper', header: t('95%上限', '95% upper'), type: 'number' },
    ],
    rows,
    chart: {
      kind: 'line',
      title: t('趋势与95%置信带', 'Trend with 95% confidence band'),
      category: 'Period',
      series: ['Actual', 'Trend', 'Lower', 'Upper'],
      band: { lower: 'Lower', upper: 'Upper' },
    },
    metrics: [
      { key: 'slope', label: t('月均变化(元)', 'Slope (per month)'), value: cents(slope) },
      { key: 'intercept', label: t('截距', 'Intercept'), value: cents(intercept) },
      {
        key: 'r2',
        label: t('拟合优度 R²', 'R²'),
        value: sst ? Math.round((1 - sse / sst) * 10000) / 10000 : null,
      },
      { key: 'months', label: t('月数', 'Months'), value: n },
    ],
    notes: [
      ...(skippedNote(skipped) ?? []),
      ...(n < 3 ? [t('少于3个月，无置信带', 'Fewer than 3 months: no confidence band')] : []),
    ],
  };
}

function cents(v: number): number {
  // Half-up to the cent on the absolute value, so −0.005 rounds like 0.005.
  const r = (Math.sign(v) * Math.round(Math.abs(v) * 100 + 1e-9)) / 100;
  return r === 0 ? 0 : r;
}

function addMonths(period: string, k: number): string {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + k;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
