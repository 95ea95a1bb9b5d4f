import { followUpsDue } from '../../analytics/customers/follow-ups-due';
import { AS_OF, makeCustomerBook } from './customer-book';

describe('followUpsDue', () => {
  it('lists open communications whose follow-up has come, oldest first, with days overdue', () => {
    // M3 due 05-15: 16 days left in May + 30 in June = 46; M1 due 06-28: 2
    expect(followUpsDue(makeCustomerBook(), AS_OF).map((f) => [f.id, f.customerId, f.name, f.followUp, f.daysOverdue])).toEqual([
      ['M3', 'C0003', '测试客户甲（分部）', '2024-05-15', 46],
      ['M1', 'C0001', '测试客户甲',         '2024-06-28', 2],
    ]);
  });

  it('counts a follow-up due today with zero days overdue', () => {
    expect(followUpsDue(makeCustomerBook(), '2024-06-28').find((f) => f.id === 'M1')!.daysOverdue).toBe(0);
  });

  it('skips done communications and later follow-ups', () => {
    const ids = followUpsDue(makeCustomerBook(), AS_OF).map((f) => f.id);
    expect(ids).not.toContain('M4');
    expect(ids).not.toContain('M2');
  });
});
