import ExcelJS from 'exceljs';
import * as path from 'node:path';
import { sheetNamesOf } from '../../analytics/io/sheet-names';
import { tempDir } from '../cli/cli-harness';

describe('sheetNamesOf', () => {
  it('lists the sheets in workbook order, names unescaped, without loading them', async () => {
    const file = path.join(tempDir(), 'b.xlsx');
    const wb = new ExcelJS.Workbook();
    for (const n of ['日记账', 'R&D 备注', 'Sheet "3"']) wb.addWorksheet(n);
    await wb.xlsx.writeFile(file);
    expect(await sheetNamesOf(file)).toEqual(['日记账', 'R&D 备注', 'Sheet "3"']);
  });
});
