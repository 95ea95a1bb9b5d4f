/// <reference types="office-js" />
/**
 * ExcelHost: the WorkbookHost port over Office.js. Reads cost two `context.sync()` calls
 * whatever the row count: one to learn which tables exist, one to load every table's
 * header and body values together. Writes cost two syncs to probe the workbook plus, per
 * table, one sync per write chunk (sized by a byte budget, see write-plan.ts) and one to
 * create/resize the table and draw charts. Calculation is suspended for each chunk and
 * screen updating once per apply, where the API sets allow. Every Office failure becomes an
 * ExcelOpError naming the operation.
 *
 * LIMITATION: a read loads each table in one response; Excel on the web refuses responses
 * over 5 MB, so a workbook of several hundred thousand rows must be opened in desktop Excel.
 */
import { SCHEMA, TABLE_KEYS, type Lang, type TableKey } from '../../analytics/book/schema';
import type { Book, ChartSpec, ResultSheet } from '../../analytics/book/types';
import type { Problem } from '../../analytics/util/problem';
import { log } from '../log';
import { withExcelOp } from './excel-op-error';
import { gridToTable, resultSheetToGrid, tableToGrid, type Grid } from './table-grid';
import type { ApplyOptions, ApplyReport, ReadBookResult, WorkbookHost } from './workbook-host';
import {
  DEFAULT_CHUNK_BYTES,
  planChunks,
  planTableWrites,
  sheetNamesOf,
  type Chunk,
  type TableWrite,
} from './write-plan';

/** Runs a batch against Excel: `Excel.run` in Office, a mock in tests. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions {
  run?: ExcelRunner;
  /** Requirement-set check: `Office.context.requirements.isSetSupported` in Office. */
  isSetSupported?: (name: string, version: string) => boolean;
  /** Byte budget per write chunk. @default DEFAULT_CHUNK_BYTES */
  chunkBytes?: number;
  /** Language for new books whose sheets say nothing. @default 'zh-CN' */
  lang?: Lang;
}

const CHART_TYPES: Record<ChartSpec['kind'], string> = {
  line: 'Line',
  column: 'ColumnClustered',
  bar: 'BarClustered',
  pie: 'Pie',
  area: 'Area',
  scatter: 'XYScatter',
};

interface PreparedWrite {
  write: TableWrite;
  grid: Grid;
  /** Rows sent: the new rows for an append, header and body for a rewrite. */
  block: Grid['body'];
  append: boolean;
  chunks: Chunk[];
}

interface TableProbe {
  key: TableKey;
  table: Excel.Table;
  sheets: Excel.Worksheet[];
}

export class ExcelHost implements WorkbookHost {
  readonly kind = 'excel' as const;
  private readonly run: ExcelRunner;
  private readonly supports: (name: string, version: string) => boolean;
  private readonly chunkBytes: number;
  private readonly lang: Lang;
  /** The book as of the last read or apply; tells appends from rewrites. */
  private current: Book | undefined;

  constructor(options: ExcelHostOptions = {}) {
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.supports =
      options.isSetSupported ??
      ((name, version) => Office.context.requirements.isSetSupported(name, version));
    this.chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
    this.lang = options.lang ?? 'zh-CN';
  }

  /** Read every schema table in two syncs. */
  async readBook(): Promise<ReadBookResult> {
    const result = await withExcelOp('read-book', () =>
      this.run(async (context) => {
        const wb = context.workbook;

        // Step 1: which tables and sheets exist, and the date system (sync 1)
        const probes = this.probeTables(wb, TABLE_KEYS);
        // DATE(1904,1,1) is serial 0 in the 1904 date system and 1462 in the 1900 one.
        const epoch = wb.functions.date(1904, 1, 1).load('value');
        await context.sync();
        const date1904 = epoch.value === 0;

        // Step 2: every table's header, body and first-row formats in one batch (sync 2)
        const loads = probes.map((p) => this.loadTable(p));
        await context.sync();

        // Step 3: typed tables
        const problems: Problem[] = [];
        const book: Book = { lang: this.lang, timeZone: 'Asia/Shanghai', date1904, tables: {} };
        for (const l of loads) {
          if (!l) continue;
          const body = l.body ? (l.body.values as unknown[][]) : [];
          const header = l.header
            ? (l.header.values[0] as unknown[])
            : ((body.shift() as unknown[] | undefined) ?? []);
          const sheet = l.sheet.name;
          if (sheet === SCHEMA[l.key].sheet['en-US'] && l.key === 'Journal') book.lang = 'en-US';
          if (sheet === SCHEMA[l.key].sheet['zh-CN'] && l.key === 'Journal') book.lang = 'zh-CN';
          const formats = l.formats ? (l.formats.numberFormat[0] as string[]) : undefined;
          const read = gridToTable(l.key, header, body, {
            date1904,
            sheet,
            headerRow: l.headerRow,
            firstRowFormats: formats,
          });
          book.tables[l.key] = read.table;
          problems.push(...read.problems);
        }
        applyBookSettings(book);
        log.info('excel-read-book', { tables: Object.keys(book.tables).length, syncs: 2 });
        return { book, problems };
      }),
    );
    this.current = result.book;
    return result;
  }

  /** Write committed changes: appends below tables, rewrites whole tables, result sheets with charts. */
  async apply(
    changes: Parameters<WorkbookHost['apply']>[0],
    next: Book,
    options: ApplyOptions = {},
  ): Promise<ApplyReport> {
    const writes = planTableWrites(changes, this.current, next);
    const report: ApplyReport = { syncs: 0, chunks: 0, largestChunkBytes: 0 };
    if (!writes.length) return report;

    await withExcelOp('apply', () =>
      this.run(async (context) => {
        const wb = context.workbook;
        const sync = async () => {
          report.syncs++;
          await context.sync();
        };
        if (this.supports('ExcelApi', '1.9')) wb.application.suspendScreenUpdatingUntilNextSync();

        // Step 1: which of the touched tables and sheets exist (sync 1)
        const keys = writes.flatMap((w) => (w.kind === 'sheet' ? [] : [w.key]));
        const probes = this.probeTables(wb, keys);
        const resultSheets = writes.flatMap((w) =>
          w.kind === 'sheet'
            ? [wb.worksheets.getItemOrNullObject(w.sheet.name).load('isNullObject')]
            : [],
        );
        await sync();

        // Step 2: where the existing tables sit and what their headers say (sync 2)
        const places = new Map<
          TableKey,
          { range: Excel.Range; header: Excel.Range; table: Excel.Table }
        >();
        for (const p of probes) {
          if (p.table.isNullObject) continue;
          places.set(p.key, {
            table: p.table,
            range: p.table.getRange().load('rowIndex,columnIndex,rowCount,columnCount'),
            header: p.table.getHeaderRowRange().load('values'),
          });
        }
        if (places.size) await sync();

        // Step 3: one write per table, chunk by chunk
        const prepared = writes.map((w) =>
          this.prepare(w, next, w.kind !== 'sheet' && places.has(w.key)),
        );
        const total = prepared.reduce((n, p) => n + Math.max(1, p.chunks.length), 0);
        let done = 0;
        const progressFor = (table: string) => () =>
          options.onProgress?.({ done: ++done, total, table });
        let sheetIndex = 0;
        for (const p of prepared) {
          const w = p.write;
          const isLast = p === prepared[prepared.length - 1];
          if (w.kind === 'sheet') {
            await this.writeResultSheet(
              context,
              w.sheet,
              p,
              next,
              !resultSheets[sheetIndex++].isNullObject,
              sync,
              report,
              progressFor(w.sheet.name),
              isLast,
            );
            continue;
          }
          const place = places.get(w.key);
          if (p.append && place && this.canAppend(place, p.grid)) {
            await this.appendRows(context, place, p, sync, report, progressFor(w.key), isLast);
          } else {
            const again = p.append
              ? this.prepare({ kind: 'rewrite', key: w.key }, next, !!place)
              : p;
            const probe = probes.find((x) => x.key === w.key)!;
            await this.rewriteTable(
              context,
              w.key,
              probe,
              place,
              again,
              next,
              sync,
              report,
              progressFor(w.key),
              isLast,
            );
          }
        }
      }),
    );
    this.current = next;
    log.info('excel-apply', { ...report });
    return report;
  }

  private probeTables(wb: Excel.Workbook, keys: readonly TableKey[]): TableProbe[] {
    return keys.map((key) => ({
      key,
      table: wb.tables.getItemOrNullObject(SCHEMA[key].tableName).load('isNullObject'),
      sheets: sheetNamesOf(key).map((name) =>
        wb.worksheets.getItemOrNullObject(name).load('isNullObject,name'),
      ),
    }));
  }

  /** Queue the loads for one table (or, failing a table, the used range of its sheet). */
  private loadTable(p: TableProbe) {
    if (!p.table.isNullObject) {
      const body = p.table.getDataBodyRange();
      return {
        key: p.key,
        sheet: p.table.worksheet.load('name'),
        header: p.table.getHeaderRowRange().load('values,rowIndex'),
        body: body.load('values'),
        formats: body.getRow(0).load('numberFormat'),
        headerRow: undefined as number | undefined,
      };
    }
    const sheet = p.sheets.find((s) => !s.isNullObject);
    if (!sheet) return undefined;
    // A schema sheet whose table was removed: read its used range, first row as the header.
    return {
      key: p.key,
      sheet,
      header: undefined,
      body: sheet.getUsedRange(true).load('values'),
      formats: undefined,
      headerRow: 1,
    };
  }

  private canAppend(place: { header: Excel.Range; range: Excel.Range }, grid: Grid): boolean {
    const live = (place.header.values[0] as unknown[]).map((h) => String(h));
    return (
      live.length === grid.header.length &&
      live.every((h, i) => h === grid.header[i]) &&
      this.supports('ExcelApi', '1.13')
    );
  }

  /** Grid, block of rows to send (header first for a rewrite) and its chunks, planned once. */
  private prepare(w: TableWrite, next: Book, exists: boolean): PreparedWrite {
    const grid = w.kind === 'sheet' ? resultSheetToGrid(next, w.sheet) : tableToGrid(next, w.key);
    const append = w.kind === 'append' && exists;
    // Excel tables need one body row; an empty table gets a blank one.
    const body = grid.body.length ? grid.body : [grid.header.map(() => '')];
    const block =
      append && w.kind === 'append'
        ? grid.body.slice(grid.body.length - w.rows)
        : [grid.header, ...body];
    return {
      write: w,
      grid,
      block,
      append,
      chunks: planChunks(block, grid.formats, this.chunkBytes),
    };
  }

  /** Write `rows` as a block at (r0, c0), one sync per chunk; `before` runs in the first chunk's batch. */
  private async writeBlock(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    at: { r0: number; c0: number },
    prepared: PreparedWrite,
    sync: () => Promise<void>,
    report: ApplyReport,
    progress: () => void,
    before?: () => void,
  ): Promise<void> {
    const { block: rows, chunks } = prepared;
    const formats = prepared.grid.formats;
    const calc = this.supports('ExcelApi', '1.6');
    if (!chunks.length && before) {
      before();
      await sync();
    }
    for (const [i, chunk] of chunks.entries()) {
      if (i === 0) before?.();
      if (calc) context.workbook.application.suspendApiCalculationUntilNextSync();
      const range = sheet.getRangeByIndexes(
        at.r0 + chunk.start,
        at.c0,
        chunk.count,
        formats.length,
      );
      // Formats first: a '@' cell keeps '=...' and long ids as text when the values land.
      range.numberFormat = Array.from({ length: chunk.count }, () => formats);
      range.values = rows.slice(chunk.start, chunk.start + chunk.count) as Excel.Range['values'];
      report.chunks++;
      report.largestChunkBytes = Math.max(report.largestChunkBytes, chunk.bytes);
      await sync();
      progress();
    }
  }

  private async appendRows(
    context: Excel.RequestContext,
    place: { table: Excel.Table; range: Excel.Range },
    prepared: PreparedWrite,
    sync: () => Promise<void>,
    report: ApplyReport,
    progress: () => void,
    isLast: boolean,
  ): Promise<void> {
    const { rowIndex, columnIndex, rowCount, columnCount } = place.range;
    const sheet = place.table.worksheet;
    const count = prepared.block.length;
    // A table's last body row may be the blank one Excel keeps in an empty table: write over it.
    const blankTail = rowCount === 2 && prepared.grid.body.length === count ? 1 : 0;
    await this.writeBlock(
      context,
      sheet,
      { r0: rowIndex + rowCount - blankTail, c0: columnIndex },
      prepared,
      sync,
      report,
      progress,
    );
    place.table.resize(
      sheet.getRangeByIndexes(rowIndex, columnIndex, rowCount - blankTail + count, columnCount),
    );
    if (isLast) this.recalculate(context);
    await sync();
  }

  private async rewriteTable(
    context: Excel.RequestContext,
    key: TableKey,
    probe: TableProbe,
    place: { table: Excel.Table; range: Excel.Range } | undefined,
    prepared: PreparedWrite,
    next: Book,
    sync: () => Promise<void>,
    report: ApplyReport,
    progress: () => void,
    isLast: boolean,
  ): Promise<void> {
    const wb = context.workbook;
    const def = SCHEMA[key];
    const existing = probe.sheets.find((s) => !s.isNullObject);
    const sheet = place
      ? place.table.worksheet
      : (existing ?? wb.worksheets.add(def.sheet[next.lang]));
    const at = place ? { r0: place.range.rowIndex, c0: place.range.columnIndex } : { r0: 0, c0: 0 };
    const { grid, block } = prepared;
    const clearOld = () => {
      if (place) {
        place.range.clear('All');
        place.table.delete();
      } else if (existing) {
        existing.getRange().clear('All');
      }
    };
    await this.writeBlock(context, sheet, at, prepared, sync, report, progress, clearOld);

    // Finish: the table over the block, its name and style, a frozen header
    const table = sheet.tables.add(
      sheet.getRangeByIndexes(at.r0, at.c0, block.length, grid.header.length),
      true,
    );
    table.name = def.tableName;
    table.style = 'TableStyleMedium2';
    if (this.supports('ExcelApi', '1.7')) sheet.freezePanes.freezeRows(at.r0 + 1);
    sheet.getRangeByIndexes(at.r0, at.c0, 1, grid.header.length).format.autofitColumns();
    if (isLast) this.recalculate(context);
    await sync();
  }

  private async writeResultSheet(
    context: Excel.RequestContext,
    result: ResultSheet,
    prepared: PreparedWrite,
    next: Book,
    exists: boolean,
    sync: () => Promise<void>,
    report: ApplyReport,
    progress: () => void,
    isLast: boolean,
  ): Promise<void> {
    const wb = context.workbook;
    // Result sheets are rewritten whole: the old sheet goes, a new one takes its name.
    if (exists) wb.worksheets.getItem(result.name).delete();
    const sheet = wb.worksheets.add(result.name);
    const { grid, block } = prepared;
    await this.writeBlock(context, sheet, { r0: 0, c0: 0 }, prepared, sync, report, progress);

    const table = sheet.tables.add(
      sheet.getRangeByIndexes(0, 0, block.length, grid.header.length),
      true,
    );
    table.style = 'TableStyleLight9';
    for (const spec of result.charts ?? [])
      this.addChart(sheet, spec, grid, grid.body.length, next);
    sheet.getRangeByIndexes(0, 0, 1, grid.header.length).format.autofitColumns();
    if (isLast) this.recalculate(context);
    await sync();
  }

  private addChart(
    sheet: Excel.Worksheet,
    spec: ChartSpec,
    grid: Grid,
    rows: number,
    book: Book,
  ): void {
    const cat = grid.header.indexOf(spec.category);
    const series = spec.series.map((s) => grid.header.indexOf(s)).filter((i) => i >= 0);
    if (cat < 0 || !series.length || rows === 0) return;
    const first = sheet.getRangeByIndexes(0, series[0], rows + 1, 1);
    const chart = sheet.charts.add(CHART_TYPES[spec.kind] as Excel.ChartType, first, 'Columns');
    chart.title.text = spec.title[book.lang];
    const xValues = sheet.getRangeByIndexes(1, cat, rows, 1);
    chart.series.getItemAt(0).setXAxisValues(xValues);
    for (const i of series.slice(1)) {
      const s = chart.series.add(grid.header[i]);
      s.setValues(sheet.getRangeByIndexes(1, i, rows, 1));
      s.setXAxisValues(xValues);
    }
    chart.top = 10;
    chart.left = 60 * (grid.header.length + 1);
  }

  /** Calculation was suspended per chunk; dependants of the written cells recalculate once here. */
  private recalculate(context: Excel.RequestContext): void {
    if (this.supports('ExcelApi', '1.6')) context.workbook.application.calculate('Recalculate');
  }
}

/** Book-level settings stored in the Settings table: time zone and language. */
function applyBookSettings(book: Book): void {
  const settings = book.tables.Settings?.rows ?? [];
  const tz = settings.find((r) => r.Key === 'timeZone')?.Value;
  if (typeof tz === 'string' && tz) book.timeZone = tz;
  const lang = settings.find((r) => r.Key === 'locale')?.Value;
  if (lang === 'zh-CN' || lang === 'en-US') book.lang = lang;
}
