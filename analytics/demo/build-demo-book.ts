/**
 * The demo's starting book: settings, the company's accounts, the sample customer archive
 * with communications and feedback, the sample journal and the bank rules. Pure: the
 * statement files are imported afterwards by the demo command, like a cashier would.
 */
import { emptyBook } from '../book/book';
import { defaultSettingRows } from '../book/default-settings';
import type { Lang } from '../book/schema';
import type { Book } from '../book/types';
import { sampleCustomers } from '../customers/sample-customers';
import { DEMO_ACCOUNTS } from './sample-accounts';
import { sampleJournal } from './sample-journal';
import { DEMO_RULES } from './sample-rules';

/** A book holding the demo company's data before any statement is imported. */
export function buildDemoBook(lang: Lang): Book {
  const book = emptyBook(lang);
  const { customers, communications, feedback } = sampleCustomers();
  const openings = Object.fromEntries(DEMO_ACCOUNTS.map((a) => [String(a.AccountId), String(a.OpeningBalance)]));
  book.tables.Settings!.rows = defaultSettingRows(lang);
  book.tables.Accounts!.rows = DEMO_ACCOUNTS.map((a) => ({ ...a }));
  book.tables.Customers!.rows = customers;
  book.tables.Communications!.rows = communications;
  book.tables.Feedback!.rows = feedback;
  book.tables.Journal!.rows = sampleJournal(customers.map((c) => String(c.CustomerId)), openings);
  book.tables.Rules!.rows = DEMO_RULES.map((r) => ({ ...r }));
  return book;
}
