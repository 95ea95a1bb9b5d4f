/** Builders for add-in tests: journal rows and books of any size. */
import { emptyBook } from '../../analytics/book/book';
import { SCHEMA } from '../../analytics/book/schema';
import type { Book, Row } from '../../analytics/book/types';

/** `n` posted journal entries on account BANK1, one a day from 2024-01-01, alternating inflow/outflow. */
const DAYS = Array.from({ length: 365 }, (_, i) =>
  new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10),
);

export function journalRows(n: number, start = 0): Row[] {
  const rows: Row[] = [];
  for (let i = start; i < start + n; i++) {
    const day = DAYS[i % 365];
    const inflow = i % 2 === 0;
    rows.push({
      EntryId: `E${String(i + 1).padStart(7, '0')}`,
      Date: day,
      Voucher: `记-${i + 1}`,
      AccountId: 'BANK1',
      CustomerId: `C${(i % 50) + 1}`,
      Summary: inflow ? '收到测试客户货款' : '支付测试供应商货款',
      CounterAccount: inflow ? '应收账款' : '应付账款',
      Method: 'transfer',
      Reference: `62170012345678${String(i % 100).padStart(2, '0')}`,
      Inflow: inflow ? '1200.00' : null,
      Outflow: inflow ? null : '350.50',
      Balance: null,
      Status: 'posted',
      ReversalOf: null,
      Source: `bank.csv#${i + 2}`,
      RowHash: 'h' + i,
    });
  }
  return rows;
}

/** An en-US or zh-CN book whose Journal holds `n` entries. */
export function bookWithJournal(n: number, lang: Book['lang'] = 'zh-CN'): Book {
  const book = emptyBook(lang);
  book.tables.Journal = {
    key: 'Journal',
    columns: SCHEMA.Journal.columns.map((c) => c.key),
    rows: journalRows(n),
  };
  return book;
}
