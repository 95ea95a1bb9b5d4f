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
import {
  LARGE_VALUE_SETTINGS,
  largeValueThresholds,
  thresholdClassName,
  type ThresholdClass,
} from './large-value-thresholds';

const CLASSES: ThresholdClass[] = ['cash', 'company', 'person', 'person-cross-border'];

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

    // totals per class in fixed slots, so a million customer-days allocate nothing
    const totals = new Float64Array(CLASSES.length);
    const largest = new Float64Array(CLASSES.length);
    const counts = new Int32Array(CLASSES.length);
    forEachRun(order, dayKey, (from, to) => {
      if (to - from < 2) return;
      (totals.fill(0), largest.fill(0), counts.fill(0));
      for (let k = from; k < to; k++) {
        const row = order[k];
        const c = CLASSES.indexOf(thresholds.classOf(row));
        const a = Math.abs(journal.amount[row]);
        totals[c] += a;
        counts[c]++;
        if (a > largest[c]) largest[c] = a;
      }
      for (let c = 0; c < CLASSES.length; c++) {
        const limit = thresholds.fen(CLASSES[c]);
        if (counts[c] < 2 || totals[c] < limit || largest[c] >= limit) continue;
        const rows: number[] = [];
        for (let k = from; k < to; k++)
          if (thresholds.classOf(order[k]) === CLASSES[c]) rows.push(order[k]);
        out.push(dailyFinding(CLASSES[c], rows, totals[c], largest[c]));
      }
    });
    return out;

    function dailyFinding(
      kind: ThresholdClass,
      rows: number[],
      total: number,
      largest: number,
    ): AnomalyFinding {
      const limit = thresholds.fen(kind);
      const name = thresholdClassName(kind);
      const c = journal.customer[rows[0]];
      const date = journal.date(rows[0]);
      return {
        rule: 'large-daily',
        severity: 'high',
        entryIds: rows.map((r) => journal.entryId(r)),
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
