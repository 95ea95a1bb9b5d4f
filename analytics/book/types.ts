/**
 * The in-memory shape of a book. Cells are primitives so a million rows stay lean:
 * amounts are canonical decimal text ('-1200.00'), dates 'YYYY-MM-DD', datetimes
 * 'YYYY-MM-DD HH:mm:ss' in the book's time zone, ids always text.
 */
import type { Lang, TableKey } from './schema';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export interface Table {
  key: TableKey;
  /** Column keys in sheet order: schema keys, then any extra columns by their header text. */
  columns: string[];
  rows: Row[];
}

/** A chart to draw over a result sheet's columns (native Excel chart, Vega-Lite in HTML). */
export interface ChartSpec {
  kind: 'line' | 'column' | 'bar' | 'pie' | 'area' | 'scatter';
  title: Text;
  /** Column header (in `columns`) giving the categories / x values. */
  category: string;
  /** Column headers giving the series. */
  series: string[];
}

/**
 * A sheet of results that is not a schema table: a notebook cell's output, a customer
 * statement, a management summary. Rewritten whole each time it is produced.
 */
export interface ResultSheet {
  /** Sheet name (≤ 31 chars, no []:*?/\). */
  name: string;
  title?: Text;
  columns: { header: string; type: import('./schema').ColumnType }[];
  rows: Cell[][];
  charts?: ChartSpec[];
}

export interface Book {
  lang: Lang;
  /** IANA zone the book's dates and times are in. @default 'Asia/Shanghai' */
  timeZone: string;
  /** The workbook counts dates from 1904-01-01 (Mac Excel legacy). */
  date1904: boolean;
  tables: Partial<Record<TableKey, Table>>;
  /** Result sheets produced by commands, by sheet name. */
  sheets?: Record<string, ResultSheet>;
}

/** Text in both languages; the host shows the user's. */
export type Text = Record<Lang, string>;

export function t(zh: string, en: string): Text {
  return { 'zh-CN': zh, 'en-US': en };
}

/** Something a command tells the user: what was read, written, skipped and why. */
export interface Message {
  level: 'info' | 'warn' | 'error';
  /** Stable kebab-case event name, e.g. `import-read`. */
  event: string;
  text: Text;
}

export type TableChange =
  | { table: TableKey; op: 'append'; rows: Row[] }
  /** Replace rows with the same id (the table's idColumn) and append the rest. */
  | { table: TableKey; op: 'upsert'; rows: Row[] }
  /** Replace the whole body of the table. */
  | { table: TableKey; op: 'replace'; rows: Row[] }
  /** Remove rows by id; refused for tables whose rows are posted records (Journal, AuditLog). */
  | { table: TableKey; op: 'delete'; ids: string[] }
  /** Write (or rewrite) a result sheet. */
  | { table: 'sheet'; op: 'sheet'; sheet: ResultSheet };

export interface CommandContext {
  /** Local wall time in the book's zone, 'YYYY-MM-DD HH:mm:ss'. Tests pin it. */
  now: string;
  user: string;
  lang: Lang;
}

export interface CommandResult<S = Record<string, unknown>> {
  changes: TableChange[];
  /** Machine-readable summary; what `--json` prints. */
  summary: S;
  messages: Message[];
  /** 0 done, 1 done with something to review, 2 bad input (nothing written). */
  exitCode: 0 | 1 | 2;
  /** What the AuditLog row for this command says. */
  audit?: { action: string; target: string; detail: Record<string, unknown> };
}
