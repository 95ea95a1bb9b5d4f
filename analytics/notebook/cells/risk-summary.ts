/**
 * Risk summary from the Exceptions table: per rule, how many findings are still open
 * (open, reviewing, escalated) and how many are closed (resolved, dismissed), the open
 * ones by severity, and the amount involved in open findings.
 */
import { fromMinorUnits } from '../../money/minor-units';
import { rowsOf, text } from '../../book/book';
import { t, type Row } from '../../book/types';
import type { Params } from '../params';
import { fen } from '../movements';
import type { CellInput, CellOutput } from '../types';

const CLOSED = new Set(['resolved', 'dismissed']);

/**
 * Risk summary table.
 * @param params none
 * @param input the book
 * @returns rows `{ Rule, Open, Closed, High, Medium, Low, OpenAmount }` by open count descending,
 *   metrics `open`, `closed`, `high`
 * @example riskSummary({}, input).rows[0] // { Rule: 'large-cash', Open: 2, Closed: 1, High: 2, ..., OpenAmount: '120000.00' }
 */
export function riskSummary(_params: Params, input: CellInput): CellOutput {
  const by = new Map<
    string,
    { open: number; closed: number; high: number; medium: number; low: number; amount: number }
  >();
  for (const r of rowsOf(input.book, 'Exceptions')) {
    const rule = text(r.Rule) || '?';
    const s = by.get(rule) ?? { open: 0, closed: 0, high: 0, medium: 0, low: 0, amount: 0 };
    by.set(rule, s);
    if (CLOSED.has(text(r.Status))) {
      s.closed++;
      continue;
    }
    s.open++;
    const severity = text(r.Severity);
    if (severity === 'high' || severity === 'medium' || severity === 'low') s[severity]++;
    const units = fen(r.Amount);
    // An amount that is not a plain decimal is left out; a finding's sign carries no meaning here.
    if (!Number.isNaN(units)) s.amount += Math.abs(units);
  }
  const rows: Row[] = [...by.entries()]
    .sort((a, b) => b[1].open - a[1].open || (a[0] < b[0] ? -1 : 1))
    .map(([rule, s]) => ({
      Rule: rule,
      Open: s.open,
      Closed: s.closed,
      High: s.high,
      Medium: s.medium,
      Low: s.low,
      OpenAmount: fromMinorUnits(s.amount),
    }));
  const total = (k: 'open' | 'closed' | 'high') => [...by.values()].reduce((n, s) => n + s[k], 0);
  return {
    columns: [
      { key: 'Rule', header: t('规则', 'Rule'), type: 'text' },
      { key: 'Open', header: t('待处理', 'Open'), type: 'integer' },
      { key: 'Closed', header: t('已关闭', 'Closed'), type: 'integer' },
      { key: 'High', header: t('高', 'High'), type: 'integer' },
      { key: 'Medium', header: t('中', 'Medium'), type: 'integer' },
      { key: 'Low', header: t('低', 'Low'), type: 'integer' },
      { key: 'OpenAmount', header: t('待处理金额', 'Open amount'), type: 'amount' },
    ],
    rows,
    chart: {
      kind: 'bar',
      title: t('各规则的异常', 'Findings by rule'),
      category: 'Rule',
      series: ['Open', 'Closed'],
    },
    metrics: [
      { key: 'open', label: t('待处理', 'Open'), value: total('open') },
      { key: 'closed', label: t('已关闭', 'Closed'), value: total('closed') },
      { key: 'high', label: t('高风险待处理', 'Open, high severity'), value: total('high') },
    ],
  };
}
