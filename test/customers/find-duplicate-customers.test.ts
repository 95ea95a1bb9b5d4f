import { findDuplicateCustomers, normaliseCustomerName } from '../../analytics/customers/find-duplicate-customers';
import { makeCustomerBook } from './customer-book';

describe('findDuplicateCustomers', () => {
  it('finds the same phone, the same tax id and the same normalised name', () => {
    expect(findDuplicateCustomers(makeCustomerBook())).toEqual([
      { ids: ['C0001', 'C0003'], reasons: ['phone'] },
      { ids: ['C0002', 'C0007'], reasons: ['tax-id'] },
      { ids: ['C0006', 'C0007'], reasons: ['name'] },
    ]);
  });

  it('does not take 有限公司 and 有限责任公司 for the same company', () => {
    const ids = findDuplicateCustomers(makeCustomerBook()).map((d) => d.ids.join());
    expect(ids).not.toContain('C0004,C0005');
  });

  it('compares a new row against the archive only', () => {
    expect(findDuplicateCustomers(makeCustomerBook(), { CustomerId: 'C0100', Name: '测试客户乙', Phone: '(010)65529988' })).toEqual([
      { ids: ['C0002', 'C0100'], reasons: ['phone', 'name'] },
    ]);
  });

  it('leaves merged customers out', () => {
    const book = makeCustomerBook();
    book.tables.Customers!.rows[2].Status = 'merged';
    book.tables.Customers!.rows[2].Notes = 'merged into C0001';
    expect(findDuplicateCustomers(book).map((d) => d.ids.join())).not.toContain('C0001,C0003');
  });
});

describe('normaliseCustomerName', () => {
  it.each([
    ['测试（北京）科技有限公司',   '测试北京科技有限公司'],
    ['测试 科技 有限公司',         '测试科技有限公司'],
    ['ＴＥＳＴ　Ｃｏ．，Ｌｔｄ',   'testcoltd'],
    ['测试科技有限责任公司',       '测试科技有限责任公司'],
  ])('normalises %s', (name, expected) => {
    expect(normaliseCustomerName(name)).toBe(expected);
  });
});
