/** The registry of built-in cell kinds: what computes each one and its default title. */
import { t, type Text } from '../book/types';
import type { Params } from './params';
import type { BuiltInKind, CellInput, CellOutput } from './types';
import { cashFlow } from './cells/cash-flow';
import { dailyFunds } from './cells/daily-funds';
import { growth } from './cells/growth';
import { profitByPeriod } from './cells/profit-by-period';
import { receivableAging } from './cells/receivable-aging';
import { reconciliationStatus } from './cells/reconciliation-status';
import { rfm } from './cells/rfm';
import { riskSummary } from './cells/risk-summary';
import { seasonality } from './cells/seasonality';
import { topCustomers } from './cells/top-customers';
import { trend } from './cells/trend';

export interface BuiltInCell {
  title: Text;
  run(params: Params, input: CellInput): CellOutput;
}

export const BUILT_IN_CELLS: Record<BuiltInKind, BuiltInCell> = {
  'daily-funds': { title: t('资金日报表', 'Daily funds report'), run: dailyFunds },
  'profit-by-period': { title: t('收支结余', 'Income and expense'), run: profitByPeriod },
  growth: { title: t('环比同比', 'MoM and YoY growth'), run: growth },
  'cash-flow': { title: t('现金流量', 'Cash flow'), run: cashFlow },
  'top-customers': { title: t('主要客户与集中度', 'Top customers'), run: topCustomers },
  rfm: { title: t('RFM客户分群', 'RFM segments'), run: rfm },
  'receivable-aging': { title: t('应收账龄', 'Receivable aging'), run: receivableAging },
  'reconciliation-status': {
    title: t('对账状态', 'Reconciliation status'),
    run: reconciliationStatus,
  },
  'risk-summary': { title: t('风险概览', 'Risk summary'), run: riskSummary },
  seasonality: { title: t('季节性', 'Seasonality'), run: seasonality },
  trend: { title: t('趋势', 'Trend'), run: trend },
};

/** True for a kind the registry knows. */
export function isBuiltInKind(kind: string): kind is BuiltInKind {
  return Object.prototype.hasOwnProperty.call(BUILT_IN_CELLS, kind);
}
