/**
 * 资金日报表, the daily funds report: for each account and each day with entries, the
 * opening balance, receipts, payments and closing balance. The opening balance of the
 * first day is the account's opening balance plus every entry dated before that day, so
 * a report that starts mid-year still ties to the books.
 */
import { fromMinorUnits } from '../../money/minor-units';
import { rowsOf, text } from '../../book/book';
import { t, type Row } from '../../book/types';
import { dateParam, listParam, type Params } from '../params';
import { fen, journalMovements, skippedNote } from '../movements';
import type { CellInput, CellOutput } from '../types';

/**
 * Build the daily funds report.
 * @param params `{ from?, to?, accounts? }`: date range and account ids (all when absent)
 * @param input the book and run date
 * @returns one row per account per day with entries, ordered by date then account
 * @example dailyFunds({ from: '2026-01-01' }, input).rows[0] // { Date, AccountId, Opening, Receipts, Payments, Closing }
 */
export function dailyFunds(params: Params, input: CellInput): CellOutput {
  const from = dateParam(params, 'from');
  const to = dateParam(params, 'to');
  const accounts = listParam(params, 'accounts');

  // Step 1: opening balances from the Accounts table, in fen
  const balance = new Map<string, number>();
  for (const a of rowsOf(input.book, 'Accounts')) {
    const units = fen(a.OpeningBalance);
    balance.set(text(a.AccountId), Number.isNaN(units) ? 0 : units);
  }

  // Step 2: roll entries before `from` into the opening, then one row per account-day
  const { movements, skipped } = journalMovements(input.book, { to });
  const days = new Map<
    string,
    { date: string; accountId: string; opening: number; receipts: number; payments: number }
  >();
  for (const m of movements) {
    if (accounts && !accounts.includes(m.accountId)) continue;
    const before = balance.get(m.accountId) ?? 0;
    balance.set(m.accountId, before + m.inflow - m.outflow);
    if (from && m.date < from) continue;
    const key = `${m.date}\u0000${m.accountId}`;
    let day = days.get(key);
    if (!day)
      days.set(
        key,
        (day = { date: m.date, accountId: m.accountId, opening: before, receipts: 0, payments: 0 }),
      );
    day.receipts += m.inflow;
    day.payments += m.outflow;
  }

  // Step 3: rows in date then account order
  const rows: Row[] = [...days.values()]
    .sort((a, b) =>
      a.date === b.date ? (a.accountId < b.accountId ? -1 : 1) : a.date < b.date ? -1 : 1,
    )
    .map((d) => ({
      Date: d.date,
      AccountId: d.accountId,
      Opening: fromMinorUnits(d.opening),
      Receipts: fromMinorUnits(d.receipts),
      Payments: fromMinorUnits(d.payments),
      Closing: fromMinorUnits(d.opening + d.receipts - d.payments),
    }));
  return {
    columns: [
      { key: 'Date', header: t('日期', 'Date'), type: 'date' },
      { key: 'AccountId', header: t('账户', 'Account'), type: 'id' },
      { key: 'Opening', header: t('期初余额', 'Opening'), type: 'amount' },
      { key: 'Receipts', header: t('本日收入', 'Receipts'), type: 'amount' },
      { key: 'Payments', header: t('本日支出', 'Payments'), type: 'amount' },
      { key: 'Closing', header: t('期末余额', 'Closing'), type: 'amount' },
    ],
    rows,
    chart: {
      kind: 'column',
      title: t('每日收支', 'Daily receipts and payments'),
      category: 'Date',
      series: ['Receipts', 'Payments'],
    },
    notes: skippedNote(skipped),
  };
}
