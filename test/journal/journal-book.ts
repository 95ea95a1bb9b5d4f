/** Small books for the journal tests: accounts, customers and entries as column-aligned tables. */
import { emptyBook } from '../../analytics/book/book';
import type { Book, CommandContext, Row } from '../../analytics/book/types';

export const ctx: CommandContext = { now: '2024-06-30 10:00:00', user: 'tester', lang: 'zh-CN' };

type EntryTuple = [id: string, date: string, account: string, inflow: string | null, outflow: string | null, balance?: string | null];

/** A book with a cash account (opening 1000.00 on 2024-01-01), a bank account (opening 0) and one customer. */
export function makeBook(entries: EntryTuple[] = [], extra: { closed?: string[]; customers?: Row[] } = {}): Book {
  const book = emptyBook('zh-CN');
  book.tables.Accounts!.rows.push(
    { AccountId: 'CASH', Name: '库存现金', Kind: 'cash', OpeningBalance: '1000.00', OpeningDate: '2024-01-01' },
    { AccountId: 'BANK', Name: '测试银行基本户', Kind: 'bank', OpeningBalance: '0.00', OpeningDate: '2024-01-01' },
  );
  book.tables.Customers!.rows.push(...(extra.customers ?? [{ CustomerId: 'C0001', Name: '测试客户甲', Status: 'active' }]));
  for (const p of extra.closed ?? []) book.tables.Periods!.rows.push({ Period: p, Status: 'closed' });
  for (const [id, date, account, inflow, outflow, balance] of entries) {
    book.tables.Journal!.rows.push({
      EntryId: id, Date: date, Voucher: null, AccountId: account, CustomerId: null, Summary: '测试', CounterAccount: null,
      Method: null, Reference: null, Inflow: inflow, Outflow: outflow, Balance: balance ?? null, Status: 'posted',
      ReversalOf: null, Source: null, RowHash: null,
    });
  }
  return book;
}
