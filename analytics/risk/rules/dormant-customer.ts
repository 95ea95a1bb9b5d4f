/**
 * Dormant customer reactivated: a customer's entry that comes at least `risk.dormantDays`
 * days (default 180) after the same customer's previous entry. Only the first entry after
 * the quiet spell is reported.
 */
import { t } from '../../book/types';
import { forEachRun } from '../row-orders';
import { yuan } from '../explain';
import type { AnomalyFinding, RiskRule } from '../types';

export const dormantCustomerRule: RiskRule = {
  id: 'dormant-reactivated',
  title: t('休眠客户重新活跃', 'Dormant customer reactivated'),
  settings: ['risk.dormantDays'],
  detect(input) {
    const { journal } = input;
    const dormantDays = input.number('risk.dormantDays');
    const order = input.orders.byCustomerDay();
    const out: AnomalyFinding[] = [];
    forEachRun(order, journal.customer, (from, to) => {
      for (let k = from + 1; k < to; k++) {
        const [prev, row] = [order[k - 1], order[k]];
        const quiet = journal.day[row] - journal.day[prev];
        if (quiet < dormantDays) continue;
        const c = journal.customerIds[journal.customer[row]];
        out.push({
          rule: 'dormant-reactivated',
          severity: 'medium',
          entryIds: [journal.entryId(row)],
          customerId: c,
          amountFen: journal.amount[row],
          date: journal.date(row),
          explanation: t(
            `客户 ${c} 自 ${journal.date(prev)} 起 ${quiet} 天无往来（休眠标准 ${dormantDays} 天），${journal.date(row)} 重新发生 ${yuan(journal.amount[row])} 元，请核实业务真实性。`,
            `Customer ${c} had no entries for ${quiet} days after ${journal.date(prev)} (dormant after ${dormantDays} days) and reappears on ${journal.date(row)} with ${yuan(journal.amount[row])} CNY; confirm the business is genuine.`,
          ),
        });
      }
    });
    return out;
  },
};
