/** A sealed book with many entries, for crash and timing tests. */
import { emptyBook } from '../../analytics/book/book';
import { fromMinorUnits } from '../../analytics/money/minor-units';
import type { Book, Row } from '../../analytics/book/types';
import { commit, entry } from './sealed-book';

/** `count` entries on BANK1 from 2024-01-01, alternating receipts and payments, balances filled in. */
export function makeLargeBook(count: number): Book {
  let book = emptyBook('zh-CN');
  book.tables.Accounts!.rows.push({ AccountId: 'BANK1', Name: '测试银行', Kind: 'bank', OpeningBalance: '100000.00', OpeningDate: '2023-12-31' });
  book.tables.Settings!.rows.push({ Key: 'locale', Value: 'zh-CN' });
  book = commit(book, 'init', [], '2024-01-01 08:00:00');
  const rows: Row[] = [];
  let balance = 10_000_000;
  for (let i = 1; i <= count; i++) {
    const day = 1 + Math.floor(((i - 1) * 60) / count);
    const date = `2024-${String(1 + Math.floor((day - 1) / 28)).padStart(2, '0')}-${String(1 + ((day - 1) % 28)).padStart(2, '0')}`;
    const cents = 1000 + ((i * 7919) % 90000);
    const inflow = i % 2 === 1;
    balance += inflow ? cents : -cents;
    rows.push(entry(`J${String(i).padStart(6, '0')}`, date, inflow ? fromMinorUnits(cents) : null, inflow ? null : fromMinorUnits(cents), fromMinorUnits(balance)));
  }
  return commit(book, 'import', [{ table: 'Journal', op: 'append', rows }], '2024-03-31 18:00:00');
}
