/**
 * The same notebook gives the same numbers whichever host holds the book: the book in memory
 * (the playground's MemoryHost starts from it), the .xlsx file the CLI reads, and the workbook
 * ExcelHost reads through Office.js (office-addin-mock).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SCHEMA, TABLE_KEYS } from '../../analytics/book/schema';
import type { Book, CommandContext } from '../../analytics/book/types';
import { buildDemoBook } from '../../analytics/demo/build-demo-book';
import { readBook } from '../../analytics/io/read-book';
import { writeBook } from '../../analytics/io/write-book';
import { runNotebook } from '../../analytics/notebook/run-notebook';
import { ExcelHost } from '../../addin/excel/excel-host';
import { tableToGrid } from '../../addin/excel/table-grid';
import { setConsoleLevel } from '../../addin/log';
import { mockWorkbook, runnerFor } from './excel-mock';

setConsoleLevel('error');
const ctx: CommandContext = { now: '2024-03-31 18:00:00', user: 'analyst', lang: 'zh-CN' };
const BUILT_IN = ['daily-funds', 'profit-by-period', 'growth', 'cash-flow', 'top-customers', 'rfm', 'receivable-aging', 'seasonality', 'trend'];

async function numbers(book: Book) {
  const run = await runNotebook(book, ctx);
  return run.cells.filter((c) => BUILT_IN.includes(c.cell.kind)).map((c) => ({ kind: c.cell.kind, rows: c.ok ? c.output.rows : undefined }));
}

describe('the default notebook on the sample book', () => {
  it('gives identical numbers in memory, from the .xlsx file and through ExcelHost', async () => {
    const book = buildDemoBook('zh-CN');

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-nb-')), 'book.xlsx');
    await writeBook(file, book);
    const fromFile = (await readBook(file)).book;

    const mock = mockWorkbook(
      TABLE_KEYS.filter((k) => book.tables[k]).map((k) => {
        const grid = tableToGrid(book, k);
        return { sheet: SCHEMA[k].sheet[book.lang], name: SCHEMA[k].tableName, header: grid.header, body: grid.body, formats: grid.formats };
      }),
    );
    const fromExcel = (await new ExcelHost({ run: runnerFor(mock), isSetSupported: () => true }).readBook()).book;

    const expected = await numbers(book);
    expect([...new Set(expected.map((c) => c.kind))].sort()).toEqual([...BUILT_IN].sort());
    expect(expected.every((c) => (c.rows?.length ?? 0) > 0)).toBe(true);
    expect(await numbers(fromFile)).toEqual(expected);
    expect(await numbers(fromExcel)).toEqual(expected);
  });
});
