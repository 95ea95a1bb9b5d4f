/** Cases E1, E2, E3 (xlsx side), E5 and E6 from the workbook cases, on tiny raw .xlsx files. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { emptyBook } from '../../analytics/book/book';
import { recomputeBalances } from '../../analytics/journal/recompute-balances';
import { readBook } from '../../analytics/io/read-book';
import { writeBook } from '../../analytics/io/write-book';
import { Decimal, sumAmounts } from '../../analytics/money/decimal';
import { makeRawXlsx } from '../fuzz/raw-xlsx';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-cases-'));
let n = 0;
const put = (bytes: Uint8Array) => {
  const file = path.join(dir, `case-${++n}.xlsx`);
  fs.writeFileSync(file, bytes);
  return file;
};
const sheetXml = async (file: string, sheetName: string) => {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const rid = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*r:id="(rId\\d+)"`).exec(wb)![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1].replace(/^\/?(xl\/)?/, '');
  return { xml: await zip.file(`xl/${target}`)!.async('string'), workbook: wb };
};
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

describe('E1: long account numbers', () => {
  it('writes a 16-digit account number as a text cell with every digit, and the amount as a number', async () => {
    const book = emptyBook('zh-CN');
    book.tables.Statement!.rows.push({ LineId: 'L1', AccountId: 'BANK1', Date: '2024-04-02', Amount: '-1200.00', Counterparty: '测试供应商甲', CounterpartyAccount: '6217001234567891', Description: '付款' });
    const file = path.join(dir, 'e1-export.xlsx');
    await writeBook(file, book);
    const { xml } = await sheetXml(file, '对账单');
    const cols = book.tables.Statement!.columns;
    const letter = (key: string) => String.fromCharCode(65 + cols.indexOf(key));
    const accountCell = new RegExp(`<c r="${letter('CounterpartyAccount')}2"[^>]*>.*?</c>`).exec(xml)![0];
    expect(accountCell).toMatch(/t="(s|inlineStr|str)"/);
    expect(new RegExp(`<c r="${letter('Amount')}2"[^>]*><v>-1200</v></c>`).test(xml)).toBe(true);
    const back = await readBook(file);
    expect(back.book.tables.Statement!.rows[0].CounterpartyAccount).toBe('6217001234567891');
  });

  it('formats the account column as text (@)', async () => {
    const book = emptyBook('en-US');
    book.tables.Statement!.rows.push({ LineId: 'L1', AccountId: 'BANK1', Date: '2024-04-02', Amount: '-1200.00', CounterpartyAccount: '6217001234567891' });
    const file = path.join(dir, 'e1-format.xlsx');
    await writeBook(file, book);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const col = book.tables.Statement!.columns.indexOf('CounterpartyAccount') + 1;
    expect(wb.getWorksheet('Statement')!.getRow(2).getCell(col).numFmt).toBe('@');
  });

  it('reads a shared-string account as text and flags a 16-digit numeric one without using it', async () => {
    const file = put(await makeRawXlsx({
      sharedStrings: ['<t>行编号</t>', '<t>账户编号</t>', '<t>对方账号</t>', '<t>交易日期</t>', '<t>金额</t>', '<t>6217001234567891</t>'],
      sheets: [{ name: '对账单', rows:
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>' +
        `<row r="5">${inline('A5', 'L5')}${inline('B5', 'BANK1')}<c r="C5"><v>6217001234567890</v></c>${inline('D5', '2024-04-02')}<c r="E5"><v>-1200</v></c></row>` +
        `<row r="6">${inline('A6', 'L6')}${inline('B6', 'BANK1')}<c r="C6" t="s"><v>5</v></c>${inline('D6', '2024-04-02')}<c r="E6"><v>-1200</v></c></row>` }],
    }));
    const { book, problems } = await readBook(file);
    expect(book.tables.Statement!.rows.map((r) => r.CounterpartyAccount)).toEqual([null, '6217001234567891']);
    expect(problems.map((p) => [p.code, p.row, p.column])).toEqual([['id-as-number', 5, '对方账号']]);
    expect(problems[0].message).toContain('6217001234567890');
    expect(problems[0].message).not.toMatch(/E\+15/);
  });
});

describe('E2: the 1904 date system', () => {
  const journal1904 = (date1904: boolean, serial: number) =>
    makeRawXlsx({
      date1904,
      sharedStrings: ['<t>EntryId</t>', '<t>Date</t>', '<t>AccountId</t>', '<t>Outflow</t>', '<t>Summary</t>'],
      sheets: [{ name: 'Journal', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>' + `<row r="2">${inline('A2', 'J1')}<c r="B2" s="1"><v>${serial}</v></c>${inline('C2', 'BANK1')}<c r="D2"><v>88</v></c>${inline('E2', '测试摘要')}</row>` }],
    });

  it('reads serial 43830 in a date1904 workbook as 2024-01-01', async () => {
    const { book } = await readBook(put(await journal1904(true, 43830)));
    expect(book.date1904).toBe(true);
    expect(book.tables.Journal!.rows[0].Date).toBe('2024-01-01');
  });

  it('reads serial 45292 in a 1900 workbook as 2024-01-01', async () => {
    const { book } = await readBook(put(await journal1904(false, 45292)));
    expect(book.tables.Journal!.rows[0].Date).toBe('2024-01-01');
  });

  it('writes 2024-01-01 back into a date1904 workbook as 43830', async () => {
    const file = put(await journal1904(true, 43830));
    const read = await readBook(file);
    await writeBook(file, read.book, { workbook: read.workbook, tables: ['Journal'] });
    const { xml, workbook } = await sheetXml(file, 'Journal');
    expect(workbook).toMatch(/<workbookPr[^>]*date1904="1"/);
    expect(xml).toMatch(/<c r="B2"[^>]*><v>43830<\/v><\/c>/);
    expect((await readBook(file)).book.tables.Journal!.rows[0].Date).toBe('2024-01-01');
  });
});

describe('E3: formula-looking text in an xlsx export', () => {
  it('writes text as string cells with no formula, and amounts as numbers totalling 730.50', async () => {
    const book = emptyBook('zh-CN');
    const lines = [
      ['=HYPERLINK("http://example.invalid","点击")', '测试客户乙', '-350.00'],
      ['+86 测试电话费', '测试运营商', '-99.50'],
      ['@SUM(1+1)', '测试客户丙', '1200.00'],
      ['-退款冲销', '测试客户丁', '-20.00'],
    ];
    lines.forEach(([desc, who, amount], i) => book.tables.Statement!.rows.push({ LineId: `L${i + 1}`, AccountId: 'BANK1', Date: '2024-06-03', Description: desc, Counterparty: who, Amount: amount }));
    const file = path.join(dir, 'e3.xlsx');
    await writeBook(file, book);
    const { xml } = await sheetXml(file, '对账单');
    expect(xml).not.toContain('<f>');
    const back = (await readBook(file)).book.tables.Statement!.rows;
    expect(back.map((r) => r.Description)).toEqual(lines.map((l) => l[0]));
    expect(sumAmounts(back.map((r) => new Decimal(String(r.Amount)))).toFixed(2)).toBe('730.50');
  });
});

describe('E5: formula cells', () => {
  // A Journal sheet whose Balance column holds formulas: E3 cached, E4 a shared child with a
  // cached value, E5 a shared child never calculated.
  const file = async () =>
    put(await makeRawXlsx({
      sharedStrings: ['<t>EntryId</t>', '<t>Date</t>', '<t>Inflow</t>', '<t>Outflow</t>', '<t>Balance</t>', '<t>AccountId</t>'],
      sheets: [{ name: 'Journal', rows:
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>' +
        `<row r="3">${inline('A3', 'J3')}<c r="B3"><v>45383</v></c><c r="C3"><v>500</v></c><c r="D3"><v>0</v></c><c r="E3"><f t="shared" ref="E3:E5" si="0">E2+C3-D3</f><v>10500</v></c>${inline('F3', 'CASH')}</row>` +
        `<row r="4">${inline('A4', 'J4')}<c r="B4"><v>45384</v></c><c r="C4"><v>0</v></c><c r="D4"><v>2300</v></c><c r="E4"><f t="shared" si="0"/><v>8200</v></c>${inline('F4', 'CASH')}</row>` +
        `<row r="5">${inline('A5', 'J5')}<c r="B5"><v>45385</v></c><c r="C5"><v>0</v></c><c r="D5"><v>200</v></c><c r="E5"><f t="shared" si="0"/></c>${inline('F5', 'CASH')}</row>` }],
      parts: {},
    }));

  it('reads cached results as amounts and flags the formula with no saved value', async () => {
    const { book, problems } = await readBook(await file());
    expect(book.tables.Journal!.rows.map((r) => r.Balance)).toEqual(['10500.00', '8200.00', null]);
    expect(problems.map((p) => [p.code, p.row, p.column])).toEqual([['formula-without-value', 5, 'Balance']]);
  });

  it('recomputes the missing balance from the rule: 8200 − 200 = 8000', async () => {
    const { book } = await readBook(await file());
    book.tables.Accounts = { key: 'Accounts', columns: ['AccountId', 'OpeningBalance'], rows: [{ AccountId: 'CASH', OpeningBalance: '10000.00' }] };
    const r = recomputeBalances(book);
    expect(r.updates).toEqual([{ EntryId: 'J5', Balance: '8000.00' }]);
    expect(r.problems).toEqual([]);
  });
});

describe('E6: rich text', () => {
  const richFile = async () =>
    put(await makeRawXlsx({
      sharedStrings: ['<t>EntryId</t>', '<t>Summary</t>', '<r><rPr><b/><color rgb="FFFF0000"/></rPr><t>货款</t></r><r><t>-测试公司A</t></r>', '<r><rPr><i/></rPr><t>备用金 @1.5</t></r>', '<t>Note</t>'],
      sheets: [
        { name: 'Journal', rows: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2">${inline('A2', 'J2')}${inline('B2', '支付测试房租')}</row><row r="3">${inline('A3', 'J3')}<c r="B3" t="s"><v>2</v></c></row><row r="4">${inline('A4', 'J4')}<c r="B4" t="s"><v>3</v></c></row>` },
        { name: 'Notes', rows: '<row r="1"><c r="A1" t="s"><v>4</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c></row>' },
      ],
    }));

  it('joins the runs of rich text into plain strings', async () => {
    const { book } = await readBook(await richFile());
    expect(book.tables.Journal!.rows.map((r) => r.Summary)).toEqual(['支付测试房租', '货款-测试公司A', '备用金 @1.5']);
  });

  it('keeps the text of rich cells, in our sheets and in sheets we do not own, through a write', async () => {
    const file = await richFile();
    const read = await readBook(file);
    await writeBook(file, read.book, { workbook: read.workbook, tables: ['Journal'] });
    const again = await readBook(file);
    expect(again.book.tables.Journal!.rows.map((r) => r.Summary)).toEqual(['支付测试房租', '货款-测试公司A', '备用金 @1.5']);
    const notes = again.workbook.getWorksheet('Notes')!.getCell('A2').value as { richText: { text: string }[] };
    expect(notes.richText.map((r) => r.text).join('')).toBe('货款-测试公司A');
  });
});
