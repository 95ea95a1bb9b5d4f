/** A small book built only through commitCommand, so its AuditLog chain and seals are genuine. */
import { emptyBook } from '../../analytics/book/book';
import { commitCommand } from '../../analytics/book/commit-command';
import type { Book, CommandContext, Row, TableChange } from '../../analytics/book/types';

export const CTX: CommandContext = { now: '2024-04-30 17:00:00', user: 'cashier', lang: 'zh-CN' };

export function entry(id: string, date: string, inflow: string | null, outflow: string | null, balance: string, extra: Partial<Row> = {}): Row {
  return {
    EntryId: id, Date: date, Voucher: `记-${id}`, AccountId: 'BANK1', CustomerId: null, Summary: `测试摘要${id}`,
    CounterAccount: null, Method: '转账', Reference: null, Inflow: inflow, Outflow: outflow, Balance: balance,
    Status: 'posted', ReversalOf: null, Source: null, RowHash: null, ...extra,
  };
}

export function commit(book: Book, action: string, changes: TableChange[], now = CTX.now): Book {
  return commitCommand(book, { changes, summary: {}, messages: [], exitCode: 0, audit: { action, target: 'BANK1', detail: { n: changes.length } } }, { ...CTX, now }).book;
}

/**
 * Opening 1000.00 on BANK1, then five audited commands:
 *   Seq 1 init · Seq 2 record J1 J2 · Seq 3 record J3 · Seq 4 reverse J2 (J4) · Seq 5 settings
 *   EntryId  Date        Inflow   Outflow  Balance
 *   J1       2024-04-01  500.00            1500.00
 *   J2       2024-04-02           200.00   1300.00
 *   J3       2024-04-03           50.00    1250.00
 *   J4       2024-04-05           -200.00  1450.00   (reversal of J2)
 */
export function makeSealedBook(): Book {
  let book = emptyBook('zh-CN');
  book.tables.Accounts!.rows.push({ AccountId: 'BANK1', Name: '测试银行', Kind: 'bank', OpeningBalance: '1000.00', OpeningDate: '2024-03-31' });
  book = commit(book, 'init', [], '2024-04-01 09:00:00');
  book = commit(book, 'record', [{ table: 'Journal', op: 'append', rows: [entry('J1', '2024-04-01', '500.00', null, '1500.00'), entry('J2', '2024-04-02', null, '200.00', '1300.00')] }], '2024-04-02 10:00:00');
  book = commit(book, 'record', [{ table: 'Journal', op: 'append', rows: [entry('J3', '2024-04-03', null, '50.00', '1250.00')] }], '2024-04-03 10:00:00');
  book = commit(book, 'reverse', [
    { table: 'Journal', op: 'append', rows: [entry('J4', '2024-04-05', null, '-200.00', '1450.00', { Status: 'reversal', ReversalOf: 'J2' })] },
    { table: 'Journal', op: 'upsert', rows: [{ EntryId: 'J2', Status: 'reversed' }] },
  ], '2024-04-05 11:00:00');
  book = commit(book, 'settings', [{ table: 'Settings', op: 'upsert', rows: [{ Key: 'risk.largeCash', Value: '30000' }] }], '2024-04-06 08:00:00');
  return book;
}

/** A copy of the book whose table rows can be tampered with freely. */
export function cloneBook(book: Book): Book {
  return JSON.parse(JSON.stringify(book)) as Book;
}
