import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { emptyBook } from '../../analytics/book/book';
import { readBook } from '../../analytics/io/read-book';
import { writeBook } from '../../analytics/io/write-book';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-io-'));

describe('writeBook then readBook', () => {
  it('keeps text that starts with = as text and a 16-digit account number exactly', async () => {
    const book = emptyBook('zh-CN');
    book.tables.Journal!.rows.push({
      EntryId: 'J1', Date: '2024-04-02', Voucher: '记-0001', AccountId: 'BANK1', CustomerId: null,
      Summary: '=HYPERLINK("http://example.invalid","点击")', CounterAccount: null, Method: null,
      Reference: '6217001234567891', Inflow: null, Outflow: '1200.00', Balance: '-1200.00', Status: 'posted',
      ReversalOf: null, Source: null, RowHash: null,
    });
    const file = path.join(tmp(), 'book.xlsx');
    await writeBook(file, book);
    const { book: back, problems } = await readBook(file);
    expect(problems).toEqual([]);
    const row = back.tables.Journal!.rows[0];
    expect(row.Summary).toBe('=HYPERLINK("http://example.invalid","点击")');
    expect(row.Reference).toBe('6217001234567891');
    expect(row.Outflow).toBe('1200.00');
    expect(row.Date).toBe('2024-04-02');
  });

  it('keeps an unknown extra column through a round trip', async () => {
    const book = emptyBook('en-US');
    book.tables.Customers!.columns.push('Region');
    book.tables.Customers!.rows.push({ CustomerId: 'C1', Name: 'Test Co', Region: 'North' });
    const file = path.join(tmp(), 'book.xlsx');
    await writeBook(file, book);
    const { book: back } = await readBook(file);
    expect(back.tables.Customers!.columns).toContain('Region');
    expect(back.tables.Customers!.rows[0].Region).toBe('North');
  });
});
