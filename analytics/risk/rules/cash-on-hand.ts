/**
 * Cash on hand above its limit (库存现金限额, `cash.onHandLimit`): the end-of-day balance of
 * a cash account (opening balance from Accounts plus the day's entries) exceeds the limit.
 * Consecutive days over the limit are one finding, dated the day the balance went over;
 * its entries are that day's entries.
 */
import { t } from '../../book/types';
import { forEachRun } from '../row-orders';
import { yuan } from '../explain';
import type { AnomalyFinding, RiskRule } from '../types';

export const cashOnHandRule: RiskRule = {
  id: 'cash-on-hand-limit',
  title: t('库存现金超限额', 'Cash on hand above its limit'),
  settings: ['cash.onHandLimit'],
  detect(input) {
    const { journal } = input;
    const limit = Math.round(input.number('cash.onHandLimit') * 100);
    const order = input.orders.byAccountDay();
    const out: AnomalyFinding[] = [];

    forEachRun(order, journal.account, (from, to) => {
      const account = journal.account[order[from]];
      if (!journal.accountIsCash[account]) return;
      let balance = journal.accountOpening[account];
      let run:
        { start: number; end: number; peak: number; peakDay: number; rows: number[] } | undefined;
      let k = from;
      while (k < to) {
        // one day's entries, then its closing balance
        const day = journal.day[order[k]];
        const rows: number[] = [];
        for (; k < to && journal.day[order[k]] === day; k++) {
          rows.push(order[k]);
          balance += journal.amount[order[k]];
        }
        if (balance > limit) {
          if (!run) run = { start: rows[0], end: rows[0], peak: balance, peakDay: rows[0], rows };
          run.end = rows[0];
          if (balance > run.peak) ((run.peak = balance), (run.peakDay = rows[0]));
        } else if (run) {
          out.push(finding(account, run, limit));
          run = undefined;
        }
      }
      if (run) out.push(finding(account, run, limit));
    });
    return out;

    function finding(
      account: number,
      run: { start: number; end: number; peak: number; peakDay: number; rows: number[] },
      limit: number,
    ): AnomalyFinding {
      const id = journal.accountIds[account];
      const [start, end, peakDate] = [
        journal.date(run.start),
        journal.date(run.end),
        journal.date(run.peakDay),
      ];
      return {
        rule: 'cash-on-hand-limit',
        severity: 'medium',
        entryIds: run.rows.map((r) => journal.entryId(r)),
        period: `${id}|${start}`,
        customerId: '',
        amountFen: run.peak,
        date: start,
        explanation: t(
          `现金账户 ${id} 在 ${start} 至 ${end} 日终余额超过库存现金限额 ${yuan(limit)} 元（最高 ${yuan(run.peak)} 元，${peakDate}），超出部分应于当日送存银行。`,
          `Cash account ${id} closed above its ${yuan(limit)} CNY cash limit from ${start} to ${end} (peak ${yuan(run.peak)} CNY on ${peakDate}); the excess should be banked the same day.`,
        ),
      };
    }
  },
};
