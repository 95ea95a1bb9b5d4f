/**
 * Write the bench inputs for one size and seed into a directory, once: the book as .xlsx
 * (streaming writer), the journal, statement and customers as CSV for pandas, and the
 * statement again as a bank's CSV export for the import step. Run as a child process so
 * the parent's memory stays out of the measurements.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SCHEMA, type TableKey } from '../analytics/book/schema';
import type { Book, Cell, Row } from '../analytics/book/types';
import { streamWriteBook } from '../analytics/io/stream-write-book';
import { generateBook } from './generate';

/** Files a prepared directory holds. */
export const INPUTS = { book: 'book.xlsx', journal: 'journal.csv', statement: 'statement.csv', customers: 'customers.csv', bank: 'bank-statement.csv', done: 'ready.json' };

export function isPrepared(dir: string): boolean {
  return fs.existsSync(path.join(dir, INPUTS.done));
}

/** Generate and write everything for `rows` and `seed` into `dir`. */
export async function prepareInputs(dir: string, rows: number, seed: number): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const book = generateBook(rows, seed);
  writeTableCsv(path.join(dir, INPUTS.journal), book, 'Journal');
  writeTableCsv(path.join(dir, INPUTS.statement), book, 'Statement');
  writeTableCsv(path.join(dir, INPUTS.customers), book, 'Customers');
  writeBankCsv(path.join(dir, INPUTS.bank), book.tables.Statement!.rows);
  await streamWriteBook(path.join(dir, INPUTS.book), book);
  const counts = { journal: book.tables.Journal!.rows.length, statement: book.tables.Statement!.rows.length, customers: book.tables.Customers!.rows.length };
  fs.writeFileSync(path.join(dir, INPUTS.done), JSON.stringify({ rows, seed, counts }));
}

function csvField(v: Cell): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function writeLines(file: string, header: string[], rows: Iterable<Cell[]>): void {
  const fd = fs.openSync(file, 'w');
  let buf = header.map(csvField).join(',') + '\n';
  for (const r of rows) {
    buf += r.map(csvField).join(',') + '\n';
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = '';
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
}

/** A table by column keys, as pandas reads it. */
function writeTableCsv(file: string, book: Book, key: TableKey): void {
  const keys = SCHEMA[key].columns.map((c) => c.key);
  const rows = book.tables[key]!.rows;
  writeLines(file, keys, (function* () {
    for (const r of rows) yield keys.map((k) => r[k] ?? null);
  })());
}

/** The statement as a bank exports it: Chinese headers, one signed amount column. */
function writeBankCsv(file: string, lines: Row[]): void {
  writeLines(file, ['交易日期', '金额', '余额', '对方户名', '流水号', '摘要'], (function* () {
    for (const l of lines) yield [l.Date, l.Amount, l.RunningBalance, l.Counterparty, l.Reference, l.Description];
  })());
}

// Run as a script (not when bundled into the step runner, where every module is the main one).
if (require.main === module && /prepare\.[jt]s$/.test(process.argv[1] ?? '')) {
  const [dir, rows, seed] = process.argv.slice(2);
  prepareInputs(dir, Number(rows), Number(seed)).catch((e) => {
    process.stderr.write(String((e as Error).stack ?? e) + '\n');
    process.exit(1);
  });
}
