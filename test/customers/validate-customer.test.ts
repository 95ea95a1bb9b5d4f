import { validateCustomer } from '../../analytics/customers/validate-customer';

describe('validateCustomer', () => {
  it('normalises every formatted field it is given', () => {
    const { row, errors } = validateCustomer({ Name: ' 测试客户甲 ', Phone: '+86 130-0000-0001', TaxId: '91350100m000100y43', CreditLimit: '¥50,000', OpeningBalance: '(1,200.5)' });
    expect(errors).toEqual([]);
    expect(row).toEqual({ Name: '测试客户甲', Phone: '13000000001', TaxId: '91350100M000100Y43', CreditLimit: '50000.00', OpeningBalance: '-1200.50' });
  });

  it('clears a formatted field given as blank', () => {
    expect(validateCustomer({ Email: '  ' }).row).toEqual({ Email: null });
  });

  it.each([
    ['an unknown kind',                { Kind: 'partner' },            'customer-kind'],
    ['an unknown status',              { Status: 'deleted' },          'customer-status'],
    ['a negative credit limit',        { CreditLimit: '-1' },          'customer-creditlimit'],
    ['an opening balance to 0.001',    { OpeningBalance: '1.001' },    'customer-openingbalance'],
    ['a company tax id of 15 digits',  { TaxId: '440301103263652' },   'customer-taxid'],
  ])('refuses %s', (_name, row, event) => {
    expect(validateCustomer(row).errors.map((m) => m.event)).toEqual([event]);
  });

  it('checks a person\'s tax id as an ID card number', () => {
    expect(validateCustomer({ Kind: 'person', TaxId: '91350100M000100Y43' }).errors.map((m) => m.event)).toEqual(['customer-taxid']);
  });

  it('names the field in both languages', () => {
    const [error] = validateCustomer({ Email: 'a@b' }).errors;
    expect(error.text['zh-CN'].startsWith('邮箱：')).toBe(true);
    expect(error.text['en-US'].startsWith('Email: ')).toBe(true);
  });
});
