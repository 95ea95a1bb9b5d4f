/**
 * The rows of a statement workbook's first non-empty sheet as typed cells, for the table
 * reader. ExcelJS hands rich text, formulas and hyperlinks over as objects; they are
 * flattened to the value shown (never "[object Object]"). Numbers stay numbers so an ID
 * column can tell a 16-digit number Excel has already rounded from a text cell.
 */
import ExcelJS from 'exceljs';
import { flattenExcelValue } from '../io/excel-value';
import { inspectXlsx } from '../io/inspect-xlsx';
import type { GridRow } from './read-table';

/**
 * Read a workbook's rows.
 * @param bytes the .xlsx file
 * @param preferred sheet names to take first when present (e.g. 日记账 for a journal)
 * @param fileName named in the error when the zip check refuses the file
 * @returns the rows of the first preferred sheet, else of the first sheet with data, and
 * whether dates count from 1904
 */
export async function readXlsxRows(
  bytes: Uint8Array,
  preferred: readonly string[] = [],
  fileName = 'statement.xlsx',
): Promise<{ rows: GridRow[]; date1904: boolean; sheet?: string }> {
  // Zip bombs, truncation and DOCTYPE payloads are refused before ExcelJS inflates anything.
  inspectXlsx(bytes, fileName);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const date1904 = Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);
  const withData = workbook.worksheets.filter((ws) => ws.actualRowCount > 0);
  const sheet =
    preferred.map((n) => withData.find((ws) => ws.name === n)).find(Boolean) ?? withData[0];
  if (!sheet) return { rows: [], date1904 };
  const rows: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: GridRow['cells'] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const flat = flattenExcelValue(cell.value);
      const v = flat.value;
      cells[col - 1] = typeof v === 'string' ? v.trim() : (v ?? null);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows.push({ line: rowNumber, cells });
  });
  return { rows, date1904, sheet: sheet.name };
}
