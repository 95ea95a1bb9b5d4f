import { reviewCustomerArchive } from '../../analytics/customers/review-customer-archive';
import { ctx, makeCustomerBook } from './customer-book';

describe('reviewCustomerArchive', () => {
  it('lists a mistyped field with its sheet, row and column', () => {
    const book = makeCustomerBook();
    book.tables.Customers!.rows[1].Email = 'yi＠example.com';
    const review = reviewCustomerArchive(book, ctx).summary;
    expect(review.problems.map((p) => [p.sheet, p.row, p.column, p.code])).toEqual([['客户档案', 3, '邮箱', 'customer-email']]);
  });

  it('gathers duplicates, follow-ups due and stubs, and asks for review', () => {
    const book = makeCustomerBook();
    book.tables.Customers!.rows[3].Status = 'stub';
    const result = reviewCustomerArchive(book, ctx);
    expect(result.exitCode).toBe(1);
    expect([result.summary.duplicates.length, result.summary.followUpsDue.map((f) => f.id), result.summary.stubs]).toEqual([3, ['M3', 'M1'], ['C0004']]);
  });

  it('changes nothing', () => {
    expect(reviewCustomerArchive(makeCustomerBook(), ctx).changes).toEqual([]);
  });
});
