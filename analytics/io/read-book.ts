/**
 * Read a Cashbook workbook from an .xlsx file with ExcelJS. Each schema table is found by
 * its sheet name in either language; its first row is the header, read by key or by either
 * language's header; columns we do not know are kept as they are. Cells that do not fit
 * their column become problems naming the file, sheet, row and column.
 */
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SCHEMA, TABLE_KEYS, columnForHeader, type Lang, type TableDef } from '../book/schema';
import { coerceCell, refused } from '../book/coerce-cell';
import type { Book, Row, Table } from '../book/types';
import { t } from '../book/types';
import { problem, warning, type Problem } from '../util/problem';
import { fail } from '../util/error';
import { flattenExcelValue } from './excel-value';
import { inspectXlsx } from './inspect-xlsx';

export interface ReadBookResult {
  book: Book;
  problems: Problem[];
  workbook: ExcelJS.Workbook;
}

/** Largest workbook file we open; beyond it a zip bomb or a wrong file is likelier than a book. */
export const MAX_BOOK_BYTES = 512 * 1024 * 1024;

/**
 * Refuse what cannot be a book before anything is read: a missing path, a folder or device,
 * a file over {@link MAX_BOOK_BYTES}.
 * @throws AnalyticsError `file-not-found`, `not-a-workbook` or `file-too-large`
 */
export function checkBookFile(file: string): void {
  if (!fs.existsSync(file)) fail('file-not-found', t(`${file}: 找不到文件`, `${file}: file not found`));
  const stat = fs.statSync(file);
  if (!stat.isFile()) fail('not-a-workbook', t(`${file}: 不是文件（是文件夹或设备），无法作为账簿读取`, `${file}: not a file (a folder or a device), so not a book`));
  const size = stat.size;
  if (size > MAX_BOOK_BYTES) fail('file-too-large', t(`${file}: 文件有 ${size} 字节，超过账簿 ${MAX_BOOK_BYTES} 字节的上限`, `${file}: ${size} bytes is more than the ${MAX_BOOK_BYTES} a book may have`));
}

/**
 * Read a book file.
 * @throws AnalyticsError `file-not-found`, `not-a-workbook` when the file is missing or not an .xlsx
 */
export async function readBook(file: string): Promise<ReadBookResult> {
  checkBookFile(file);
  // Look inside the zip before ExcelJS inflates anything (zip bombs, DOCTYPE, truncation).
  const bytes = fs.readFileSync(file);
  inspectXlsx(bytes, file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    fail('not-a-workbook', t(`${file}: 不是可读取的 .xlsx 工作簿（${(e as Error).message}）`, `${file}: not a readable .xlsx workbook (${(e as Error).message})`), e);
  }
  checkSheetSize(workbook, file);
  return { ...bookFromWorkbook(workbook, path.basename(file)), workbook };
}

/** Excel's own grid: a sheet claiming more rows or columns was not made by Excel. */
export const MAX_SHEET_ROWS = 1_048_576;
export const MAX_SHEET_COLUMNS = 16_384;
/** One past the serial of 9999-12-31, Excel's last date. */
export const MAX_DATE_SERIAL = 2958466;
/** Excel keeps at most this many characters in a cell. */
export const MAX_CELL_CHARS = 32_767;

function checkSheetSize(workbook: ExcelJS.Workbook, file: string): void {
  for (const ws of workbook.worksheets) {
    if (ws.rowCount > MAX_SHEET_ROWS || ws.columnCount > MAX_SHEET_COLUMNS) {
      fail('sheet-too-large', t(`${file}: 工作表 ${ws.name} 超出 Excel 的 ${MAX_SHEET_ROWS} 行 × ${MAX_SHEET_COLUMNS} 列（第 ${ws.rowCount} 行，第 ${ws.columnCount} 列）`, `${file}: sheet ${ws.name} goes beyond Excel's ${MAX_SHEET_ROWS} rows × ${MAX_SHEET_COLUMNS} columns (row ${ws.rowCount}, column ${ws.columnCount})`));
    }
  }
}

/** Build a Book from a loaded ExcelJS workbook. */
export function bookFromWorkbook(workbook: ExcelJS.Workbook, fileName: string): { book: Book; problems: Problem[] } {
  const problems: Problem[] = [];
  const date1904 = Boolean((workbook.properties as { date1904?: boolean }).date1904);
  const book: Book = { lang: detectLang(workbook), timeZone: 'Asia/Shanghai', date1904, tables: {} };

  for (const key of TABLE_KEYS) {
    const def = SCHEMA[key];
    const ws = workbook.worksheets.find((w) => w.name === def.sheet['zh-CN'] || w.name === def.sheet['en-US'] || w.name === def.tableName);
    if (!ws) continue;
    book.tables[key] = readSheet(ws, def, { fileName, date1904, problems });
  }
  const tz = book.tables.Settings?.rows.find((r) => r.Key === 'timeZone')?.Value;
  if (typeof tz === 'string' && tz) book.timeZone = tz;
  const lang = book.tables.Settings?.rows.find((r) => r.Key === 'locale')?.Value;
  if (lang === 'zh-CN' || lang === 'en-US') book.lang = lang;
  return { book, problems };
}

interface ReadContext {
  fileName: string;
  date1904: boolean;
  problems: Problem[];
}

function readSheet(ws: ExcelJS.Worksheet, def: TableDef, ctx: ReadContext): Table {
  // Step 1: map header cells to column keys
  const headerRow = ws.getRow(1);
  const columns: { index: number; key: string; def?: (typeof def.columns)[number] }[] = [];
  headerRow.eachCell({ includeEmpty: false }, (cell, index) => {
    const header = String(flattenExcelValue(cell.value).value ?? '').trim();
    if (!header) return;
    const col = columnForHeader(def, header);
    columns.push({ index, key: col ? col.key : header, def: col });
  });
  for (const col of def.columns) {
    if (col.required && !columns.some((c) => c.key === col.key)) {
      ctx.problems.push(problem('missing-column', t(`${def.sheet['zh-CN']}（${def.key}）表缺少必需的列 ${col.header['zh-CN']}（${col.header['en-US']}）`, `table ${def.key} has no column ${col.header['en-US']} / ${col.header['zh-CN']}`), { file: ctx.fileName, sheet: ws.name, row: 1 }));
    }
  }

  // Step 2: typed rows; a row with no value at all ends nothing but is skipped
  const rows: Row[] = [];
  const last = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  for (let r = 2; r <= last; r++) {
    const excelRow = ws.getRow(r);
    if (!excelRow.hasValues) continue;
    const row: Row = {};
    for (const col of columns) {
      const cell = excelRow.getCell(col.index);
      const flat = flattenExcelValue(cell.value);
      const at = { file: ctx.fileName, sheet: ws.name, row: r, column: col.def ? col.def.header[langOfSheet(ws.name, def)] : col.key };
      if (flat.missingFormulaResult) ctx.problems.push(warning('formula-without-value', t('单元格里有公式但没有保存计算结果；请在 Excel 中打开并保存文件，否则 Cashbook 会自行重新计算', 'the cell has a formula with no saved value; open and save the file in Excel, or Cashbook recomputes it'), at));
      if (flat.error) ctx.problems.push(warning('cell-error', t(`单元格里是 Excel 错误值 ${flat.error}`, `the cell holds the Excel error ${flat.error}`), at));
      if (typeof flat.value === 'string' && flat.value.length > MAX_CELL_CHARS) {
        ctx.problems.push(problem('cell-too-long', t(`单元格有 ${flat.value.length} 个字符，超过 Excel 上限 ${MAX_CELL_CHARS}`, `the cell holds ${flat.value.length} characters, more than Excel's ${MAX_CELL_CHARS}`), at));
        row[col.key] = null;
        continue;
      }
      if (!col.def) {
        row[col.key] = flat.value instanceof Date ? flat.value.toISOString().slice(0, 10) : (flat.value ?? null);
        continue;
      }
      // Excel's dates end at serial 2958465 (9999-12-31); a larger or non-finite number is no date.
      const isDateColumn = col.def.type === 'date' || col.def.type === 'datetime';
      const coerced = isDateColumn && typeof flat.value === 'number' && !(flat.value >= 0 && flat.value < MAX_DATE_SERIAL)
        ? refused(`${flat.value} 不是 Excel 能显示的日期`, `${flat.value} is not a date Excel can show`)
        : coerceCell(col.def, flat.value, { date1904: ctx.date1904 });
      if (coerced.ok) row[col.key] = coerced.value;
      else {
        row[col.key] = null;
        // A long number in an id column has already lost digits: flag it, never match on it.
        const code = col.def.type === 'id' && typeof flat.value === 'number' ? 'id-as-number' : 'bad-cell';
        ctx.problems.push(problem(code, coerced.text, at));
      }
    }
    rows.push(row);
  }
  // Sheet order is kept, extra columns included; schema columns the sheet lacks go last.
  const present = columns.map((c) => c.key);
  const missing = def.columns.map((c) => c.key).filter((k) => !present.includes(k));
  return { key: def.key, columns: [...present, ...missing], rows };
}

function langOfSheet(name: string, def: TableDef): Lang {
  return name === def.sheet['zh-CN'] ? 'zh-CN' : 'en-US';
}

function detectLang(workbook: ExcelJS.Workbook): Lang {
  return workbook.worksheets.some((w) => w.name === SCHEMA.Journal.sheet['zh-CN']) ? 'zh-CN' : 'en-US';
}
