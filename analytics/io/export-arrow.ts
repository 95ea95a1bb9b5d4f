/**
 * Export a book's tables as Arrow IPC files, for data past what one workbook holds: DuckDB,
 * Polars, pandas/pyarrow and Spark (through pyarrow to Parquet) read them without parsing
 * text. Types follow the schema: amounts as decimal(18, s) built from the canonical text
 * (exact, never through a float), dates as date32, datetimes as wall-clock timestamps (ms,
 * no zone, as the book keeps them), numbers as float64, integers as int32, yes/no as bool,
 * everything else as UTF-8 text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { columnFromArray, dateDay, decimal64, float64, int32, bool, tableFromColumns, tableToIPC, timestamp, utf8, TimeUnit } from '@uwdata/flechette';
import { SCHEMA, TABLE_KEYS, type ColumnDef, type TableKey } from '../book/schema';
import { dateToSerial } from '../book/dates';
import type { Book, Cell, Table } from '../book/types';
import { writeFileAtomic } from './atomic-write';

export interface ExportArrowResult {
  /** File written for each table, with its row count. */
  files: { table: TableKey; file: string; rows: number }[];
}

const MS_PER_DAY = 86_400_000;
const EPOCH_OFFSET_DAYS = 25_569; // serial of 1970-01-01 in the 1900 date system

/**
 * Write `<dir>/<Table>.arrow` for each table (Arrow IPC file format).
 * @param tables which tables @default every table with rows
 * @example exportBookArrow(book, 'out') // out/Journal.arrow … ; in DuckDB: FROM read_arrow('out/Journal.arrow')
 */
export function exportBookArrow(book: Book, dir: string, tables?: readonly TableKey[]): ExportArrowResult {
  fs.mkdirSync(dir, { recursive: true });
  const files: ExportArrowResult['files'] = [];
  for (const key of tables ?? TABLE_KEYS.filter((k) => (book.tables[k]?.rows.length ?? 0) > 0)) {
    const table = book.tables[key];
    if (!table) continue;
    const file = path.join(dir, `${SCHEMA[key].tableName}.arrow`);
    writeFileAtomic(file, tableToIPC(arrowTable(table), { format: 'file' })!);
    files.push({ table: key, file, rows: table.rows.length });
  }
  return { files };
}

function arrowTable(table: Table) {
  const def = SCHEMA[table.key];
  const columns: Record<string, ReturnType<typeof columnFromArray>> = {};
  for (const key of table.columns) {
    const col = def.columns.find((c) => c.key === key);
    const values = table.rows.map((r) => r[key] ?? null);
    columns[key] = arrowColumn(values, col);
  }
  return tableFromColumns(columns);
}

function arrowColumn(values: Cell[], col: ColumnDef | undefined) {
  switch (col?.type) {
    case 'amount': {
      const scale = Math.max(2, ...values.map((v) => fractionDigits(v)));
      return columnFromArray(values.map((v) => scaledAmount(v, scale)), decimal64(18, scale));
    }
    case 'date':
      return columnFromArray(values.map((v) => epochMs(v)), dateDay());
    case 'datetime':
      return columnFromArray(values.map((v) => epochMs(v)), timestamp(TimeUnit.MILLISECOND));
    case 'number':
      return columnFromArray(values.map((v) => (v === null || v === '' ? null : Number(v))), float64());
    case 'integer':
      return columnFromArray(values.map((v) => (v === null || v === '' ? null : Number(v))), int32());
    case 'boolean':
      return columnFromArray(values.map((v) => (v === null || v === '' ? null : v === true || v === 'true')), bool());
    default:
      return columnFromArray(values.map((v) => (v === null ? null : String(v))), utf8());
  }
}

function fractionDigits(v: Cell): number {
  if (typeof v !== 'string') return 0;
  const dot = v.indexOf('.');
  return dot < 0 ? 0 : v.length - dot - 1;
}

/** '-1200.5' at scale 2 → -120050n, from the text alone. */
function scaledAmount(v: Cell, scale: number): bigint | null {
  if (v === null || v === '') return null;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(v));
  if (!m) return null;
  const units = BigInt(m[2] + (m[3] ?? '').padEnd(scale, '0'));
  return m[1] ? -units : units;
}

function epochMs(v: Cell): number | null {
  if (v === null || v === '') return null;
  const serial = dateToSerial(String(v));
  return Number.isFinite(serial) ? Math.round((serial - EPOCH_OFFSET_DAYS) * MS_PER_DAY) : null;
}
