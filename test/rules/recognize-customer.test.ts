import type { Row } from '../../analytics/book/types';
import { indexCustomers, recognizeCustomer } from '../../analytics/rules/recognize-customer';
import { line } from './fixtures';

const customers: Row[] = [
  { CustomerId: 'C1', Name: '测试科技（北京）有限公司', BankAccount: '6222 0200 1234 5678', Status: 'active' },
  { CustomerId: 'C2', Name: '测试贸易有限责任公司', BankAccount: null, Status: 'active' },
  { CustomerId: 'C3', Name: '同名商行', Status: 'active' },
  { CustomerId: 'C4', Name: '同名商行', Status: 'active' },
];
const index = indexCustomers(customers);

describe('recognizeCustomer', () => {
  it('recognises a customer by an exact bank account before the name', () => {
    expect(recognizeCustomer(index, line('2024-01-05', '100.00', '货款', '别的名字', { CounterpartyAccount: '6222020012345678' }))).toEqual({ customerId: 'C1', by: 'account' });
  });

  it('recognises a name written with half-width brackets and spaces', () => {
    expect(recognizeCustomer(index, line('2024-01-05', '100.00', '货款', '测试科技 (北京) 有限公司'))).toEqual({ customerId: 'C1', by: 'name' });
  });

  it('recognises a name written in full-width letters and spaces', () => {
    const idx = indexCustomers([{ CustomerId: 'C9', Name: 'ABC Trading Co', Status: 'active' }]);
    expect(recognizeCustomer(idx, line('2024-01-05', '1.00', 'x', 'ＡＢＣ　Ｔｒａｄｉｎｇ　Ｃｏ'))?.customerId).toBe('C9');
  });

  it('does not take 有限公司 for 有限责任公司', () => {
    expect(recognizeCustomer(index, line('2024-01-05', '100.00', '货款', '测试贸易有限公司'))).toBeUndefined();
  });

  it('reads an account number glued to the counterparty name', () => {
    expect(recognizeCustomer(index, line('2024-01-05', '100.00', '货款', '某单位6222020012345678'))).toEqual({ customerId: 'C1', by: 'account' });
  });

  it('gives no match when two customers share the name', () => {
    expect(recognizeCustomer(index, line('2024-01-05', '100.00', '货款', '同名商行'))).toBeUndefined();
  });
});
