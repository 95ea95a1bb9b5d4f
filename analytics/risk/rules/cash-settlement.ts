/**
 * Cash payments above the settlement threshold. 《现金管理暂行条例》(国务院令第12号, 1988;
 * revised 2011) Article 5 lets a unit pay cash only for wages, personal remuneration,
 * awards, welfare, purchases from individuals, travel advances and sundry payments below
 * the settlement threshold of 1,000 CNY (结算起点, `cash.settlementLimit`); anything else
 * above it goes through the bank. Payments whose summary or counter account names an
 * exempt purpose (`cash.settlementExemptWords`) or a move to the company's own bank
 * (`cash.bankWords`) are not reported.
 */
import { t } from '../../book/types';
import { yuan } from '../explain';
import { listSetting } from '../risk-input';
import type { AnomalyFinding, RiskRule } from '../types';
import { isOwnTransfer } from './round-amount';

export const cashSettlementRule: RiskRule = {
  id: 'cash-over-settlement',
  title: t('超结算起点现金支付', 'Cash payment above the settlement threshold'),
  settings: ['cash.settlementLimit', 'cash.settlementExemptWords', 'cash.bankWords'],
  detect(input) {
    const { journal } = input;
    const limit = Math.round(input.number('cash.settlementLimit') * 100);
    const exempt = listSetting(input, 'cash.settlementExemptWords');
    const bankWords = listSetting(input, 'cash.bankWords');
    const out: AnomalyFinding[] = [];
    for (let i = 0; i < journal.n; i++) {
      if (!journal.cash[i] || -journal.amount[i] <= limit) continue;
      if (isOwnTransfer(journal.summary(i), journal.counterAccount(i), bankWords)) continue;
      if (isOwnTransfer(journal.summary(i), journal.counterAccount(i), exempt)) continue;
      const c = journal.customer[i];
      const paid = -journal.amount[i];
      out.push({
        rule: 'cash-over-settlement',
        severity: 'medium',
        entryIds: [journal.entryId(i)],
        customerId: c >= 0 ? journal.customerIds[c] : '',
        amountFen: journal.amount[i],
        date: journal.date(i),
        explanation: t(
          `现金支付 ${yuan(paid)} 元超过结算起点 ${yuan(limit)} 元，且摘要未注明工资、劳务、差旅等可用现金的用途（《现金管理暂行条例》第五条），应通过银行转账结算。`,
          `Cash payment of ${yuan(paid)} CNY is above the ${yuan(limit)} CNY settlement threshold and the summary names none of the purposes cash may be used for (wages, personal remuneration, travel...; Provisional Regulations on Cash Management, Art. 5); it should go through the bank.`,
        ),
      });
    }
    return out;
  },
};
