/**
 * Splitting just under a threshold (structuring): a customer makes several entries of the
 * same class, each within `risk.structuringBand` below the large-value threshold (default
 * 10 %, i.e. 45,000–49,999.99 for cash), inside `risk.structuringWindowDays` days, and
 * together they reach the threshold. Windows are greedy from the earliest candidate, so
 * each candidate lands in at most one finding.
 */
import { t } from '../../book/types';
import { forEachRun } from '../row-orders';
import { yuan } from '../explain';
import type { AnomalyFinding, RiskRule } from '../types';
import {
  LARGE_VALUE_SETTINGS,
  largeValueThresholds,
  thresholdClassName,
  type ThresholdClass,
} from './large-value-thresholds';

export const structuringRule: RiskRule = {
  id: 'structuring',
  title: t('拆分交易规避大额标准', 'Splitting just under a threshold'),
  settings: [
    ...LARGE_VALUE_SETTINGS,
    'risk.structuringBand',
    'risk.structuringWindowDays',
    'risk.structuringMinCount',
  ],
  detect(input) {
    const { journal } = input;
    const thresholds = largeValueThresholds(input);
    const band = input.number('risk.structuringBand');
    const windowDays = input.number('risk.structuringWindowDays');
    const minCount = Math.max(2, input.number('risk.structuringMinCount'));
    const out: AnomalyFinding[] = [];

    forEachRun(input.orders.byCustomerDay(), journal.customer, (from, to) => {
      // Step 1: this customer's candidates, per class, already in day order
      const order = input.orders.byCustomerDay();
      const byClass = new Map<ThresholdClass, number[]>();
      for (let k = from; k < to; k++) {
        const row = order[k];
        const kind = thresholds.classOf(row);
        const limit = thresholds.fen(kind);
        const a = Math.abs(journal.amount[row]);
        if (a >= limit || a < limit * (1 - band)) continue;
        const list = byClass.get(kind) ?? [];
        list.push(row);
        byClass.set(kind, list);
      }

      // Step 2: greedy windows that reach the threshold together
      for (const [kind, rows] of byClass) {
        const limit = thresholds.fen(kind);
        let i = 0;
        while (i < rows.length) {
          let j = i;
          let total = 0;
          while (j < rows.length && journal.day[rows[j]] - journal.day[rows[i]] <= windowDays)
            total += Math.abs(journal.amount[rows[j++]]);
          if (j - i >= minCount && total >= limit) {
            out.push(finding(kind, rows.slice(i, j), total, limit));
            i = j;
          } else i++;
        }
      }
    });
    return out;

    function finding(
      kind: ThresholdClass,
      rows: number[],
      total: number,
      limit: number,
    ): AnomalyFinding {
      const name = thresholdClassName(kind);
      const c = journal.customerIds[journal.customer[rows[0]]];
      const first = journal.date(rows[0]);
      const last = journal.date(rows[rows.length - 1]);
      const amounts = rows.map((r) => yuan(Math.abs(journal.amount[r]))).join('、');
      return {
        rule: 'structuring',
        severity: 'high',
        entryIds: rows.map((r) => journal.entryId(r)),
        period: first,
        customerId: c,
        amountFen: total,
        date: first,
        explanation: t(
          `客户 ${c} 在 ${first} 至 ${last}（${windowDays} 天内）有 ${rows.length} 笔${name.zh}，每笔都略低于大额标准 ${yuan(limit)} 元（${amounts}），合计 ${yuan(total)} 元，疑似拆分交易。`,
          `Customer ${c} made ${rows.length} entries (${name.en}) from ${first} to ${last} (within ${windowDays} days), each just under the ${yuan(limit)} CNY threshold (${amounts}), totalling ${yuan(total)} CNY: possible splitting.`,
        ),
      };
    }
  },
};
