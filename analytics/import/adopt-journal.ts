/**
 * `import --into journal`: adopt an old cash journal (a CSV or a workbook sheet whose
 * columns carry Journal keys, either language's headers, or the usual 日记账 names such
 * as 借方/贷方). Each row becomes a posted entry with its Source and RowHash. Customers the
 * archive does not know become stub customers for the cashier to complete, not rejected
 * rows. Rows already adopted (same account, date, amounts and voucher/reference/summary,
 * counted as a multiset) are skipped. Balances are recomputed per account in date order
 * from the account's opening balance; a typed balance that disagrees is reported.
 */
import { text } from '../book/book';
import { SCHEMA } from '../book/schema';
import type { Book, CommandContext, CommandResult, Message, TableChange } from '../book/types';
import { t } from '../book/types';
import { problem, type Problem } from '../util/problem';
import { decodeStatementText } from './decode-text';
import { cappedMessages, fileReadMessage, problemMessage } from './import-messages';
import type { ImportStatementParams, StatementFile } from './import-statement';
import { findAccount } from './import-statement';
import { summarise, type FileSummary, type ImportSummary } from './import-summary';
import { Adoption } from './journal-adoption';
import { recomputeAccountBalances } from './journal-balances';
import { readXlsxRows } from './read-xlsx-rows';
import { sniffDelimiter, splitDelimited } from './split-delimited';
import type { GridRow } from './table-cells';
import { appendAll } from '../util/append-all';

const JOURNAL_SHEETS = [
  SCHEMA.Journal.sheet['zh-CN'],
  SCHEMA.Journal.sheet['en-US'],
  '现金日记账',
  '银行存款日记账',
  '银行日记账',
];

/**
 * Adopt journal files into the Journal table.
 * @returns the change set (new entries, balance updates, stub customers) and the summary
 */
export async function adoptJournal(
  book: Book,
  files: readonly StatementFile[],
  params: ImportStatementParams,
  ctx: CommandContext,
  options: { maxBytes: number; maxRows: number },
): Promise<CommandResult<ImportSummary>> {
  const account = findAccount(book, params.accountId)!;
  const messages: Message[] = [];
  const state = new Adoption(book, params.accountId);
  const summaries: FileSummary[] = [];
  const allProblems: Problem[] = [];

  // Step 1: read every file into entries
  for (const f of files) {
    const rows = await journalRows(f, options.maxBytes);
    if ('problem' in rows) {
      messages.push(problemMessage(rows.problem, 'import-file-refused'));
      return { changes: [], summary: summarise(params, []), messages, exitCode: 2 };
    }
    const r = state.adoptFile(f.name, rows.rows, options.maxRows);
    if (r.fileProblem) {
      messages.push(problemMessage(r.fileProblem, 'import-file-refused'));
      return { changes: [], summary: summarise(params, []), messages, exitCode: 2 };
    }
    summaries.push(r.summary);
    appendAll(allProblems, r.summary.problems);
    messages.push(fileReadMessage(r.summary));
  }

  // Step 2: all or nothing, then balances over old and new entries
  const rejected = allProblems.filter((p) => p.severity === 'error');
  messages.push(
    ...cappedMessages(rejected, 50, 'import-rejected'),
    ...cappedMessages(
      allProblems.filter((p) => p.severity === 'warning'),
      50,
      'import-warning',
    ),
  );
  const summary = summarise(params, summaries);
  if (rejected.length && params.allOrNothing) {
    messages.push({
      level: 'error',
      event: 'import-all-or-nothing',
      text: t(
        `有 ${rejected.length} 行被拒绝，按"全部或全不"设置未导入任何内容。`,
        `${rejected.length} row(s) were rejected; all or nothing was chosen, so nothing was imported.`,
      ),
    });
    return { changes: [], summary: { ...summary, added: 0 }, messages, exitCode: 2 };
  }
  const balances = recomputeAccountBalances(
    book,
    params.accountId,
    text(account.OpeningBalance) || '0.00',
    state.entries,
  );
  for (const p of state.typedBalanceProblems(balances.byEntry)) {
    messages.push(problemMessage(p));
    allProblems.push(p);
  }

  // Step 3: the change set
  const changes: TableChange[] = [];
  if (state.stubs.length) {
    changes.push({ table: 'Customers', op: 'append', rows: state.stubs });
    messages.push({
      level: 'warn',
      event: 'import-stub-customers',
      text: t(
        `新建了 ${state.stubs.length} 个待补全的客户档案（状态 stub）：${state.stubs.map((s) => s.Name).join('、')}`,
        `Created ${state.stubs.length} stub customer(s) to complete: ${state.stubs.map((s) => s.Name).join(', ')}`,
      ),
    });
  }
  const newRows = state.entries.map((e) => ({
    ...e,
    Balance: balances.byEntry.get(String(e.EntryId)) ?? null,
  }));
  if (newRows.length) changes.push({ table: 'Journal', op: 'append', rows: newRows });
  if (balances.updates.length)
    changes.push({ table: 'Journal', op: 'upsert', rows: balances.updates });
  const review =
    rejected.length > 0 ||
    state.stubs.length > 0 ||
    allProblems.some((p) => p.code === 'typed-balance-differs');
  return {
    changes: params.dryRun ? [] : changes,
    summary,
    messages,
    exitCode: review ? 1 : 0,
    audit: params.dryRun
      ? undefined
      : {
          action: 'import',
          target: params.accountId,
          detail: {
            into: 'journal',
            files: summaries.map((s) => s.file),
            added: summary.added,
            duplicates: summary.duplicates,
            rejected: summary.rejected,
            stubs: state.stubs.length,
            total: summary.total,
          },
        },
  };
}

async function journalRows(
  f: StatementFile,
  maxBytes: number,
): Promise<{ rows: GridRow[] } | { problem: Problem }> {
  if (f.bytes.length > maxBytes)
    return {
      problem: problem(
        'file-too-large',
        t(
          `文件大小为 ${f.bytes.length} 字节，上限为 ${maxBytes} 字节`,
          `The file is ${f.bytes.length} bytes; the limit is ${maxBytes}`,
        ),
        { file: f.name },
      ),
    };
  if (f.bytes[0] === 0x50 && f.bytes[1] === 0x4b) {
    try {
      return { rows: (await readXlsxRows(f.bytes, JOURNAL_SHEETS, f.name)).rows };
    } catch (e) {
      return {
        problem: problem(
          'bad-xlsx',
          t(
            `工作簿无法读取：${(e as Error).message}`,
            `The workbook cannot be read: ${(e as Error).message}`,
          ),
          {
            file: f.name,
          },
        ),
      };
    }
  }
  const decoded = decodeStatementText(f.bytes);
  if (!decoded.ok)
    return {
      problem: problem(
        'unreadable-encoding',
        t(
          `${f.name}：${decoded.reason['zh-CN']}，未导入任何内容`,
          `${f.name}: ${decoded.reason['en-US']}; nothing was imported`,
        ),
        { file: f.name },
      ),
    };
  return { rows: splitDelimited(decoded.text, sniffDelimiter(decoded.text.slice(0, 16384))) };
}
