import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { emptyBook } from '../../analytics/book/book';
import { openBook, saveBook } from '../../analytics/io/open-book';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-open-'));

function smallBook() {
  const book = emptyBook('en-US');
  book.tables.Journal!.rows = [{ EntryId: 'J1', Date: '2025-03-03', AccountId: 'BANK1', Inflow: '10.00' }];
  return book;
}

describe('openBook', () => {
  it('reads a small file in memory and hands back its ExcelJS workbook', async () => {
    const file = path.join(dir, 'small.xlsx');
    await saveBook(file, smallBook());
    const { workbook, book } = await openBook(file);
    expect(workbook).toBeDefined();
    expect(book.tables.Journal!.rows[0].Inflow).toBe('10.00');
  });

  it('streams a file at or above the size limit and gives the same book', async () => {
    const file = path.join(dir, 'big.xlsx');
    await saveBook(file, smallBook());
    const inMemory = await openBook(file);
    const streamed = await openBook(file, 1);
    expect(streamed.workbook).toBeUndefined();
    expect(streamed.book).toEqual(inMemory.book);
  });
});

describe('saveBook', () => {
  it('streams a book at the row limit and names the sheets of the old workbook it leaves out', async () => {
    const file = path.join(dir, 'kept.xlsx');
    const { workbook } = await openBook(await saveBook(file, smallBook()).then(() => file));
    workbook!.addWorksheet('My notes');
    const result = await saveBook(file, smallBook(), { workbook, streamFromRows: 1 });
    expect(result).toEqual({ mode: 'streaming', droppedSheets: ['My notes'] });
  });

  it('writes a small book in memory, keeping the workbook\'s other sheets', async () => {
    const file = path.join(dir, 'mem.xlsx');
    await saveBook(file, smallBook());
    const { workbook } = await openBook(file);
    workbook!.addWorksheet('My notes');
    expect(await saveBook(file, smallBook(), { workbook })).toEqual({ mode: 'in-memory', droppedSheets: [] });
    expect((await openBook(file)).workbook!.getWorksheet('My notes')).toBeDefined();
  });
});
