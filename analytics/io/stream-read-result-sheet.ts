/**
 * Result sheets the streaming writer wrote earlier (a month's 调节表 on a large book), read
 * back by the streaming reader so that writing the book again keeps them. Without this a
 * large book could not take a second month's reconciliation: the streaming writer keeps only
 * the sheets it is given, so the run was refused rather than drop the first month's sheet.
 * A sheet is read back only when it is exactly what this writer would write for what was
 * read: the same worksheet part and table part, byte for byte, one table and nothing else
 * beside it, visible, and named by no defined name. Any edit made in Excel (a note beside the
 * table, a merged cell, a comment, a width, a hidden sheet) fails that test, and the sheet is
 * left alone: a command that would write the book is refused, as it was before.
 */
import * as path from 'node:path';
import type { ColumnType } from '../book/schema';
import { coerceCell } from '../book/coerce-cell';
import type { Cell, ResultSheet } from '../book/types';
import { excelDate, readSheetRows, type SheetCell, type SheetReadOptions } from './sheet-xml-reader';
import { resultSheetParts } from './stream-write-book';
import { readZipEntry, readZipText, type ZipEntry } from './zip-reader';
import { escapeXml, unescapeXml } from './xml-text';

/** Excel's widest sheet: a cell past column XFD is not Cashbook's. */
const MAX_COLUMNS = 16_384;

/**
 * The sheet in `entry`, when it is a result sheet this writer wrote and nobody changed.
 * @param workbookXml the workbook part (sheet states and defined names)
 */
export async function readResultSheetBack(
  file: string,
  entries: ReadonlyMap<string, ZipEntry>,
  workbookXml: string,
  name: string,
  entry: ZipEntry,
  options: SheetReadOptions & { amountStyles: readonly boolean[] },
): Promise<ResultSheet | undefined> {
  if (!shownAndUnnamed(workbookXml, name)) return undefined;
  const table = await onlyTable(file, entries, entry);
  if (!table) return undefined;
  const sheet = await readCells(file, name, entry, options);
  if (!sheet) return undefined;
  const written = resultSheetParts(sheet, options.date1904, table.index, table.name);
  if (written.tableXml !== table.xml || written.sheetXml !== (await readZipText(file, entry))) return undefined;
  return sheet;
}

// The sheet is visible and no defined name (a print area, a named range) refers to it: the
// streaming writer writes neither.
function shownAndUnnamed(workbookXml: string, name: string): boolean {
  const element = [...workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)/g)].find((m) => unescapeXml(/\bname="([^"]*)"/.exec(m[1])?.[1] ?? '') === name);
  if (!element || /\bstate="/.test(element[1])) return false;
  const names = /<(?:\w+:)?definedNames\b[\s\S]*?<\/(?:\w+:)?definedNames>/.exec(workbookXml)?.[0] ?? '';
  return !names.includes(escapeXml(name)) && !names.includes(name);
}

// The sheet's one relationship, to a table named R_…, with that table's part and number.
async function onlyTable(file: string, entries: ReadonlyMap<string, ZipEntry>, entry: ZipEntry): Promise<{ xml: string; name: string; index: number } | undefined> {
  const dir = path.posix.dirname(entry.name);
  const rels = entries.get(`${dir}/_rels/${path.posix.basename(entry.name)}.rels`);
  if (!rels) return undefined;
  const relations = [...(await readZipText(file, rels)).matchAll(/<(?:\w+:)?Relationship\b([^>]*)/g)];
  if (relations.length !== 1 || !/\bType="[^"]*\/table"/.test(relations[0][1])) return undefined;
  const target = /\bTarget="([^"]*)"/.exec(relations[0][1])?.[1] ?? '';
  const tableEntry = entries.get(target.startsWith('/') ? target.slice(1) : path.posix.normalize(`${dir}/${target}`));
  // A result table part is a few hundred bytes; anything large is not one.
  if (!tableEntry || tableEntry.size > 1 << 20) return undefined;
  const xml = await readZipText(file, tableEntry);
  const name = unescapeXml(/<(?:\w+:)?table\b[^>]*?\bname="([^"]*)"/.exec(xml)?.[1] ?? '');
  const index = Number(/<(?:\w+:)?table\b[^>]*?\bid="(\d+)"/.exec(xml)?.[1]);
  return name.startsWith('R_') && Number.isInteger(index) ? { xml, name, index } : undefined;
}

// The header (row 1) and rows under it, typed from the cells; undefined for a sheet no
// result sheet could be (a cell past Excel's last column, a header cell that is not text).
async function readCells(file: string, name: string, entry: ZipEntry, options: SheetReadOptions): Promise<ResultSheet | undefined> {
  let headers: string[] | undefined;
  const body: (SheetCell | undefined)[][] = [];
  for await (const row of readSheetRows(readZipEntry(file, entry), options)) {
    if (row.cells.length > MAX_COLUMNS + 1) return undefined;
    if (row.number === 1 && headers === undefined) {
      headers = [];
      for (let i = 1; i < row.cells.length; i++) {
        const v = row.cells[i]?.value;
        if (typeof v !== 'string') return undefined;
        headers.push(v);
      }
    } else body.push(row.cells);
  }
  if (!headers) return undefined;
  const columns = headers;
  const types = columns.map((_, i) => columnType(body, i + 1));
  const rows = body.map((cells) => columns.map((_, i) => cellValue(cells[i + 1], types[i], options.date1904)));
  return { name, columns: columns.map((header, i) => ({ header, type: types[i] })), rows };
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
// type does not take is kept as its text (and the sheet then fails the byte comparison).
function cellValue(cell: SheetCell | undefined, type: ColumnType, date1904: boolean): Cell {
  const v = cell?.value;
  if (v === undefined || v === null) return null;
  const raw = typeof v === 'number' && cell?.dateStyled ? excelDate(v, date1904) : v;
  const typed = coerceCell({ key: '', header: { 'zh-CN': '', 'en-US': '' }, type }, raw, { date1904 });
  return typed.ok ? typed.value : String(v instanceof Date ? v.toISOString() : v);
}
