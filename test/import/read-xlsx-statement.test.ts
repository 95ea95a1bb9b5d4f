/**
 * Statement workbooks: the import side of E1 (16-digit account numbers) and E6 (rich-text
 * descriptions). Workbooks are built in memory with ExcelJS.
 */
import ExcelJS from 'exceljs';
import { readStatementFile } from '../../analytics/import/read-statement-file';

async function statementWorkbook(fill: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('明细');
  ws.getCell('A1').value = '测试银行对账单';
  ws.getRow(4).values = ['交易日期', '金额', '对方账号', '摘要'];
  fill(ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readStatementFile on a workbook', () => {
  it('reads a 16-digit account number stored as text exactly', async () => {
    const bytes = await statementWorkbook((ws) => {
      ws.getRow(6).values = ['2024-04-02', -1200, '6217001234567891', '付款'];
    });
    const r = await readStatementFile(bytes, 'bank.xlsx');
    expect(r.format).toBe('xlsx');
    expect(r.lines).toEqual([
      {
        date: '2024-04-02',
        amount: '-1200.00',
        counterpartyAccount: '6217001234567891',
        description: '付款',
        row: 6,
      },
    ]);
  });

  it('flags a 16-digit account number stored as a number and does not use it', async () => {
    const bytes = await statementWorkbook((ws) => {
      ws.getRow(5).values = ['2024-04-02', -1200, 6217001234567890, '付款'];
    });
    const r = await readStatementFile(bytes, 'bank.xlsx');
    expect(r.lines[0].counterpartyAccount).toBeUndefined();
    expect(r.problems.map((p) => [p.code, p.row, p.column])).toEqual([
      ['long-number-id', 5, '对方账号'],
    ]);
    expect(r.problems[0].message).toContain('6217001234567890');
    expect(r.problems[0].message).not.toContain('E+15');
  });

  it('joins rich-text runs of a description in order', async () => {
    const bytes = await statementWorkbook((ws) => {
      ws.getRow(5).values = ['2024-04-02', -100, null, '支付测试房租'];
      ws.getRow(6).values = ['2024-04-03', -200, null, null];
      ws.getCell('D6').value = {
        richText: [
          { text: '货款', font: { bold: true, color: { argb: 'FFFF0000' } } },
          { text: '-测试公司A' },
        ],
      };
      ws.getRow(7).values = ['2024-04-04', -300, null, null];
      ws.getCell('D7').value = { richText: [{ text: '备用金 @1.5', font: { italic: true } }] };
    });
    const r = await readStatementFile(bytes, 'bank.xlsx');
    expect(r.lines.map((l) => l.description)).toEqual([
      '支付测试房租',
      '货款-测试公司A',
      '备用金 @1.5',
    ]);
  });

  it('reads date cells and numeric amounts typed by Excel', async () => {
    const bytes = await statementWorkbook((ws) => {
      ws.getRow(5).values = [new Date(Date.UTC(2024, 0, 1)), 88.5, null, '测试摘要'];
    });
    const r = await readStatementFile(bytes, 'bank.xlsx');
    expect(r.lines.map((l) => [l.date, l.amount])).toEqual([['2024-01-01', '88.50']]);
  });
});
