/**
 * `import --into journal`: adopt an old cash journal (a CSV or a workbook sheet whose
 * columns carry Journal keys, either language's headers, or the usual 日记账 names such
 * as 借方/贷方). Each row becomes a posted entry with its Source and RowHash. Customers the
 * archive does not know become stub customers for the cashier to complete, not rejected
 * rows. Rows already adopted (same account, date, amounts and voucher/reference/summary,
 * counted as a multiset) are skipped. Balances are recomputed per account in date order
 * from the account's opening balance; a typed balance that disagrees is reported.
 */
import { entryRowHash } from '../audit/entry-hash';
import { closedPeriods } from '../book/apply-change-set';
import { rowsOf, text } from '../book/book';
import { SCHEMA, columnForHeader } from '../book/schema';
import type { Book, CommandContext, CommandResult, Message, Row, TableChange } from '../book/types';
import { t } from '../book/types';
import { problem, warning, type Problem } from '../util/problem';
import { absAmount, amountCellText, subtractAmounts, sumAmountTexts } from './amount-cells';
import { detectDayOrder, detectDecimalMark } from './column-habits';
import { decodeStatementText } from './decode-text';
import { cappedMessages, fileReadMessage, problemMessage } from './import-messages';
import type {
  FileSummary,
  ImportStatementParams,
  ImportSummary,
  StatementFile,
} from './import-statement';
import { findAccount, summarise } from './import-statement';
import { normaliseColumnName } from './presets';
import type { GridRow } from './read-table';
import { readXlsxRows } from './read-xlsx-rows';
import { sniffDelimiter, splitDelimited } from './split-delimited';
import { cellDate, cellId, cellOptional, cellText } from './table-cells';

const JOURNAL_SHEETS = [
  SCHEMA.Journal.sheet['zh-CN'],
  SCHEMA.Journal.sheet['en-US'],
  '现金日记账',
  '银行存款日记账',
  '银行日记账',
];

type JournalField =
  | 'EntryId'
  | 'Date'
  | 'Voucher'
  | 'AccountId'
  | 'CustomerId'
  | 'CustomerName'
  | 'Summary'
  | 'CounterAccount'
  | 'Method'
  | 'Reference'
  | 'Inflow'
  | 'Outflow'
  | 'Amount'
  | 'Balance';

// Names old cash journals use beyond the schema's own headers. In a cash or bank journal
// 借方 is money in and 贷方 money out.
const ALIASES: Record<string, JournalField> = {};
const alias = (field: JournalField, names: string[]) =>
  names.forEach((n) => (ALIASES[normaliseColumnName(n)] = field));
alias('Date', ['日期', '记账日期', '交易日期', '业务日期', 'date']);
alias('Voucher', ['凭证号', '凭证字号', '凭证编号', '凭证', 'voucher', 'voucherno']);
alias('Summary', ['摘要', '说明', 'summary', 'description', 'memo']);
alias('Inflow', [
  '收入',
  '借方',
  '借方金额',
  '收入金额',
  '收款',
  'inflow',
  'receipts',
  'receipt',
  'debit',
  'in',
]);
alias('Outflow', [
  '支出',
  '贷方',
  '贷方金额',
  '支出金额',
  '付款',
  'outflow',
  'payments',
  'payment',
  'credit',
  'out',
]);
alias('Amount', ['金额', '发生额', 'amount']);
alias('Balance', ['余额', '结余', 'balance']);
alias('CustomerId', ['客户编号', '客户代码', 'customerid']);
alias('CustomerName', [
  '客户',
  '客户名称',
  '往来单位',
  '单位名称',
  '对方单位',
  'customer',
  'customername',
]);
alias('CounterAccount', ['对方科目', '科目', 'counteraccount', 'account']);
alias('Method', ['结算方式', '方式', 'method']);
alias('Reference', ['票据号', '结算号', '票号', 'reference']);

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
    allProblems.push(...r.summary.problems);
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
        `The file is ${f.bytes.length} bytes; the limit is ${maxBytes}`,
        { file: f.name },
      ),
    };
  if (f.bytes[0] === 0x50 && f.bytes[1] === 0x4b) {
    try {
      return { rows: (await readXlsxRows(f.bytes, JOURNAL_SHEETS)).rows };
    } catch (e) {
      return {
        problem: problem('bad-xlsx', `The workbook cannot be read: ${(e as Error).message}`, {
          file: f.name,
        }),
      };
    }
  }
  const decoded = decodeStatementText(f.bytes);
  if (!decoded.ok)
    return {
      problem: problem(
        'unreadable-encoding',
        `${f.name}: ${decoded.reason}; nothing was imported`,
        { file: f.name },
      ),
    };
  return { rows: splitDelimited(decoded.text, sniffDelimiter(decoded.text.slice(0, 16384))) };
}

/** The running state of one adoption: entries, stubs, ids handed out, keys already held. */
class Adoption {
  entries: Row[] = [];
  stubs: Row[] = [];
  private nextEntry: number;
  private nextCustomer: number;
  private customersById = new Map<string, Row>();
  private customersByName = new Map<string, string>();
  private held = new Map<string, number>();
  private typed = new Map<string, { value: string; file: string; row: number }>();
  private closed: Set<string>;
  private entryIds: Set<string>;

  constructor(
    private book: Book,
    private accountId: string,
  ) {
    const journal = rowsOf(book, 'Journal');
    this.entryIds = new Set(journal.map((r) => text(r.EntryId)));
    this.nextEntry =
      maxNumber(
        journal.map((r) => text(r.EntryId)),
        /^J(\d+)$/,
      ) + 1;
    const customers = rowsOf(book, 'Customers');
    this.nextCustomer =
      maxNumber(
        customers.map((r) => text(r.CustomerId)),
        /^C(\d+)$/,
      ) + 1;
    for (const c of customers) {
      this.customersById.set(text(c.CustomerId), c);
      if (text(c.Name)) this.customersByName.set(text(c.Name), text(c.CustomerId));
    }
    for (const e of journal) {
      const k = entryKey(e);
      this.held.set(k, (this.held.get(k) ?? 0) + 1);
    }
    this.closed = closedPeriods(book);
  }

  adoptFile(
    file: string,
    rows: GridRow[],
    maxRows: number,
  ): { summary: FileSummary; fileProblem?: Problem } {
    const summary: FileSummary = {
      file,
      format: 'journal',
      read: 0,
      added: 0,
      duplicates: 0,
      rejected: 0,
      skipped: 0,
      total: '0.00',
      first: null,
      last: null,
      problems: [],
    };
    const header = findJournalHeader(rows);
    if (!header)
      return {
        summary,
        fileProblem: problem(
          'no-header-row',
          'No header row with a date column and 收入/支出 (Inflow/Outflow) or 金额 columns was found',
          { file },
        ),
      };
    const body = rows.slice(header.index + 1);
    if (body.length > maxRows)
      return {
        summary,
        fileProblem: problem(
          'too-many-rows',
          `The file has ${body.length} rows; the limit is ${maxRows}`,
          { file },
        ),
      };
    const cols = header.columns;
    const headers = rows[header.index].cells.map(cellText);
    const amountCols = (['Inflow', 'Outflow', 'Amount'] as const)
      .map((k) => cols[k])
      .filter((c): c is number => c !== undefined);
    const mark = detectDecimalMark(
      body.flatMap((r) => amountCols.map((c) => cellText(r.cells[c]))),
    ).mark;
    const order = detectDayOrder(body.map((r) => cellText(r.cells[cols.Date!]))).order;
    const seen = new Map<string, number>();
    const amounts: string[] = [];
    const dates: string[] = [];

    for (const row of body) {
      const at = (k?: JournalField) => ({
        file,
        row: row.line,
        column: k && cols[k] !== undefined ? headers[cols[k]!] : undefined,
      });
      const get = (k: JournalField) => (cols[k] === undefined ? undefined : row.cells[cols[k]!]);
      const date = cellDate(get('Date'), order)?.date;
      if (!date) {
        if (/合计|总计|本月|本年|累计|承前|过次|total/i.test(row.cells.map(cellText).join(' '))) {
          summary.skipped++;
          continue;
        }
        summary.problems.push(
          problem('bad-date', `'${cellText(get('Date'))}' is not a date`, at('Date')),
        );
        continue;
      }
      summary.read++;
      const money = readMoney(get, mark);
      if ('reason' in money) {
        summary.problems.push(problem('bad-amount', money.reason, at(money.column)));
        continue;
      }
      if (this.closed.has(date.slice(0, 7))) {
        summary.problems.push(
          problem('closed-period', `${date} is in closed period ${date.slice(0, 7)}`, at('Date')),
        );
        continue;
      }
      const accountId = cellOptional(get('AccountId')) ?? this.accountId;
      const entry: Row = {
        EntryId: null,
        Date: date,
        Voucher: cellId(get('Voucher')).value ?? null,
        AccountId: accountId,
        CustomerId: this.customerFor(
          cellId(get('CustomerId')).value,
          cellOptional(get('CustomerName')),
          `${file}#${row.line}`,
        ),
        Summary: cellOptional(get('Summary')) ?? null,
        CounterAccount: cellOptional(get('CounterAccount')) ?? null,
        Method: cellOptional(get('Method')) ?? null,
        Reference: cellId(get('Reference')).value ?? null,
        Inflow: money.inflow,
        Outflow: money.outflow,
        Balance: null,
        Status: 'posted',
        ReversalOf: null,
        Source: `${file}#${row.line}`,
        RowHash: null,
      };

      // Multiset: the n-th identical row of this file is a duplicate when the book holds n+1
      const key = entryKey(entry);
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      amounts.push(subtractAmounts(money.inflow, money.outflow));
      dates.push(date);
      if (n < (this.held.get(key) ?? 0)) {
        summary.duplicates++;
        continue;
      }
      entry.EntryId = this.entryIdFor(cellId(get('EntryId')).value);
      entry.RowHash = entryRowHash(entry);
      const typedBalance = get('Balance');
      const typedText =
        typedBalance === undefined || typedBalance === null || cellText(typedBalance).trim() === ''
          ? undefined
          : amountCellText(
              typeof typedBalance === 'number' ? typedBalance : cellText(typedBalance),
              mark,
            );
      if (typedText !== undefined)
        this.typed.set(String(entry.EntryId), { value: typedText, file, row: row.line });
      this.entries.push(entry);
      summary.added++;
    }
    summary.rejected = summary.problems.filter((p) => p.severity === 'error').length;
    summary.total = sumAmountTexts(amounts);
    dates.sort();
    summary.first = dates[0] ?? null;
    summary.last = dates[dates.length - 1] ?? null;
    return { summary };
  }

  /** Balances the old journal typed that differ from the recomputed ones. */
  typedBalanceProblems(byEntry: Map<string, string>): Problem[] {
    const out: Problem[] = [];
    for (const [id, typed] of this.typed) {
      const computed = byEntry.get(id);
      if (computed !== undefined && sumAmountTexts([computed]) !== sumAmountTexts([typed.value])) {
        out.push(
          warning(
            'typed-balance-differs',
            `The old journal's balance ${typed.value} differs from the recomputed ${computed}; the recomputed balance is kept`,
            { file: typed.file, row: typed.row },
          ),
        );
      }
    }
    return out;
  }

  private customerFor(
    id: string | undefined,
    name: string | undefined,
    source: string,
  ): string | null {
    if (id) {
      if (!this.customersById.has(id)) this.addStub(id, name ?? id, source);
      return id;
    }
    if (!name) return null;
    const known = this.customersByName.get(name);
    if (known) return known;
    const newId = `C${String(this.nextCustomer++).padStart(4, '0')}`;
    this.addStub(newId, name, source);
    return newId;
  }

  private addStub(id: string, name: string, source: string): void {
    const row: Row = {
      CustomerId: id,
      Name: name,
      Kind: null,
      Status: 'stub',
      Notes: `Created by journal import from ${source}; please complete`,
    };
    this.stubs.push(row);
    this.customersById.set(id, row);
    this.customersByName.set(name, id);
  }

  private entryIdFor(given: string | undefined): string {
    if (given && !this.entryIds.has(given)) {
      this.entryIds.add(given);
      return given;
    }
    let id: string;
    do id = `J${String(this.nextEntry++).padStart(6, '0')}`;
    while (this.entryIds.has(id));
    this.entryIds.add(id);
    return id;
  }
}

function readMoney(
  get: (k: JournalField) => unknown,
  mark: '.' | ',',
): { inflow: string; outflow: string } | { reason: string; column: JournalField } {
  const read = (k: JournalField): string | undefined | null => {
    const v = get(k) as string | number | null | undefined;
    if (
      v === undefined ||
      v === null ||
      (typeof v === 'string' && ['', '-', '--', '/'].includes(v.trim()))
    )
      return null;
    return amountCellText(v, mark);
  };
  for (const k of ['Inflow', 'Outflow', 'Amount'] as const) {
    if (read(k) === undefined)
      return { reason: `'${cellText(get(k) as never)}' is not an amount`, column: k };
  }
  const amount = read('Amount');
  if (amount)
    return amount.startsWith('-')
      ? { inflow: '0.00', outflow: absAmount(amount) }
      : { inflow: amount, outflow: '0.00' };
  const inflow = read('Inflow') ?? '0.00';
  const outflow = read('Outflow') ?? '0.00';
  if (read('Inflow') === null && read('Outflow') === null)
    return { reason: 'Both 收入 (Inflow) and 支出 (Outflow) are empty', column: 'Inflow' };
  return { inflow, outflow };
}

function findJournalHeader(
  rows: readonly GridRow[],
): { index: number; columns: Partial<Record<JournalField, number>> } | undefined {
  for (let i = 0; i < Math.min(rows.length, 100); i++) {
    const columns: Partial<Record<JournalField, number>> = {};
    rows[i].cells.forEach((c, j) => {
      const h = cellText(c);
      if (h.trim() === '') return;
      const field =
        (columnForHeader(SCHEMA.Journal, h)?.key as JournalField | undefined) ??
        ALIASES[normaliseColumnName(h)];
      if (field && columns[field] === undefined) columns[field] = j;
    });
    if (
      columns.Date !== undefined &&
      (columns.Inflow !== undefined ||
        columns.Outflow !== undefined ||
        columns.Amount !== undefined)
    )
      return { index: i, columns };
  }
  return undefined;
}

function entryKey(e: Row): string {
  const tag = text(e.Voucher) || text(e.Reference) || text(e.Summary);
  return `${text(e.AccountId)}|${text(e.Date)}|${sumAmountTexts([text(e.Inflow) || '0'])}|${sumAmountTexts([text(e.Outflow) || '0'])}|${tag}`;
}

function maxNumber(ids: string[], pattern: RegExp): number {
  let max = 0;
  for (const id of ids) {
    const m = pattern.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max;
}

/**
 * Balances of one account's entries, old and new, walked in (Date, EntryId) order from the
 * opening balance. Returns the balance of every entry and the upserts for old entries whose
 * stored Balance changes.
 */
function recomputeAccountBalances(
  book: Book,
  accountId: string,
  opening: string,
  added: readonly Row[],
): { byEntry: Map<string, string>; updates: Row[] } {
  const old = rowsOf(book, 'Journal').filter((r) => text(r.AccountId) === accountId);
  const all = [...old, ...added.filter((r) => text(r.AccountId) === accountId)];
  all.sort((a, b) =>
    text(a.Date) < text(b.Date)
      ? -1
      : text(a.Date) > text(b.Date)
        ? 1
        : compareEntryIds(text(a.EntryId), text(b.EntryId)),
  );
  const byEntry = new Map<string, string>();
  const updates: Row[] = [];
  const oldIds = new Set(old.map((r) => text(r.EntryId)));
  let balance = sumAmountTexts([opening]);
  for (const e of all) {
    balance = subtractAmounts(
      sumAmountTexts([balance, text(e.Inflow) || '0']),
      text(e.Outflow) || '0',
    );
    byEntry.set(text(e.EntryId), balance);
    if (oldIds.has(text(e.EntryId)) && text(e.Balance) !== balance)
      updates.push({ EntryId: e.EntryId, Balance: balance });
  }
  return { byEntry, updates };
}

function compareEntryIds(a: string, b: string): number {
  const na = /^J(\d+)$/.exec(a);
  const nb = /^J(\d+)$/.exec(b);
  if (na && nb) return Number(na[1]) - Number(nb[1]);
  return a < b ? -1 : a > b ? 1 : 0;
}
