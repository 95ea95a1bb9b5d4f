/**
 * 现金盘点: the cashier counts the till by denomination; the count is compared with the
 * cash journal's balance at the end of the count date. A shortage (短款) or overage (长款)
 * is recorded as an Exceptions row (rule 'cash-count') for follow-up, and the count itself
 * is written as a printable sheet (库存现金盘点表).
 */
import { rowsOf, text } from '../book/book';
import { t, type Book, type Cell, type CommandContext, type CommandResult, type ResultSheet, type TableChange } from '../book/types';
import { fromMinorUnits, toMinorUnits } from '../money/minor-units';
import { toChineseUppercase } from '../money/chinese-uppercase';
import { fail } from '../util/error';
import { fen } from './ledger-columns';
import { isoDate } from './period';
import { safeSheetName } from '../book/sheet-name';

export interface CountCashParams {
  accountId: string;
  /** 'YYYY-MM-DD': the count is at the end of this day. */
  date: string;
  /** Denomination (yuan, as text: '100', '0.5') → number of notes or coins counted. */
  denominations: Record<string, number>;
}

export type CountCashSummary = {
  accountId: string;
  date: string;
  counted: string;
  bookBalance: string;
  /** counted − book: negative is a shortage (短款), positive an overage (长款). */
  difference: string;
  kind: 'balanced' | 'shortage' | 'overage';
};

/**
 * Count cash and compare with the book.
 * @example countCash(book, { accountId: 'CASH', date: '2024-06-30', denominations: { '100': 12, '0.5': 3 } }, ctx)
 * // counted 1201.50
 * @throws AnalyticsError `unknown-account`, `bad-date`, `bad-denomination`, `bad-count`
 */
export function countCash(book: Book, params: CountCashParams, ctx: CommandContext): CommandResult<CountCashSummary> {
  const { accountId } = params;
  const date = isoDate(params.date);
  const account = rowsOf(book, 'Accounts').find((r) => text(r.AccountId) === accountId);
  if (!account) fail('unknown-account', t(`账户 '${accountId}' 不在账户表中。`, `Account '${accountId}' is not in the Accounts table.`));

  // Step 1: the count, in fen
  let counted = 0;
  const lines: Cell[][] = [];
  for (const [denomination, pieces] of Object.entries(params.denominations)) {
    const unit = toMinorUnits(denomination.trim());
    if (!(unit > 0)) fail('bad-denomination', t(`面额 '${denomination}' 不是正数金额。`, `Denomination '${denomination}' is not a positive amount.`));
    if (!Number.isSafeInteger(pieces) || pieces < 0) fail('bad-count', t(`面额 ${denomination} 的张数 ${pieces} 不是非负整数。`, `Count ${pieces} for denomination ${denomination} is not a whole number of pieces.`));
    counted += unit * pieces;
    lines.push([fromMinorUnits(unit), pieces, fromMinorUnits(unit * pieces)]);
  }
  lines.sort((a, b) => toMinorUnits(String(b[0])) - toMinorUnits(String(a[0])));

  // Step 2: the book balance at the end of the day, and the difference
  let balance = fen(account.OpeningBalance);
  for (const e of rowsOf(book, 'Journal')) if (text(e.AccountId) === accountId && text(e.Date) <= date) balance += fen(e.Inflow) - fen(e.Outflow);
  const difference = counted - balance;
  const kind = difference === 0 ? 'balanced' : difference < 0 ? 'shortage' : 'overage';
  const summary: CountCashSummary = { accountId, date, counted: fromMinorUnits(counted), bookBalance: fromMinorUnits(balance), difference: fromMinorUnits(difference), kind };

  // Step 3: the count sheet, and an exception to follow up when it does not agree
  const changes: TableChange[] = [{ table: 'sheet', op: 'sheet', sheet: countSheet(book, summary, lines) }];
  if (kind !== 'balanced') changes.push({ table: 'Exceptions', op: 'upsert', rows: [exceptionRow(book, summary, ctx)] });
  const label = kind === 'shortage' ? t('短款', 'shortage') : t('长款', 'overage');
  return {
    changes,
    summary,
    messages: [
      kind === 'balanced'
        ? { level: 'info', event: 'cash-count', text: t(`${accountId} ${date} 盘点 ${summary.counted}，与账面相符。`, `${accountId} ${date}: counted ${summary.counted}, agrees with the book.`) }
        : { level: 'warn', event: 'cash-count', text: t(`${accountId} ${date} 盘点 ${summary.counted}，账面 ${summary.bookBalance}，${label['zh-CN']} ${summary.difference}，已记入异常待查。`, `${accountId} ${date}: counted ${summary.counted}, book ${summary.bookBalance}, ${label['en-US']} ${summary.difference}; recorded as an exception to follow up.`) },
    ],
    exitCode: kind === 'balanced' ? 0 : 1,
    audit: { action: 'cash-count', target: `${accountId} ${date}`, detail: { counted: summary.counted, bookBalance: summary.bookBalance, difference: summary.difference, denominations: params.denominations } },
  };
}

function exceptionRow(book: Book, s: CountCashSummary, ctx: CommandContext) {
  const id = `cash-count:${s.accountId}:${s.date}`;
  const old = rowsOf(book, 'Exceptions').find((r) => text(r.FindingId) === id);
  const zh = s.kind === 'shortage' ? '短款' : '长款';
  return {
    FindingId: id,
    Rule: 'cash-count',
    Severity: Math.abs(toMinorUnits(s.difference)) >= 100_00 ? 'high' : 'medium',
    EntryIds: '',
    CustomerId: null,
    Amount: s.difference,
    Date: s.date,
    Explanation: `现金盘点${zh} ${s.difference}（实点 ${s.counted}，账面 ${s.bookBalance}） / cash count ${s.kind} ${s.difference} (counted ${s.counted}, book ${s.bookBalance})`,
    Status: old ? old.Status : 'open',
    FirstSeen: old ? old.FirstSeen : ctx.now,
    LastSeen: ctx.now,
    Active: true,
  };
}

function countSheet(book: Book, s: CountCashSummary, lines: Cell[][]): ResultSheet {
  const zh = book.lang === 'zh-CN';
  const rows: Cell[][] = lines.map((l) => [l[0], l[1], l[2]]);
  rows.push([zh ? '实点合计' : 'Counted', null, s.counted]);
  rows.push([zh ? '大写' : 'In words', null, toChineseUppercase(s.counted.replace('-', ''), { prefix: '人民币' })]);
  rows.push([zh ? '账面余额' : 'Book balance', null, s.bookBalance]);
  rows.push([zh ? (s.kind === 'overage' ? '长款' : s.kind === 'shortage' ? '短款' : '差额') : 'Difference', null, s.difference]);
  return {
    name: safeSheetName(`${zh ? '盘点' : 'Count'} ${s.accountId.slice(0, 14)} ${s.date}`),
    title: { 'zh-CN': `库存现金盘点表 ${s.accountId} ${s.date}`, 'en-US': `Cash count ${s.accountId} ${s.date}` },
    columns: [
      { header: zh ? '面额' : 'Denomination', type: 'amount' },
      { header: zh ? '数量' : 'Pieces', type: 'integer' },
      { header: zh ? '金额' : 'Amount', type: 'amount' },
    ],
    rows,
  };
}
