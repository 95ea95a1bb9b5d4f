import { emptyBook } from '../../analytics/book/book';
import { addAccount } from '../../analytics/journal/add-account';
import { runCli, tempDir } from '../cli/cli-harness';
import * as path from 'node:path';

const CTX = { now: '2024-01-02 09:00:00', user: 'cashier', lang: 'en-US' as const };

describe('addAccount', () => {
  it('opens an account with its opening balance in canonical form', () => {
    const r = addAccount(emptyBook(), { accountId: 'CASH', name: '库存现金', kind: 'cash', openingBalance: '8,000', openingDate: '2023-12-31' }, CTX);
    expect(r.exitCode).toBe(0);
    expect(r.changes).toEqual([{ table: 'Accounts', op: 'append', rows: [{ AccountId: 'CASH', Name: '库存现金', Kind: 'cash', Institution: null, AccountNo: null, Currency: 'CNY', OpeningBalance: '8000.00', OpeningDate: '2023-12-31' }] }]);
  });

  it('refuses a duplicate id, a bad kind, a sub-cent opening balance and a bad date, all at once', () => {
    const book = emptyBook();
    book.tables.Accounts!.rows.push({ AccountId: 'CASH', Name: 'x', Kind: 'cash' });
    const r = addAccount(book, { accountId: 'CASH', name: 'y', kind: 'safe' as never, openingBalance: '1.005', openingDate: '2023-02-30' }, CTX);
    expect(r.exitCode).toBe(2);
    expect(r.messages.map((m) => m.text['en-US'])).toEqual([
      'account CASH already exists',
      "kind 'safe' must be one of cash, bank, alipay, wechat, other",
      "opening balance '1.005' has more than two decimals",
      "opening date '2023-02-30' is not a date",
    ]);
  });
});

describe('cashbook account', () => {
  it('opens an account on a new book so an entry can be recorded against it', async () => {
    const file = path.join(tempDir(), 'book.xlsx');
    await runCli(['init', file]);
    expect((await runCli(['account', file, '--add', 'CASH', '--name', '库存现金', '--kind', 'cash', '--opening', '500', '--opening-date', '2024-01-01'])).code).toBe(0);
    const rec = await runCli(['record', file, '--date', '2024-01-05', '--account', 'CASH', '--in', '0.10', '--summary', '零钱', '--json']);
    expect(rec.code).toBe(0);
    const list = await runCli(['account', file, '--json']);
    expect(JSON.parse(list.out).accounts[0]).toMatchObject({ AccountId: 'CASH', OpeningBalance: '500.00' });
  });
});
