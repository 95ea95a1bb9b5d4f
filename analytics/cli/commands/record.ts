/**
 * `cashbook record <book.xlsx> --date D --account ID --in|--out AMOUNT --summary TEXT
 * [--customer ID] [--counter SUBJECT] [--method M] [--voucher V] [--reference R] [--json]`:
 * post one journal entry (next EntryId and voucher, RowHash, balances recomputed).
 * With `--out AMOUNT --to ACCOUNT` it records a transfer between two of the book's accounts
 * (提现, 存现): two entries under one voucher.
 */
import { parseDate } from '../../book/parse-date';
import { recordEntry, type EntryDraft } from '../../journal/record-entry';
import { recordTransfer } from '../../journal/record-transfer';
import type { CliCommand, ParsedArgs } from '../command-spec';
import { runOnBook } from '../run-on-book';
import { usageError } from './init';

export const recordCommand: CliCommand = {
  name: 'record',
  usage:
    'cashbook record <book.xlsx> --date YYYY-MM-DD --account ID --in|--out AMOUNT [--to ACCOUNT] --summary TEXT [--customer ID] [--counter SUBJECT] [--method M] [--voucher V] [--reference R] [--json]',
  summary: {
    'zh-CN': '记一笔日记账（自动编号、凭证号、余额）',
    'en-US': 'record one journal entry (ids, voucher and balance filled in)',
  },
  options: {
    date: { type: 'string' },
    account: { type: 'string' },
    in: { type: 'string' },
    out: { type: 'string' },
    summary: { type: 'string' },
    customer: { type: 'string' },
    counter: { type: 'string' },
    method: { type: 'string' },
    voucher: { type: 'string' },
    reference: { type: 'string' },
    to: { type: 'string' },
  },
  async run(args, io) {
    const [file] = args.positionals;
    const v = (k: string) => stringValue(args, k);
    if (
      !file ||
      args.positionals.length > 1 ||
      !v('date') ||
      !v('account') ||
      !v('summary') ||
      (v('in') === undefined) === (v('out') === undefined)
    ) {
      return usageError(io, this.usage);
    }
    // Dates as cashiers type them (2024/6/3, 2024年6月3日) become ISO; anything else reaches the engine's check as typed.
    const date = parseDate(v('date')!, 'ymd')?.date ?? v('date')!;
    const to = v('to');
    if (to !== undefined) {
      if (v('out') === undefined || v('customer') !== undefined || v('counter') !== undefined)
        return usageError(io, this.usage);
      const transfer = {
        date,
        fromAccountId: v('account')!,
        toAccountId: to,
        amount: v('out')!,
        summary: v('summary')!,
        method: v('method'),
        reference: v('reference'),
        voucher: v('voucher'),
      };
      return runOnBook(file, (book, ctx) => recordTransfer(book, transfer, ctx), io, {
        json: Boolean(args.values.json),
      });
    }
    const draft: EntryDraft = {
      date,
      accountId: v('account')!,
      summary: v('summary')!,
      inflow: v('in'),
      outflow: v('out'),
      customerId: v('customer'),
      counterAccount: v('counter'),
      method: v('method'),
      voucher: v('voucher'),
      reference: v('reference'),
      source: 'cli',
    };
    return runOnBook(file, (book, ctx) => recordEntry(book, draft, ctx), io, {
      json: Boolean(args.values.json),
    });
  },
};

export function stringValue(args: ParsedArgs, key: string): string | undefined {
  const value = args.values[key];
  return typeof value === 'string' ? value : undefined;
}
