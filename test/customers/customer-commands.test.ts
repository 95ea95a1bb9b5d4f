import { addCustomer } from '../../analytics/customers/add-customer';
import { deactivateCustomer } from '../../analytics/customers/deactivate-customer';
import { editCustomer } from '../../analytics/customers/edit-customer';
import { ctx, makeCustomerBook } from './customer-book';

const rowsOf = (result: { changes: unknown[] }) => (result.changes[0] as { rows: Record<string, unknown>[] }).rows;

describe('addCustomer', () => {
  it('adds a customer with the next id and normalised fields', () => {
    const result = addCustomer(makeCustomerBook(), { name: ' 测试客户辛 ', phone: '０２１ ６２３４ ５６７８', email: 'xin@Example.com', taxId: '91110108551385082q', openingBalance: '1,000' }, ctx);
    expect(result.exitCode).toBe(0);
    expect(rowsOf(result)[0]).toMatchObject({ CustomerId: 'C0008', Name: '测试客户辛', Phone: '021-62345678', Email: 'xin@example.com', TaxId: '91110108551385082Q', OpeningBalance: '1000.00', Status: 'active' });
  });

  it('adds a likely duplicate but asks for review', () => {
    const result = addCustomer(makeCustomerBook(), { name: '测试客户丙', phone: '138 0013 8000' }, ctx);
    expect(result.exitCode).toBe(1);
    expect(result.summary.warnings).toEqual(['may be the same as customer C0001 (same phone); consider merging', 'may be the same as customer C0003 (same phone); consider merging']);
  });

  it('refuses invalid fields with every message, naming each field', () => {
    const result = addCustomer(makeCustomerBook(), { name: '测试客户壬', email: 'ren＠example.com', taxId: '91350100M000100Y44', phone: '12345' }, ctx);
    expect(result.exitCode).toBe(2);
    expect(result.messages.map((m) => m.event)).toEqual(['customer-phone', 'customer-email', 'customer-taxid']);
    expect(result.messages[2].text['zh-CN']).toBe('统一社会信用代码：统一社会信用代码 91350100M000100Y44 校验位不符：第 18 位应为 3，请核对是否抄错');
  });

  it('checks a person\'s tax id as an ID card number', () => {
    expect(addCustomer(makeCustomerBook(), { name: '测试个人', kind: 'person', taxId: '11010519491231002X' }, ctx).exitCode).toBe(0);
  });

  it('refuses an id already taken', () => {
    expect(addCustomer(makeCustomerBook(), { customerId: 'C0002', name: '测试客户癸' }, ctx).exitCode).toBe(2);
  });

  it('refuses a bank account that reached it as a number and lost digits', () => {
    const book = makeCustomerBook();
    const result = addCustomer(book, { name: '测试客户子', bankAccount: 6222020200001234567 as unknown as string }, ctx);
    expect(result.messages.map((m) => m.event)).toEqual(['customer-bankaccount']);
  });
});

describe('editCustomer', () => {
  it('changes only the fields that differ and records before and after', () => {
    const result = editCustomer(makeCustomerBook(), { customerId: 'C0002', fields: { Phone: '010 6552 9988', Email: 'yi@example.com' } }, ctx);
    expect(rowsOf(result)).toEqual([{ CustomerId: 'C0002', Email: 'yi@example.com' }]);
    expect(result.audit!.detail).toMatchObject({ before: { Email: null }, after: { Email: 'yi@example.com' } });
  });

  it.each([
    ['an unknown customer',   { customerId: 'C0099', fields: { Name: 'x' } }],
    ['a new id',              { customerId: 'C0002', fields: { CustomerId: 'C0010' } }],
    ['status merged',         { customerId: 'C0002', fields: { Status: 'merged' } }],
    ['an invalid phone',      { customerId: 'C0002', fields: { Phone: '12' } }],
    ['a blank name',          { customerId: 'C0002', fields: { Name: '' } }],
  ])('refuses %s', (_name, params) => {
    expect(editCustomer(makeCustomerBook(), params, ctx).exitCode).toBe(2);
  });
});

describe('deactivateCustomer', () => {
  it('marks a settled customer inactive and notes the reason', () => {
    const result = deactivateCustomer(makeCustomerBook(), { customerId: 'C0004', reason: '停止合作' }, ctx);
    expect(result.exitCode).toBe(0);
    expect(rowsOf(result)).toEqual([{ CustomerId: 'C0004', Status: 'inactive', Notes: '2024-06-30 停用 / deactivated: 停止合作' }]);
  });

  it('warns when the customer still has a balance', () => {
    const result = deactivateCustomer(makeCustomerBook(), { customerId: 'C0002' }, ctx);
    expect(result.exitCode).toBe(1);
    expect(result.summary.warnings).toEqual(["the customer's balance is 800.00, not settled"]);
  });
});

describe('editCustomer and duplicates', () => {
  it('warns when a new phone matches another customer', () => {
    const result = editCustomer(makeCustomerBook(), { customerId: 'C0004', fields: { Phone: '010-6552-9988' } }, ctx);
    expect(result.exitCode).toBe(1);
    expect(result.summary.warnings).toEqual(['after the edit this may be the same as customer C0002 (same phone)']);
  });
});
