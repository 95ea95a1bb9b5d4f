/**
 * `cashbook customer <book.xlsx> ID [--as-of YYYY-MM-DD] [--json]`: the customer 360 view,
 * read only. `cashbook customer <book.xlsx> --review [--json]`: the archive's to-do list
 * (invalid fields, likely duplicates, follow-ups due, stubs); exit 1 when it is not empty.
 * `cashbook customer <book.xlsx> --letters --from D --to D [--json]`: write the account-check
 * letters (往来对账函) sheet for the period. `--json` prints the whole view as one object; otherwise a short report in the
 * user's language: details, balance, month ends, recent entries, open exceptions,
 * follow-ups due and satisfaction.
 */
import { text } from '../../book/book';
import { isIsoDate } from '../../book/dates';
import type { Lang } from '../../book/schema';
import { accountCheckLetters } from '../../customers/account-check-letters';
import { customer360, type Customer360 } from '../../customers/customer-360';
import { reviewCustomerArchive } from '../../customers/review-customer-archive';
import { formatAmount } from '../../money';
import type { CliCommand } from '../command-spec';
import { runOnBook } from '../run-on-book';
import { usageError } from './init';
import { stringValue } from './record';

export const customerCommand: CliCommand = {
  name: 'customer',
  usage:
    'cashbook customer <book.xlsx> ID [--as-of YYYY-MM-DD] [--json] | cashbook customer <book.xlsx> --review [--json] | cashbook customer <book.xlsx> --letters --from YYYY-MM-DD --to YYYY-MM-DD [--json]',
  summary: {
    'zh-CN': '查看客户 360 视图（余额、往来、沟通、反馈）',
    'en-US': 'show the customer 360 view (balance, entries, communications, feedback)',
  },
  options: {
    'as-of': { type: 'string' },
    review: { type: 'boolean' },
    letters: { type: 'boolean' },
    from: { type: 'string' },
    to: { type: 'string' },
  },
  async run(args, io) {
    const [file, customerId] = args.positionals;
    if (args.values.review) {
      if (!file || args.positionals.length > 1) return usageError(io, this.usage);
      return runOnBook(file, (book, ctx) => reviewCustomerArchive(book, ctx), io, {
        json: Boolean(args.values.json),
        readOnly: true,
      });
    }
    if (args.values.letters) {
      const from = stringValue(args, 'from');
      const to = stringValue(args, 'to');
      if (
        !file ||
        args.positionals.length > 1 ||
        !from ||
        !to ||
        !isIsoDate(from) ||
        !isIsoDate(to) ||
        from > to
      ) {
        return usageError(io, this.usage);
      }
      return runOnBook(file, (book, ctx) => accountCheckLetters(book, { from, to }, ctx), io, {
        json: Boolean(args.values.json),
      });
    }
    if (!file || !customerId || args.positionals.length > 2) return usageError(io, this.usage);
    let view: Customer360 | undefined;
    const code = await runOnBook(
      file,
      (book, ctx) => {
        view = customer360(book, customerId, stringValue(args, 'as-of') ?? ctx.now.slice(0, 10));
        return {
          changes: [],
          summary: view as unknown as Record<string, unknown>,
          messages: [],
          exitCode: 0,
        };
      },
      io,
      { json: Boolean(args.values.json), readOnly: true },
    );
    if (view && !args.values.json) for (const line of describeCustomer(view, io.lang)) io.out(line);
    return code;
  },
};

/** The 360 view as lines of text in `lang`. */
export function describeCustomer(v: Customer360, lang: Lang): string[] {
  const zh = lang === 'zh-CN';
  const L = (z: string, e: string) => (zh ? z : e);
  const c = v.customer;
  const out = [
    `${v.customerId} ${text(c.Name)}${v.resolvedFrom ? L(`（由 ${v.resolvedFrom} 合并）`, ` (${v.resolvedFrom} was merged into it)`) : ''}  [${text(c.Status) || 'active'}]`,
    `${L('联系人', 'Contact')}: ${text(c.Contact) || '-'}  ${L('电话', 'Phone')}: ${text(c.Phone) || '-'}  ${L('邮箱', 'Email')}: ${text(c.Email) || '-'}`,
    `${L('税号', 'Tax ID')}: ${text(c.TaxId) || '-'}  ${L('银行账号', 'Bank account')}: ${text(c.BankAccount) || '-'}`,
    '',
    `${L('截至', 'As of')} ${v.asOf}: ${L('期初', 'opening')} ${formatAmount(v.openingBalance)} + ${L('收入', 'in')} ${formatAmount(v.inflow)} − ${L('支出', 'out')} ${formatAmount(v.outflow)} = ${L('余额', 'balance')} ${formatAmount(v.balance)}${v.creditLimit ? `  (${L('信用额度', 'credit limit')} ${formatAmount(v.creditLimit)})` : ''}`,
  ];
  if (v.mergedIds.length)
    out.push(`${L('含已合并客户', 'Includes merged customers')}: ${v.mergedIds.join(', ')}`);
  if (v.months.length) {
    out.push(
      '',
      L('月末余额', 'Month ends'),
      `  ${L('月份', 'Month').padEnd(7)}  ${L('收入', 'In').padStart(14)}  ${L('支出', 'Out').padStart(14)}  ${L('余额', 'Balance').padStart(14)}`,
    );
    for (const m of v.months)
      out.push(
        `  ${m.period}  ${formatAmount(m.inflow).padStart(14)}  ${formatAmount(m.outflow).padStart(14)}  ${formatAmount(m.closing).padStart(14)}`,
      );
  }
  if (v.byCounterAccount.length) {
    out.push(
      '',
      L('按对方科目（应收/应付方向）', 'By counter account (receivable / payable side)'),
    );
    const side = {
      receivable: L('应收方', 'receivable'),
      payable: L('应付方', 'payable'),
      other: L('其他', 'other'),
    };
    for (const f of v.byCounterAccount)
      out.push(
        `  ${f.counterAccount} [${side[f.side]}]  ${L('净额', 'net')} ${formatAmount(f.net)}`,
      );
  }
  out.push('', L('最近分录', 'Recent entries'));
  if (v.recent.length === 0) out.push(`  ${L('无', 'none')}`);
  for (const r of v.recent)
    out.push(
      `  ${r.date} ${r.entryId} ${r.voucher} ${r.summary}  ${r.inflow ? '+' + formatAmount(r.inflow) : '-' + formatAmount(r.outflow)}  → ${formatAmount(r.balance)}${r.status === 'posted' ? '' : ` [${r.status}]`}`,
    );
  out.push(
    '',
    `${L('未结异常', 'Open exceptions')}: ${v.openExceptions.length ? v.openExceptions.map((x) => `${text(x.FindingId)} ${text(x.Rule)} [${text(x.Status)}]`).join('; ') : L('无', 'none')}`,
  );
  out.push(
    `${L('到期跟进', 'Follow-ups due')}: ${v.followUpsDue.length ? v.followUpsDue.map((m) => `${text(m.FollowUp)} ${text(m.Topic)}`).join('; ') : L('无', 'none')}`,
  );
  out.push(
    `${L('沟通记录', 'Communications')}: ${v.communications.length}   ${L('反馈', 'Feedback')}: ${v.feedback.length}   ${L('满意度', 'Satisfaction')}: ${v.satisfaction.average ?? '-'} / 5 (${v.satisfaction.count})`,
  );
  return out;
}
