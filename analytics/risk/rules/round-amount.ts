/**
 * Round amounts: an entry of at least `risk.roundAmountMin` yuan that is an exact multiple
 * of `risk.roundAmountUnit` yuan (default 10,000), a pattern of estimates, kickbacks and
 * made-up entries. Cash moved between the company's own cash and bank accounts (words in
 * `cash.bankWords`) is left out: withdrawals are round by nature.
 */
import { t } from '../../book/types';
import { yuan, yuanOfSetting } from '../explain';
import { listSetting } from '../risk-input';
import type { AnomalyFinding, RiskRule } from '../types';

export const roundAmountRule: RiskRule = {
  id: 'round-amount',
  title: t('整数金额', 'Round amount'),
  settings: ['risk.roundAmountMin', 'risk.roundAmountUnit', 'cash.bankWords'],
  detect(input) {
    const { journal } = input;
    const min = Math.round(input.number('risk.roundAmountMin') * 100);
    const unitYuan = input.number('risk.roundAmountUnit');
    const unit = Math.round(unitYuan * 100);
    const bankWords = listSetting(input, 'cash.bankWords');
    const out: AnomalyFinding[] = [];
    if (unit <= 0) return out;
    for (let i = 0; i < journal.n; i++) {
      const a = Math.abs(journal.amount[i]);
      if (a < min || a % unit !== 0) continue;
      if (isOwnTransfer(journal.summary(i), journal.counterAccount(i), bankWords)) continue;
      const c = journal.customer[i];
      out.push({
        rule: 'round-amount',
        severity: 'low',
        entryIds: [journal.entryId(i)],
        customerId: c >= 0 ? journal.customerIds[c] : '',
        amountFen: journal.amount[i],
        date: journal.date(i),
        explanation: t(
          `金额 ${yuan(a)} 元是 ${yuanOfSetting(unitYuan)} 元的整数倍（不低于 ${yuan(min)} 元），整数金额常见于估计或虚构的交易，请核对原始单据。`,
          `The amount ${yuan(a)} CNY is an exact multiple of ${yuanOfSetting(unitYuan)} CNY (and at least ${yuan(min)} CNY); round amounts are typical of estimates and made-up entries, so check the source document.`,
        ),
      });
    }
    return out;
  },
};

/** True when the summary or counter account names a move between own cash and bank. */
export function isOwnTransfer(
  summary: string,
  counterAccount: string,
  bankWords: string[],
): boolean {
  for (const w of bankWords) if (summary.includes(w) || counterAccount.includes(w)) return true;
  return false;
}
