/**
 * Month-on-month (环比) and year-on-year (同比) growth of income, expense or profit.
 * Growth is (this − previous) / |previous| as a ratio rounded half-up to 4 decimals; it
 * is empty when the previous period is zero or before the first entry, because a growth
 * rate from nothing has no meaning. "Previous" for MoM is the previous calendar period
 * (month or quarter), for YoY the same period a year earlier.
 */
import { Decimal } from '../../money/decimal';
import { fromMinorUnits } from '../../money/minor-units';
import { t, type Row } from '../../book/types';
import { choiceParam, dateParam, type Params } from '../params';
import { journalMovements, skippedNote, totalsByPeriod } from '../movements';
import type { CellInput, CellOutput } from '../types';

/**
 * Growth table.
 * @param params `{ grain?: 'month'|'quarter' (default month), measure?: 'income'|'expense'|'profit' (default income), from?, to? }`
 * @param input the book
 * @returns rows `{ Period, Value, MoM, YoY }`; MoM and YoY are ratios (0.25 = +25 %) or null
 * @example growth({ measure: 'income' }, input).rows[1] // { Period: '2026-02', Value: '150.00', MoM: 0.5, YoY: null }
 */
export function growth(params: Params, input: CellInput): CellOutput {
  const grain = choiceParam(params, 'grain', ['month', 'quarter'] as const, 'month');
  const measure = choiceParam(
    params,
    'measure',
    ['income', 'expense', 'profit'] as const,
    'income',
  );
  const { movements, skipped } = journalMovements(input.book, {
    from: dateParam(params, 'from'),
    to: dateParam(params, 'to'),
  });
  const totals = totalsByPeriod(movements, grain);
  const values = totals.map((p) =>
    measure === 'income' ? p.income : measure === 'expense' ? p.expense : p.income - p.expense,
  );
  const periods = totals.map((p) => p.period);
  const lag = grain === 'month' ? 12 : 4;

  const rows: Row[] = periods.map((period, i) => ({
    Period: period,
    Value: fromMinorUnits(values[i]),
    MoM: i >= 1 ? ratio(values[i], values[i - 1]) : null,
    YoY: i >= lag ? ratio(values[i], values[i - lag]) : null,
  }));
  return {
    columns: [
      { key: 'Period', header: t('期间', 'Period'), type: 'text' },
      { key: 'Value', header: t(MEASURE_ZH[measure], MEASURE_EN[measure]), type: 'amount' },
      { key: 'MoM', header: t('环比', 'MoM'), type: 'number', format: 'percent' },
      { key: 'YoY', header: t('同比', 'YoY'), type: 'number', format: 'percent' },
    ],
    rows,
    chart: {
      kind: 'line',
      title: t('环比与同比增长率', 'MoM and YoY growth'),
      category: 'Period',
      series: ['MoM', 'YoY'],
    },
    notes: skippedNote(skipped),
  };
}

const MEASURE_ZH = { income: '收入', expense: '支出', profit: '结余' } as const;
const MEASURE_EN = { income: 'Income', expense: 'Expense', profit: 'Profit' } as const;

function ratio(now: number, before: number): number | null {
  if (before === 0) return null;
  return new Decimal(now - before)
    .div(Math.abs(before))
    .toDecimalPlaces(4, Decimal.ROUND_HALF_UP)
    .toNumber();
}
