/**
 * MemoryHost: the WorkbookHost port over in-memory 2-D arrays, for the playground and the
 * pane's tests. Each sheet is a grid of Excel values (header row first) with the number
 * format of each column, read and written through the same grid conversions and write plan
 * as ExcelHost, so what the pane sees here is what it would see in Excel. The sync counter
 * follows ExcelHost's pattern (two probes, then per table one per chunk plus one to finish).
 */
import { SCHEMA, TABLE_KEYS, type TableKey } from '../../analytics/book/schema';
import type { Book, TableChange } from '../../analytics/book/types';
import type { Problem } from '../../analytics/util/problem';
import { log } from '../log';
import { gridToTable, resultSheetToGrid, tableToGrid, type ExcelValue } from './table-grid';
import type { ApplyOptions, ApplyReport, ReadBookResult, WorkbookHost } from './workbook-host';
import { DEFAULT_CHUNK_BYTES, planChunks, planTableWrites, sheetNamesOf } from './write-plan';

export interface MemorySheet {
  name: string;
  /** Excel table name when the sheet holds one. */
  table?: string;
  /** Header row first. */
  rows: ExcelValue[][];
  formats: string[];
}

export class MemoryHost implements WorkbookHost {
  readonly kind = 'memory' as const;
  /** Sheets in workbook order. */
  readonly sheets: MemorySheet[] = [];
  /** All `sync` calls this host would have made. */
  syncs = 0;
  private current: Book | undefined;
  private date1904 = false;
  private lang: Book['lang'] = 'zh-CN';
  private timeZone = 'Asia/Shanghai';

  constructor(private readonly chunkBytes = DEFAULT_CHUNK_BYTES) {}

  /** A host holding `book` as a freshly written workbook. */
  static fromBook(book: Book, chunkBytes?: number): MemoryHost {
    const host = new MemoryHost(chunkBytes);
    host.date1904 = book.date1904;
    host.lang = book.lang;
    host.timeZone = book.timeZone;
    for (const key of TABLE_KEYS) if (book.tables[key]) host.putTable(book, key);
    for (const sheet of Object.values(book.sheets ?? {})) {
      const grid = resultSheetToGrid(book, sheet);
      host.put({ name: sheet.name, rows: [grid.header, ...grid.body], formats: grid.formats });
    }
    host.syncs = 0;
    return host;
  }

  async readBook(): Promise<ReadBookResult> {
    this.syncs += 2;
    const problems: Problem[] = [];
    const book: Book = {
      lang: this.lang,
      timeZone: this.timeZone,
      date1904: this.date1904,
      tables: {},
      sheets: this.current?.sheets,
    };
    for (const key of TABLE_KEYS) {
      const sheet = this.sheetOf(key);
      if (!sheet) continue;
      const [header = [], ...body] = sheet.rows;
      const read = gridToTable(key, header, body, {
        date1904: this.date1904,
        sheet: sheet.name,
        firstRowFormats: sheet.formats,
      });
      book.tables[key] = read.table;
      problems.push(...read.problems);
    }
    this.current = book;
    return { book, problems };
  }

  async apply(
    changes: readonly TableChange[],
    next: Book,
    options: ApplyOptions = {},
  ): Promise<ApplyReport> {
    const writes = planTableWrites(changes, this.current, next);
    const report: ApplyReport = { syncs: 0, chunks: 0, largestChunkBytes: 0 };
    if (!writes.length) return report;
    report.syncs += writes.some((w) => w.kind !== 'sheet' && this.sheetOf(w.key)) ? 2 : 1;

    const total = writes.length;
    writes.forEach((w, i) => {
      const grid = w.kind === 'sheet' ? resultSheetToGrid(next, w.sheet) : tableToGrid(next, w.key);
      const existing = w.kind === 'sheet' ? undefined : this.sheetOf(w.key);
      const append = w.kind === 'append' && existing !== undefined;
      const block = append
        ? grid.body.slice(grid.body.length - w.rows)
        : [grid.header, ...grid.body];
      const chunks = planChunks(block, grid.formats, this.chunkBytes);
      report.chunks += chunks.length;
      report.syncs += Math.max(1, chunks.length) + 1;
      for (const c of chunks)
        report.largestChunkBytes = Math.max(report.largestChunkBytes, c.bytes);

      if (w.kind === 'sheet') this.put({ name: w.sheet.name, rows: block, formats: grid.formats });
      else if (append) existing!.rows.push(...block);
      else this.putTable(next, w.key);
      options.onProgress?.({
        done: i + 1,
        total,
        table: w.kind === 'sheet' ? w.sheet.name : w.key,
      });
    });

    this.syncs += report.syncs;
    this.current = next;
    this.lang = next.lang;
    log.debug('memory-apply', { ...report });
    return report;
  }

  /** The sheet holding a schema table: by table name, else by either language's sheet name. */
  sheetOf(key: TableKey): MemorySheet | undefined {
    const names = sheetNamesOf(key);
    return (
      this.sheets.find((s) => s.table === SCHEMA[key].tableName) ??
      this.sheets.find((s) => names.includes(s.name))
    );
  }

  private putTable(book: Book, key: TableKey): void {
    const grid = tableToGrid(book, key);
    const old = this.sheetOf(key);
    this.put({
      name: old?.name ?? SCHEMA[key].sheet[book.lang],
      table: SCHEMA[key].tableName,
      rows: [grid.header, ...grid.body],
      formats: grid.formats,
    });
  }

  private put(sheet: MemorySheet): void {
    const at = this.sheets.findIndex((s) => s.name === sheet.name);
    if (at >= 0) this.sheets[at] = sheet;
    else this.sheets.push(sheet);
  }
}
