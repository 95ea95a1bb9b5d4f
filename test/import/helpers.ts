/** Fixture builders for the import tests: a book with accounts, a pinned context, byte helpers. */
import { emptyBook } from '../../analytics/book/book';
import type { Book, CommandContext, Row } from '../../analytics/book/types';

export const CTX: CommandContext = { now: '2024-07-10 09:00:00', user: 'tester', lang: 'zh-CN' };

/** A book holding the given accounts (CNY bank account 'BANK' by default). */
export function makeBook(
  accounts: Row[] = [
    { AccountId: 'BANK', Name: '测试银行', Kind: 'bank', Currency: 'CNY', OpeningBalance: '0.00' },
  ],
): Book {
  const book = emptyBook('zh-CN');
  book.tables.Accounts!.rows = accounts;
  return book;
}

/** UTF-8 bytes of a text. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A book after a command's changes are applied (Statement rows appended). */
export function withStatementRows(book: Book, rows: Row[]): Book {
  return {
    ...book,
    tables: {
      ...book.tables,
      Statement: { ...book.tables.Statement!, rows: [...book.tables.Statement!.rows, ...rows] },
    },
  };
}
