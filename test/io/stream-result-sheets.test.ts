/**
 * A large book is read and written back by streaming. Result sheets Cashbook wrote earlier
 * (last month's 调节表) are read back with it, so writing the book keeps them; before, a
 * second month's reconcile of a large book was refused rather than drop the first month's
 * sheet (found by the red team). A sheet that is not plainly Cashbook's is still left alone.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { emptyBook } from '../../analytics/book/book';
import type { Book, ResultSheet } from '../../analytics/book/types';
import { streamReadBook } from '../../analytics/io/stream-read-book';
import { streamWriteBook } from '../../analytics/io/stream-write-book';
import { writeBook } from '../../analytics/io/write-book';
import { generateBook } from '../../bench/generate';
import { runCli } from '../cli/cli-harness';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-results-'));

/** A sheet with a column of each type a result sheet uses. */
const SHEET: ResultSheet = {
  name: '调节表 BANK1 2025-01',
  columns: [
    { header: '项目', type: 'text' },
    { header: '金额', type: 'amount' },
    { header: '日期', type: 'date' },
    { header: '编制时间', type: 'datetime' },
    { header: '笔数', type: 'integer' },
    { header: '已核对', type: 'boolean' },
  ],
  rows: [
    ['银行存款日记账余额', '1234567.80', '2025-01-31', '2025-02-01 09:30:00', 12, true],
    ['加：银行已收企业未收', '-0.05', '2025-01-15', '2025-02-01 09:30:05', 0, false],
    ['备注', null, null, null, null, null],
  ],
};

function bookWith(sheet: ResultSheet): Book {
  const book = emptyBook('zh-CN');
  book.tables.Accounts!.rows = [{ AccountId: 'BANK1', Name: '基本户', Kind: 'bank', OpeningBalance: '0.00' }];
  book.sheets = { [sheet.name]: sheet };
  return book;
}

// What a reader can tell of a sheet's types: integers are numbers, as both writers write them.
const asRead = (sheet: ResultSheet): ResultSheet => ({ ...sheet, columns: sheet.columns.map((c) => ({ ...c, type: c.type === 'integer' ? 'number' : c.type })) });

describe('streamReadBook reads back the result sheets Cashbook wrote', () => {
  it('from the streaming writer, every cell and column type', async () => {
    const file = path.join(dir, 'stream.xlsx');
    await streamWriteBook(file, bookWith(SHEET));
    expect((await streamReadBook(file)).book.sheets).toEqual({ [SHEET.name]: asRead(SHEET) });
  });

  it('writes them back as they were', async () => {
    const first = path.join(dir, 'first.xlsx');
    const again = path.join(dir, 'again.xlsx');
    await streamWriteBook(first, bookWith(SHEET));
    await streamWriteBook(again, (await streamReadBook(first)).book);
    expect((await streamReadBook(again)).book.sheets).toEqual({ [SHEET.name]: asRead(SHEET) });
  });

});

/** Parts of the streamed book with SHEET that an edit in Excel would touch. */
interface Parts {
  workbook: string;
  sheet: string;
  rels: string;
}

/** The streamed book with SHEET (written last, after the 15 tables), its parts changed by `edit`. */
async function edited(name: string, edit: (parts: Parts) => Partial<Parts>): Promise<string> {
  const file = path.join(dir, `${name}.xlsx`);
  await streamWriteBook(file, bookWith(SHEET));
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const at = `${Object.keys(bookWith(SHEET).tables).length + 1}`;
  const where: Parts = { workbook: 'xl/workbook.xml', sheet: `xl/worksheets/sheet${at}.xml`, rels: `xl/worksheets/_rels/sheet${at}.xml.rels` };
  const parts = { workbook: '', sheet: '', rels: '' };
  for (const k of ['workbook', 'sheet', 'rels'] as const) parts[k] = await zip.file(where[k])!.async('string');
  expect(parts.sheet).toContain('<row r="2">'); // the result sheet's part
  for (const [k, text] of Object.entries(edit(parts))) zip.file(where[k as keyof Parts], text);
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
  return file;
}

describe('streamReadBook leaves alone a result sheet anyone changed', () => {
  it('reads back the untouched one (the edits below start from it)', async () => {
    const file = await edited('untouched', () => ({}));
    expect(Object.keys((await streamReadBook(file)).book.sheets ?? {})).toEqual([SHEET.name]);
  });

  const cases: [string, (p: Parts) => Partial<Parts>][] = [
    ['a note typed beside the table', (p) => ({ sheet: p.sheet.replace('</row><row r="3">', '<c r="H2" t="inlineStr"><is><t>已核</t></is></c></row><row r="3">') })],
    ['a blank row inserted above it', (p) => ({ sheet: p.sheet.replace(/<row r="(\d+)">/g, (_, r) => `<row r="${Number(r) + 1}">`) })],
    ['the sheet hidden', (p) => ({ workbook: p.workbook.replace(`name="${SHEET.name}"`, `name="${SHEET.name}" state="hidden"`) })],
    ['a comment on it', (p) => ({ rels: p.rels.replace('</Relationships>', '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/></Relationships>') })],
    ['a cell far past the last column', (p) => ({ sheet: p.sheet.replace('<row r="1">', '<row r="1"><c r="ZZZZZZ1" t="inlineStr"><is><t>x</t></is></c>') })],
  ];
  it.each(cases)('%s', async (label, change) => {
    const file = await edited(label.replace(/\W+/g, '-'), change);
    expect((await streamReadBook(file)).book.sheets).toBeUndefined();
  });

  it('leaves alone what the in-memory (ExcelJS) writer wrote, a user\'s own sheet and table, and a charted sheet', async () => {
    const file = path.join(dir, 'mixed.xlsx');
    await writeBook(file, bookWith(SHEET));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.addWorksheet('My notes').addRow(['a', 1]);
    wb.addWorksheet('My table').addTable({ name: 'R_Budget', ref: 'A1', columns: [{ name: 'Item' }, { name: 'Amount' }], rows: [['rent', 100]] });
    await wb.xlsx.writeFile(file);
    expect((await streamReadBook(file)).book.sheets).toBeUndefined();
    const charted = path.join(dir, 'charted.xlsx');
    const chart = { kind: 'column' as const, title: { 'zh-CN': '金额', 'en-US': 'Amount' }, category: '项目', series: ['金额'] };
    await writeBook(charted, bookWith({ ...SHEET, charts: [chart] }));
    expect((await streamReadBook(charted)).book.sheets).toBeUndefined();
  });
});

describe('cashbook reconcile on a book large enough to stream', () => {
  it('takes a second month, keeping the first month\'s 调节表', async () => {
    const file = path.join(dir, 'large.xlsx');
    await streamWriteBook(file, generateBook(45_000, 11));
    expect(fs.statSync(file).size).toBeGreaterThanOrEqual(4 * 1024 * 1024); // streamed on read
    const first = await runCli(['reconcile', file, '--account', 'BANK1', '--period', '2025-01']);
    expect(first.err).not.toContain('would-drop-sheets');
    const second = await runCli(['reconcile', file, '--account', 'BANK1', '--period', '2025-02']);
    expect(second.err).not.toContain('would-drop-sheets');
    expect([first.code, second.code]).toEqual([0, 0]);
    const { book } = await streamReadBook(file);
    const names = Object.keys(book.sheets ?? {});
    expect(names.filter((n) => n.includes('BANK1 2025-0'))).toHaveLength(2);
    expect(book.tables.Reconciliation!.rows.map((r) => r.Period)).toEqual(['2025-01', '2025-02']);
  }, 120_000);
});
