/**
 * Fixture builders for reconciliation tests: a book with accounts, journal entries and
 * statement lines written as short tuples, and a pinned context.
 */
import { emptyBook } from '../../analytics/book/book';
import type { Book, CommandContext, Row } from '../../analytics/book/types';

export const CTX: CommandContext = { now: '2024-07-05 10:00:00', user: 'tester', lang: 'zh-CN' };

/** [EntryId, Date, signed amount ('+1500.10' receipt, '-300.00' payment), CustomerId, Voucher, Reference?, Summary?] */
export type EntrySpec = [string, string, string, string?, string?, string?, string?];
/** [LineId, Date, signed Amount, Counterparty?, Reference?, Description?, RunningBalance?] */
export type LineSpec = [string, string, string, string?, string?, string?, string?];

export function entryRow(spec: EntrySpec, accountId = 'BANK1'): Row {
  const [EntryId, Date, amount, CustomerId, Voucher, Reference, Summary] = spec;
  const negative = amount.startsWith('-');
  const abs = amount.replace(/^[+-]/, '');
  return {
    EntryId, Date, Voucher: Voucher ?? null, AccountId: accountId, CustomerId: CustomerId ?? null, Summary: Summary ?? null,
    CounterAccount: null, Method: null, Reference: Reference ?? null,
    Inflow: negative ? null : abs, Outflow: negative ? abs : null, Balance: null, Status: 'posted', ReversalOf: null, Source: null, RowHash: null,
  };
}

export function lineRow(spec: LineSpec, accountId = 'BANK1'): Row {
  const [LineId, Date, Amount, Counterparty, Reference, Description, RunningBalance] = spec;
  return {
    LineId, AccountId: accountId, Date, ValueDate: null, Amount: Amount.replace(/^\+/, ''), Counterparty: Counterparty ?? null,
    CounterpartyAccount: null, Reference: Reference ?? null, Description: Description ?? null, RunningBalance: RunningBalance ?? null, Source: null, Fingerprint: null,
  };
}

export interface MakeBookOptions {
  opening?: string;
  accountId?: string;
  kind?: string;
  entries?: EntrySpec[];
  lines?: LineSpec[];
  customers?: [string, string][];
  settings?: Record<string, string>;
}

/** A book with one account (BANK1 by default) and the given rows. */
export function makeBook(o: MakeBookOptions = {}): Book {
  const book = emptyBook('zh-CN');
  const accountId = o.accountId ?? 'BANK1';
  book.tables.Accounts!.rows.push({ AccountId: accountId, Name: '基本户', Kind: o.kind ?? 'bank', Institution: null, AccountNo: null, Currency: 'CNY', OpeningBalance: o.opening ?? '0.00', OpeningDate: null });
  book.tables.Journal!.rows.push(...(o.entries ?? []).map((e) => entryRow(e, accountId)));
  book.tables.Statement!.rows.push(...(o.lines ?? []).map((l) => lineRow(l, accountId)));
  book.tables.Customers!.rows.push(...(o.customers ?? []).map(([CustomerId, Name]) => ({ CustomerId, Name })));
  book.tables.Settings!.rows.push(...Object.entries(o.settings ?? {}).map(([Key, Value]) => ({ Key, Value })));
  return book;
}
