/** The notebook a book gets when its Notebook table is empty: every built-in analysis once, and one query example. */
import type { Lang } from '../book/schema';
import { t } from '../book/types';
import type { NotebookCell } from './types';

const LARGEST_PAYMENTS = [
  '// frames.Journal is the journal as an arquero table, with its columns even when empty.',
  'return frames.Journal',
  "  .select('Date', 'EntryId', 'CustomerId', 'Summary', 'Outflow')",
  '  .derive({ amount: (d) => op.parse_float(d.Outflow) })',
  '  .filter((d) => d.amount > 0)',
  "  .orderby(aq.desc('amount'))",
  "  .select('Date', 'EntryId', 'CustomerId', 'Summary', 'Outflow')",
  '  .slice(0, 10);',
].join('\n');

/**
 * The default notebook in the book's language.
 * @param lang the book's language, for cell titles
 * @returns cells in run order
 * @example defaultNotebook('en-US')[0] // { id: 'daily-funds', kind: 'daily-funds', title: 'Daily funds report', params: {} }
 */
export function defaultNotebook(lang: Lang): NotebookCell[] {
  const cell = (
    id: string,
    kind: NotebookCell['kind'],
    title: Record<Lang, string>,
    params: Record<string, unknown> = {},
  ): NotebookCell => ({
    id,
    kind,
    title: title[lang],
    params,
  });
  return [
    cell('daily-funds', 'daily-funds', t('资金日报表', 'Daily funds report')),
    cell('pl-month', 'profit-by-period', t('月度收支', 'Income and expense by month'), {
      grain: 'month',
    }),
    cell('pl-quarter', 'profit-by-period', t('季度收支', 'Income and expense by quarter'), {
      grain: 'quarter',
    }),
    cell('pl-year', 'profit-by-period', t('年度收支', 'Income and expense by year'), {
      grain: 'year',
    }),
    cell('growth', 'growth', t('收入环比同比', 'Income growth, MoM and YoY'), {
      grain: 'month',
      measure: 'income',
    }),
    cell('cash-flow', 'cash-flow', t('现金流量(账户与方式)', 'Cash flow by account and method')),
    cell(
      'top-customers',
      'top-customers',
      t('主要客户与集中度', 'Top customers and concentration'),
      { top: 10 },
    ),
    cell('rfm', 'rfm', t('RFM客户分群', 'RFM segments')),
    cell('aging', 'receivable-aging', t('应收账龄', 'Receivable aging')),
    cell('reconciliation', 'reconciliation-status', t('对账状态', 'Reconciliation status')),
    cell('risk', 'risk-summary', t('风险概览', 'Risk summary')),
    cell('seasonality', 'seasonality', t('收入季节性', 'Income seasonality'), {
      measure: 'income',
    }),
    cell('trend', 'trend', t('收入趋势', 'Income trend'), { measure: 'income', horizon: 3 }),
    cell('largest-payments', 'query', t('最大十笔支出', 'Ten largest payments'), {
      code: LARGEST_PAYMENTS,
      chart: { kind: 'bar', category: 'EntryId', series: ['Outflow'] },
    }),
  ];
}
