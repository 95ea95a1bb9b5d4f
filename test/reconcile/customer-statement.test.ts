import { confirmationLetter } from '../../analytics/reconcile/confirmation-letter';
import { customerStatement } from '../../analytics/reconcile/customer-statement';
import { CTX, makeBook } from './make-book';

// Customer C1 (opening 1,000.00): received 500.00 in May (brought forward), then in June
// received 2,000.00 and paid back 150.25: closing 1,000 + 500 + 2,000 − 150.25 = 3,349.75.
const book = () => {
  const b = makeBook({
    customers: [['C1', '华东商贸']],
    entries: [
      ['J1', '2024-05-20', '+500.00', 'C1', '记-001'],
      ['J2', '2024-06-05', '+2000.00', 'C1', '记-010', undefined, '货款'],
      ['J3', '2024-06-18', '-150.25', 'C1', '记-014', undefined, '退款'],
      ['J4', '2024-06-19', '+999.00', 'C2', '记-015'],
      ['J5', '2024-07-02', '+1.00', 'C1', '记-020'],
    ],
  });
  b.tables.Customers!.rows[0].OpeningBalance = '1000.00';
  return b;
};

describe('customerStatement', () => {
  it('brings the balance forward and runs it through the period’s entries', () => {
    const r = customerStatement(book(), { customerId: 'C1', from: '2024-06-01', to: '2024-06-30' }, CTX);
    const sheet = r.changes[0] as { sheet: { rows: unknown[][] } };
    expect(sheet.sheet.rows).toEqual([
      ['2024-06-01', null, '上期结转', null, null, '1500.00'],
      ['2024-06-05', '记-010', '货款', '2000.00', null, '3500.00'],
      ['2024-06-18', '记-014', '退款', null, '150.25', '3349.75'],
      ['2024-06-30', null, '本期合计', '2000.00', '150.25', '3349.75'],
    ]);
    expect(r.summary).toMatchObject({ opening: '1500.00', closing: '3349.75', entries: 2 });
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => customerStatement(book(), { customerId: 'C1', from: '2024-06-30', to: '2024-06-01' }, CTX)).toThrow('The from date 2024-06-30 is after the to date 2024-06-01.');
  });
});

describe('confirmationLetter', () => {
  it('asks the customer to confirm the balance in figures and in 大写', () => {
    const r = confirmationLetter(book(), { customerId: 'C1', asOf: '2024-06-30' }, CTX);
    expect(r.summary).toMatchObject({ amount: '3349.75', words: '人民币叁仟叁佰肆拾玖元柒角伍分' });
    const sheet = r.changes[0] as { sheet: { name: string; rows: unknown[][] } };
    expect(sheet.sheet.name).toBe('询证函 C1');
    expect(sheet.sheet.rows).toContainEqual(['金额 / Amount', '3349.75']);
  });
});
