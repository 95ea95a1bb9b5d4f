/**
 * Small helpers over a Book: empty books and tables, reading a table's rows, and settings.
 */
import { SCHEMA, TABLE_KEYS, type Lang, type TableKey } from './schema';
import type { Book, Row, Table } from './types';

/** An empty table with the schema's columns. */
export function emptyTable(key: TableKey): Table {
  return { key, columns: SCHEMA[key].columns.map((c) => c.key), rows: [] };
}

/** A book with every schema table present and empty. */
export function emptyBook(lang: Lang = 'zh-CN', timeZone = 'Asia/Shanghai'): Book {
  const tables: Book['tables'] = {};
  for (const key of TABLE_KEYS) tables[key] = emptyTable(key);
  return { lang, timeZone, date1904: false, tables };
}

/** The rows of a table; an absent table has none. */
export function rowsOf(book: Book, key: TableKey): Row[] {
  return book.tables[key]?.rows ?? [];
}

/** Settings as a map of Key → Value text. */
export function settingsOf(book: Book): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rowsOf(book, 'Settings')) {
    if (r.Key !== null && r.Key !== '') out.set(String(r.Key), r.Value === null ? '' : String(r.Value));
  }
  return out;
}

/** A setting read as text, or the default. */
export function setting(book: Book, key: string, fallback: string): string {
  const v = settingsOf(book).get(key);
  return v === undefined || v === '' ? fallback : v;
}

/** A setting read as a number, or the default when absent or not a number. */
export function numberSetting(book: Book, key: string, fallback: number): number {
  const n = Number(setting(book, key, ''));
  return setting(book, key, '') !== '' && Number.isFinite(n) ? n : fallback;
}

/** Text value of a cell ('' for null). */
export function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}
