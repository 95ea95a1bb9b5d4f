/**
 * 询证函 (balance confirmation letter): a printable sheet asking the customer to confirm the
 * balance of their dealings with the unit as of a date, with the amount in figures and in
 * 大写, and a reply section (相符 / 不符 with details). The figures are the customer
 * statement's, so the letter and the statement always agree.
 */
import { rowsOf, setting, text } from '../book/book';
import { t, type Book, type Cell, type CommandContext, type CommandResult, type ResultSheet } from '../book/types';
import { toChineseUppercase } from '../money/chinese-uppercase';
import { formatAmount } from '../money/format-amount';
import { statementOf } from './customer-statement';
import { safeSheetName } from '../book/sheet-name';

export interface ConfirmationLetterParams {
  customerId: string;
  /** 'YYYY-MM-DD': the balance is confirmed as of this date. */
  asOf: string;
  /** The unit's name printed as the sender. @default Settings 'company.name' or '本单位' */
  unitName?: string;
}

/**
 * Build a confirmation letter sheet for one customer.
 * @throws AnalyticsError `unknown-customer`, `bad-date`
 */
export function confirmationLetter(book: Book, params: ConfirmationLetterParams, ctx: CommandContext): CommandResult {
  const from = earliestDate(book, params.asOf);
  const { summary, customer } = statementOf(book, { customerId: params.customerId, from, to: params.asOf });
  const unit = params.unitName ?? setting(book, 'company.name', '本单位');
  const amount = summary.closing;
  const words = toChineseUppercase(amount.replace('-', ''), { prefix: amount.startsWith('-') ? '人民币负' : '人民币' });
  const rows: Cell[][] = [
    ['企业询证函 / Balance confirmation'],
    [`致 ${summary.name}${text(customer.Address) ? `（${text(customer.Address)}）` : ''}：`],
    [`本单位正在核对往来款项。截至 ${params.asOf}，贵单位与本单位之间的往来收付净额（本单位收款减付款）如下，请核对后签章寄回。`],
    [`We are checking our accounts. As of ${params.asOf}, the net of our receipts from and payments to you is shown below; please confirm and return.`],
    ['截止日期 / As of', params.asOf],
    ['金额 / Amount', amount],
    ['大写 / In words', words],
    ['其中本期收款 / Received', summary.received],
    ['其中本期付款 / Paid', summary.paid],
    [`发函单位 / From: ${unit}`, `日期 / Date: ${ctx.now.slice(0, 10)}`],
    ['回函 / Reply'],
    ['□ 数据证明无误 / The balance agrees', '签章 / Seal:'],
    ['□ 数据不符，请列明不符金额 / The balance differs by:', '签章 / Seal:'],
  ];
  const sheet: ResultSheet = {
    name: safeSheetName(`询证函 ${params.customerId}`),
    title: { 'zh-CN': `企业询证函 ${summary.name}`, 'en-US': `Balance confirmation ${summary.name}` },
    columns: [
      { header: book.lang === 'zh-CN' ? '项目' : 'Item', type: 'text' },
      { header: book.lang === 'zh-CN' ? '内容' : 'Value', type: 'text' },
    ],
    rows: rows.map((r) => [r[0] ?? null, r[1] ?? null]),
  };
  return {
    changes: [{ table: 'sheet', op: 'sheet', sheet }],
    summary: { customerId: params.customerId, asOf: params.asOf, amount, words, formatted: formatAmount(amount) },
    messages: [{ level: 'info', event: 'confirmation-letter', text: t(`已生成 ${summary.name} 询证函，金额 ${amount}。`, `Confirmation letter for ${summary.name}: ${amount}.`) }],
    exitCode: 0,
    audit: { action: 'confirmation-letter', target: params.customerId, detail: { asOf: params.asOf, amount } },
  };
}

// The statement runs from the first entry of the book, so the closing balance is the whole history.
function earliestDate(book: Book, asOf: string): string {
  let first = asOf;
  for (const e of rowsOf(book, 'Journal')) if (text(e.Date) && text(e.Date) < first) first = text(e.Date);
  return first;
}
