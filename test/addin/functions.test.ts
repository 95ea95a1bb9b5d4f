import * as path from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { emptyBook } from '../../analytics/book/book';
import { balance, daxie } from '../../addin/functions/functions';
import { clearFunctionsBook, setFunctionsBook } from '../../addin/functions/book-snapshot';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localize } = require('../../addin/functions/localized-functions-plugin.js');

const SOURCE = path.resolve(__dirname, '../../addin/functions/functions.ts');

/** Customer C1 (opening 100.00) with a receipt of 300.00 on 01-10, a payment of 50.50 on 01-20 and a receipt of 1000.00 on 02-05. */
function bookWithCustomer() {
  const book = emptyBook('zh-CN');
  book.tables.Customers!.rows = [
    { CustomerId: 'C1', Name: '测试客户甲', OpeningBalance: '100.00', Status: 'active' },
  ];
  book.tables.Journal!.rows = [
    {
      EntryId: 'J1',
      Date: '2024-01-10',
      AccountId: 'CASH',
      CustomerId: 'C1',
      Summary: '收款',
      Inflow: '300.00',
      Outflow: null,
      Status: 'posted',
    },
    {
      EntryId: 'J2',
      Date: '2024-01-20',
      AccountId: 'CASH',
      CustomerId: 'C1',
      Summary: '付款',
      Inflow: null,
      Outflow: '50.50',
      Status: 'posted',
    },
    {
      EntryId: 'J3',
      Date: '2024-02-05',
      AccountId: 'CASH',
      CustomerId: 'C1',
      Summary: '收款',
      Inflow: '1000.00',
      Outflow: null,
      Status: 'posted',
    },
  ];
  return book;
}

describe('custom functions metadata', () => {
  it('declares CASHBOOK.BALANCE(customer, [date]) and CASHBOOK.DAXIE(amount) from the JSDoc', async () => {
    const { metadataJson, errors } = await generateCustomFunctionsMetadata(SOURCE);
    const functions = JSON.parse(metadataJson).functions as {
      id: string;
      result: { type: string };
      parameters: { name: string; optional?: boolean }[];
    }[];

    expect(errors).toEqual([]);
    expect(
      functions.map((f) => [
        f.id,
        f.result.type,
        f.parameters.map((p) => `${p.name}${p.optional ? '?' : ''}`),
      ]),
    ).toEqual([
      ['BALANCE', 'number', ['customer', 'date?']],
      ['DAXIE', 'string', ['amount']],
    ]);
  });

  it('overlays the zh-CN descriptions and keeps the ids', async () => {
    const { metadataJson } = await generateCustomFunctionsMetadata(SOURCE);
    const zh = localize(
      JSON.parse(metadataJson),
      require('../../addin/functions/functions.zh-CN.json'),
    );

    expect(zh.functions.map((f: { id: string }) => f.id)).toEqual(['BALANCE', 'DAXIE']);
    expect(zh.functions[1].description).toBe('把金额写成中文大写金额，用于支票和凭证。');
    expect(zh.functions[0].parameters[0].description).toBe(
      '客户档案中的客户编号（或完整客户名称）。',
    );
  });
});

describe('CASHBOOK.DAXIE', () => {
  it.each([
    [10005.2, '壹万零伍元贰角整'],
    ['1,234.56', '壹仟贰佰叁拾肆元伍角陆分'],
    [100, '壹佰元整'],
  ])('writes %p as %s', (amount, expected) => {
    expect(daxie(amount)).toBe(expected);
  });

  it('refuses text that is not an amount', () => {
    expect(() => daxie('twelve')).toThrow();
  });
});

describe('CASHBOOK.BALANCE', () => {
  beforeEach(() => setFunctionsBook(bookWithCustomer()));
  afterAll(() => clearFunctionsBook());

  it('adds receipts and subtracts payments up to the date: 100.00 + 300.00 − 50.50', async () => {
    expect(await balance('C1', '2024-01-31')).toBe(349.5);
  });

  it('takes an Excel date serial (45322 is 2024-01-31)', async () => {
    expect(await balance('C1', 45322)).toBe(349.5);
  });

  it('finds the customer by exact name', async () => {
    expect(await balance('测试客户甲', '2024-02-29')).toBe(1349.5);
  });

  it('rejects an unknown customer', async () => {
    await expect(balance('C9', '2024-01-31')).rejects.toThrow('Unknown customer: C9');
  });
});
