/**
 * 红字冲销: undo a posted entry by posting its mirror. The reversal copies the entry's
 * account, customer, counter account, method and reference, carries the same amounts
 * negated (a red -300.00 in the same column), Status 'reversal' and ReversalOf the original.
 * The original only changes Status to 'reversed'; nothing else on it is ever edited.
 */
import { amountText, parseAmount } from '../money';
import { rowsOf, setting, text } from '../book/book';
import { closedPeriods } from '../book/apply-change-set';
import { isIsoDate } from '../book/dates';
import {
  t,
  type Book,
  type CommandContext,
  type CommandResult,
  type Message,
  type Row,
} from '../book/types';
import { entryRowHash } from '../audit/entry-hash';
import { DEFAULT_VOUCHER_PREFIX, nextEntryId, nextVoucher } from './entry-numbers';
import { balanceWith } from './balance-with';

export interface ReverseEntryParams {
  entryId: string;
  /** Date of the reversal; today (ctx.now) when absent. */
  date?: string;
  /** Why, in the cashier's words; goes into the reversal's summary and the audit row. */
  reason: string;
}

export interface ReverseEntrySummary {
  reversalId?: string;
  reversalOf?: string;
  voucher?: string;
  date?: string;
  errors: string[];
  [key: string]: unknown;
}

/**
 * Reverse a posted entry.
 * @param book the book
 * @param params the entry to reverse, the reversal date and the reason
 * @param ctx clock, user and language
 * @returns the reversal entry, the original's Status flip and Balance refreshes; exit 2 when refused
 * @example
 * reverseEntry(book, { entryId: 'J000003', reason: '金额录错' }, ctx)
 * // appends J000009 { Inflow: '-300.00', Status: 'reversal', ReversalOf: 'J000003' }, J000003 → 'reversed'
 */
export function reverseEntry(
  book: Book,
  params: ReverseEntryParams,
  ctx: CommandContext,
): CommandResult<ReverseEntrySummary> {
  const entries = rowsOf(book, 'Journal');
  const original = entries.find((e) => text(e.EntryId) === params.entryId);
  const date = params.date?.trim() || ctx.now.slice(0, 10);

  // Step 1: what a reversal may undo, and when
  const errors: Message[] = [];
  if (!original)
    errors.push(err(`分录 ${params.entryId} 不存在`, `entry ${params.entryId} does not exist`));
  else if (original.Status === 'reversed' || entries.some((e) => text(e.ReversalOf) === params.entryId))
    // A reversal row naming the entry counts even if the Status cell was edited back by hand.
    errors.push(
      err(`分录 ${params.entryId} 已被冲销`, `entry ${params.entryId} is already reversed`),
    );
  else if (original.Status === 'reversal')
    errors.push(
      err(
        `分录 ${params.entryId} 本身是冲销分录，不能再冲销；请重新记一笔`,
        `entry ${params.entryId} is itself a reversal; record a new entry instead`,
      ),
    );
  if (!params.reason || params.reason.trim() === '')
    errors.push(err('冲销必须写明原因', 'a reversal needs a reason'));
  if (!isIsoDate(date))
    errors.push(err(`日期 '${date}' 不是有效日期`, `date '${date}' is not a real date`));
  else if (closedPeriods(book).has(date.slice(0, 7)))
    errors.push(
      err(
        `${date.slice(0, 7)} 已结账；请在当前期间冲销`,
        `period ${date.slice(0, 7)} is closed; reverse in an open period`,
      ),
    );
  else if (original && date < text(original.Date))
    errors.push(
      err(
        `冲销日期 ${date} 早于原分录日期 ${original.Date}`,
        `reversal date ${date} is before the entry's date ${original.Date}`,
      ),
    );
  if (errors.length || !original)
    return {
      changes: [],
      summary: { errors: errors.map((m) => m.text['en-US']) },
      messages: errors,
      exitCode: 2,
    };

  // Step 2: the mirror entry
  const voucher = nextVoucher(
    entries,
    date,
    setting(book, 'journal.voucherPrefix', DEFAULT_VOUCHER_PREFIX),
  );
  const reason = params.reason.trim();
  const reversal: Row = {
    EntryId: nextEntryId(entries),
    Date: date,
    Voucher: voucher,
    AccountId: original.AccountId,
    CustomerId: original.CustomerId ?? null,
    Summary: `冲销 ${text(original.Voucher) || text(original.EntryId)}：${reason}`,
    CounterAccount: original.CounterAccount ?? null,
    Method: original.Method ?? null,
    Reference: original.Reference ?? null,
    Inflow: negated(original.Inflow),
    Outflow: negated(original.Outflow),
    Balance: null,
    Status: 'reversal',
    ReversalOf: original.EntryId,
    Source: null,
    RowHash: null,
  };
  reversal.RowHash = entryRowHash(reversal);

  // Step 3: the original flips to 'reversed'; balances follow
  const flip: Row = { EntryId: original.EntryId, Status: 'reversed' };
  const { entry, changes } = balanceWith(book, reversal, [flip]);
  return {
    changes: [{ table: 'Journal', op: 'append', rows: [entry] }, ...changes],
    summary: {
      reversalId: text(entry.EntryId),
      reversalOf: params.entryId,
      voucher,
      date,
      balance: text(entry.Balance),
      errors: [],
    },
    messages: [
      {
        level: 'info',
        event: 'entry-reversed',
        text: t(
          `已红字冲销 ${params.entryId}，冲销分录 ${entry.EntryId}（${voucher}）`,
          `reversed ${params.entryId} with ${entry.EntryId} (${voucher})`,
        ),
      },
    ],
    exitCode: 0,
    audit: {
      action: 'reverse',
      target: params.entryId,
      detail: { reversalId: entry.EntryId, voucher, date, reason, rowHash: entry.RowHash },
    },
  };
}

function negated(v: unknown): string | null {
  const r = parseAmount(v);
  if (!r.ok || r.value.isZero()) return null;
  return amountText(r.value.negated());
}

function err(zh: string, en: string): Message {
  return { level: 'error', event: 'reverse-refused', text: t(zh, en) };
}
