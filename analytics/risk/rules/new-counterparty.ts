/**
 * New counterparty with a large amount: an entry of at least `risk.newCounterpartyAmount`
 * yuan within `risk.newCounterpartyDays` days of the customer's first entry. Customers
 * whose first entry falls in the book's own first `risk.newCounterpartyDays` days predate
 * the book and are not "new", so adopting an old journal does not flag every customer.
 */
import { t } from '../../book/types';
import { forEachRun } from '../row-orders';
import { yuan } from '../explain';
import type { AnomalyFinding, RiskRule } from '../types';

export const newCounterpartyRule: RiskRule = {
  id: 'new-counterparty-large',
  title: t('新客户大额交易', 'New counterparty, large amount'),
  settings: ['risk.newCounterpartyAmount', 'risk.newCounterpartyDays'],
  detect(input) {
    const { journal } = input;
    const limit = Math.round(input.number('risk.newCounterpartyAmount') * 100);
    const days = input.number('risk.newCounterpartyDays');
    const order = input.orders.byCustomerDay();
    const out: AnomalyFinding[] = [];
    let bookFirst = Infinity;
    for (let i = 0; i < journal.n; i++) if (journal.day[i] < bookFirst) bookFirst = journal.day[i];

    forEachRun(order, journal.customer, (from, to) => {
      const firstDay = journal.day[order[from]];
      if (firstDay - bookFirst < days) return;
      for (let k = from; k < to && journal.day[order[k]] - firstDay <= days; k++) {
        const row = order[k];
        const a = Math.abs(journal.amount[row]);
        if (a < limit) continue;
        const c = journal.customerIds[journal.customer[row]];
        out.push({
          rule: 'new-counterparty-large',
          severity: 'medium',
          entryIds: [journal.entryId(row)],
          customerId: c,
          amountFen: journal.amount[row],
          date: journal.date(row),
          explanation: t(
            `客户 ${c} 首次往来于 ${journal.date(order[from])}，${days} 天内即发生 ${yuan(a)} 元（新客户大额标准 ${yuan(limit)} 元），请核实客户身份和业务背景。`,
            `Customer ${c} first appeared on ${journal.date(order[from])} and within ${days} days has an entry of ${yuan(a)} CNY (new-counterparty threshold ${yuan(limit)} CNY); confirm who they are and what the business is.`,
          ),
        });
      }
    });
    return out;
  },
};
