/**
 * The one path every book-changing CLI command takes: read the book, stop on unreadable
 * cells, run the engine command, commit its changes with an AuditLog row, and write the
 * file atomically. When anything fails before the write, the file is left byte-identical.
 */
import type ExcelJS from 'exceljs';
import { commitCommand } from '../book/commit-command';
import type { Book, CommandContext, CommandResult } from '../book/types';
import { t } from '../book/types';
import * as fs from 'node:fs';
import { lockBook, type BookLock } from '../io/book-lock';
import { openBook, saveBook } from '../io/open-book';
import { sheetNamesOf } from '../io/sheet-names';
import { SCHEMA, TABLE_KEYS, type TableKey } from '../book/schema';
import { problemText } from '../util/problem';
import { fail, isAnalyticsError } from '../util/error';
import { checkAuditHead } from '../audit/audit-head';
import type { CliIo } from './cli-io';
import { createLog } from './log';

export interface RunOnBookOptions {
  /** Print the summary as one JSON object on stdout. */
  json?: boolean;
  /** Read only; never write the book (reconcile --dry-run, verify, customer). */
  readOnly?: boolean;
  /** Tables the command reads column by column: a large one is held as coded columns. */
  columnar?: readonly TableKey[];
}

export type BookCommand = (book: Book, ctx: CommandContext) => CommandResult | Promise<CommandResult>;

/**
 * Run an engine command against a book file.
 * @returns the exit status (0, 1 or 2)
 */
export async function runOnBook(file: string, command: BookCommand, io: CliIo, options: RunOnBookOptions = {}): Promise<number> {
  // A command that may write holds the book's lock from before it reads until after it writes.
  if (options.readOnly || !fs.existsSync(file)) return runUnlocked(file, command, io, options);
  let lock: BookLock;
  try {
    lock = lockBook(file);
  } catch (e) {
    return reportFailure(e, io);
  }
  try {
    return await runUnlocked(file, command, io, options, lock);
  } finally {
    lock.release();
  }
}

async function runUnlocked(file: string, command: BookCommand, io: CliIo, options: RunOnBookOptions, lock?: BookLock): Promise<number> {
  const log = createLog(io);
  let loaded: { book: Book; workbook?: ExcelJS.Workbook };

  // Step 1: read; any cell that does not fit its column stops the command
  try {
    const r = await openBook(file, undefined, { columnar: options.columnar });
    if (!r.book.tables.Journal) {
      log.error('not-a-cashbook', {
        'zh-CN': `${file}: 不是 Cashbook 账簿: 没有名为 日记账 或 Journal 的工作表（可用 cashbook init 新建）`,
        'en-US': `${file}: not a Cashbook workbook: no sheet named 日记账 or Journal (create one with cashbook init)`,
      });
      return 2;
    }
    const errors = r.problems.filter((p) => p.severity === 'error');
    for (const p of r.problems) {
      (p.severity === 'error' ? log.error : log.warn)('book-cell', problemText(p));
    }
    if (errors.length) {
      log.error('book-unreadable', { 'zh-CN': `${file} 有 ${errors.length} 处数据无法读取，未做任何修改。`, 'en-US': `${file} has ${errors.length} unreadable cell(s); nothing was changed.` });
      return 2;
    }
    loaded = r;
  } catch (e) {
    return reportFailure(e, io);
  }
  // A cut audit log is said now; the command's own audit row will keep it for verify.
  const head = options.readOnly ? undefined : checkAuditHead(loaded.book);
  if (head) log.warn(head.code, { 'zh-CN': `${head.message['zh-CN']} 本次操作会把这一发现记入审计日志；请运行 cashbook verify 并从备份恢复。`, 'en-US': `${head.message['en-US']} This command records the finding in the AuditLog; run cashbook verify and restore from a backup.` });

  // Step 2: run and commit in memory
  const ctx: CommandContext = { now: io.now(loaded.book.timeZone), user: io.user, lang: io.lang };
  let result: CommandResult;
  let next: Book;
  let changed: TableKey[];
  let sheetNames: string[];
  try {
    result = await command(loaded.book, ctx);
    for (const m of result.messages) log.message(m);
    if (options.json) io.out(JSON.stringify(result.summary, null, 2));
    if (result.exitCode === 2 || options.readOnly || (result.changes.length === 0 && !result.audit)) return result.exitCode;
    const committed = commitCommand(loaded.book, result, ctx);
    next = committed.book;
    changed = [...new Set(committed.changes.flatMap((c) => (c.op === 'sheet' ? [] : [c.table])))];
    sheetNames = committed.changes.flatMap((c) => (c.op === 'sheet' ? [c.sheet.name] : []));
  } catch (e) {
    return reportFailure(e, io);
  }

  // Step 3: write atomically
  try {
    lock?.checkUnchanged();
    if (!loaded.workbook) await refuseLosingSheets(file, next);
    await saveBook(file, next, { workbook: loaded.workbook, tables: changed, sheets: sheetNames, streamFromRows: loaded.workbook ? undefined : 0 });
  } catch (e) {
    return reportFailure(e, io);
  }
  return result.exitCode;
}

// A large book is read and written by streaming, which rewrites only Cashbook's own tables
// and result sheets (this command's, and those it wrote before, read back): refuse rather
// than lose any other sheet.
async function refuseLosingSheets(file: string, book: Book): Promise<void> {
  const ours = new Set([...TABLE_KEYS.flatMap((k) => [SCHEMA[k].sheet['zh-CN'], SCHEMA[k].sheet['en-US'], SCHEMA[k].tableName]), ...Object.keys(book.sheets ?? {})]);
  const others = (await sheetNamesOf(file)).filter((n) => !ours.has(n));
  if (others.length) {
    fail('would-drop-sheets', t(`${file}: 大账簿按流式写回，只能保留 Cashbook 的表；请先把工作表 ${others.join('、')} 移到另一个工作簿，未写入任何内容`, `${file}: this large book is written back by streaming, which keeps only Cashbook's tables; move the sheet(s) ${others.join(', ')} to another workbook first. Nothing was written.`));
  }
}

/** Print a failure in the user's language and give exit status 2. Unexpected errors are rethrown. */
export function reportFailure(e: unknown, io: CliIo): number {
  if (isAnalyticsError(e)) {
    createLog(io).error(e.code, e.text);
    return 2;
  }
  throw e;
}
