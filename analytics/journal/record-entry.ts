/**
 * Record one journal entry as a cashier would: check the date is real and in an open
 * period, the account exists, exactly one of Inflow/Outflow is a positive amount with at
 * most two decimals, and the customer (when given) is in the archive. The entry gets the
 * next EntryId, the next voucher of its month unless one was given, Status 'posted', its
 * RowHash, and its Balance; later entries of the same account get their Balance refreshed.
 */
import { Decimal, amountText, parseAmount } from '../money';
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
  type TableChange,
} from '../book/types';
import { entryRowHash } from '../audit/entry-hash';
import { customerMergeMap } from '../customers/merge-map';
import { DEFAULT_VOUCHER_PREFIX, nextEntryId, nextVoucher } from './entry-numbers';
import { balanceWith, negativeCashBalance } from './balance-with';

export interface EntryDraft {
  /** 'YYYY-MM-DD' */
  date: string;
  accountId: string;
  customerId?: string;
  /** 摘要; required. */
  summary: string;
  counterAccount?: string;
  method?: string;
  reference?: string;
  /** Voucher number; the month's next one (记-0007) when absent. */
  voucher?: string;
  /** Money in, a positive amount; give exactly one of inflow and outflow. */
  inflow?: string | number;
  /** Money out, a positive amount. */
  outflow?: string | number;
  /** Where the entry came from (file#line), kept for tracing. */
  source?: string;
}

export interface RecordEntrySummary {
  entryId?: string;
  voucher?: string;
  date?: string;
  accountId?: string;
  inflow?: string;
  outflow?: string;
  balance?: string;
  errors: string[];
  [key: string]: unknown;
}

/**
 * Record a journal entry.
 * @param book the book to record into
 * @param draft the entry as the cashier typed it
 * @param ctx clock, user and language
 * @returns the change set (new entry plus Balance refreshes); exit 2 with every error when the draft is refused
 * @example
 * recordEntry(book, { date: '2024-06-20', accountId: 'CASH', summary: '收测试货款', inflow: '300' }, ctx)
 * // summary: { entryId: 'J000008', voucher: '记-0007', inflow: '300.00', balance: '1300.00', … }
 */
export function recordEntry(
  book: Book,
  draft: EntryDraft,
  ctx: CommandContext,
): CommandResult<RecordEntrySummary> {
  const errors: Message[] = [];
  const warnings: Message[] = [];
  const entries = rowsOf(book, 'Journal');

  // Step 1: validate every field, collecting all errors
  const date = draft.date?.trim() ?? '';
  checkDate(book, date, draft.accountId, errors, warnings, ctx);
  checkAccount(book, draft.accountId, errors);
  const amounts = checkAmounts(draft, errors);
  checkCustomer(book, draft.customerId, errors, warnings);
  if (!draft.summary || draft.summary.trim() === '')
    errors.push(err('entry-summary', '摘要不能为空', 'the summary (摘要) is required'));
  if (errors.length) return refused(errors.concat(warnings));

  // Step 2: numbers
  const prefix = setting(book, 'journal.voucherPrefix', DEFAULT_VOUCHER_PREFIX);
  const voucher = draft.voucher?.trim() || nextVoucher(entries, date, prefix);
  if (
    draft.voucher &&
    entries.some(
      (e) => text(e.Voucher) === voucher && text(e.Date).slice(0, 7) === date.slice(0, 7),
    )
  ) {
    warnings.push(
      warn(
        'voucher-reused',
        `凭证号 ${voucher} 本月已使用（同一凭证多行时属正常）`,
        `voucher ${voucher} is already used this month (normal when one voucher has several lines)`,
      ),
    );
  }
  const entry: Row = {
    EntryId: nextEntryId(entries),
    Date: date,
    Voucher: voucher,
    AccountId: draft.accountId.trim(),
    CustomerId: blankToNull(draft.customerId),
    Summary: draft.summary.trim(),
    CounterAccount: blankToNull(draft.counterAccount),
    Method: blankToNull(draft.method),
    Reference: blankToNull(draft.reference),
    Inflow: amounts.inflow,
    Outflow: amounts.outflow,
    Balance: null,
    Status: 'posted',
    ReversalOf: null,
    Source: blankToNull(draft.source),
    RowHash: null,
  };
  entry.RowHash = entryRowHash(entry);

  // Step 3: balances of this account from the new entry on
  const { entry: withBalance, changes: refresh } = balanceWith(book, entry);
  const changes: TableChange[] = [
    { table: 'Journal', op: 'append', rows: [withBalance] },
    ...refresh,
  ];
  // Cash on hand cannot be below zero: a 现金日记账 with a red balance means a receipt is
  // missing. A book being adopted out of order may allow it for a while (cash.allowNegative).
  const negative = negativeCashBalance(book, withBalance, refresh);
  if (negative && setting(book, 'cash.allowNegative', 'false') !== 'true') {
    return refused([
      err(
        'cash-negative',
        `库存现金 ${entry.AccountId} 余额会变为负数（${negative}），未记账；请先记漏记的收入`,
        `cash account ${entry.AccountId} would go negative (${negative}); nothing was recorded. Record the missing receipt first`,
      ),
      ...warnings,
    ]);
  }
  if (negative) {
    warnings.push(
      warn(
        'cash-negative',
        `库存现金 ${entry.AccountId} 余额为负数（${negative}），请核对是否漏记收入`,
        `cash account ${entry.AccountId} is negative (${negative}); check for an unrecorded receipt`,
      ),
    );
  }
  const amountShown = amounts.inflow ?? `-${amounts.outflow}`;
  return {
    changes,
    summary: {
      entryId: text(entry.EntryId),
      voucher,
      date,
      accountId: text(entry.AccountId),
      inflow: amounts.inflow ?? undefined,
      outflow: amounts.outflow ?? undefined,
      balance: text(withBalance.Balance),
      errors: [],
    },
    messages: [
      {
        level: 'info',
        event: 'entry-recorded',
        text: t(
          `已记账 ${entry.EntryId}（${voucher}）${date} ${amountShown}，余额 ${withBalance.Balance}`,
          `recorded ${entry.EntryId} (${voucher}) ${date} ${amountShown}, balance ${withBalance.Balance}`,
        ),
      },
      ...warnings,
    ],
    exitCode: warnings.length ? 1 : 0,
    audit: {
      action: 'record',
      target: text(entry.EntryId),
      detail: {
        voucher,
        date,
        accountId: entry.AccountId,
        customerId: entry.CustomerId,
        inflow: entry.Inflow,
        outflow: entry.Outflow,
        rowHash: entry.RowHash,
      },
    },
  };
}

function checkDate(
  book: Book,
  date: string,
  accountId: string,
  errors: Message[],
  warnings: Message[],
  ctx: CommandContext,
): void {
  if (!isIsoDate(date)) {
    errors.push(
      err(
        'entry-date',
        `日期 '${date}' 不是有效日期（应为 YYYY-MM-DD）`,
        `date '${date}' is not a real date (use YYYY-MM-DD)`,
      ),
    );
    return;
  }
  const period = date.slice(0, 7);
  if (closedPeriods(book).has(period)) {
    errors.push(
      err(
        'entry-period-closed',
        `${period} 已结账，不能在该期间记账；请在当前期间记账或冲销`,
        `period ${period} is closed; record in an open period instead`,
      ),
    );
  }
  const account = rowsOf(book, 'Accounts').find((a) => text(a.AccountId) === accountId?.trim());
  const opening = text(account?.OpeningDate);
  if (opening && date < opening) {
    errors.push(
      err(
        'entry-before-opening',
        `日期 ${date} 早于账户 ${accountId} 的期初日期 ${opening}`,
        `date ${date} is before account ${accountId}'s opening date ${opening}`,
      ),
    );
  }
  const today = ctx.now.slice(0, 10);
  if (date > today)
    warnings.push(
      warn(
        'entry-future-date',
        `日期 ${date} 晚于今天 ${today}`,
        `date ${date} is after today (${today})`,
      ),
    );
}

function checkAccount(book: Book, accountId: string | undefined, errors: Message[]): void {
  const id = accountId?.trim() ?? '';
  if (id === '') {
    errors.push(err('entry-account', '必须指定账户', 'an account is required'));
    return;
  }
  if (!rowsOf(book, 'Accounts').some((a) => text(a.AccountId) === id)) {
    errors.push(
      err(
        'entry-account',
        `账户 ${id} 不存在；请先在账户表中登记`,
        `account ${id} does not exist; add it to Accounts first`,
      ),
    );
  }
}

function checkAmounts(
  draft: EntryDraft,
  errors: Message[],
): { inflow: string | null; outflow: string | null } {
  const given = (v: unknown) => v !== undefined && v !== null && String(v).trim() !== '';
  const hasIn = given(draft.inflow);
  const hasOut = given(draft.outflow);
  if (hasIn === hasOut) {
    errors.push(
      err('entry-amount', '收入和支出必须且只能填写一项', 'give exactly one of inflow and outflow'),
    );
    return { inflow: null, outflow: null };
  }
  const label = hasIn ? t('收入', 'inflow') : t('支出', 'outflow');
  const raw = hasIn ? draft.inflow : draft.outflow;
  const parsed = parseAmount(raw);
  if (!parsed.ok) {
    errors.push(
      err(
        'entry-amount',
        `${label['zh-CN']} '${raw}' 不是金额`,
        `${label['en-US']} '${raw}' is not an amount`,
      ),
    );
    return { inflow: null, outflow: null };
  }
  const value: Decimal = parsed.value;
  if (!value.greaterThan(0)) {
    errors.push(
      err(
        'entry-amount',
        `${label['zh-CN']}必须大于 0（冲销请用 reverse）`,
        `${label['en-US']} must be greater than 0 (use reverse to undo an entry)`,
      ),
    );
  } else if (value.decimalPlaces() > 2) {
    errors.push(
      err(
        'entry-amount',
        `${label['zh-CN']} ${raw} 超过两位小数`,
        `${label['en-US']} ${raw} has more than two decimals`,
      ),
    );
  }
  const canonical = amountText(value);
  return hasIn ? { inflow: canonical, outflow: null } : { inflow: null, outflow: canonical };
}

function checkCustomer(
  book: Book,
  customerId: string | undefined,
  errors: Message[],
  warnings: Message[],
): void {
  const id = customerId?.trim() ?? '';
  if (id === '') return;
  const customer = rowsOf(book, 'Customers').find((c) => text(c.CustomerId) === id);
  if (!customer) {
    errors.push(
      err(
        'entry-customer',
        `客户 ${id} 不在客户档案中；请先添加客户`,
        `customer ${id} is not in the archive; add the customer first`,
      ),
    );
  } else if (customer.Status === 'merged') {
    const into = customerMergeMap(book).survivorOf(id);
    errors.push(
      err(
        'entry-customer',
        `客户 ${id} 已合并至 ${into}，请记在 ${into} 名下`,
        `customer ${id} was merged into ${into}; record against ${into}`,
      ),
    );
  } else if (customer.Status === 'inactive') {
    warnings.push(
      warn('entry-customer-inactive', `客户 ${id} 已停用`, `customer ${id} is inactive`),
    );
  }
}

function refused(messages: Message[]): CommandResult<RecordEntrySummary> {
  const errors = messages.filter((m) => m.level === 'error').map((m) => m.text['en-US']);
  return { changes: [], summary: { errors }, messages, exitCode: 2 };
}

function blankToNull(v: string | undefined): string | null {
  return v === undefined || v.trim() === '' ? null : v.trim();
}

function err(event: string, zh: string, en: string): Message {
  return { level: 'error', event, text: t(zh, en) };
}

function warn(event: string, zh: string, en: string): Message {
  return { level: 'warn', event, text: t(zh, en) };
}
