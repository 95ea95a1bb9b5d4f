/**
 * A transfer between two of the book's own accounts (提现 bank → cash, 存现 cash → bank,
 * moving money between banks or into a wallet): one voucher, two entries, an outflow on
 * the paying account and the same inflow on the receiving one, each naming the other as
 * its counter account. Both entries pass recordEntry's checks; either failing refuses both.
 */
import { applyChangeSet } from '../book/apply-change-set';
import { rowsOf, text } from '../book/book';
import { t, type Book, type CommandContext, type CommandResult } from '../book/types';
import { recordEntry, type RecordEntrySummary } from './record-entry';

export interface TransferDraft {
  date: string;
  /** The paying account. */
  fromAccountId: string;
  /** The receiving account. */
  toAccountId: string;
  amount: string | number;
  summary: string;
  method?: string;
  reference?: string;
  voucher?: string;
}

export interface RecordTransferSummary {
  voucher?: string;
  entryIds: string[];
  balances: Record<string, string>;
  errors: string[];
  [key: string]: unknown;
}

/**
 * Record a transfer between two accounts of the book.
 * @returns both entries and their balance refreshes; exit 2 when either entry is refused
 * @example
 * recordTransfer(book, { date: '2024-06-03', fromAccountId: 'BANK', toAccountId: 'CASH', amount: '2000', summary: '提取备用金' }, ctx)
 * // J000010 BANK out 2000.00 and J000011 CASH in 2000.00, both 记-0004
 */
export function recordTransfer(
  book: Book,
  draft: TransferDraft,
  ctx: CommandContext,
): CommandResult<RecordTransferSummary> {
  if (draft.fromAccountId === draft.toAccountId) {
    const message = t('转出和转入账户不能相同', 'the paying and receiving accounts must differ');
    return {
      changes: [],
      summary: { entryIds: [], balances: {}, errors: [message['en-US']] },
      messages: [{ level: 'error', event: 'transfer-same-account', text: message }],
      exitCode: 2,
    };
  }
  const name = (id: string) =>
    text(rowsOf(book, 'Accounts').find((a) => text(a.AccountId) === id)?.Name) || id;
  const common = {
    date: draft.date,
    summary: draft.summary,
    method: draft.method,
    reference: draft.reference,
    source: 'transfer',
  };

  // Step 1: the paying side, then the receiving side on the book as it would be after it
  const out = recordEntry(
    book,
    {
      ...common,
      accountId: draft.fromAccountId,
      outflow: draft.amount,
      counterAccount: name(draft.toAccountId),
      voucher: draft.voucher,
    },
    ctx,
  );
  if (out.exitCode === 2) return refusedTransfer(out);
  const afterOut = applyChangeSet(book, out.changes);
  const into = recordEntry(
    afterOut,
    {
      ...common,
      accountId: draft.toAccountId,
      inflow: draft.amount,
      counterAccount: name(draft.fromAccountId),
      voucher: out.summary.voucher,
    },
    ctx,
  );
  if (into.exitCode === 2) return refusedTransfer(into);

  // Step 2: one result; the voucher reuse warning is expected here, other warnings stay
  const messages = [...out.messages, ...into.messages].filter((m) => m.event !== 'voucher-reused');
  const warnings = messages.filter((m) => m.level === 'warn');
  const entryIds = [out.summary.entryId!, into.summary.entryId!];
  return {
    changes: [...out.changes, ...into.changes],
    summary: {
      voucher: out.summary.voucher,
      entryIds,
      balances: {
        [draft.fromAccountId]: out.summary.balance!,
        [draft.toAccountId]: into.summary.balance!,
      },
      errors: [],
    },
    messages,
    exitCode: warnings.length ? 1 : 0,
    audit: {
      action: 'transfer',
      target: entryIds.join(','),
      detail: {
        voucher: out.summary.voucher,
        from: draft.fromAccountId,
        to: draft.toAccountId,
        amount: out.summary.outflow,
        date: draft.date,
      },
    },
  };
}

function refusedTransfer(
  result: CommandResult<RecordEntrySummary>,
): CommandResult<RecordTransferSummary> {
  return {
    changes: [],
    summary: { entryIds: [], balances: {}, errors: result.summary.errors },
    messages: result.messages,
    exitCode: 2,
  };
}
