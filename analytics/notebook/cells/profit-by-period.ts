/**
 * Income, expense and profit by month, quarter or year: receipts are income, payments
 * are expense, profit is their difference. Every period between the first and last entry
 * is listed, so a quiet month shows as zeros rather than disappearing.
 */
import { fromMinorUnits } from '../../money/minor-units';
import { t } from '../../book/types';
import { choiceParam, dateParam, type Params } from '../params';
import { journalMovements, skippedNote, totalsByPeriod } from '../movements';
import type { CellInput, CellOutput } from '../types';

export const GRAINS = ['month', 'quarter', 'year'] as const;

/**
 * Income statement by period.
 * @param params `{ grain?: 'month'|'quarter'|'year' (default month), from?, to? }`
 * @param input the book
 * @returns rows `{ Period, Income, Expense, Profit }`
 * @example profitByPeriod({ grain: 'quarter' }, input).rows[0] // { Period: '2026-Q1', Income: '1200.00', ... }
 */
export function profitByPeriod(params: Params, input: CellInput): CellOutput {
  const grain = choiceParam(params, 'grain', GRAINS, 'month');
  const { movements, skipped } = journalMovements(input.book, {
    from: dateParam(params, 'from'),
    to: dateParam(params, 'to'),
  });
  const rows = totalsByPeriod(movements, grain).map((p) => ({
    Period: p.period,
    Income: fromMinorUnits(p.income),
    Expense: fromMinorUnits(p.expense),
    Profit: fromMinorUnits(p.income - p.expense),
  }));
  return {
    columns: [
      { key: 'Period', header: t('期间', 'Period'), type: 'text' },
      { key: 'Income', header: t('收入', 'Income'), type: 'amount' },
      { key: 'Expense', header: t('支出', 'Expense'), type: 'amount' },
      { key: 'Profit', header: t('结余', 'Profit'), type: 'amount' },
    ],
    rows,
    chart: {
      kind: 'column',
      title: t('收入、支出与结余', 'Income, expense and profit'),
      category: 'Period',
      series: ['Income', 'Expense', 'Profit'],
    },
    notes: skippedNote(skipped),
  };
}
