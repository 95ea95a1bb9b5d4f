/**
 * Pick the reader and writer by size: small books go through ExcelJS (`readBook` /
 * `writeBook`), which keeps every other sheet, chart and style of the user's workbook;
 * big ones through the streaming pair, which keeps memory flat but rewrites the file with
 * only Cashbook's tables and result sheets. At a million rows the in-memory path is not an
 * option at all: ExcelJS needs several GB and `readBook` refuses sheets over 512 MiB.
 */
import * as fs from 'node:fs';
import type ExcelJS from 'exceljs';
import { rowCount } from '../book/column-rows';
import { SCHEMA, TABLE_KEYS } from '../book/schema';
import type { Book } from '../book/types';
import type { Problem } from '../util/problem';
import { readBook } from './read-book';
import { streamReadBook, type StreamReadOptions } from './stream-read-book';
import { streamWriteBook } from './stream-write-book';
import { writeBook, type WriteBookOptions } from './write-book';

/** Files at least this big (compressed) are read by streaming; ~40,000 journal rows. */
export const STREAM_READ_BYTES = 4 * 1024 * 1024;
/** Books with at least this many rows in all tables are written by streaming. */
export const STREAM_WRITE_ROWS = 50_000;

export interface OpenBookResult {
  book: Book;
  problems: Problem[];
  /** The ExcelJS workbook when it was read in memory; absent after a streaming read. */
  workbook?: ExcelJS.Workbook;
}

/**
 * Read a book with the reader its size calls for.
 * @param streamFromBytes files this size or larger are streamed @default STREAM_READ_BYTES
 * @param read what a streamed read holds as columns (a small file is read as rows)
 * @throws AnalyticsError as `readBook` and `streamReadBook` do
 */
export async function openBook(file: string, streamFromBytes = STREAM_READ_BYTES, read: StreamReadOptions = {}): Promise<OpenBookResult> {
  const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
  return size >= streamFromBytes ? streamReadBook(file, read) : readBook(file);
}

export interface SaveBookResult {
  mode: 'in-memory' | 'streaming';
  /** Sheets of the read workbook that a streaming write did not carry over. */
  droppedSheets: string[];
}

/**
 * Write a book with the writer its size calls for, atomically either way.
 * @param options `writeBook`'s options, and `streamFromRows` (@default STREAM_WRITE_ROWS)
 * @returns which writer ran and which of the workbook's other sheets it left out
 */
export async function saveBook(file: string, book: Book, options: WriteBookOptions & { streamFromRows?: number } = {}): Promise<SaveBookResult> {
  // Counted without making rows held as columns: the streaming writer writes those as they are.
  const rows = TABLE_KEYS.reduce((n, k) => n + rowCount(book.tables[k]), 0);
  if (rows < (options.streamFromRows ?? STREAM_WRITE_ROWS)) {
    await writeBook(file, book, options);
    return { mode: 'in-memory', droppedSheets: [] };
  }
  await streamWriteBook(file, book);
  const ours = new Set([...TABLE_KEYS.flatMap((k) => [SCHEMA[k].sheet['zh-CN'], SCHEMA[k].sheet['en-US'], SCHEMA[k].tableName]), ...Object.keys(book.sheets ?? {})]);
  const droppedSheets = (options.workbook?.worksheets ?? []).map((w) => w.name).filter((n) => !ours.has(n));
  return { mode: 'streaming', droppedSheets };
}
