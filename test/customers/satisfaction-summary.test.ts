import { satisfactionSummary } from '../../analytics/customers/satisfaction-summary';
import { makeCustomerBook } from './customer-book';

describe('satisfactionSummary', () => {
  const summary = satisfactionSummary(makeCustomerBook());

  it('averages the valid scores overall', () => {
    // (5 + 3 + 2 + 2) / 4 from three customers; F5's 'x' is left out
    expect(summary.overall).toEqual({ count: 4, average: '3.00', customers: 3 });
    expect(summary.badScores).toEqual(['F5']);
  });

  it('averages scores by month', () => {
    expect(summary.byMonth).toEqual([
      { period: '2024-04', count: 1, average: '5.00' },
      { period: '2024-05', count: 2, average: '2.50' },
      { period: '2024-06', count: 1, average: '2.00' },
    ]);
  });

  it('averages scores by category with each category\'s share', () => {
    expect(summary.byCategory).toEqual([
      { category: '交付', count: 1, average: '2.00', share: '25.0' },
      { category: '价格', count: 1, average: '3.00', share: '25.0' },
      { category: '服务', count: 2, average: '3.50', share: '50.0' },
    ]);
  });

  it('measures response times in days', () => {
    // F1 2 days, F2 7 days, F4 1 day; F3 still open
    expect(summary.responseDays).toEqual({ answered: 3, unanswered: 1, average: '3.3', median: '2.0', max: 7 });
  });
});
