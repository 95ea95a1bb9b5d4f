/**
 * Large value per entry: an entry whose amount (either direction) reaches the threshold for
 * its class (cash, legal-person transfer, natural-person transfer, cross-border).
 */
import { t } from '../../book/types';
import { yuan } from '../explain';
import type { AnomalyFinding, RiskRule } from '../types';
import {
  LARGE_VALUE_SETTINGS,
  largeValueThresholds,
  thresholdClassName,
} from './large-value-thresholds';

export const largeValueRule: RiskRule = {
  id: 'large-value',
  title: t('大额交易（单笔）', 'Large-value entry'),
  settings: LARGE_VALUE_SETTINGS,
  detect(input) {
    const { journal } = input;
    const thresholds = largeValueThresholds(input);
    const out: AnomalyFinding[] = [];
    for (let i = 0; i < journal.n; i++) {
      const kind = thresholds.classOf(i);
      const limit = thresholds.fen(kind);
      const amount = Math.abs(journal.amount[i]);
      if (amount < limit) continue;
      const name = thresholdClassName(kind);
      const c = journal.customer[i];
      out.push({
        rule: 'large-value',
        severity: 'high',
        entryIds: [journal.entryId(i)],
        customerId: c >= 0 ? journal.customerIds[c] : '',
        amountFen: journal.amount[i],
        date: journal.date(i),
        explanation: t(
          `单笔${name.zh}金额 ${yuan(amount)} 元，达到大额标准 ${yuan(limit)} 元（设置 ${thresholds.key(kind)}）。`,
          `Single ${name.en} of ${yuan(amount)} CNY reaches the large-value threshold of ${yuan(limit)} CNY (setting ${thresholds.key(kind)}).`,
        ),
      });
    }
    return out;
  },
};
