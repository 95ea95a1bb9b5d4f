/**
 * A health check of the customer archive, for the cashier's to-do list: rows whose fields
 * fail validation (typed in Excel, outside the add/edit commands), likely duplicates,
 * follow-ups that have come, stub customers to complete, and merges whose target is lost.
 * Read only: it changes nothing and exits 1 when anything needs review.
 */
import { rowsOf, text } from '../book/book';
import { SCHEMA } from '../book/schema';
import { t, type Book, type CommandContext, type CommandResult, type Message } from '../book/types';
import { problem, type Problem } from '../util/problem';
import { reasonZh } from './add-customer';
import { findDuplicateCustomers, type DuplicateCustomers } from './find-duplicate-customers';
import { followUpsDue, type FollowUpDue } from './follow-ups-due';
import { customerMergeMap } from './merge-map';
import { validateCustomer } from './validate-customer';

export interface CustomerArchiveReview {
  customers: number;
  /** Fields that fail validation, each naming sheet, row and column. */
  problems: Problem[];
  duplicates: DuplicateCustomers[];
  followUpsDue: FollowUpDue[];
  /** Stub customers (created by an import) still to complete. */
  stubs: string[];
  [key: string]: unknown;
}

/**
 * Review the customer archive.
 * @param book the book
 * @param ctx clock (follow-ups due by today) and language
 * @returns no changes; the review as summary; exit 1 when anything needs attention
 * @example reviewCustomerArchive(book, ctx).summary.duplicates // [{ ids: ['C0001', 'C0009'], reasons: ['phone'] }]
 */
export function reviewCustomerArchive(
  book: Book,
  ctx: CommandContext,
): CommandResult<CustomerArchiveReview> {
  const customers = rowsOf(book, 'Customers');
  const sheet = SCHEMA.Customers.sheet[book.lang];
  const problems: Problem[] = customerMergeMap(book).problems.map((p) => ({ ...p, sheet }));

  // Step 1: every live row through the same validation as add
  customers.forEach((c, i) => {
    if (c.Status === 'merged') return;
    for (const m of validateCustomer(c).errors) {
      const column = SCHEMA.Customers.columns.find(
        (col) => m.event === `customer-${col.key.toLowerCase()}`,
      );
      problems.push(
        problem(m.event, `${text(c.CustomerId)}: ${m.text[book.lang]}`, {
          sheet,
          row: i + 2,
          column: column?.header[book.lang],
        }),
      );
    }
  });

  // Step 2: duplicates, follow-ups and stubs
  const duplicates = findDuplicateCustomers(book);
  const due = followUpsDue(book, ctx.now.slice(0, 10));
  const stubs = customers.filter((c) => c.Status === 'stub').map((c) => text(c.CustomerId));

  const messages: Message[] = [
    {
      level: 'info',
      event: 'customer-review',
      text: t(
        `客户 ${customers.length} 户：资料问题 ${problems.length}，疑似重复 ${duplicates.length} 对，到期跟进 ${due.length}，待补全 ${stubs.length}`,
        `${customers.length} customers: ${problems.length} field problems, ${duplicates.length} likely duplicate pairs, ${due.length} follow-ups due, ${stubs.length} stubs to complete`,
      ),
    },
    ...duplicates.map((d): Message => ({
      level: 'warn',
      event: 'customer-possible-duplicate',
      text: t(
        `${d.ids.join(' 与 ')} 可能是同一客户（${d.reasons.map(reasonZh).join('、')}相同）`,
        `${d.ids.join(' and ')} may be the same customer (same ${d.reasons.join(', ')})`,
      ),
    })),
  ];
  const attention = problems.length + duplicates.length + due.length + stubs.length;
  return {
    changes: [],
    summary: { customers: customers.length, problems, duplicates, followUpsDue: due, stubs },
    messages,
    exitCode: attention ? 1 : 0,
  };
}
