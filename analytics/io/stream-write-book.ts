/**
 * Write a Book to an .xlsx file row by row, for tables too big for `writeBook`'s in-memory
 * workbook. The sheets, table names, headers, number formats, widths and frozen header row
 * are the ones `writeBook` produces; cells are typed the same way (amounts and dates as
 * numbers, text and ids as inline strings, so a leading = never becomes a formula).
 * ExcelJS's own streaming writer cannot add Excel tables, so we emit the SpreadsheetML
 * ourselves into a streaming ZIP: memory stays at one chunk of rows, whatever the row count.
 * LIMITATION: a fresh workbook each time; sheets that are not Cashbook tables or result
 * sheets are not carried over (use `writeBook` with the read workbook to keep them).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SCHEMA, TABLE_KEYS, type ColumnDef, type TableKey } from '../book/schema';
import { bodyOf, rowCount } from '../book/column-rows';
import { dateToSerial } from '../book/dates';
import type { Book, Cell, ResultSheet } from '../book/types';
import { t } from '../book/types';
import { fail } from '../util/error';
import { ZipWriter } from './zip-writer';
import * as parts from './xlsx-parts';
import { columnLetters, escapeXml } from './xml-text';

/** The number format codes `writeBook` sets (kept in step with it by a test). */
export const STREAM_NUMBER_FORMATS = { amount: '#,##0.00;-#,##0.00', date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm:ss' };

export interface StreamWriteBookOptions {
  /** Only these tables are written. @default all tables in the book */
  tables?: readonly TableKey[];
  /** Deflate level 1–9; 6 makes a file ~15% smaller for ~60% more CPU. @default 1 */
  level?: number;
}

interface SheetSource extends parts.SheetPart {
  defs: (ColumnDef | undefined)[];
  rows: () => Iterable<Cell[]>;
}

const CHUNK_CHARS = 1 << 18;

/**
 * Write `book` to `file` atomically through a streaming writer.
 * @returns when the file is complete and renamed into place
 * @throws AnalyticsError `too-many-rows` past Excel's 1,048,575 data rows per sheet
 * @example await streamWriteBook('big.xlsx', book) // same sheets and tables as writeBook
 */
export async function streamWriteBook(file: string, book: Book, options: StreamWriteBookOptions = {}): Promise<void> {
  const sheets = sheetSources(book, options.tables);
  for (const s of sheets) {
    if (s.rowCount > 1_048_575) fail('too-many-rows', t(`${s.name}: ${s.rowCount} 行超出单个 Excel 工作表的容量（表头下最多 1,048,575 行）`, `${s.name}: ${s.rowCount} rows do not fit in one Excel sheet (1,048,575 under the header)`));
  }
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writePackage(tmp, sheets, book.date1904, options.level ?? 1);
    const fd = fs.openSync(tmp, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

async function writePackage(file: string, sheets: SheetSource[], date1904: boolean, level: number): Promise<void> {
  const out = fs.createWriteStream(file);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  const zip = new ZipWriter(out, { level });
  const work = (async () => {
    // Step 1: the package frame; shared strings go early (empty) so stream readers never buffer sheets
    await zip.addEntry('[Content_Types].xml', parts.contentTypesXml(sheets));
    await zip.addEntry('_rels/.rels', parts.packageRelsXml());
    await zip.addEntry('xl/workbook.xml', parts.workbookXml(sheets, date1904));
    await zip.addEntry('xl/_rels/workbook.xml.rels', parts.workbookRelsXml(sheets));
    await zip.addEntry('xl/styles.xml', parts.stylesXml(STREAM_NUMBER_FORMATS));
    await zip.addEntry('xl/sharedStrings.xml', parts.emptySharedStringsXml());

    // Step 2: each sheet streamed in chunks, then its table part
    for (let i = 0; i < sheets.length; i++) {
      const s = sheets[i];
      const ref = tableRefOf(s);
      await zip.addEntry(`xl/worksheets/sheet${i + 1}.xml`, sheetChunks(s, ref, date1904));
      await zip.addEntry(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, parts.sheetRelsXml(i + 1));
      await zip.addEntry(`xl/tables/table${i + 1}.xml`, parts.tableXml(s, i + 1, ref));
    }
    await zip.finish();
  })();
  await Promise.race([work, failed]);
}

function sheetSources(book: Book, only: readonly TableKey[] | undefined): SheetSource[] {
  const sources: SheetSource[] = [];
  for (const key of only ?? TABLE_KEYS.filter((k) => book.tables[k])) {
    const table = book.tables[key];
    if (!table) continue;
    const def = SCHEMA[key];
    const defs = table.columns.map((k) => def.columns.find((c) => c.key === k));
    const keys = table.columns;
    sources.push({
      name: def.sheet[book.lang],
      tableName: def.tableName,
      tableStyle: 'TableStyleMedium2',
      headers: keys.map((k, i) => defs[i]?.header[book.lang] ?? k),
      rowCount: rowCount(table),
      defs,
      rows: function* () {
        // Rows held as columns (a reconciliation's new matches) are written from the columns.
        const body = bodyOf(table);
        if (body) for (let k = 0; k < body.length; k++) yield keys.map((key) => body.cell(k, key) ?? null);
        else for (const r of table.rows) yield keys.map((k) => r[k] ?? null);
      },
    });
  }
  for (const sheet of Object.values(book.sheets ?? {})) sources.push(resultSource(sheet, 'R_' + sheet.name.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 200) + '_' + (sources.length + 1)));
  return sources;
}

// The range of a sheet's table: its header and rows, over every column.
function tableRefOf(s: SheetSource): string {
  return parts.tableRef(s, columnLetters(Math.max(1, s.headers.length)));
}

function resultSource(sheet: ResultSheet, tableName: string): SheetSource {
  return {
    name: sheet.name,
    tableName,
    tableStyle: 'TableStyleLight9',
    headers: sheet.columns.map((c) => c.header),
    rowCount: sheet.rows.length,
    defs: sheet.columns.map((c) => ({ key: c.header, header: { 'zh-CN': c.header, 'en-US': c.header }, type: c.type })),
    rows: () => sheet.rows,
  };
}

/**
 * The worksheet and table parts this writer writes for a result sheet (its table numbered
 * `index` and named `tableName`): what a sheet read back must equal, byte for byte, to be
 * taken as Cashbook's own, untouched.
 */
export function resultSheetParts(sheet: ResultSheet, date1904: boolean, index: number, tableName: string): { sheetXml: string; tableXml: string } {
  const s = resultSource(sheet, tableName);
  const ref = tableRefOf(s);
  return { sheetXml: [...sheetChunks(s, ref, date1904)].join(''), tableXml: parts.tableXml(s, index, ref) };
}

function* sheetChunks(s: SheetSource, ref: string, date1904: boolean): Generator<string> {
  const letters = s.headers.map((_, i) => columnLetters(i + 1));
  const styles = s.defs.map(styleOf);
  const widths = s.headers.map((h) => Math.min(40, Math.max(10, h.length * (/[^\x00-\x7f]/.test(h) ? 2.2 : 1.2) + 2)));
  let buf = parts.sheetHeadXml(ref, widths, styles);

  // Header row: plain text cells
  buf += '<row r="1">' + s.headers.map((h, i) => textCell(`${letters[i]}1`, '', h)).join('') + '</row>';

  let r = 1;
  for (const cells of s.rows()) {
    r++;
    let row = `<row r="${r}">`;
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      if (v === null || v === '') continue;
      row += cellXml(letters[i] + r, v, s.defs[i], styles[i], date1904);
    }
    buf += row + '</row>';
    if (buf.length > CHUNK_CHARS) {
      yield buf;
      buf = '';
    }
  }
  yield buf + parts.sheetTailXml();
}

function styleOf(def: ColumnDef | undefined): number {
  switch (def?.type) {
    case 'amount':
      return parts.STYLE.amount;
    case 'date':
      return parts.STYLE.date;
    case 'datetime':
      return parts.STYLE.datetime;
    case 'id':
    case 'text':
      return parts.STYLE.text;
    default:
      return parts.STYLE.general;
  }
}

/** One cell, typed as `writeBook` types it. */
function cellXml(ref: string, value: Cell, def: ColumnDef | undefined, style: number, date1904: boolean): string {
  const s = style ? ` s="${style}"` : '';
  if (!def) {
    if (typeof value === 'number') return Number.isFinite(value) ? numberCell(ref, s, value) : textCell(ref, s, String(value));
    return typeof value === 'boolean' ? booleanCell(ref, s, value) : textCell(ref, s, String(value));
  }
  switch (def.type) {
    case 'amount': {
      const n = Number(value);
      return Number.isFinite(n) ? numberCell(ref, s, n) : textCell(ref, s, String(value));
    }
    case 'date':
    case 'datetime': {
      const serial = serialOf(String(value), date1904);
      return Number.isFinite(serial) ? numberCell(ref, s, serial) : textCell(ref, s, String(value));
    }
    case 'integer':
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(n) ? numberCell(ref, s, n) : textCell(ref, s, String(value));
    }
    case 'boolean':
      return booleanCell(ref, s, typeof value === 'boolean' ? value : value === 'true');
    default:
      return textCell(ref, s, String(value));
  }
}

function numberCell(ref: string, s: string, n: number): string {
  return `<c r="${ref}"${s}><v>${n}</v></c>`;
}

function booleanCell(ref: string, s: string, b: boolean): string {
  return `<c r="${ref}"${s} t="b"><v>${b ? 1 : 0}</v></c>`;
}

function textCell(ref: string, s: string, text: string): string {
  // Leading or trailing white space survives only with xml:space="preserve".
  const keep = text.length > 0 && (/^\s/.test(text) || /\s$/.test(text)) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${keep}>${escapeXml(text)}</t></is></c>`;
}

/** Serials of the dates seen so far: a book has a few thousand distinct dates at most. */
const serials = new Map<string, number>();

function serialOf(date: string, date1904: boolean): number {
  const key = date1904 ? '4' + date : date;
  let serial = serials.get(key);
  if (serial === undefined) {
    serial = dateToSerial(date, date1904);
    if (serials.size < 100_000) serials.set(key, serial);
  }
  return serial;
}
