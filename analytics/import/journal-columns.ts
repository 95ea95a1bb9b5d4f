/**
 * How an old cash journal's columns are recognised: Journal keys, either language's
 * headers, or the names old 日记账 books use (in a cash or bank journal 借方 is money in and
 * 贷方 money out), and how a row's money is read from 收入/支出 or one signed 金额 column.
 */
import { t, type Text } from '../book/types';
import { SCHEMA, columnForHeader } from '../book/schema';
import { absAmount, amountCellText } from './amount-cells';
import { normaliseColumnName } from './presets';
import { cellText, type GridRow } from './table-cells';

export type JournalField =
  | 'EntryId'
  | 'Date'
  | 'Voucher'
  | 'AccountId'
  | 'CustomerId'
  | 'CustomerName'
  | 'Summary'
  | 'CounterAccount'
  | 'Method'
  | 'Reference'
  | 'Inflow'
  | 'Outflow'
  | 'Amount'
  | 'Balance';

// Names old cash journals use beyond the schema's own headers. In a cash or bank journal
// 借方 is money in and 贷方 money out.
const ALIASES: Record<string, JournalField> = {};
const alias = (field: JournalField, names: string[]) =>
  names.forEach((n) => (ALIASES[normaliseColumnName(n)] = field));
alias('Date', ['日期', '记账日期', '交易日期', '业务日期', 'date']);
alias('Voucher', ['凭证号', '凭证字号', '凭证编号', '凭证', 'voucher', 'voucherno']);
alias('Summary', ['摘要', '说明', 'summary', 'description', 'memo']);
alias('Inflow', [
  '收入',
  '借方',
  '借方金额',
  '收入金额',
  '收款',
  'inflow',
  'receipts',
  'receipt',
  'debit',
  'in',
]);
alias('Outflow', [
  '支出',
  '贷方',
  '贷方金额',
  '支出金额',
  '付款',
  'outflow',
  'payments',
  'payment',
  'credit',
  'out',
]);
alias('Amount', ['金额', '发生额', 'amount']);
alias('Balance', ['余额', '结余', 'balance']);
alias('CustomerId', ['客户编号', '客户代码', 'customerid']);
alias('CustomerName', [
  '客户',
  '客户名称',
  '往来单位',
  '单位名称',
  '对方单位',
  'customer',
  'customername',
]);
alias('CounterAccount', ['对方科目', '科目', 'counteraccount', 'account']);
alias('Method', ['结算方式', '方式', 'method']);
alias('Reference', ['票据号', '结算号', '票号', 'reference']);

/**
 * A journal row's money as (inflow, outflow) canonical texts, from 收入/支出 or one signed 金额.
 * @returns the pair, or the reason and column when a cell is not an amount or both are empty
 */
export function readMoney(
  get: (k: JournalField) => unknown,
  mark: '.' | ',',
): { inflow: string; outflow: string } | { reason: Text; column: JournalField } {
  const read = (k: JournalField): string | undefined | null => {
    const v = get(k) as string | number | null | undefined;
    if (
      v === undefined ||
      v === null ||
      (typeof v === 'string' && ['', '-', '--', '/'].includes(v.trim()))
    )
      return null;
    return amountCellText(v, mark);
  };
  for (const k of ['Inflow', 'Outflow', 'Amount'] as const) {
    if (read(k) === undefined)
      return {
        reason: t(
          `“${cellText(get(k) as never)}”不是金额`,
          `'${cellText(get(k) as never)}' is not an amount`,
        ),
        column: k,
      };
  }
  const amount = read('Amount');
  if (amount)
    return amount.startsWith('-')
      ? { inflow: '0.00', outflow: absAmount(amount) }
      : { inflow: amount, outflow: '0.00' };
  const inflow = read('Inflow') ?? '0.00';
  const outflow = read('Outflow') ?? '0.00';
  if (read('Inflow') === null && read('Outflow') === null)
    return {
      reason: t('收入和支出都为空', 'Both 收入 (Inflow) and 支出 (Outflow) are empty'),
      column: 'Inflow',
    };
  return { inflow, outflow };
}

/**
 * The first of the first 100 rows that names a date column and money columns, with the
 * column index of each Journal field it names.
 */
export function findJournalHeader(
  rows: readonly GridRow[],
): { index: number; columns: Partial<Record<JournalField, number>> } | undefined {
  for (let i = 0; i < Math.min(rows.length, 100); i++) {
    const columns: Partial<Record<JournalField, number>> = {};
    rows[i].cells.forEach((c, j) => {
      const h = cellText(c);
      if (h.trim() === '') return;
      const field =
        (columnForHeader(SCHEMA.Journal, h)?.key as JournalField | undefined) ??
        ALIASES[normaliseColumnName(h)];
      if (field && columns[field] === undefined) columns[field] = j;
    });
    if (
      columns.Date !== undefined &&
      (columns.Inflow !== undefined ||
        columns.Outflow !== undefined ||
        columns.Amount !== undefined)
    )
      return { index: i, columns };
  }
  return undefined;
}
