/**
 * 坐支 (paying out of cash receipts without banking them). For each cash account and day:
 * receipts R and payments P exclude moves to or from the company's own bank (words in
 * `cash.bankWords`); W is the day's bank withdrawals. When P exceeds what the drawer could
 * pay without today's receipts (opening cash + W), the excess, up to R, was paid out of
 * receipts. Within a day entries have no reliable order, so this is a lower bound: the
 * rule never reports a day the opening cash could have covered.
 */
import { t } from '../../book/types';
import { forEachRun } from '../row-orders';
import { yuan } from '../explain';
import { listSetting } from '../risk-input';
import type { AnomalyFinding, RiskRule } from '../types';
import { isOwnTransfer } from './round-amount';

export const cashSittingRule: RiskRule = {
  id: 'cash-sitting',
  title: t('坐支现金', 'Payments out of cash receipts (坐支)'),
  settings: ['cash.bankWords'],
  detect(input) {
    const { journal } = input;
    const bankWords = listSetting(input, 'cash.bankWords');
    const order = input.orders.byAccountDay();
    const out: AnomalyFinding[] = [];

    forEachRun(order, journal.account, (from, to) => {
      const account = journal.account[order[from]];
      if (!journal.accountIsCash[account]) return;
      let balance = journal.accountOpening[account];
      let k = from;
      while (k < to) {
        const day = journal.day[order[k]];
        const opening = balance;
        let [receipts, payments, withdrawals] = [0, 0, 0];
        const involved: number[] = [];
        for (; k < to && journal.day[order[k]] === day; k++) {
          const row = order[k];
          const a = journal.amount[row];
          balance += a;
          const bank = isOwnTransfer(journal.summary(row), journal.counterAccount(row), bankWords);
          if (bank) {
            if (a > 0) withdrawals += a;
            continue;
          }
          if (a > 0) receipts += a;
          else payments -= a;
          involved.push(row);
        }
        const fromReceipts = Math.min(receipts, payments - Math.max(opening, 0) - withdrawals);
        if (receipts > 0 && payments > 0 && fromReceipts > 0)
          out.push(
            finding(account, involved, { opening, receipts, payments, withdrawals, fromReceipts }),
          );
      }
    });
    return out;

    function finding(
      account: number,
      rows: number[],
      f: {
        opening: number;
        receipts: number;
        payments: number;
        withdrawals: number;
        fromReceipts: number;
      },
    ): AnomalyFinding {
      const id = journal.accountIds[account];
      const date = journal.date(rows[0]);
      return {
        rule: 'cash-sitting',
        severity: 'medium',
        entryIds: rows.map((r) => journal.entryId(r)),
        period: `${id}|${date}`,
        customerId: '',
        amountFen: f.fromReceipts,
        date,
        explanation: t(
          `现金账户 ${id} 在 ${date} 收入现金 ${yuan(f.receipts)} 元、对外支付 ${yuan(f.payments)} 元，而期初库存 ${yuan(f.opening)} 元加当日提现 ${yuan(f.withdrawals)} 元不足支付，至少 ${yuan(f.fromReceipts)} 元是直接从收入中支付的（坐支），收入应先送存银行。`,
          `Cash account ${id} on ${date} received ${yuan(f.receipts)} CNY and paid out ${yuan(f.payments)} CNY, but opening cash ${yuan(f.opening)} CNY plus withdrawals ${yuan(f.withdrawals)} CNY could not cover the payments: at least ${yuan(f.fromReceipts)} CNY was paid straight out of receipts (坐支); receipts should be banked first.`,
        ),
      };
    }
  },
};
