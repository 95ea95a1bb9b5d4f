/**
 * CSV export that opens correctly in zh-CN Excel and cannot carry a formula:
 *  - UTF-8 with exactly one byte-order mark (EF BB BF) and CRLF line ends, so Excel does
 *    not read the Chinese text as GBK;
 *  - TEXT cells that start with = + - @ TAB or CR get a leading apostrophe, so Excel shows
 *    them as text instead of running them (CSV injection). Amount, date and number cells
 *    are never touched: '-350.00' stays a negative number;
 *  - `restoreNeutralisedText` takes our apostrophe off again when the file is read back.
 * Text that already starts with apostrophes before a trigger character gets one more, so
 * stripping exactly one on the way back always gives the original text.
 * Pure (no Node modules): the task pane, the playground and the importers use it too;
 * write-csv.ts adds the atomic file write.
 */
import type { ColumnType } from '../book/schema';
import type { Cell } from '../book/types';

export interface CsvColumn {
  header: string;
  /** Only 'text' and 'id' columns (and 'enum'/'json') are neutralised. */
  type: ColumnType;
}

export interface FormatCsvOptions {
  /** Put an apostrophe before text that Excel would run as a formula. @default true */
  neutralise?: boolean;
}

const TRIGGER = /^'*[=+\-@\t\r]/;
const TEXT_TYPES = new Set<ColumnType>(['text', 'id', 'enum', 'json']);
export const UTF8_BOM = '\ufeff';

/**
 * The CSV text (starting with one BOM character, rows ending in CRLF).
 * @example formatCsv([{ header: '摘要', type: 'text' }, { header: '金额', type: 'amount' }], [['=1+1', '-350.00']])
 * // '\ufeff摘要,金额\r\n\'=1+1,-350.00\r\n'
 */
export function formatCsv(columns: readonly CsvColumn[], rows: readonly (readonly Cell[])[], options: FormatCsvOptions = {}): string {
  const neutralise = options.neutralise ?? true;
  const lines = [columns.map((c) => quote(stripBom(c.header))).join(',')];
  for (const row of rows) {
    lines.push(columns.map((c, i) => quote(cellText(row[i] ?? null, c.type, neutralise))).join(','));
  }
  return UTF8_BOM + lines.join('\r\n') + '\r\n';
}

/** The CSV as bytes: EF BB BF, then UTF-8. */
export function encodeCsv(columns: readonly CsvColumn[], rows: readonly (readonly Cell[])[], options: FormatCsvOptions = {}): Uint8Array {
  return new TextEncoder().encode(formatCsv(columns, rows, options));
}

/**
 * Apostrophe before text that a spreadsheet would run as a formula; other text unchanged.
 * @example neutraliseText('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 */
export function neutraliseText(text: string): string {
  return TRIGGER.test(text) ? `'${text}` : text;
}

/**
 * Undo {@link neutraliseText} on a cell read back from our own export.
 * @example restoreNeutralisedText("'-退款冲销") // '-退款冲销'
 */
export function restoreNeutralisedText(text: string): string {
  return text.startsWith("'") && TRIGGER.test(text.slice(1)) ? text.slice(1) : text;
}

function cellText(value: Cell, type: ColumnType, neutralise: boolean): string {
  if (value === null) return '';
  const s = stripBom(String(value));
  return neutralise && TEXT_TYPES.has(type) ? neutraliseText(s) : s;
}

function stripBom(s: string): string {
  return s.replace(/\ufeff/g, '');
}

function quote(s: string): string {
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
