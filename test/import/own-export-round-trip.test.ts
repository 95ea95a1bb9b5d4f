import { emptyBook } from '../../analytics/book/book';
import { importStatement } from '../../analytics/import/import-statement';
import { readStatementFile } from '../../analytics/import/read-statement-file';
import { encodeCsv } from '../../analytics/io/format-csv';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

const CTX = { now: '2024-06-30 10:00:00', user: 'cashier', lang: 'zh-CN' as const };

// Case E3: our export guards text that starts with = + - @ with a quote; reading it back removes it.
const E3_ROWS = [
  ['2024-06-03', '=HYPERLINK("http://example.invalid","点击")', '测试客户乙', '-350.00'],
  ['2024-06-03', '+86 测试电话费', '测试运营商', '-99.50'],
  ['2024-06-04', '@SUM(1+1)', '测试客户丙', '1200.00'],
  ['2024-06-04', '-退款冲销', '测试客户丁', '-20.00'],
];
const columns = [
  { header: '日期', type: 'date' as const },
  { header: '摘要', type: 'text' as const },
  { header: '对方户名', type: 'text' as const },
  { header: '金额', type: 'amount' as const },
];

describe('importing our own CSV export', () => {
  it('gives back the descriptions and counterparties exactly as they were, and the amounts untouched', async () => {
    const bytes = encodeCsv(columns, E3_ROWS);
    expect(new TextDecoder().decode(bytes)).toContain("'=HYPERLINK");
    const book = emptyBook('zh-CN');
    book.tables.Accounts!.rows = [{ AccountId: 'BANK', Name: '银行', Kind: 'bank', Currency: 'CNY', OpeningBalance: '0.00' }];
    const r = await importStatement(book, [{ name: 'export.csv', bytes }], { accountId: 'BANK' }, CTX);
    const rows = (r.changes.find((c) => c.op === 'append' && c.table === 'Statement') as { rows: Record<string, unknown>[] }).rows;
    expect(rows.map((x) => x.Description)).toEqual(E3_ROWS.map((x) => x[1]));
    expect(rows.map((x) => x.Amount)).toEqual(['-350.00', '-99.50', '1200.00', '-20.00']);
    expect(r.summary.total).toBe('730.50');
  });
});

describe('reading a statement workbook', () => {
  it('refuses a workbook carrying a DOCTYPE before ExcelJS parses it, naming the file', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').addRows([['日期', '金额'], ['2024-06-01', 5]]);
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    zip.file('xl/worksheets/sheet1.xml', sheet.replace('<worksheet', '<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet'));
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
    const read = await readStatementFile(bytes, 'evil.xlsx');
    expect(read.lines).toEqual([]);
    expect(read.problems[0].message).toMatch(/evil\.xlsx.*DOCTYPE/i);
  });
});
