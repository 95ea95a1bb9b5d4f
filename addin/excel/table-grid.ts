/**
 * Convert between the engine's typed tables and the 2-D arrays Excel's `Range.values` takes
 * and gives. Amounts go out as numbers, dates as serials in the book's date system, and
 * text/id/enum/json columns as strings with the number format '@', so a cell that starts
 * with '=' or a 16-digit account number stays text. Reading goes through `coerceCell`, the
 * same rule the file host uses, so Excel, CLI and playground read a cell alike.
 */
import {
  SCHEMA,
  columnForHeader,
  type ColumnDef,
  type ColumnType,
  type TableKey,
} from '../../analytics/book/schema';
import { coerceCell } from '../../analytics/book/coerce-cell';
import { dateToSerial, serialToDate } from '../../analytics/book/dates';
import {
  t,
  type Book,
  type Cell,
  type ResultSheet,
  type Row,
  type Table,
} from '../../analytics/book/types';
import { problem, type Problem } from '../../analytics/util/problem';

/** A value as Excel's `Range.values` holds it. */
export type ExcelValue = string | number | boolean;

/** A block of cells to write: header row first, then body rows, with one number format per column. */
export interface Grid {
  header: string[];
  body: ExcelValue[][];
  /** Number format per column ('General' where none is needed). */
  formats: string[];
}

const FORMATS: Partial<Record<ColumnType, string>> = {
  text: '@',
  id: '@',
  enum: '@',
  json: '@',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
  amount: '#,##0.00',
};

/** The number format a column is written with. */
export function formatOf(type: ColumnType | undefined): string {
  return (type && FORMATS[type]) ?? 'General';
}

/** One engine cell as an Excel value. Empty cells are '' (Excel clears the cell). */
export function toExcelValue(
  value: Cell | undefined,
  type: ColumnType | undefined,
  date1904: boolean,
): ExcelValue {
  if (value === null || value === undefined || value === '') return '';
  switch (type) {
    case 'amount':
    case 'integer':
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(n) ? n : String(value);
    }
    case 'date':
    case 'datetime': {
      const serial = dateToSerial(String(value), date1904);
      return Number.isFinite(serial) ? serial : String(value);
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : value === 'true';
    case undefined:
      return value;
    default:
      return String(value);
  }
}

/** A schema table as a grid with headers in the book's language. */
export function tableToGrid(book: Book, key: TableKey): Grid {
  const def = SCHEMA[key];
  const table = book.tables[key] ?? { key, columns: def.columns.map((c) => c.key), rows: [] };
  const cols = table.columns.map((k) => ({ key: k, def: def.columns.find((c) => c.key === k) }));
  return {
    header: cols.map((c) => (c.def ? c.def.header[book.lang] : c.key)),
    body: table.rows.map((r) =>
      cols.map((c) => toExcelValue(r[c.key], c.def?.type, book.date1904)),
    ),
    formats: cols.map((c) => formatOf(c.def?.type)),
  };
}

/** A result sheet as a grid. */
export function resultSheetToGrid(book: Book, sheet: ResultSheet): Grid {
  return {
    header: sheet.columns.map((c) => c.header),
    body: sheet.rows.map((r) =>
      sheet.columns.map((c, i) => toExcelValue(r[i], c.type, book.date1904)),
    ),
    formats: sheet.columns.map((c) => formatOf(c.type)),
  };
}

export interface GridReadOptions {
  date1904: boolean;
  /** Sheet name, for problems. */
  sheet: string;
  /** 1-based sheet row of the header, for problems. @default 1 */
  headerRow?: number;
  /** Number formats of the first body row, to tell date serials in columns the schema does not know. */
  firstRowFormats?: string[];
}

/**
 * Read a table from its header and body values. Rows with no value at all are skipped (an
 * Excel table always has at least one body row, empty when the table is).
 */
export function gridToTable(
  key: TableKey,
  header: unknown[],
  body: unknown[][],
  options: GridReadOptions,
): { table: Table; problems: Problem[] } {
  const def = SCHEMA[key];
  const problems: Problem[] = [];
  const headerRow = options.headerRow ?? 1;
  const cols = header
    .map((h, i) => {
      const text = String(h ?? '').trim();
      const col = text ? columnForHeader(def, text) : undefined;
      return {
        index: i,
        key: col ? col.key : text,
        def: col,
        header: text,
        format: options.firstRowFormats?.[i],
      };
    })
    .filter((c) => c.key !== '');

  for (const col of def.columns) {
    if (col.required && !cols.some((c) => c.key === col.key)) {
      problems.push(
        problem(
          'missing-column',
          t(
            `${def.sheet['zh-CN']}（${def.key}）表缺少必需的列 ${col.header['zh-CN']}（${col.header['en-US']}）`,
            `table ${def.key} has no column ${col.header['en-US']} / ${col.header['zh-CN']}`,
          ),
          { file: options.sheet, sheet: options.sheet, row: headerRow },
        ),
      );
    }
  }

  const rows: Row[] = [];
  body.forEach((values, r) => {
    if (values.every((v) => v === '' || v === null || v === undefined)) return;
    const row: Row = {};
    for (const col of cols) {
      const raw = values[col.index] as string | number | boolean | null | undefined;
      row[col.key] = col.def
        ? readTyped(col.def, raw, options, { row: headerRow + 1 + r, column: col.header }, problems)
        : readExtra(raw, col.format, options.date1904);
    }
    rows.push(row);
  });

  const present = cols.map((c) => c.key);
  const missing = def.columns.map((c) => c.key).filter((k) => !present.includes(k));
  return { table: { key, columns: [...present, ...missing], rows }, problems };
}

function readTyped(
  def: ColumnDef,
  raw: string | number | boolean | null | undefined,
  options: GridReadOptions,
  at: { row: number; column: string },
  problems: Problem[],
): Cell {
  const coerced = coerceCell(def, raw, { date1904: options.date1904 });
  if (coerced.ok) return coerced.value;
  problems.push(
    problem('bad-cell', coerced.text, { file: options.sheet, sheet: options.sheet, ...at }),
  );
  return null;
}

/** A column we do not know keeps its value; a number under a date format becomes a date. */
function readExtra(
  raw: string | number | boolean | null | undefined,
  format: string | undefined,
  date1904: boolean,
): Cell {
  if (raw === '' || raw === undefined) return null;
  if (typeof raw === 'number' && format && isDateFormat(format)) return serialToDate(raw, date1904);
  return raw;
}

/** True for an Excel number format that shows a date (ignores quoted text and [colour] tags). */
export function isDateFormat(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return /[yd]/i.test(bare) && !/^general$/i.test(bare) && !bare.includes('@');
}
