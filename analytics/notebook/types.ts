/**
 * The notebook's shapes: a cell as stored in the Notebook table, what a cell produces,
 * and the port a host gives for running query cells in a sandbox.
 */
import type { ColumnType } from '../book/schema';
import type { Book, ChartSpec, Cell, Row, Text } from '../book/types';

/** Kinds of built-in cells; `query` is JavaScript over arquero. */
export type BuiltInKind =
  | 'daily-funds'
  | 'profit-by-period'
  | 'growth'
  | 'cash-flow'
  | 'top-customers'
  | 'rfm'
  | 'receivable-aging'
  | 'reconciliation-status'
  | 'risk-summary'
  | 'seasonality'
  | 'trend';

export type CellKind = BuiltInKind | 'query';

/** One notebook cell, as a row of the Notebook table. */
export interface NotebookCell {
  id: string;
  kind: CellKind;
  title: string;
  /** Parameters of a built-in cell; for a query cell `{ code, timeoutMs? }`. */
  params: Record<string, unknown>;
  /** Sheet the result goes to; derived from the title when empty. */
  outputSheet?: string;
  lastRun?: string;
}

/** A result column: a stable key, headers in both languages and a cell type. */
export interface OutputColumn {
  key: string;
  header: Text;
  type: ColumnType;
  /** A ratio shown as a percentage in reports (the value stays a ratio: 0.25). */
  format?: 'percent';
}

/** A chart over an output's columns, by column key. */
export interface OutputChart {
  kind: ChartSpec['kind'];
  title: Text;
  category: string;
  series: string[];
  /** Two series drawn as a shaded band in the HTML report (a trend's confidence band). */
  band?: { lower: string; upper: string };
}

/** A headline number of a cell (share of top 10, HHI, slope). */
export interface OutputMetric {
  key: string;
  label: Text;
  value: Cell;
  /** A ratio shown as a percentage in reports. */
  format?: 'percent';
}

/** What a cell computes: a table, an optional chart and headline numbers. */
export interface CellOutput {
  columns: OutputColumn[];
  rows: Row[];
  chart?: OutputChart;
  metrics?: OutputMetric[];
  notes?: Text[];
}

/** What a built-in cell sees: the book, the run's clock and earlier cells' outputs. */
export interface CellInput {
  book: Book;
  /** 'YYYY-MM-DD' of the run (the book's local date). */
  today: string;
  earlier: ReadonlyMap<string, CellOutput>;
}

/** A cell after a run. */
export type CellRun =
  | { cell: NotebookCell; ok: true; output: CellOutput; sheet: string }
  | { cell: NotebookCell; ok: false; error: Text };

/** A query cell's code and data, handed to a sandbox as plain JSON-able values. */
export interface QueryRequest {
  cellId: string;
  title: string;
  code: string;
  /** Book tables by key, rows as plain objects. */
  tables: Record<string, Row[]>;
  /**
   * The columns of each table to hand over, in order (an empty table keeps them). When
   * given for a table, only these go: a frame-only cell gets the columns its code names.
   */
  columns?: Record<string, readonly string[]>;
  /** Earlier cells' rows by cell id. */
  cells: Record<string, Row[]>;
  timeoutMs: number;
}

export type QueryOutcome =
  /** `columns` names the columns in order when the cell returned a table (so an empty result keeps them). */
  | { ok: true; rows: Row[]; columns?: string[] }
  | {
      ok: false;
      kind: 'syntax' | 'runtime' | 'timeout' | 'memory' | 'result';
      message: string;
      line?: number;
    };

/**
 * Runs query cells with no access to anything but the given tables. Node runs them in a
 * fresh `node:vm` context (`analytics/cli/node-query-sandbox.ts`); the browser host runs
 * them in a Web Worker.
 */
export interface QuerySandbox {
  run(request: QueryRequest): Promise<QueryOutcome>;
}
