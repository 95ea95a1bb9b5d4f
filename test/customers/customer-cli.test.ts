import ExcelJS from 'exceljs';
import * as path from 'node:path';
import { writeBook } from '../../analytics/io/write-book';
import { runCli, tempDir } from '../cli/cli-harness';
import { AS_OF, makeCustomerBook } from './customer-book';

async function bookFile(): Promise<string> {
  const file = path.join(tempDir(), 'book.xlsx');
  const book = makeCustomerBook();
  // A Score of 'x' would stop the reader (an integer column), so the file gets only valid scores
  book.tables.Feedback!.rows = book.tables.Feedback!.rows.filter((f) => f.Id !== 'F5');
  await writeBook(file, book);
  return file;
}

describe('cashbook customer', () => {
  it('prints the 360 view as JSON with the hand-worked balance', async () => {
    const run = await runCli(['customer', await bookFile(), 'C0001', '--as-of', AS_OF, '--json']);
    expect(run.code).toBe(0);
    const view = JSON.parse(run.out);
    expect([view.balance, view.followUpsDue.length, view.satisfaction.average]).toEqual(['1400.00', 1, '4.00']);
  });

  it('prints a readable report in the user\'s language', async () => {
    const run = await runCli(['customer', await bookFile(), 'C0001', '--as-of', AS_OF], 'zh-CN');
    expect(run.out).toContain('截至 2024-06-30: 期初 500.00 + 收入 1,200.00 − 支出 300.00 = 余额 1,400.00');
  });

  it('exits 2 for a customer not in the archive', async () => {
    expect((await runCli(['customer', await bookFile(), 'C9999'])).code).toBe(2);
  });
});

describe('cashbook customer --review', () => {
  it('prints the archive review as JSON and exits 1 when something needs attention', async () => {
    const run = await runCli(['customer', await bookFile(), '--review', '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.out).duplicates).toHaveLength(3);
  });
});

describe('cashbook customer --letters', () => {
  it('writes the account-check letter sheet into the book', async () => {
    const file = await bookFile();
    const run = await runCli(['customer', file, '--letters', '--from', '2024-04-01', '--to', '2024-06-30', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ letters: 3, total: '2750.50' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((w) => w.name)).toContain('对账函');
  });
});
