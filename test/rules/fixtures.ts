import { emptyBook } from '../../analytics/book/book';
import type { Book, CommandContext, Row } from '../../analytics/book/types';

export const CTX: CommandContext = { now: '2024-02-05 10:00:00', user: 'cashier', lang: 'en-US' };

export function rule(id: string, order: number, conditions: object[], actions: Row = {}, enabled = true): Row {
  return { RuleId: id, Order: order, Enabled: enabled, Conditions: JSON.stringify(conditions), Summary: null, CounterAccount: null, CustomerId: null, Method: null, ...actions };
}

let lineSeq = 0;
export function line(date: string, amount: string, description: string, counterparty = '', extra: Row = {}): Row {
  lineSeq++;
  return { LineId: `S${lineSeq}`, AccountId: 'BANK', Date: date, Amount: amount, Description: description, Counterparty: counterparty, CounterpartyAccount: null, Reference: null, Method: null, ...extra };
}

/** A book with one bank account, the given rules, statement lines, customers and journal. */
export function makeBook(parts: { rules?: Row[]; lines?: Row[]; customers?: Row[]; journal?: Row[]; matches?: Row[] }): Book {
  const book = emptyBook('en-US');
  book.tables.Accounts!.rows = [{ AccountId: 'BANK', Name: 'Bank', Kind: 'bank', Currency: 'CNY', OpeningBalance: '1000.00', OpeningDate: '2023-12-31' }];
  book.tables.Rules!.rows = parts.rules ?? [];
  book.tables.Statement!.rows = parts.lines ?? [];
  book.tables.Customers!.rows = parts.customers ?? [];
  book.tables.Journal!.rows = parts.journal ?? [];
  book.tables.Matches!.rows = parts.matches ?? [];
  return book;
}
