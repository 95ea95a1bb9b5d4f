/**
 * Seasonality by calendar month, by the ratio-to-overall-mean method: each calendar
 * month's average over the years in the data, divided by the average of all months.
 * An index of 1.20 means that month runs 20 % above a typical month. Every month from
 * the first entry to the last counts, quiet months as zero. The series is not detrended
 * first, so a strong trend leaks into the index; read it beside the trend cell.
 */
import { Decimal } from '../../money/decimal';
import { amountText } from '../../money/decimal';
import { t, type Row } from '../../book/types';
import { choiceParam, dateParam, type Params } from '../params';
import { journalMovements, skippedNote, totalsByPeriod } from '../movements';
import type { CellInput, CellOutput } from '../types';

export const MEASURES = ['income', 'expense', 'profit'] as const;

/**
 * Seasonal index table.
 * @param params `{ measure?: 'income'|'expense'|'profit' (default income), from?, to? }`
 * @param input the book
 * @returns rows `{ Month, Observations, Average, Index }` for the calendar months present;
 *   Average is rounded half-up to the cent, Index half-up to 4 decimals
 * @example seasonality({}, input).rows[11] // { Month: '12', Observations: 2, Average: '1250.00', Index: 1.3158 }
 */
export function seasonality(params: Params, input: CellInput): CellOutput {
  const measure = choiceParam(params, 'measure', MEASURES, 'income');
  const { movements, skipped } = journalMovements(input.book, {
    from: dateParam(params, 'from'),
    to: dateParam(params, 'to'),
  });
  const months = totalsByPeriod(movements, 'month').map((p) => ({
    month: p.period.slice(5, 7),
    value: valueOf(p, measure),
  }));

  const overall = months.length
    ? new Decimal(months.reduce((s, m) => s + m.value, 0)).div(months.length)
    : new Decimal(0);
  const rows: Row[] = [];
  for (let i = 1; i <= 12; i++) {
    const month = String(i).padStart(2, '0');
    const values = months.filter((m) => m.month === month).map((m) => m.value);
    if (!values.length) continue;
    const average = new Decimal(values.reduce((s, v) => s + v, 0)).div(values.length);
    rows.push({
      Month: month,
      Observations: values.length,
      Average: amountText(average.div(100)),
      Index: overall.isZero()
        ? null
        : average.div(overall).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toNumber(),
    });
  }
  return {
    columns: [
      { key: 'Month', header: t('月份', 'Month'), type: 'text' },
      { key: 'Observations', header: t('年数', 'Years'), type: 'integer' },
      { key: 'Average', header: t('月均金额', 'Average'), type: 'amount' },
      { key: 'Index', header: t('季节指数', 'Seasonal index'), type: 'number' },
    ],
    rows,
    chart: {
      kind: 'column',
      title: t('季节指数', 'Seasonal index'),
      category: 'Month',
      series: ['Index'],
    },
    notes: skippedNote(skipped),
  };
}

/** The measure of a period's totals in fen. */
export function valueOf(
  p: { income: number; expense: number },
  measure: (typeof MEASURES)[number],
): number {
  return measure === 'income' ? p.income : measure === 'expense' ? p.expense : p.income - p.expense;
}
