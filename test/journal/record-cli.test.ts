import * as fs from 'node:fs';
import * as path from 'node:path';
import { emptyBook } from '../../analytics/book/book';
import { readBook } from '../../analytics/io/read-book';
import { writeBook } from '../../analytics/io/write-book';
import { runCli, tempDir } from '../cli/cli-harness';

async function bookFile(): Promise<string> {
  const book = emptyBook('en-US');
  book.tables.Accounts!.rows.push(
    { AccountId: 'CASH', Name: 'Petty cash', Kind: 'cash', OpeningBalance: '100.00', OpeningDate: '2024-01-01' },
    { AccountId: 'BANK', Name: 'Test bank', Kind: 'bank', OpeningBalance: '0.00', OpeningDate: '2024-01-01' },
  );
  book.tables.Customers!.rows.push({ CustomerId: 'C0001', Name: '测试客户甲', Status: 'active' });
  const file = path.join(tempDir(), 'book.xlsx');
  await writeBook(file, book);
  return file;
}

describe('cashbook record and reverse', () => {
  it('records an entry, then reverses it, leaving the balance where it started', async () => {
    const file = await bookFile();
    const recorded = await runCli(['record', file, '--date', '2024/2/3', '--account', 'CASH', '--in', '0.10', '--summary', '收测试货款', '--customer', 'C0001', '--json']);
    expect(recorded.code).toBe(0);
    expect(JSON.parse(recorded.out)).toMatchObject({ entryId: 'J000001', voucher: '记-0001', date: '2024-02-03', balance: '100.10' });

    const reversed = await runCli(['reverse', file, 'J000001', '--reason', '录错客户']);
    expect(reversed.code).toBe(0);
    const { book } = await readBook(file);
    expect(book.tables.Journal!.rows.map((r) => [r.EntryId, r.Inflow, r.Balance, r.Status])).toEqual([
      ['J000001', '0.10',  '100.10', 'reversed'],
      ['J000002', '-0.10', '100.00', 'reversal'],
    ]);
    expect(book.tables.AuditLog!.rows.map((r) => r.Action)).toEqual(['record', 'reverse']);
  });

  it('refuses an entry with exit 2 and leaves the file byte-identical', async () => {
    const file = await bookFile();
    const before = fs.readFileSync(file);
    const run = await runCli(['record', file, '--date', '2024-02-30', '--account', 'CASH', '--out', '5', '--summary', 'x']);
    expect(run.code).toBe(2);
    expect(run.err).toContain("date '2024-02-30' is not a real date");
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('keeps summaries that start with = or - as text, and the amount as an amount (case E3)', async () => {
    const file = await bookFile();
    expect((await runCli(['record', file, '--date', '2024-02-03', '--account', 'CASH', '--out', '35.00', '--summary', '=HYPERLINK("http://example.invalid","点击")'])).code).toBe(0);
    expect((await runCli(['record', file, '--date', '2024-02-04', '--account', 'CASH', '--out', '20.00', '--summary=-退款冲销'])).code).toBe(0);
    const { book } = await readBook(file);
    expect(book.tables.Journal!.rows.map((r) => [r.Summary, r.Outflow, r.Balance])).toEqual([
      ['=HYPERLINK("http://example.invalid","点击")', '35.00',  '65.00'],
      ['-退款冲销',                                    '20.00',  '45.00'],
    ]);
  });

  it('records a transfer between two accounts under one voucher with --to', async () => {
    const file = await bookFile();
    const run = await runCli(['record', file, '--date', '2024-02-01', '--account', 'CASH', '--out', '60', '--to', 'BANK', '--summary', '现金存行', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ voucher: '记-0001', entryIds: ['J000001', 'J000002'], balances: { CASH: '40.00', BANK: '60.00' } });
  });

  it('asks for exactly one of --in and --out', async () => {
    const run = await runCli(['record', 'x.xlsx', '--date', '2024-02-03', '--account', 'CASH', '--summary', 'x']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('usage: cashbook record');
  });
});
