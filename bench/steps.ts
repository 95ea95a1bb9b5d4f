/**
 * The steps the bench times, each as Node runs it: inputs are loaded first (not timed), then
 * one engine call is timed. Engine modules are imported by literal paths so the step runner
 * can be bundled (bench/run.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { emptyBook } from '../analytics/book/book';
import { DEFAULT_SETTINGS } from '../analytics/book/default-settings';
import type { Book, CommandContext } from '../analytics/book/types';
import { BENCH_ACCOUNT, BENCH_PERIOD, generateBook } from './generate';
import { INPUTS } from './prepare';

export const STEP_NAMES = ['import', 'reconcile', 'risk', 'notebook', 'xlsx-write', 'xlsx-read', 'xlsx-write-exceljs', 'xlsx-read-exceljs'] as const;
export type StepName = (typeof STEP_NAMES)[number];

/** What one step's timed call returns for the table: a few words on what it did. */
export type StepRun = () => Promise<string>;

export interface StepSetup {
  run: StepRun;
}

export const CONTEXT: CommandContext = { now: '2026-01-05 09:00:00', user: 'bench', lang: 'zh-CN' };

interface Input {
  dir: string;
  rows: number;
  seed: number;
}

/** Load a step's inputs and return its timed call. */
export async function setUpStep(name: StepName, input: Input): Promise<StepSetup> {
  switch (name) {
    case 'import':
      return setUpImport(input);
    case 'reconcile':
      return setUpReconcile(input);
    case 'risk':
      return setUpRisk(input);
    case 'notebook':
      return setUpNotebook(input);
    case 'xlsx-write':
    case 'xlsx-write-exceljs':
      return setUpWrite(input, name === 'xlsx-write-exceljs');
    case 'xlsx-read':
    case 'xlsx-read-exceljs':
      return setUpRead(input, name === 'xlsx-read-exceljs');
  }
}

async function setUpImport({ dir }: Input): Promise<StepSetup> {
  const { importStatement } = await import('../analytics/import/import-statement');
  const book = emptyBook('zh-CN');
  // A million-line export is ~75 MB, past the 50 MB default; a user raises the limit the same way.
  const settings = { ...DEFAULT_SETTINGS, 'import.maxBytes': String(512 * 2 ** 20), 'import.maxRows': '1100000' };
  book.tables.Settings!.rows = Object.entries(settings).map(([Key, Value]) => ({ Key, Value }));
  book.tables.Accounts!.rows = [{ AccountId: BENCH_ACCOUNT, Name: '基本户', Kind: 'bank', Currency: 'CNY', OpeningBalance: '1000000.00', OpeningDate: '2025-01-01' }];
  const bytes = new Uint8Array(fs.readFileSync(path.join(dir, INPUTS.bank)));
  return {
    run: async () => {
      const result = await importStatement(book, [{ name: INPUTS.bank, bytes }], { accountId: BENCH_ACCOUNT, into: 'statement' }, CONTEXT);
      const s = result.summary;
      if (result.exitCode === 2) return `refused: ${result.messages.map((m) => m.text['en-US']).join(' ').slice(0, 160)}`;
      return `added ${s.added}, rejected ${s.rejected}, exit ${result.exitCode}`;
    },
  };
}

async function setUpReconcile({ dir, rows, seed }: Input): Promise<StepSetup> {
  const { reconcileAccount } = await import('../analytics/reconcile/reconcile-account');
  // As `cashbook reconcile` runs it: a large account is matched on two threads, the helper
  // started from the workbook's size before the book is read (here: made).
  const { createTwoThreadMatcher } = await import('../analytics/cli/two-thread-matcher');
  const runner = createTwoThreadMatcher();
  runner.warmUpForBook(path.join(dir, INPUTS.book));
  const book = generateBook(rows, seed);
  // Held as `cashbook reconcile` reads them: large ledgers as coded columns (see
  // stream-read-book's `columnar`), the same codes the reader gives.
  const { holdAsCodedColumns } = await import('../analytics/book/column-rows');
  const { COLUMNAR_MIN_ROWS } = await import('../analytics/io/stream-read-book');
  for (const key of ['Journal', 'Statement'] as const) {
    const table = book.tables[key];
    if (table && table.rows.length >= COLUMNAR_MIN_ROWS) book.tables[key] = holdAsCodedColumns(table);
  }
  return {
    run: async () => {
      const s = reconcileAccount(book, { accountId: BENCH_ACCOUNT, period: BENCH_PERIOD, runner }, CONTEXT).summary;
      runner.close();
      const open = Object.values(s.outstanding).reduce((n, o) => n + o.count, 0);
      return `${s.matched} matches, ${open} outstanding, difference ${s.difference}`;
    },
  };
}

async function setUpRisk({ rows, seed }: Input): Promise<StepSetup> {
  const { scanRisk } = await import('../analytics/risk/scan-risk');
  const book = generateBook(rows, seed);
  return {
    run: async () => {
      const s = scanRisk(book, {}, CONTEXT).summary;
      return `${s.findings} findings`;
    },
  };
}

async function setUpNotebook({ rows, seed }: Input): Promise<StepSetup> {
  const { runNotebook } = await import('../analytics/notebook/run-notebook');
  // The CLI's sandbox, so the default notebook's query cell runs as it does for users.
  const { createNodeQuerySandbox } = await import('../analytics/cli/node-query-sandbox');
  const sandbox = createNodeQuerySandbox();
  const book = generateBook(rows, seed);
  return {
    run: async () => {
      const r = await runNotebook(book, CONTEXT, { sandbox });
      const failed = r.cells.filter((c) => !c.ok).map((c) => c.cell.id);
      return `${r.cells.length} cells` + (failed.length ? `, failed: ${failed.join(' ')}` : '');
    },
  };
}

async function setUpWrite({ dir, rows, seed }: Input, exceljs: boolean): Promise<StepSetup> {
  const book: Book = generateBook(rows, seed);
  const out = path.join(dir, exceljs ? 'out-exceljs.xlsx' : 'out-stream.xlsx');
  if (exceljs) {
    const { writeBook } = await import('../analytics/io/write-book');
    return { run: async () => `${await writeBook(out, book).then(() => fs.statSync(out).size >> 20)} MB` };
  }
  const { streamWriteBook } = await import('../analytics/io/stream-write-book');
  return { run: async () => `${await streamWriteBook(out, book).then(() => fs.statSync(out).size >> 20)} MB` };
}

async function setUpRead({ dir }: Input, exceljs: boolean): Promise<StepSetup> {
  const file = path.join(dir, INPUTS.book);
  const count = (b: Book) => `${(b.tables.Journal?.rows.length ?? 0) + (b.tables.Statement?.rows.length ?? 0)} rows`;
  if (exceljs) {
    const { readBook } = await import('../analytics/io/read-book');
    return { run: async () => count((await readBook(file)).book) };
  }
  const { streamReadBook } = await import('../analytics/io/stream-read-book');
  return { run: async () => count((await streamReadBook(file)).book) };
}
