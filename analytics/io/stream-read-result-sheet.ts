/**
 * Result sheets Cashbook wrote earlier (a month's 调节表, a notebook cell's output), read back
 * by the streaming reader so the streaming writer can write them again. Without this a large
 * book could not take a second month's reconciliation: the streaming writer keeps only the
 * sheets it is given, so the run was refused rather than drop the first month's sheet.
 * A sheet is read back only when it is plainly Cashbook's: one Excel table named `R_…` (both
 * writers name result tables so) and no drawing (charts would be lost). Column types come
 * from the cells: date- and money-formatted numbers, other numbers, booleans and text.
 */
import * as path from 'node:path';
import type { ColumnType } from '../book/schema';
import { coerceCell } from '../book/coerce-cell';
import type { Cell, ResultSheet } from '../book/types';
import { excelDate, readSheetRows, type SheetCell, type SheetReadOptions } from './sheet-xml-reader';
import { readZipEntry, readZipText, type ZipEntry } from './zip-reader';
import { unescapeXml } from './xml-text';

/**
 * Whether the sheet in `entry` is a result sheet Cashbook wrote: its one table is named
 * `R_…` and it has no drawing.
 */
export async function isResultSheet(file: string, entries: ReadonlyMap<string, ZipEntry>, entry: ZipEntry): Promise<boolean> {
  const dir = path.posix.dirname(entry.name);
  const rels = entries.get(`${dir}/_rels/${path.posix.basename(entry.name)}.rels`);
  if (!rels) return false;
  const targets = [...(await readZipText(file, rels)).matchAll(/<(?:\w+:)?Relationship\b([^>]*)/g)].map((m) => ({
    type: /\bType="([^"]*)"/.exec(m[1])?.[1] ?? '',
    target: /\bTarget="([^"]*)"/.exec(m[1])?.[1] ?? '',
  }));
  if (targets.some((r) => r.type.endsWith('/drawing'))) return false;
  const tables = targets.filter((r) => r.type.endsWith('/table'));
  if (tables.length !== 1) return false;
  const target = tables[0].target;
  const tableEntry = entries.get(target.startsWith('/') ? target.slice(1) : path.posix.normalize(`${dir}/${target}`));
  if (!tableEntry) return false;
  const xml = await readZipText(file, tableEntry);
  const name = /<(?:\w+:)?table\b[^>]*?\bname="([^"]*)"/.exec(xml)?.[1];
  return name !== undefined && unescapeXml(name).startsWith('R_');
}

/** A result sheet's header and rows, typed from its cells. */
export async function readResultSheet(file: string, name: string, entry: ZipEntry, options: SheetReadOptions & { amountStyles: readonly boolean[] }): Promise<ResultSheet> {
  let headers: string[] = [];
  const body: (SheetCell | undefined)[][] = [];
  for await (const row of readSheetRows(readZipEntry(file, entry), options)) {
    if (row.number === 1) headers = Array.from({ length: Math.max(0, row.cells.length - 1) }, (_, i) => String(row.cells[i + 1]?.value ?? ''));
    else if (row.number > 1) body.push(row.cells);
  }
  const types = headers.map((_, i) => columnType(body, i + 1));
  const rows = body.map((cells) => headers.map((_, i) => cellValue(cells[i + 1], types[i], options.date1904)));
  return { name, columns: headers.map((header, i) => ({ header, type: types[i] })), rows };
}

// The type a column was written with, as far as its cells tell.
function columnType(body: readonly (SheetCell | undefined)[][], col: number): ColumnType {
  let type: ColumnType | undefined;
  for (const cells of body) {
    const cell = cells[col];
    if (!cell || cell.value === null) continue;
    const v = cell.value;
    const own: ColumnType =
      typeof v === 'string' ? 'text' : typeof v === 'boolean' ? 'boolean' : typeof v !== 'number' ? 'text' : cell.dateStyled ? (Number.isInteger(v) ? 'date' : 'datetime') : cell.amountStyled ? 'amount' : 'number';
    if (type === undefined || type === own) type = own;
    else if (type === 'date' && own === 'datetime') type = 'datetime';
    else if (!(type === 'datetime' && own === 'date')) return 'text';
  }
  return type ?? 'text';
}

// A cell as the type reads it (as readBook reads a table's cell of that type); a cell the
// type does not take is kept as its text rather than lost.
function cellValue(cell: SheetCell | undefined, type: ColumnType, date1904: boolean): Cell {
  const v = cell?.value;
  if (v === undefined || v === null) return null;
  const raw = typeof v === 'number' && cell?.dateStyled ? excelDate(v, date1904) : v;
  const typed = coerceCell({ key: '', header: { 'zh-CN': '', 'en-US': '' }, type }, raw, { date1904 });
  return typed.ok ? typed.value : String(v instanceof Date ? v.toISOString() : v);
}
