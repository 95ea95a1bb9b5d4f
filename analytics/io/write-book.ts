/**
 * Write a Book into an ExcelJS workbook and save it atomically. Each schema table becomes
 * one sheet holding one Excel table with the schema's fixed name; headers are in the book's
 * language. Text and identifiers are written as string cells (a leading = + - @ stays text,
 * never a formula; a 16-digit account number keeps every digit), amounts as numbers with
 * a two-decimal format, dates as date serials in the workbook's own date system.
 */
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SCHEMA, TABLE_KEYS, type ColumnDef, type TableKey } from '../book/schema';
import { dateToSerial } from '../book/dates';
import type { Book, Cell, ResultSheet, Table } from '../book/types';
import { writeFileAtomic } from './atomic-write';
import { addNativeCharts } from './xlsx-charts';

const NUMBER_FORMATS: Partial<Record<ColumnDef['type'], string>> = {
  amount: '#,##0.00;-#,##0.00',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
  id: '@',
  text: '@',
};

export interface WriteBookOptions {
  /** A workbook read earlier; its other sheets are kept. A new one is made when absent. */
  workbook?: ExcelJS.Workbook;
  /** Only these tables are rewritten. @default all tables in the book */
  tables?: readonly TableKey[];
  /** Only these result sheets are rewritten. @default all result sheets in the book */
  sheets?: readonly string[];
}

/** Put the book's tables into a workbook (in memory). */
export function bookToWorkbook(book: Book, options: WriteBookOptions = {}): ExcelJS.Workbook {
  const workbook = options.workbook ?? new ExcelJS.Workbook();
  (workbook.properties as { date1904?: boolean }).date1904 = book.date1904;
  const keys = options.tables ?? TABLE_KEYS.filter((k) => book.tables[k]);
  for (const key of keys) {
    const table = book.tables[key];
    if (table) writeTable(workbook, book, table);
  }
  for (const name of options.sheets ?? Object.keys(book.sheets ?? {})) {
    const sheet = book.sheets?.[name];
    if (sheet) writeResultSheet(workbook, book, sheet);
  }
  return workbook;
}

/** Write the book to `file` atomically; the old file stays intact if anything fails. */
export async function writeBook(file: string, book: Book, options: WriteBookOptions = {}): Promise<void> {
  const workbook = bookToWorkbook(book, options);
  const buffer = await workbook.xlsx.writeBuffer();
  // Result sheets that carry charts get native chart parts added to the written zip.
  const sheets = (options.sheets ?? Object.keys(book.sheets ?? {})).flatMap((n) => (book.sheets?.[n] ? [book.sheets[n]] : []));
  const bytes = await addNativeCharts(new Uint8Array(buffer as ArrayBuffer), sheets, book.lang, { previousFile: file });
  removeStaleTempFiles(file);
  writeFileAtomic(file, bytes);
}

/**
 * Remove temp files that an earlier write of `file` left when its process was killed
 * (`.<name>.<pid>.<time>.tmp` from atomic-write, whose pid no longer runs). They never
 * replace the book, but they take space and confuse people looking at the folder.
 */
export function removeStaleTempFiles(file: string): string[] {
  const dir = path.dirname(path.resolve(file));
  const prefix = `.${path.basename(file)}.`;
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const m = name.startsWith(prefix) ? /^(\d+)\.\d+\.tmp$/.exec(name.slice(prefix.length)) : null;
    if (!m || isRunning(Number(m[1]))) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function writeTable(workbook: ExcelJS.Workbook, book: Book, table: Table): void {
  const def = SCHEMA[table.key];
  const name = def.sheet[book.lang];

  // Step 1: replace the sheet in place, keeping its position among the others
  const old = workbook.worksheets.find((w) => w.name === def.sheet['zh-CN'] || w.name === def.sheet['en-US'] || w.name === def.tableName);
  const orderNo = old ? (old as unknown as { orderNo: number }).orderNo : undefined;
  if (old) workbook.removeWorksheet(old.id);
  const ws = workbook.addWorksheet(name);
  if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;

  // Step 2: header and typed cells
  const cols = table.columns.map((key) => ({ key, def: def.columns.find((c) => c.key === key) }));
  const headers = cols.map((c) => (c.def ? c.def.header[book.lang] : c.key));
  const rows = table.rows.map((r) => cols.map((c) => toExcel(r[c.key] ?? null, c.def, book.date1904)));
  ws.addTable({
    name: def.tableName,
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: headers.map((h) => ({ name: h, filterButton: true })),
    rows: rows.length ? rows : [cols.map(() => null)],
  });
  if (!rows.length) ws.spliceRows(2, 1);

  // Step 3: formats and widths per column
  cols.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    const fmt = c.def ? NUMBER_FORMATS[c.def.type] : undefined;
    if (fmt) column.numFmt = fmt;
    column.width = Math.min(40, Math.max(10, headers[i].length * (/[^\x00-\x7f]/.test(headers[i]) ? 2.2 : 1.2) + 2));
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

function toExcel(value: Cell, def: ColumnDef | undefined, date1904: boolean): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (!def) return value;
  switch (def.type) {
    case 'amount': {
      const n = Number(value);
      return Number.isFinite(n) ? n : String(value);
    }
    case 'date':
    case 'datetime': {
      const serial = dateToSerial(String(value), date1904);
      return Number.isFinite(serial) ? serial : String(value);
    }
    case 'integer':
    case 'number':
      return typeof value === 'number' ? value : Number(value);
    case 'boolean':
      return typeof value === 'boolean' ? value : value === 'true';
    default:
      return String(value);
  }
}

/** A result sheet: one Excel table named after the sheet, typed like schema columns. */
function writeResultSheet(workbook: ExcelJS.Workbook, book: Book, sheet: ResultSheet): void {
  const old = workbook.getWorksheet(sheet.name);
  if (old) workbook.removeWorksheet(old.id);
  const ws = workbook.addWorksheet(sheet.name);
  const defs: ColumnDef[] = sheet.columns.map((c) => ({ key: c.header, header: { 'zh-CN': c.header, 'en-US': c.header }, type: c.type }));
  const rows = sheet.rows.map((r) => r.map((v, i) => toExcel(v ?? null, defs[i], book.date1904)));
  ws.addTable({
    name: 'R_' + sheet.name.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 200) + '_' + (ws.id ?? 0),
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: sheet.columns.map((c) => ({ name: c.header, filterButton: true })),
    rows: rows.length ? rows : [sheet.columns.map(() => null)],
  });
  if (!rows.length) ws.spliceRows(2, 1);
  defs.forEach((d, i) => {
    const fmt = NUMBER_FORMATS[d.type];
    const column = ws.getColumn(i + 1);
    if (fmt) column.numFmt = fmt;
    column.width = Math.min(40, Math.max(10, d.key.length * (/[^\x00-\x7f]/.test(d.key) ? 2.2 : 1.2) + 2));
  });
}
