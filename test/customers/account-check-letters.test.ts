import { accountCheckLetters } from '../../analytics/customers/account-check-letters';
import type { ResultSheet } from '../../analytics/book/types';
import { ctx, makeCustomerBook } from './customer-book';

describe('accountCheckLetters', () => {
  const result = accountCheckLetters(makeCustomerBook(), { from: '2024-04-01', to: '2024-06-30' }, ctx);
  const sheet = (result.changes[0] as { sheet: ResultSheet }).sheet;

  it('writes one letter per customer with activity or a balance', () => {
    expect(sheet.rows.map((r) => [r[0], r[6], r[7], r[8], r[9]])).toEqual([
      // id     opening   received   paid      closing
      ['C0001', '500.00', '1200.00', '300.00', '1400.00'],
      ['C0002', '0.00',   '800.00',  '0.00',   '800.00'],
      ['C0003', '100.00', '450.50',  '0.00',   '550.50'],
    ]);
  });

  it('writes the closing balance in 大写金额', () => {
    expect(sheet.rows[0][10]).toBe('壹仟肆佰元整');
  });

  it('sums the closing balances', () => {
    expect(result.summary).toMatchObject({ letters: 3, total: '2750.50' });
  });
});
