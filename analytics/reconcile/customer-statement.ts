/**
 * Customer statement (客户对账单): every journal entry with the customer from `from` to `to`
 * across all accounts, with the balance brought forward (the customer's OpeningBalance plus
 * earlier movements) and a running balance, as a printable result sheet. The balance is the
 * net cash the unit received from the customer (receipts − payments), so the customer can
 * tick it off against their own books.
 */
import { rowsOf, text } from '../book/book';
import { t, type Book, type Cell, type CommandContext, type CommandResult, type ResultSheet, type Row } from '../book/types';
import { fromMinorUnits } from '../money/minor-units';
import { fail } from '../util/error';
import { fen } from './ledger-columns';
import { isoDate } from './period';
import { safeSheetName } from '../book/sheet-name';

export interface CustomerStatementParams {
  customerId: string;
  /** 'YYYY-MM-DD', inclusive */
  from: string;
  /** 'YYYY-MM-DD', inclusive */
  to: string;
}

export type CustomerStatementSummary = {
  customerId: string;
  name: string;
  from: string;
  to: string;
  opening: string;
  received: string;
  paid: string;
  closing: string;
  entries: number;
};

/**
 * Build a customer's statement sheet.
 * @throws AnalyticsError `unknown-customer`, `bad-date`, `bad-range`
 */
export function customerStatement(book: Book, params: CustomerStatementParams, _ctx?: CommandContext): CommandResult<CustomerStatementSummary> {
  const { summary, sheet } = statementOf(book, params);
  return {
    changes: [{ table: 'sheet', op: 'sheet', sheet }],
    summary,
    messages: [{ level: 'info', event: 'customer-statement', text: t(`已生成 ${summary.name} ${summary.from} 至 ${summary.to} 对账单，期末 ${summary.closing}。`, `Statement for ${summary.name} ${summary.from} to ${summary.to}, closing ${summary.closing}.`) }],
    exitCode: 0,
    audit: { action: 'statement', target: params.customerId, detail: { from: summary.from, to: summary.to, closing: summary.closing } },
  };
}

/** The statement's figures and sheet; confirmation letters reuse the figures. */
export function statementOf(book: Book, params: CustomerStatementParams): { summary: CustomerStatementSummary; sheet: ResultSheet; customer: Row } {
  const from = isoDate(params.from, t('起始日期', 'from date'));
  const to = isoDate(params.to, t('截止日期', 'to date'));
  if (from > to) fail('bad-range', t(`起始日期 ${from} 晚于截止日期 ${to}。`, `The from date ${from} is after the to date ${to}.`));
  const customer = rowsOf(book, 'Customers').find((c) => text(c.CustomerId) === params.customerId);
  if (!customer) fail('unknown-customer', t(`客户 '${params.customerId}' 不在客户档案中。`, `Customer '${params.customerId}' is not in the Customers table.`));

  // Step 1: brought forward, then the period's entries in date order
  const entries = rowsOf(book, 'Journal')
    .filter((e) => text(e.CustomerId) === params.customerId && text(e.Date) <= to)
    .sort((a, b) => (text(a.Date) < text(b.Date) ? -1 : text(a.Date) > text(b.Date) ? 1 : 0));
  let balance = fen(customer.OpeningBalance);
  const rows: Cell[][] = [];
  let received = 0;
  let paid = 0;
  for (const e of entries) if (text(e.Date) < from) balance += fen(e.Inflow) - fen(e.Outflow);
  const opening = balance;
  const zh = book.lang === 'zh-CN';
  rows.push([from, null, zh ? '上期结转' : 'Brought forward', null, null, fromMinorUnits(opening)]);
  for (const e of entries) {
    if (text(e.Date) < from) continue;
    received += fen(e.Inflow);
    paid += fen(e.Outflow);
    balance += fen(e.Inflow) - fen(e.Outflow);
    rows.push([text(e.Date), text(e.Voucher), text(e.Summary), e.Inflow ? fromMinorUnits(fen(e.Inflow)) : null, e.Outflow ? fromMinorUnits(fen(e.Outflow)) : null, fromMinorUnits(balance)]);
  }
  rows.push([to, null, zh ? '本期合计' : 'Period total', fromMinorUnits(received), fromMinorUnits(paid), fromMinorUnits(balance)]);

  const name = text(customer.Name);
  const summary: CustomerStatementSummary = { customerId: params.customerId, name, from, to, opening: fromMinorUnits(opening), received: fromMinorUnits(received), paid: fromMinorUnits(paid), closing: fromMinorUnits(balance), entries: rows.length - 2 };
  const sheet: ResultSheet = {
    name: safeSheetName(`${zh ? '对账单' : 'Statement'} ${params.customerId}`),
    title: { 'zh-CN': `客户对账单 ${name} ${from} 至 ${to}`, 'en-US': `Customer statement ${name} ${from} to ${to}` },
    columns: [
      { header: zh ? '日期' : 'Date', type: 'date' },
      { header: zh ? '凭证号' : 'Voucher', type: 'id' },
      { header: zh ? '摘要' : 'Summary', type: 'text' },
      { header: zh ? '收款' : 'Received', type: 'amount' },
      { header: zh ? '付款' : 'Paid', type: 'amount' },
      { header: zh ? '余额' : 'Balance', type: 'amount' },
    ],
    rows,
  };
  return { summary, sheet, customer };
}
