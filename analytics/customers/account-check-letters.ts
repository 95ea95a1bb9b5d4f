/**
 * Periodic account-check letters (往来对账函): for each active customer with activity in
 * the period or a balance at its end, the opening balance, receipts, payments and closing
 * balance (with 大写金额), written as one result sheet the cashier prints or mails merges.
 * The balance is the archive's customer balance (opening + inflow − outflow), the same
 * figure as the customer 360 view.
 */
import { amountText, toChineseUppercase, Decimal } from '../money';
import { rowsOf, text } from '../book/book';
import { addDays } from '../book/dates';
import {
  t,
  type Book,
  type CommandContext,
  type CommandResult,
  type ResultSheet,
} from '../book/types';
import { customer360 } from './customer-360';

export interface AccountCheckLettersParams {
  /** First day of the period the letters cover, 'YYYY-MM-DD'. */
  from: string;
  /** Last day, the date the balance is confirmed at. */
  to: string;
  /** Only these customers; all active ones when absent. */
  customerIds?: string[];
}

/**
 * Build the account-check letter sheet.
 * @returns a result sheet '对账函' / 'Account check'; summary with the letters' count and total
 * @example accountCheckLetters(book, { from: '2024-04-01', to: '2024-06-30' }, ctx).summary.letters // 5
 */
export function accountCheckLetters(
  book: Book,
  params: AccountCheckLettersParams,
  ctx: CommandContext,
): CommandResult {
  const wanted = params.customerIds ? new Set(params.customerIds) : undefined;
  const customers = rowsOf(book, 'Customers').filter((c) =>
    wanted
      ? wanted.has(text(c.CustomerId))
      : c.Status === 'active' || c.Status === 'stub' || text(c.Status) === '',
  );
  const rows: (string | null)[][] = [];
  let total = new Decimal(0);

  for (const c of customers) {
    const id = text(c.CustomerId);
    const before = customer360(book, id, addDays(params.from, -1));
    const after = customer360(book, id, params.to);
    const inflow = new Decimal(after.inflow).minus(before.inflow);
    const outflow = new Decimal(after.outflow).minus(before.outflow);
    if (inflow.isZero() && outflow.isZero() && after.balance === '0.00') continue;
    total = total.plus(after.balance);
    const words = toChineseUppercase(after.balance);
    rows.push([
      id,
      text(c.Name),
      text(c.Contact) || null,
      text(c.Address) || null,
      params.from,
      params.to,
      before.balance,
      amountText(inflow),
      amountText(outflow),
      after.balance,
      words,
      null,
    ]);
  }

  const zh = book.lang === 'zh-CN';
  const sheet: ResultSheet = {
    name: zh ? '对账函' : 'Account check',
    title: t(
      `往来对账函 ${params.from} 至 ${params.to}`,
      `Account check letters ${params.from} to ${params.to}`,
    ),
    columns: [
      { header: zh ? '客户编号' : 'Customer ID', type: 'id' },
      { header: zh ? '客户名称' : 'Name', type: 'text' },
      { header: zh ? '联系人' : 'Contact', type: 'text' },
      { header: zh ? '地址' : 'Address', type: 'text' },
      { header: zh ? '起始日期' : 'From', type: 'date' },
      { header: zh ? '截止日期' : 'To', type: 'date' },
      { header: zh ? '期初余额' : 'Opening', type: 'amount' },
      { header: zh ? '本期收入' : 'Received', type: 'amount' },
      { header: zh ? '本期支出' : 'Paid', type: 'amount' },
      { header: zh ? '期末余额' : 'Closing', type: 'amount' },
      { header: zh ? '大写金额' : 'In words (大写)', type: 'text' },
      { header: zh ? '客户确认' : 'Customer confirms', type: 'text' },
    ],
    rows,
  };
  return {
    changes: [{ table: 'sheet', op: 'sheet', sheet }],
    summary: { letters: rows.length, from: params.from, to: params.to, total: amountText(total) },
    messages: [
      {
        level: 'info',
        event: 'account-check-letters',
        text: t(`已生成 ${rows.length} 份对账函`, `prepared ${rows.length} account check letters`),
      },
    ],
    exitCode: 0,
    audit: {
      action: 'account-check-letters',
      target: sheet.name,
      detail: { from: params.from, to: params.to, letters: rows.length, by: ctx.user },
    },
  };
}
