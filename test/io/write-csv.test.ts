import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Papa from 'papaparse';
import { Decimal, sumAmounts } from '../../analytics/money/decimal';
import { readStatementFile } from '../../analytics/import/read-statement-file';
import { encodeCsv, formatCsv, neutraliseText, restoreNeutralisedText, writeCsv, type CsvColumn } from '../../analytics/io/write-csv';

const E3_COLUMNS: CsvColumn[] = [
  { header: '日期', type: 'date' },
  { header: '摘要', type: 'text' },
  { header: '对方', type: 'text' },
  { header: '金额', type: 'amount' },
];
// prettier-ignore
const E3_ROWS = [
  ['2024-06-03', '=HYPERLINK("http://example.invalid","点击")', '测试客户乙', '-350.00'],
  ['2024-06-03', '+86 测试电话费',                               '测试运营商', '-99.50'],
  ['2024-06-04', '@SUM(1+1)',                                    '测试客户丙', '1200.00'],
  ['2024-06-04', '-退款冲销',                                     '测试客户丁', '-20.00'],
];

function parseBack(bytes: Uint8Array): string[][] {
  const text = Buffer.from(bytes).toString('utf8').replace(/^\ufeff/, '');
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

describe('formatCsv', () => {
  it('puts an apostrophe before text cells that start with = + - @', () => {
    const lines = formatCsv(E3_COLUMNS, E3_ROWS).split('\r\n');
    expect(lines.slice(1, 5)).toEqual([
      `2024-06-03,"'=HYPERLINK(""http://example.invalid"",""点击"")",测试客户乙,-350.00`,
      `2024-06-03,'+86 测试电话费,测试运营商,-99.50`,
      `2024-06-04,'@SUM(1+1),测试客户丙,1200.00`,
      `2024-06-04,'-退款冲销,测试客户丁,-20.00`,
    ]);
  });

  it('leaves amounts untouched, so they still total 730.50', () => {
    const back = parseBack(encodeCsv(E3_COLUMNS, E3_ROWS)).slice(1);
    expect(back.map((r) => r[3])).toEqual(['-350.00', '-99.50', '1200.00', '-20.00']);
    expect(sumAmounts(back.map((r) => new Decimal(r[3]))).toFixed(2)).toBe('730.50');
  });

  it('gives the exact text back once our apostrophe is removed', () => {
    const back = parseBack(encodeCsv(E3_COLUMNS, E3_ROWS)).slice(1);
    expect(back.map((r) => restoreNeutralisedText(r[1]))).toEqual(E3_ROWS.map((r) => r[1]));
  });

  it.each([
    ['plain text', '支付测试房租'],
    ['a leading tab', '\t制表'],
    ['a leading carriage return', '\r回车'],
    ['an apostrophe that the user typed before =', "'=已有引号"],
    ['two apostrophes before -', "''-两个引号"],
    ['an apostrophe before ordinary text', "'普通"],
  ])('round-trips text with %s', (_, text) => {
    expect(restoreNeutralisedText(neutraliseText(text))).toBe(text);
  });

  it('starts with exactly one UTF-8 BOM followed by 日期', () => {
    const bytes = encodeCsv([{ header: '\ufeff日期', type: 'date' }, { header: '摘要', type: 'text' }, { header: '金额', type: 'amount' }], [['2024-06-30', '测试未达账项', '-100.00']]);
    expect(Buffer.from(bytes.subarray(0, 9)).toString('hex')).toBe('efbbbfe697a5e69c9f');
    expect(Buffer.from(bytes).toString('utf8').slice(1)).not.toMatch(/\ufeff|%EF%BB%BF/i);
  });

  it('ends every row with CRLF', () => {
    const text = formatCsv([{ header: '日期', type: 'date' }, { header: '金额', type: 'amount' }], [['2024-06-30', '-100.00']]);
    expect(text).toBe('\ufeff日期,金额\r\n2024-06-30,-100.00\r\n');
  });
});

describe('readStatementFile on our CSV export', () => {
  it('reads the header 日期 and the amount -100.00', async () => {
    const bytes = encodeCsv([{ header: '日期', type: 'date' }, { header: '摘要', type: 'text' }, { header: '金额', type: 'amount' }], [['2024-06-30', '测试未达账项', '-100.00']]);
    const r = await readStatementFile(bytes, 'outstanding.csv');
    expect(r.lines.map((l) => [l.date, String(l.amount), l.description])).toEqual([['2024-06-30', '-100.00', '测试未达账项']]);
  });
});

describe('writeCsv', () => {
  it('writes the same bytes encodeCsv gives, atomically', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-csv-')), 'out.csv');
    const cols: CsvColumn[] = [{ header: '日期', type: 'date' }, { header: '金额', type: 'amount' }];
    writeCsv(file, cols, [['2024-06-30', '-100.00']]);
    expect(Buffer.compare(fs.readFileSync(file), Buffer.from(encodeCsv(cols, [['2024-06-30', '-100.00']])))).toBe(0);
  });
});
