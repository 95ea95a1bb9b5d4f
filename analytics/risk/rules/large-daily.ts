/**
 * Large value as a daily aggregate: one customer's entries of one class (cash, transfer)
 * on one day add up (both directions, by absolute amount, as the PBOC rule counts
 * "当日累计") to the threshold although no single entry does. A day where one entry is
 * already large is left to `large-value`, so the same day is not reported twice.
 */
import { t } from '../../book/types';
import { forEachRun } from '../row-orders';
import { yuan } from '../explain';
import type { AnomalyFinding, RiskRule } from '../types';
import { LARGE_VALUE_SETTINGS, largeValueThresholds, thresholdClassName, type ThresholdClass } from './large-value-thresholds';

export const largeDailyRule: RiskRule = {
  id: 'large-daily',
  title: t('大额交易（当日累计）', 'Large-value daily total'),
  settings: LARGE_VALUE_SETTINGS,
  detect(input) {
    const { journal } = input;
    const thresholds = largeValueThresholds(input);
    const out: AnomalyFinding[] = [];
    const order = input.orders.byCustomerDay();
    const dayKey = new Float64Array(journal.n);
    for (let i = 0; i < journal.n; i++) dayKey[i] = journal.customer[i] * 100_000 + journal.day[i];

    forEachRun(order, dayKey, (from, to) => {
      if (to - from < 2) return;
      // group the day's entries by class; cash and transfers have their own thresholds
      const byClass = new Map<ThresholdClass, number[]>();
      for (let k = from; k < to; k++) {
        const row = order[k];
        const kind = thresholds.classOf(row);
        const list = byClass.get(kind) ?? [];
        list.push(row);
        byClass.set(kind, list);
      }
      for (const [kind, rows] of byClass) {
        const finding = dailyFinding(kind, rows);
        if (finding) out.push(finding);
      }
    });
    return out;

    function dailyFinding(kind: ThresholdClass, rows: number[]): AnomalyFinding | undefined {
      if (rows.length < 2) return undefined;
      const limit = thresholds.fen(kind);
      let total = 0;
      let largest = 0;
      for (const r of rows) {
        const a = Math.abs(journal.amount[r]);
        total += a;
        if (a > largest) largest = a;
      }
      if (total < limit || largest >= limit) return undefined;
      const name = thresholdClassName(kind);
      const c = journal.customer[rows[0]];
      const date = journal.date[rows[0]];
      return {
        rule: 'large-daily',
        severity: 'high',
        entryIds: rows.map((r) => journal.entryId[r]),
        period: `${date}|${kind}`,
        customerId: journal.customerIds[c],
        amountFen: total,
        date,
        explanation: t(
          `客户 ${journal.customerIds[c]} 在 ${date} 共 ${rows.length} 笔${name.zh}，当日累计 ${yuan(total)} 元，达到大额标准 ${yuan(limit)} 元（单笔最大 ${yuan(largest)} 元；设置 ${thresholds.key(kind)}）。`,
          `Customer ${journal.customerIds[c]} had ${rows.length} entries (${name.en}) on ${date} totalling ${yuan(total)} CNY, reaching the large-value threshold of ${yuan(limit)} CNY (largest single entry ${yuan(largest)} CNY; setting ${thresholds.key(kind)}).`,
        ),
      };
    }
  },
};
