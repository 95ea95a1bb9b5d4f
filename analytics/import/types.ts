/**
 * Shapes shared by the statement readers: a parsed statement line before it gets an
 * account and a fingerprint, the balances a statement declares, and what a read returns.
 */
import type { DayOrder } from '../book/parse-date';
import type { Problem } from '../util/problem';

/** One bank or wallet movement as read from a file, before it is tied to an account. */
export interface ParsedLine {
  /** 'YYYY-MM-DD' booking date. */
  date: string;
  /** 'HH:mm:ss' or 'HH:mm' when the file gives a time of day. */
  time?: string;
  valueDate?: string;
  /** Signed canonical decimal text: money in is positive. */
  amount: string;
  currency?: string;
  counterparty?: string;
  counterpartyAccount?: string;
  reference?: string;
  description?: string;
  method?: string;
  runningBalance?: string;
  /** 1-based line (or row) number in the source file. */
  row: number;
  /** Index of the statement inside the file (OFX, CAMT and MT940 can hold several). */
  statement?: number;
}

/** Opening and closing balances a statement declares, to be checked against its lines. */
export interface StatementBalances {
  statement: number;
  currency?: string;
  opening?: { amount: string; currency?: string; date?: string };
  closing?: { amount: string; currency?: string; date?: string };
  /** Where the statement starts in the file, for messages. */
  row?: number;
}

export type StatementFormat = 'csv' | 'xlsx' | 'ofx' | 'camt' | 'mt940';

/** How a table-shaped statement's columns map to statement line fields. */
export interface ColumnMapping {
  date?: string;
  time?: string;
  valueDate?: string;
  /** One signed amount column (or unsigned when `direction` is given). */
  amount?: string;
  /** Money-in column of a split layout (收入, 贷方, Credit). */
  inflow?: string;
  /** Money-out column of a split layout (支出, 借方, Debit). */
  outflow?: string;
  /** A 收/支, 借/贷 or Credit/Debit column that gives the sign of `amount`. */
  direction?: string;
  currency?: string;
  counterparty?: string;
  counterpartyAccount?: string;
  reference?: string;
  /** One column, or several joined with ' ' (e.g. 摘要 + 交易详情). */
  description?: string | string[];
  method?: string;
  balance?: string;
  /** A status column; rows whose status says closed/failed are skipped. */
  status?: string;
  dayOrder?: DayOrder;
  decimalMark?: '.' | ',' | 'auto';
  /** Flip the sign of every amount (a "money out is positive" export). */
  negate?: boolean;
  /** Currency when the file names none. */
  defaultCurrency?: string;
}

export interface ReadStatementOptions {
  /** Preset name (built-in or saved); detected when absent. */
  preset?: string;
  /** Column mapping that overrides the preset's, field by field. */
  mapping?: ColumnMapping;
  /** Saved presets (from Settings `import.preset.<name>`), by name. */
  savedPresets?: Record<string, SavedPreset>;
  /** Refuse files larger than this many bytes. @default 50 MB */
  maxBytes?: number;
  /** Refuse files with more data rows than this. @default 1,000,000 */
  maxRows?: number;
  /** Zone a time stamp with an offset (…Z, …+01:00) is read into: the book's. @default 'Asia/Shanghai' */
  timeZone?: string;
}

/** A user's preset as stored in Settings: a base preset plus a mapping. */
export interface SavedPreset {
  base?: string;
  mapping: ColumnMapping;
}

/** What reading one file gives: its lines and every problem met, with file/row/column. */
export interface StatementReadResult {
  file: string;
  format: StatementFormat;
  /** Detected or chosen preset for table-shaped files. */
  preset?: string;
  encoding?: string;
  /** Column header → field, as resolved, for a preview. */
  columns?: Record<string, string>;
  lines: ParsedLine[];
  balances: StatementBalances[];
  /** Data rows seen (lines + rejected + skipped). */
  rowsRead: number;
  /** Rows left out on purpose (closed trades, neutral transfers, footers), with the reason. */
  skipped: Problem[];
  /** Rows rejected (errors) and warnings. A file-level error has no row. */
  problems: Problem[];
}
