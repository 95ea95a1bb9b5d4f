/**
 * Plan a bulk write the way Excel wants it: whole 2-D blocks, split only where one request
 * would pass the payload limit (5 MB on Excel on the web, for the request as a whole). Rows
 * are packed greedily into chunks whose values plus number formats stay under a byte budget,
 * measured as UTF-8 JSON (what goes over the wire), so a chunk of Chinese text is not
 * under-counted. Also decides, per table, whether a change set can be appended below the
 * table or needs the table rewritten whole.
 */
import { SCHEMA, type TableKey } from '../../analytics/book/schema';
import type { Book, ResultSheet, TableChange } from '../../analytics/book/types';
import type { ExcelValue } from './table-grid';

/** Default request budget per chunk: half of Excel on the web's 5 MB, leaving room for overhead. */
export const DEFAULT_CHUNK_BYTES = 2_500_000;

export interface Chunk {
  /** First body row of the chunk (0-based within the rows written). */
  start: number;
  count: number;
  /** Estimated request bytes of the chunk's values and formats. */
  bytes: number;
}

/** UTF-8 length of a string without allocating: 1, 2 or 3 bytes per UTF-16 unit (surrogate pairs count 4). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return n;
}

/** Request bytes one row costs: its values as JSON plus its formats row when formats are written. */
export function rowBytes(row: readonly ExcelValue[], formatRowBytes: number): number {
  return utf8Length(JSON.stringify(row)) + 1 + formatRowBytes;
}

/**
 * Split rows into chunks under `budget` bytes each. A single row larger than the budget
 * becomes a chunk of its own (Excel cells hold at most 32,767 characters, so it still fits
 * the 5 MB limit unless a row has very many wide cells).
 */
export function planChunks(
  rows: readonly (readonly ExcelValue[])[],
  formats: readonly string[] | null,
  budget = DEFAULT_CHUNK_BYTES,
): Chunk[] {
  const formatRowBytes = formats ? utf8Length(JSON.stringify(formats)) + 1 : 0;
  const chunks: Chunk[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < rows.length; i++) {
    const b = rowBytes(rows[i], formatRowBytes);
    if (i > start && bytes + b > budget) {
      chunks.push({ start, count: i - start, bytes });
      start = i;
      bytes = 0;
    }
    bytes += b;
  }
  if (rows.length > start) chunks.push({ start, count: rows.length - start, bytes });
  return chunks;
}

/** What to do to one table or sheet of the workbook. */
export type TableWrite =
  | { kind: 'append'; key: TableKey; rows: number }
  | { kind: 'rewrite'; key: TableKey }
  | { kind: 'sheet'; sheet: ResultSheet };

/**
 * Decide the writes for a committed change set. A table whose changes are all appends,
 * whose columns did not change, gets only its new rows written below it; any other change
 * (replace, upsert, delete, new columns) rewrites the table whole from `next`.
 */
export function planTableWrites(
  changes: readonly TableChange[],
  before: Book | undefined,
  next: Book,
): TableWrite[] {
  const byTable = new Map<TableKey, TableChange[]>();
  const sheets = new Map<string, ResultSheet>();
  for (const change of changes) {
    if (change.op === 'sheet') sheets.set(change.sheet.name, change.sheet);
    else byTable.set(change.table, [...(byTable.get(change.table) ?? []), change]);
  }

  const writes: TableWrite[] = [];
  for (const [key, list] of byTable) {
    const beforeTable = before?.tables[key];
    const nextTable = next.tables[key];
    const appendOnly = list.every((c) => c.op === 'append');
    const sameColumns =
      !!beforeTable &&
      !!nextTable &&
      beforeTable.columns.join('\u0000') === nextTable.columns.join('\u0000');
    if (appendOnly && sameColumns) {
      writes.push({
        kind: 'append',
        key,
        rows: list.reduce((n, c) => n + (c.op === 'append' ? c.rows.length : 0), 0),
      });
    } else {
      writes.push({ kind: 'rewrite', key });
    }
  }
  for (const sheet of sheets.values()) writes.push({ kind: 'sheet', sheet });
  return writes;
}

/** Sheet names a table may sit on (either language, or the table's own name). */
export function sheetNamesOf(key: TableKey): string[] {
  const def = SCHEMA[key];
  return [...new Set([def.sheet['zh-CN'], def.sheet['en-US'], def.tableName])];
}
