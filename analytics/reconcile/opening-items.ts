/**
 * 期初未达账项: outstanding items carried in when a book is adopted from another system. A
 * cheque written before the move (book paid, bank not yet) is cleared by the bank line that
 * pays it later; a receipt the bank had before the move that the book lacked is cleared by
 * the entry that books it. Until cleared, an item counts in the reconciliation like any
 * outstanding item of its kind, so the first reconciliation after the move ties out.
 * Clearing pairs by exact amount (reference first when both have one), earliest first.
 */
import { rowsOf, text } from '../book/book';
import { isIsoDate } from '../book/dates';
import { OUTSTANDING_KINDS } from '../book/schema';
import { t, type Book, type CommandContext, type CommandResult, type Row } from '../book/types';
import { toMinorUnits, fromMinorUnits } from '../money/minor-units';
import { fail } from '../util/error';

export type OutstandingKind = (typeof OUTSTANDING_KINDS)[number];

export interface OpeningItemDraft {
  kind: OutstandingKind;
  date: string;
  /** Positive amount text. */
  amount: string;
  reference?: string;
  description?: string;
}

/**
 * Enter the opening outstanding items of an account as of the adoption date.
 * @throws AnalyticsError `bad-opening-item` naming the item and what is wrong
 */
export function recordOpeningItems(book: Book, params: { accountId: string; asOf: string; items: OpeningItemDraft[] }, _ctx: CommandContext): CommandResult {
  if (!rowsOf(book, 'Accounts').some((a) => text(a.AccountId) === params.accountId)) fail('unknown-account', t(`账户 ${params.accountId} 不在账户表中`, `account ${params.accountId} is not in the Accounts table`));
  if (!isIsoDate(params.asOf)) fail('bad-opening-item', t(`截至日期 '${params.asOf}' 不是有效日期`, `as-of date '${params.asOf}' is not a date`));
  const existing = rowsOf(book, 'OpeningItems').length;
  const rows: Row[] = params.items.map((item, i) => {
    const fen = toMinorUnits(item.amount);
    const where = `opening item ${i + 1}`;
    const whereZh = `第 ${i + 1} 笔期初未达账项`;
    if (!OUTSTANDING_KINDS.includes(item.kind)) fail('bad-opening-item', t(`${whereZh}：类型 '${item.kind}' 不是以下之一：${OUTSTANDING_KINDS.join('、')}`, `${where}: kind '${item.kind}' is not one of ${OUTSTANDING_KINDS.join(', ')}`));
    if (!(fen > 0)) fail('bad-opening-item', t(`${whereZh}：金额 '${item.amount}' 必须是正数，且最多两位小数`, `${where}: amount '${item.amount}' must be a positive amount with at most two decimals`));
    if (!isIsoDate(item.date) || item.date > params.asOf) fail('bad-opening-item', t(`${whereZh}：日期 '${item.date}' 必须不晚于 ${params.asOf}`, `${where}: date '${item.date}' must be a date on or before ${params.asOf}`));
    return {
      ItemId: `OI-${String(existing + i + 1).padStart(4, '0')}`,
      AccountId: params.accountId,
      AsOf: params.asOf,
      Kind: item.kind,
      Date: item.date,
      Amount: fromMinorUnits(fen),
      Reference: item.reference ?? null,
      Description: item.description ?? null,
      Status: 'open',
      ClearedBy: null,
    };
  });
  return {
    changes: [{ table: 'OpeningItems', op: 'append', rows }],
    summary: { added: rows.length },
    messages: [{ level: 'info', event: 'opening-items', text: t(`已登记 ${rows.length} 笔期初未达账项`, `Entered ${rows.length} opening outstanding item(s)`) }],
    exitCode: 0,
    audit: { action: 'opening-items', target: params.accountId, detail: { asOf: params.asOf, items: rows.map((r) => r.ItemId) } },
  };
}

export interface OpeningItemsState {
  /** Statement line ids that clear a book-side opening item. */
  clearingLines: Set<string>;
  /** Journal entry ids that clear a bank-side opening item. */
  clearingEntries: Set<string>;
  /** Items still open at `asOf`, with their kind and amount. */
  open: Row[];
  /** ItemId → what cleared it. */
  clearedBy: Map<string, string>;
}

/**
 * Pair an account's opening items with the lines and entries that clear them up to `asOf`.
 * @param asOf 'YYYY-MM-DD', end of the reconciliation period (inclusive)
 */
export function openingItemsAsOf(book: Book, accountId: string, asOf: string): OpeningItemsState {
  const items = rowsOf(book, 'OpeningItems').filter((r) => text(r.AccountId) === accountId);
  const state: OpeningItemsState = { clearingLines: new Set(), clearingEntries: new Set(), open: [], clearedBy: new Map() };
  if (!items.length) return state;

  const lines = rowsOf(book, 'Statement')
    .filter((l) => text(l.AccountId) === accountId && text(l.Date) <= asOf)
    .sort((a, b) => (text(a.Date) < text(b.Date) ? -1 : text(a.Date) > text(b.Date) ? 1 : 0));
  const entries = rowsOf(book, 'Journal')
    .filter((e) => text(e.AccountId) === accountId && text(e.Date) <= asOf && e.Status !== 'reversed' && e.Status !== 'reversal')
    .sort((a, b) => (text(a.Date) < text(b.Date) ? -1 : text(a.Date) > text(b.Date) ? 1 : 0));

  for (const item of [...items].sort((a, b) => (text(a.Date) < text(b.Date) ? -1 : 1))) {
    const fen = toMinorUnits(text(item.Amount));
    const kind = text(item.Kind) as OutstandingKind;
    // A book-side item waits for the bank; a bank-side item waits for the book.
    const bookSide = kind === 'bookPaidNotOnBank' || kind === 'bookReceivedNotOnBank';
    const signed = kind === 'bookPaidNotOnBank' || kind === 'bankPaidNotBooked' ? -fen : fen;
    const ref = text(item.Reference);
    const candidates = bookSide
      ? lines.filter((l) => !state.clearingLines.has(text(l.LineId)) && toMinorUnits(text(l.Amount)) === signed && text(l.Date) >= text(item.AsOf))
      : entries.filter((e) => !state.clearingEntries.has(text(e.EntryId)) && movement(e) === signed && text(e.Date) >= text(item.AsOf));
    const byRef = ref ? candidates.find((c) => text(c.Reference) === ref) : undefined;
    const hit = byRef ?? candidates[0];
    if (!hit) {
      state.open.push(item);
      continue;
    }
    const id = bookSide ? text(hit.LineId) : text(hit.EntryId);
    (bookSide ? state.clearingLines : state.clearingEntries).add(id);
    state.clearedBy.set(text(item.ItemId), id);
  }
  return state;
}

function movement(e: Row): number {
  const inflow = text(e.Inflow) ? toMinorUnits(text(e.Inflow)) : 0;
  const outflow = text(e.Outflow) ? toMinorUnits(text(e.Outflow)) : 0;
  return inflow - outflow;
}
