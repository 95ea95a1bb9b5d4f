/**
 * The demo's starting book: settings, the company's accounts, the sample customer archive
 * with communications and feedback, the sample journal and the bank rules. Pure: the
 * statement files are imported afterwards by the demo command, like a cashier would.
 */
import { emptyBook } from '../book/book';
import { defaultSettingRows } from '../book/default-settings';
import type { Lang } from '../book/schema';
import type { Book, CommandContext, CommandResult } from '../book/types';
import { commitCommand } from '../book/commit-command';
import { sampleCustomers } from '../customers/sample-customers';
import { DEMO_ACCOUNTS } from './sample-accounts';
import { sampleJournal } from './sample-journal';
import { DEMO_RULES } from './sample-rules';

/**
 * A book holding the demo company's data before any statement is imported. The sample
 * journal goes in through an audited command, as every posted entry does, so the book
 * starts with its AuditLog row, journal seal and audit head.
 * @param ctx who and when the setup is recorded as
 */
export function buildDemoBook(lang: Lang, ctx: CommandContext = { now: '2024-01-01 09:00:00', user: 'demo', lang }): Book {
  const book = emptyBook(lang);
  const { customers, communications, feedback } = sampleCustomers();
  const openings = Object.fromEntries(DEMO_ACCOUNTS.map((a) => [String(a.AccountId), String(a.OpeningBalance)]));
  book.tables.Settings!.rows = defaultSettingRows(lang);
  book.tables.Accounts!.rows = DEMO_ACCOUNTS.map((a) => ({ ...a }));
  book.tables.Customers!.rows = customers;
  book.tables.Communications!.rows = communications;
  book.tables.Feedback!.rows = feedback;
  book.tables.Rules!.rows = DEMO_RULES.map((r) => ({ ...r }));
  const journal = sampleJournal(customers.map((c) => String(c.CustomerId)), openings);
  const setup: CommandResult = { changes: [{ table: 'Journal', op: 'append', rows: journal }], summary: {}, messages: [], exitCode: 0, audit: { action: 'demo-setup', target: 'sample company', detail: { journal: journal.length } } };
  return commitCommand(book, setup, ctx).book;
}
