import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { emptyBook } from '../../analytics/book/book';
import { coerceCell } from '../../analytics/book/coerce-cell';
import { SCHEMA } from '../../analytics/book/schema';
import type { Book, Row } from '../../analytics/book/types';
import { readBook } from '../../analytics/io/read-book';
import { problemText } from '../../analytics/util/problem';
import { writeBook } from '../../analytics/io/write-book';
import { amountOfNumber, streamReadBook } from '../../analytics/io/stream-read-book';
import { streamWriteBook } from '../../analytics/io/stream-write-book';
import { readSheetRows } from '../../analytics/io/sheet-xml-reader';
import { generateBook } from '../../bench/generate';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-stream-'));
const file = (name: string) => path.join(dir, name);

/** A small generated book plus the awkward cells a real book has. */
function makeBook(lang: 'zh-CN' | 'en-US' = 'zh-CN'): Book {
  const book = generateBook(200, 7);
  book.lang = lang;
  const j = book.tables.Journal!;
  j.columns.push('Region');
  j.rows[0] = { ...j.rows[0], Summary: '=HYPERLINK("http://example.invalid")', Reference: '6217001234567891', Region: 'North' };
  j.rows[1] = { ...j.rows[1], Summary: '  two spaces each side  ', Reference: '007' };
  j.rows[2] = { ...j.rows[2], Summary: 'R&amp;D <b>bold</b> "quoted" 收\u0001款', CustomerId: null };
  j.rows[3] = { ...j.rows[3], Inflow: '12.345' };
  book.tables.Exceptions!.rows = [{ FindingId: 'F1', Rule: 'large-value', Severity: 'high', Amount: '-50000.00', Date: '2025-03-01', FirstSeen: '2025-03-02 09:15:00', Active: true, Status: 'open' }];
  book.tables.Feedback!.rows = [{ Id: 'FB1', CustomerId: 'C000001', Date: '2025-01-05', Score: 4, Text: '多行\n文本' }];
  book.tables.Notebook!.rows = [{ CellId: 'N1', Kind: 'income-by-month', Title: '月度收支', Params: '{"months":12}' }];
  return book;
}

describe('streamWriteBook', () => {
  it('writes a file that readBook reads as the same book writeBook gives', async () => {
    const book = makeBook();
    await writeBook(file('dom.xlsx'), book);
    await streamWriteBook(file('stream.xlsx'), book);
    const viaDom = await readBook(file('dom.xlsx'));
    const viaStream = await readBook(file('stream.xlsx'));
    expect(viaStream.problems).toEqual(viaDom.problems);
    expect(viaStream.book).toEqual(viaDom.book);
  });

  it('names each sheet\'s Excel table after the schema, over the header and every row', async () => {
    const book = makeBook('en-US');
    await streamWriteBook(file('tables.xlsx'), book);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file('tables.xlsx'));
    const journal = wb.getWorksheet('Journal')!;
    const table = journal.getTable('Journal') as unknown as { model: { tableRef: string } };
    expect(table.model.tableRef).toBe(`A1:Q${book.tables.Journal!.rows.length + 1}`);
    expect(wb.getWorksheet('Customers')).toBeDefined();
  });

  it('gives amount, date, datetime and text cells the number formats writeBook gives', async () => {
    const book = makeBook('en-US');
    await writeBook(file('fmt-dom.xlsx'), book);
    await streamWriteBook(file('fmt-stream.xlsx'), book);
    const formats = async (f: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
      const j = wb.getWorksheet('Journal')!.getRow(2);
      const x = wb.getWorksheet('Exceptions')!.getRow(2);
      return [j.getCell(2).numFmt, j.getCell(11).numFmt || j.getCell(10).numFmt, j.getCell(12).numFmt, j.getCell(1).numFmt, x.getCell(12).numFmt];
    };
    expect(await formats(file('fmt-stream.xlsx'))).toEqual(await formats(file('fmt-dom.xlsx')));
  });

  it('keeps dates right in a 1904-based workbook', async () => {
    const book = emptyBook('en-US');
    book.date1904 = true;
    book.tables.Journal!.rows = [{ EntryId: 'J1', Date: '2024-02-29', AccountId: 'BANK1', Inflow: '1.00' }];
    await streamWriteBook(file('1904.xlsx'), book);
    const { book: back } = await readBook(file('1904.xlsx'));
    expect(back.date1904).toBe(true);
    expect(back.tables.Journal!.rows[0].Date).toBe('2024-02-29');
  });

  it('leaves the old file in place when a sheet has more rows than Excel allows', async () => {
    fs.writeFileSync(file('keep.xlsx'), 'old');
    const book = emptyBook('en-US');
    // Only the count matters: the writer refuses before it reads a single row.
    book.tables.Journal!.rows = { length: 1_048_576 } as unknown as Row[];
    await expect(streamWriteBook(file('keep.xlsx'), book)).rejects.toMatchObject({ code: 'too-many-rows' });
    expect(fs.readFileSync(file('keep.xlsx'), 'utf8')).toBe('old');
  });
});

describe('streamReadBook', () => {
  it('reads a writeBook file as the same book and problems as readBook', async () => {
    await writeBook(file('r-dom.xlsx'), makeBook());
    const viaDom = await readBook(file('r-dom.xlsx'));
    const viaStream = await streamReadBook(file('r-dom.xlsx'));
    expect(viaStream.problems).toEqual(viaDom.problems);
    expect(viaStream.book).toEqual(viaDom.book);
  });

  it('reads its own streamed file back as the book that was written', async () => {
    const book = makeBook('en-US');
    await streamWriteBook(file('own.xlsx'), book);
    const viaDom = await readBook(file('own.xlsx'));
    const viaStream = await streamReadBook(file('own.xlsx'));
    expect(viaStream.book).toEqual(viaDom.book);
    expect(viaStream.book.tables.Journal!.rows[2].Summary).toBe('R&amp;D <b>bold</b> "quoted" 收款');
  });

  it('reports a bad cell with the same file, sheet, row and column as readBook', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('日记账');
    ws.addRow(SCHEMA.Journal.columns.map((c) => c.header['zh-CN']));
    ws.addRow(['J1', '2025-13-45', null, 'BANK1', null, '摘要', null, null, null, 'abc', null]);
    ws.addRow(['J2', 45658, null, 'BANK1', null, { richText: [{ text: '富' }, { text: '文本' }] }, null, null, 1234567890123456, { formula: 'A1' }, null]);
    await wb.xlsx.writeFile(file('bad.xlsx'));
    const viaDom = await readBook(file('bad.xlsx'));
    const viaStream = await streamReadBook(file('bad.xlsx'));
    expect(viaStream.problems.length).toBeGreaterThan(2);
    expect(viaStream.problems).toEqual(viaDom.problems);
    expect(viaStream.book.tables.Journal).toEqual(viaDom.book.tables.Journal);
  });

  it('says book-reading problems in Chinese and English, both readers alike', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('日记账');
    // No 账户 (AccountId) column, a date that is none, and a fifth cell past Excel's limit.
    const columns = SCHEMA.Journal.columns.filter((c) => c.key !== 'AccountId');
    ws.addRow(columns.map((c) => c.header['zh-CN']));
    ws.addRow(['J1', '2025-13-45', null, null, 'x'.repeat(32_768)]);
    await wb.xlsx.writeFile(file('zh-problems.xlsx'));
    const viaDom = await readBook(file('zh-problems.xlsx'));
    const viaStream = await streamReadBook(file('zh-problems.xlsx'));
    expect(viaStream.problems).toEqual(viaDom.problems);
    const account = SCHEMA.Journal.columns.find((c) => c.key === 'AccountId')!.header;
    const fifth = columns[4].header['zh-CN'];
    const said = viaDom.problems.map((p) => [p.code, problemText(p)['zh-CN'], problemText(p)['en-US']]);
    expect(said).toEqual(
      expect.arrayContaining([
        ['missing-column', `zh-problems.xlsx，工作表 日记账，第 1 行：日记账（Journal）表缺少必需的列 ${account['zh-CN']}（${account['en-US']}）`, `zh-problems.xlsx, sheet 日记账, row 1: table Journal has no column ${account['en-US']} / ${account['zh-CN']}`],
        ['bad-cell', 'zh-problems.xlsx，工作表 日记账，第 2 行，列 日期：“2025-13-45”不是日期', "zh-problems.xlsx, sheet 日记账, row 2, column 日期: '2025-13-45' is not a date"],
        ['cell-too-long', `zh-problems.xlsx，工作表 日记账，第 2 行，列 ${fifth}：单元格有 32768 个字符，超过 Excel 上限 32767`, `zh-problems.xlsx, sheet 日记账, row 2, column ${fifth}: the cell holds 32768 characters, more than Excel's 32767`],
      ]),
    );
  });

  it('refuses a file that is not a ZIP package', async () => {
    fs.writeFileSync(file('not.xlsx'), 'Date,Amount\n2025-01-01,1.00\n');
    await expect(streamReadBook(file('not.xlsx'))).rejects.toMatchObject({ code: 'not-a-workbook' });
  });
});

describe('amountOfNumber', () => {
  it('gives what coerceCell gives for every number it accepts', () => {
    const amount = SCHEMA.Journal.columns.find((c) => c.key === 'Inflow')!;
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1e12, max: 1e12 }).map((n) => n / 100), fc.double({ noNaN: true })), (n) => {
        const fast = amountOfNumber(n);
        if (fast === undefined) return true;
        const slow = coerceCell(amount, n);
        return slow.ok && slow.value === fast;
      }),
    );
  });
});

describe('readSheetRows', () => {
  const sheet = (xml: string) => (async function* () { yield Buffer.from(xml, 'utf8'); })();
  const options = { sharedStrings: ['共享', 'shared'], dateStyles: [false, true], date1904: false };

  it('reads cells of a sheet written with a namespace prefix and without cell references', async () => {
    const xml = '<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row><x:c t="s"><x:v>1</x:v></x:c><x:c s="1"><x:v>45658</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t>a&amp;</x:t></x:r><x:r><x:t>b</x:t></x:r></x:is></x:c></x:row></x:sheetData></x:worksheet>';
    const rows = [];
    for await (const r of readSheetRows(sheet(xml), options)) rows.push(r);
    expect(rows).toEqual([{ number: 1, cells: [undefined, { value: 'shared' }, { value: 45658, dateStyled: true }, { value: 'a&b' }] }]);
  });
});

describe('streamReadBook on hostile files', () => {
  it('refuses a sheet that declares a DOCTYPE', async () => {
    const { ZipWriter } = await import('../../analytics/io/zip-writer');
    const target = file('doctype.xlsx');
    const out = fs.createWriteStream(target);
    const zip = new ZipWriter(out);
    await zip.addEntry('xl/workbook.xml', '<workbook xmlns:r="r"><sheets><sheet name="Journal" sheetId="1" r:id="rId1"/></sheets></workbook>');
    await zip.addEntry('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>');
    await zip.addEntry('xl/worksheets/sheet1.xml', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>&a;</t></is></c></row></sheetData></worksheet>');
    await zip.finish();
    await expect(streamReadBook(target)).rejects.toMatchObject({ code: 'xml-doctype' });
  });
});
