/**
 * Write a CSV export to disk atomically; the text itself (one UTF-8 BOM, CRLF, formula
 * neutralisation of text cells only) comes from format-csv.ts, which has no Node imports.
 */
import type { Cell } from '../book/types';
import { writeFileAtomic } from './atomic-write';
import { encodeCsv, type CsvColumn, type FormatCsvOptions } from './format-csv';

export * from './format-csv';

/** Write the CSV to `file` atomically. */
export function writeCsv(file: string, columns: readonly CsvColumn[], rows: readonly (readonly Cell[])[], options: FormatCsvOptions = {}): void {
  writeFileAtomic(file, encodeCsv(columns, rows, options));
}
