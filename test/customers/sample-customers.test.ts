import { emptyBook } from '../../analytics/book/book';
import { findDuplicateCustomers } from '../../analytics/customers/find-duplicate-customers';
import { sampleCustomers } from '../../analytics/customers/sample-customers';
import { satisfactionSummary } from '../../analytics/customers/satisfaction-summary';
import { validateCustomer } from '../../analytics/customers/validate-customer';

describe('sampleCustomers', () => {
  const data = sampleCustomers();

  it('gives customers that all pass validation without warnings', () => {
    for (const c of data.customers) {
      const check = validateCustomer(c);
      expect([c.CustomerId, check.errors, check.warnings]).toEqual([c.CustomerId, [], []]);
    }
  });

  it('uses credit codes with the unissued area code 000000', () => {
    const codes = data.customers.map((c) => c.TaxId).filter(Boolean) as string[];
    expect(codes.every((code) => code.slice(2, 8) === '000000')).toBe(true);
  });

  it('has one planted duplicate for duplicate detection', () => {
    const book = emptyBook('zh-CN');
    book.tables.Customers!.rows = data.customers;
    expect(findDuplicateCustomers(book)).toEqual([{ ids: ['C0001', 'C0009'], reasons: ['phone'] }]);
  });

  it('refers only to customers of the archive from communications and feedback', () => {
    const ids = new Set(data.customers.map((c) => c.CustomerId));
    expect([...data.communications, ...data.feedback].every((r) => ids.has(r.CustomerId))).toBe(true);
  });

  it('gives a satisfaction summary over three months', () => {
    const book = emptyBook('zh-CN');
    book.tables.Customers!.rows = data.customers;
    book.tables.Feedback!.rows = data.feedback;
    // 5+4+3+4+4+2+1+4+5+3+4 = 39 over 11 scores
    expect(satisfactionSummary(book).overall).toEqual({ count: 11, average: '3.55', customers: 8 });
    expect(satisfactionSummary(book).byMonth.map((m) => m.period)).toEqual(['2024-01', '2024-02', '2024-03']);
  });
});
