/**
 * Read a Cashbook workbook row by row, for files too big for `readBook`'s in-memory
 * ExcelJS workbook. It gives the same Book and the same problems: each schema table is found
 * by its sheet name in either language, its first row is the header (read by key or by
 * either language's header via `columnForHeader`), cells are coerced by `coerceCell`, and
 * unknown columns are kept. Only the sheets of schema tables are read; everything else in
 * the package is skipped without being inflated.
 * We read the ZIP and the sheet XML ourselves rather than through ExcelJS's WorkbookReader:
 * that reader decodes inline strings twice ('&amp;lt;' comes back as '<'), buffers every
 * sheet to a temp file when a package has no shared strings, and is ~5× slower.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SCHEMA, TABLE_KEYS, columnForHeader, type ColumnDef, type Lang, type TableDef, type TableKey } from '../book/schema';
import { codeColumn } from '../book/coded-cells';
import { ColumnRows, columnTable, type ColumnCells } from '../book/column-rows';
import { coerceCell, type CoerceResult } from '../book/coerce-cell';
import { serialToDate } from '../book/dates';
import type { Book, Cell, Row, Table } from '../book/types';
import { t } from '../book/types';
import { problem, warning, type Problem } from '../util/problem';
import { fail } from '../util/error';
import { appendAll } from '../util/append-all';
import { checkBookFile, MAX_CELL_CHARS } from './read-book';
import { amountStylesOf, dateStylesOf, excelDate, readSharedStrings, readSheetRows, type SheetCell, type SheetReadOptions } from './sheet-xml-reader';
import { readResultSheetBack } from './stream-read-result-sheet';
import { listZipEntries, readZipEntry, readZipText, type ZipEntry } from './zip-reader';
import { unescapeXml } from './xml-text';

export interface StreamReadBookResult {
  book: Book;
  problems: Problem[];
}

/** How to hold what is read. */
export interface StreamReadOptions {
  /**
   * Tables to hold as coded columns when large (see holdAsCodedColumns): a command that reads
   * them column by column (a reconciliation) never makes their rows.
   */
  columnar?: readonly TableKey[];
  /** Rows from which such a table is held as columns. @default COLUMNAR_MIN_ROWS */
  columnarMinRows?: number;
}

/** Rows from which a table asked for as columns is held so; smaller ones are plain rows. */
export const COLUMNAR_MIN_ROWS = 50_000;

interface SheetRef {
  name: string;
  entry: ZipEntry;
}

/**
 * Read a book file through the streaming reader.
 * @throws AnalyticsError `file-not-found`, `file-too-large`, `not-a-workbook`, `xml-doctype`
 * @example const { book, problems } = await streamReadBook('big.xlsx') // as readBook, without `workbook`
 */
export async function streamReadBook(file: string, read: StreamReadOptions = {}): Promise<StreamReadBookResult> {
  checkBookFile(file);
  // Hostile files: inflated bytes are counted as they stream and capped (zip bombs), a
  // damaged directory or entry fails, and any XML part with a DOCTYPE is refused as readBook
  // refuses it. Entities are never expanded here: only the five named ones and &#NN; exist.
  // (inspectXlsx would inflate each big sheet a second time, in memory, to check its size.)
  const entries = listZipEntries(file);

  // Step 1: workbook, sheet list, styles and shared strings
  const workbookEntry = entries.get('xl/workbook.xml');
  if (!workbookEntry) fail('not-a-workbook', t(`${file}: 不是可读取的 .xlsx 工作簿（缺少 xl/workbook.xml）`, `${file}: not a readable .xlsx workbook (no xl/workbook.xml)`));
  const workbookXml = await readZipText(file, workbookEntry);
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbookXml);
  const sheets = await sheetList(file, entries, workbookXml);
  const stylesEntry = entries.get('xl/styles.xml');
  const stylesXml = stylesEntry ? await readZipText(file, stylesEntry) : '';
  const dateStyles = dateStylesOf(stylesXml);
  const sstEntry = entries.get('xl/sharedStrings.xml');
  const sharedStrings = sstEntry ? await readSharedStrings(readZipEntry(file, sstEntry)) : [];
  const options: SheetReadOptions = { sharedStrings, dateStyles, date1904 };

  // Step 2: each schema table's sheet, streamed
  const problems: Problem[] = [];
  const lang: Lang = sheets.some((s) => s.name === SCHEMA.Journal.sheet['zh-CN']) ? 'zh-CN' : 'en-US';
  const book: Book = { lang, timeZone: 'Asia/Shanghai', date1904, tables: {} };
  for (const key of TABLE_KEYS) {
    const def = SCHEMA[key];
    const sheet = sheets.find((s) => s.name === def.sheet['zh-CN'] || s.name === def.sheet['en-US'] || s.name === def.tableName);
    if (!sheet) continue;
    book.tables[key] = await readTable(file, sheet, def, options, problems, read.columnar?.includes(key) ? (read.columnarMinRows ?? COLUMNAR_MIN_ROWS) : undefined);
  }

  // Step 2b: result sheets this writer wrote and nobody changed, so writing the book back keeps them
  const tableSheets = new Set(TABLE_KEYS.flatMap((k) => [SCHEMA[k].sheet['zh-CN'], SCHEMA[k].sheet['en-US'], SCHEMA[k].tableName]));
  const resultOptions = { ...options, amountStyles: amountStylesOf(stylesXml) };
  for (const sheet of sheets) {
    if (tableSheets.has(sheet.name)) continue;
    const result = await readResultSheetBack(file, entries, workbookXml, sheet.name, sheet.entry, resultOptions);
    if (result) book.sheets = { ...book.sheets, [sheet.name]: result };
  }

  // Step 3: the book's own settings override what the sheet names suggested
  const tz = book.tables.Settings?.rows.find((r) => r.Key === 'timeZone')?.Value;
  if (typeof tz === 'string' && tz) book.timeZone = tz;
  const locale = book.tables.Settings?.rows.find((r) => r.Key === 'locale')?.Value;
  if (locale === 'zh-CN' || locale === 'en-US') book.lang = locale;
  return { book, problems };
}

async function sheetList(file: string, entries: Map<string, ZipEntry>, workbookXml: string): Promise<SheetRef[]> {
  const relsEntry = entries.get('xl/_rels/workbook.xml.rels');
  const rels = relsEntry ? await readZipText(file, relsEntry) : '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)/g)) {
    const id = /\bId="([^"]*)"/.exec(m[1])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[1])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : path.posix.normalize('xl/' + target));
  }
  const sheets: SheetRef[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)/g)) {
    const name = unescapeXml(/\bname="([^"]*)"/.exec(m[1])?.[1] ?? '');
    const rid = /\br:id="([^"]*)"/.exec(m[1])?.[1] ?? /\b\w+:id="([^"]*)"/.exec(m[1])?.[1];
    const entry = rid ? entries.get(targets.get(rid) ?? '') : undefined;
    if (entry) sheets.push({ name, entry });
  }
  return sheets;
}

interface ColumnSlot {
  index: number;
  key: string;
  def?: ColumnDef;
  label: string;
  /** Texts already seen in this column, so a million rows share one string per value. */
  seen: Map<string, string> | undefined;
  /** Dates of the serials seen so far. */
  dates: Map<number, string>;
}

const MAX_SEEN = 10_000;

/**
 * Type one cell as `readBook` would: the fast paths below give exactly what `coerceCell`
 * gives for the same value (a round-trip test holds them to it), only without Decimal.
 */
function typeCell(cell: SheetCell, col: ColumnSlot, date1904: boolean): CoerceResult {
  let raw = cell.value;
  if (typeof raw === 'number') {
    if (!col.def) return { ok: true, value: cell.dateStyled ? excelDate(raw, date1904).toISOString().slice(0, 10) : raw };
    if (col.def.type === 'amount') {
      const text = amountOfNumber(raw);
      if (text !== undefined) return { ok: true, value: text };
    }
    if (col.def.type === 'date' && Number.isInteger(raw)) return { ok: true, value: dateOfSerial(col, raw, date1904) };
    if (cell.dateStyled) raw = excelDate(raw, date1904);
  }
  if (!col.def) return { ok: true, value: raw instanceof Date ? raw.toISOString().slice(0, 10) : (raw ?? null) };
  const coerced = coerceCell(col.def, raw, { date1904 });
  if (coerced.ok && typeof coerced.value === 'string' && coerced.value.length <= 32) return { ok: true, value: shared(col, coerced.value) };
  return coerced;
}

/** Canonical amount text of a number with at most two decimals; undefined for anything else. */
export function amountOfNumber(n: number): string | undefined {
  const s = String(n);
  const dot = s.indexOf('.');
  if (s.length > 17 || !/^-?\d+(\.\d{1,2})?$/.test(s)) return undefined;
  if (dot < 0) return s + '.00';
  return s.length - dot === 2 ? s + '0' : s;
}

/** One string per distinct value; a column with too many distinct values stops trying. */
function shared(col: ColumnSlot, value: string): string {
  if (!col.seen) return value;
  const known = col.seen.get(value);
  if (known !== undefined) return known;
  col.seen.set(value, value);
  if (col.seen.size >= MAX_SEEN) col.seen = undefined;
  return value;
}

function dateOfSerial(col: ColumnSlot, serial: number, date1904: boolean): string {
  let date = col.dates.get(serial);
  if (date === undefined) {
    date = serialToDate(serial, date1904);
    if (col.dates.size < MAX_SEEN) col.dates.set(serial, date);
  }
  return date;
}

// `columnarFrom`: rows from which the table is held as coded columns (undefined: never).
async function readTable(file: string, sheet: SheetRef, def: TableDef, options: SheetReadOptions, problems: Problem[], columnarFrom: number | undefined): Promise<Table> {
  let columnar = columnarFrom !== undefined;
  const fileName = path.basename(file);
  const lang: Lang = sheet.name === def.sheet['zh-CN'] ? 'zh-CN' : 'en-US';
  let columns: ColumnSlot[] = [];
  const rows: Row[] = [];
  // Asked for as columns: each column's cells in a list of their own, no row objects.
  let cells: Cell[][] = [];
  let count = 0;
  // The row being read: an object only when rows are kept; as columns, each cell goes to its
  // column's list.
  let row: Row | undefined;
  const put = (c: number, value: Cell) => (row ? (row[columns[c].key] = value) : cells[c].push(value));
  let headerChecked = false;
  const checkHeader = () => {
    headerChecked = true;
    for (const col of def.columns) {
      if (col.required && !columns.some((c) => c.key === col.key)) {
        problems.push(problem('missing-column', t(`${def.sheet['zh-CN']}（${def.key}）表缺少必需的列 ${col.header['zh-CN']}（${col.header['en-US']}）`, `table ${def.key} has no column ${col.header['en-US']} / ${col.header['zh-CN']}`), { file: fileName, sheet: sheet.name, row: 1 }));
      }
    }
  };

  for await (const sheetRow of readSheetRows(readZipEntry(file, sheet.entry), options)) {
    // Step 1: the header is row 1, whatever comes first
    if (sheetRow.number === 1) {
      // Rows already read under another header (or none) keep the keys it gave them, as rows
      // do: the table is read as rows from here on.
      if (columnar && count > 0) {
        appendAll(rows, rowsOfColumns(columns, cells, count));
        columnar = false;
      }
      columns = headerColumns(sheetRow.cells, def, lang, options.date1904);
      cells = columns.map(() => []);
      checkHeader();
      continue;
    }
    if (!headerChecked) checkHeader();
    if (sheetRow.number < 2 || !sheetRow.cells.some((c) => c !== undefined && c.value !== null)) continue;

    // Step 2: typed cells, problems where they do not fit
    row = columnar ? undefined : {};
    for (let c = 0; c < columns.length; c++) {
      const col = columns[c];
      const cell = sheetRow.cells[col.index];
      if (!cell || (cell.value === null && !cell.missingFormulaResult && !cell.error)) {
        put(c, null);
        continue;
      }
      if (cell.missingFormulaResult) problems.push(warning('formula-without-value', t('单元格里有公式但没有保存计算结果；请在 Excel 中打开并保存文件，否则 Cashbook 会自行重新计算', 'the cell has a formula with no saved value; open and save the file in Excel, or Cashbook recomputes it'), placeOf(fileName, sheet, sheetRow.number, col)));
      if (cell.error) problems.push(warning('cell-error', t(`单元格里是 Excel 错误值 ${cell.error}`, `the cell holds the Excel error ${cell.error}`), placeOf(fileName, sheet, sheetRow.number, col)));
      if (typeof cell.value === 'string' && cell.value.length > MAX_CELL_CHARS) {
        problems.push(problem('cell-too-long', t(`单元格有 ${cell.value.length} 个字符，超过 Excel 上限 ${MAX_CELL_CHARS}`, `the cell holds ${cell.value.length} characters, more than Excel's ${MAX_CELL_CHARS}`), placeOf(fileName, sheet, sheetRow.number, col)));
        put(c, null);
        continue;
      }
      const coerced = typeCell(cell, col, options.date1904);
      put(c, coerced.ok ? coerced.value : null);
      if (!coerced.ok) {
        // A long number in an id column has already lost digits: flag it, never match on it.
        const code = col.def?.type === 'id' && typeof cell.value === 'number' ? 'id-as-number' : 'bad-cell';
        problems.push(problem(code, coerced.text, placeOf(fileName, sheet, sheetRow.number, col)));
      }
    }
    if (row) rows.push(row);
    else count++;
  }

  if (!headerChecked) checkHeader();
  const present = columns.map((c) => c.key);
  const missing = def.columns.map((c) => c.key).filter((k) => !present.includes(k));
  const keys = [...present, ...missing];
  if (!columnar || count < (columnarFrom ?? 0)) return { key: def.key, columns: keys, rows: columnar ? rowsOfColumns(columns, cells, count) : rows };
  // As a row does, the last of two columns with one key holds its cells. (No prototype: a
  // column headed '__proto__' is a column like any other.)
  const coded: Record<string, ColumnCells> = Object.create(null) as Record<string, ColumnCells>;
  columns.forEach((col, c) => (coded[col.key] = cells[c]));
  for (const key of Object.keys(coded)) coded[key] = codeColumn(coded[key] as Cell[]) ?? coded[key];
  return columnTable(def.key, keys, new ColumnRows(count, coded));
}

// The rows of cells read column by column: each row has every column's cell, set in column
// order as a row read as an object has them.
function rowsOfColumns(columns: readonly ColumnSlot[], cells: readonly Cell[][], count: number): Row[] {
  const made = new Array<Row>(count);
  for (let k = 0; k < count; k++) {
    const row: Row = {};
    for (let c = 0; c < columns.length; c++) row[columns[c].key] = cells[c][k];
    made[k] = row;
  }
  return made;
}

function placeOf(file: string, sheet: SheetRef, row: number, col: ColumnSlot) {
  return { file, sheet: sheet.name, row, column: col.label };
}

function headerColumns(cells: (SheetCell | undefined)[], def: TableDef, lang: Lang, date1904: boolean): ColumnSlot[] {
  const columns: ColumnSlot[] = [];
  cells.forEach((cell, index) => {
    if (!cell) return;
    const header = String((cell.dateStyled && typeof cell.value === 'number' ? excelDate(cell.value, date1904) : cell.value) ?? '').trim();
    if (!header) return;
    const col = columnForHeader(def, header);
    columns.push({ index, key: col ? col.key : header, def: col, label: col ? col.header[lang] : header, seen: new Map(), dates: new Map() });
  });
  return columns;
}
