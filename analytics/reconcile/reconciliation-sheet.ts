/**
 * The printable 银行存款余额调节表 of a run: book balance plus the bank-side items, bank
 * balance plus the book-side items, both adjusted balances and the difference, with every
 * outstanding item listed under its kind so the difference is explained line by line.
 */
import type { Lang } from '../book/schema';
import type { Cell, ResultSheet } from '../book/types';
import { fromMinorUnits } from '../money/minor-units';
import type { OutstandingKind, ReconciliationRun } from './compute-reconciliation';
import { safeSheetName } from '../book/sheet-name';

const KIND_LABEL: Record<OutstandingKind, [string, string]> = {
  BankReceivedNotBooked: ['加：银行已收企业未收', 'Add: bank received, not booked'],
  BankPaidNotBooked: ['减：银行已付企业未付', 'Less: bank paid, not booked'],
  BookReceivedNotOnBank: ['加：企业已收银行未收', 'Add: booked receipt, not on bank'],
  BookPaidNotOnBank: ['减：企业已付银行未付', 'Less: booked payment, not on bank'],
};

/** Sheet name for an account's reconciliation (≤ 31 characters). */
export function reconciliationSheetName(run: ReconciliationRun, lang: Lang): string {
  const head = lang === 'zh-CN' ? '调节表' : 'Recon';
  return safeSheetName(`${head} ${run.accountId.slice(0, 16)} ${run.period}`);
}

/** The 余额调节表 of a run as a result sheet, in the book's language. */
export function reconciliationSheet(run: ReconciliationRun, lang: Lang): ResultSheet {
  const zh = lang === 'zh-CN';
  const rows: Cell[][] = [];
  const amount = (n: number) => fromMinorUnits(n);
  const section = (label: string, balance: number, kinds: OutstandingKind[], adjustedLabel: string, adjusted: number) => {
    rows.push([label, null, null, null, amount(balance)]);
    for (const kind of kinds) {
      rows.push([KIND_LABEL[kind][zh ? 0 : 1], null, null, null, amount(run.totals[kind])]);
      for (const it of run.items) if (it.kind === kind) rows.push([null, it.date, it.id, it.text, amount(it.amount)]);
    }
    rows.push([adjustedLabel, null, null, null, amount(adjusted)]);
  };
  section(zh ? '企业日记账余额' : 'Book balance', run.bookBalance, ['BankReceivedNotBooked', 'BankPaidNotBooked'], zh ? '调节后企业余额' : 'Adjusted book balance', run.adjustedBook);
  section(zh ? '银行对账单余额' : 'Bank balance', run.bankBalance, ['BookReceivedNotOnBank', 'BookPaidNotOnBank'], zh ? '调节后银行余额' : 'Adjusted bank balance', run.adjustedBank);
  rows.push([zh ? '差额' : 'Difference', null, null, null, amount(run.difference)]);
  return {
    name: reconciliationSheetName(run, lang),
    title: { 'zh-CN': `银行存款余额调节表 ${run.accountId} 截至 ${run.end}`, 'en-US': `Bank reconciliation ${run.accountId} as of ${run.end}` },
    columns: [
      { header: zh ? '项目' : 'Item', type: 'text' },
      { header: zh ? '日期' : 'Date', type: 'date' },
      { header: zh ? '编号' : 'ID', type: 'id' },
      { header: zh ? '摘要' : 'Description', type: 'text' },
      { header: zh ? '金额' : 'Amount', type: 'amount' },
    ],
    rows,
  };
}
