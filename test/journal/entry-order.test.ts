import { compareIds, orderEntries } from '../../analytics/journal/entry-order';
import { nextEntryId, nextVoucher } from '../../analytics/journal/entry-numbers';

describe('compareIds', () => {
  it.each([
    ['J9',                        'J10',                          -1],
    ['J000009',                   'J10',                          -1],
    ['A10B9',                     'A10B10',                       -1],
    ['J10',                       'K1',                           -1],
    ['J123456789012345678901234', 'J99999999999999999999',        1],
    ['J7',                        'J7',                           0],
  ])('puts %s against %s at %i', (a, b, sign) => {
    expect(Math.sign(compareIds(a, b))).toBe(sign);
  });
});

describe('orderEntries', () => {
  it('orders by date, then id with digits as numbers', () => {
    const rows = [
      { Date: '2024-03-02', EntryId: 'J10' },
      { Date: '2024-03-01', EntryId: 'J11' },
      { Date: '2024-03-02', EntryId: 'J9' },
    ];
    expect(orderEntries(rows)).toEqual([1, 2, 0]);
  });

  it('keeps only the rows asked for', () => {
    const rows = [{ Date: '2024-03-02', EntryId: 'J1', AccountId: 'A' }, { Date: '2024-03-01', EntryId: 'J2', AccountId: 'B' }];
    expect(orderEntries(rows, (r) => r.AccountId === 'A')).toEqual([0]);
  });
});

describe('nextEntryId and nextVoucher', () => {
  it('continues after the highest J number, ignoring other ids', () => {
    expect(nextEntryId([{ EntryId: 'J000041' }, { EntryId: 'IMPORT-9' }, { EntryId: 'J7' }])).toBe('J000042');
  });

  it('counts vouchers of the same month and prefix only', () => {
    const rows = [
      { Date: '2024-06-03', Voucher: '记-0006' },
      { Date: '2024-06-09', Voucher: '收-0011' },
      { Date: '2024-07-01', Voucher: '记-0020' },
    ];
    expect(nextVoucher(rows, '2024-06-20')).toBe('记-0007');
    expect(nextVoucher(rows, '2024-06-20', '收')).toBe('收-0012');
  });
});
