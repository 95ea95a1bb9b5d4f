import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bodyOf } from '../../analytics/book/column-rows';
import { DayCells, FenCells, SerialCells } from '../../analytics/book/coded-cells';
import { streamReadBook } from '../../analytics/io/stream-read-book';
import { streamWriteBook } from '../../analytics/io/stream-write-book';
import { generateBook } from '../../bench/generate';
import { makeRawXlsx } from '../fuzz/raw-xlsx';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-columnar-'));

describe('streamReadBook with columnar tables', () => {
  const file = path.join(dir, 'book.xlsx');
  beforeAll(async () => {
    const book = generateBook(5000, 11);
    const j = book.tables.Journal!;
    // Cells a hand-kept sheet has: a blank id, text where a voucher number would be, an
    // extra column, a long number as a reference.
    j.columns.push('Region');
    j.rows[0] = { ...j.rows[0], EntryId: null, Region: 'North' };
    j.rows[1] = { ...j.rows[1], Voucher: '记 12', Reference: '6217001234567891' };
    await streamWriteBook(file, book);
  });

  test('a table asked for as columns holds the rows a plain read gives, never made into rows', async () => {
    const plain = await streamReadBook(file);
    const columnar = await streamReadBook(file, { columnar: ['Journal', 'Statement'], columnarMinRows: 100 });
    expect(columnar.problems).toEqual(plain.problems);
    for (const key of ['Journal', 'Statement'] as const) {
      const body = bodyOf(columnar.book.tables[key]);
      expect(body).toBeDefined();
      expect(columnar.book.tables[key]!.columns).toEqual(plain.book.tables[key]!.columns);
      expect(body!.toRows()).toEqual(plain.book.tables[key]!.rows);
    }
    const journal = bodyOf(columnar.book.tables.Journal)!;
    expect(journal.cellsOf('Date')).toBeInstanceOf(DayCells);
    expect(journal.cellsOf('Inflow')).toBeInstanceOf(FenCells);
    expect(journal.cellsOf('EntryId')).toBeInstanceOf(SerialCells);
    // Tables not asked for stay rows.
    expect(bodyOf(columnar.book.tables.Customers)).toBeUndefined();
    expect(columnar.book.tables.Customers!.rows).toEqual(plain.book.tables.Customers!.rows);
  });

  test('a table with fewer rows than asked for is read as rows', async () => {
    const read = await streamReadBook(file, { columnar: ['Journal'], columnarMinRows: 1_000_000 });
    expect(bodyOf(read.book.tables.Journal)).toBeUndefined();
    expect(read.book.tables.Journal!.rows).toEqual((await streamReadBook(file)).book.tables.Journal!.rows);
  });

  test('rows read before a header row (or under an earlier one) keep their cells, as a plain read gives them', async () => {
    const c = (r: string, v: string) => `<c r="${r}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const header = `<row r="1">${c('A1', 'EntryId')}${c('B1', 'Date')}</row>`;
    const data = (n: number) => `<row r="${n}">${c('A' + n, 'J000000' + n)}${c('B' + n, '2025-12-0' + n)}</row>`;
    for (const [name, rows] of [
      ['data-before-header', data(2) + header + data(3) + data(4)],
      ['header-twice', header + data(2) + header + data(3) + data(4)],
    ]) {
      const raw = path.join(dir, `${name}.xlsx`);
      fs.writeFileSync(raw, await makeRawXlsx({ sheets: [{ name: 'Journal', rows }] }));
      const plain = (await streamReadBook(raw)).book.tables.Journal!;
      for (const columnarMinRows of [1, 100]) {
        const read = (await streamReadBook(raw, { columnar: ['Journal'], columnarMinRows })).book.tables.Journal!;
        expect(read.rows).toEqual(plain.rows);
      }
      expect(plain.rows.map((r) => r.EntryId)).toEqual(name === 'header-twice' ? ['J0000002', 'J0000003', 'J0000004'] : [undefined, 'J0000003', 'J0000004']);
    }
  });
});
