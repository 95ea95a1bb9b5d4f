/**
 * The running state of one journal adoption: the entries made, stub customers created,
 * entry and customer ids handed out, and the multiset of entries the book already holds,
 * so a row adopted before is recognised as a duplicate.
 */
import { t } from '../book/types';
import { restoreNeutralisedText } from '../io/format-csv';
import { entryRowHash } from '../audit/entry-hash';
import { closedPeriods } from '../book/apply-change-set';
import { rowsOf, text } from '../book/book';
import type { Book, Row } from '../book/types';
import { problem, warning, type Problem } from '../util/problem';
import { amountCellText, subtractAmounts, sumAmountTexts } from './amount-cells';
import { detectDayOrder, detectDecimalMark } from './column-habits';
import type { FileSummary } from './import-summary';
import { findJournalHeader, readMoney, type JournalField } from './journal-columns';
import { cellDate, cellId, cellOptional, cellText, overflowingRow, rowWidths, type GridRow } from './table-cells';

/** The running state of one adoption: entries, stubs, ids handed out, keys already held. */
export class Adoption {
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
          t('找不到表头行：需要有日期列，以及 收入/支出 列或 金额 列', 'No header row with a date column and 收入/支出 (Inflow/Outflow) or 金额 columns was found'),
          { file },
        ),
      };
    const body = rows.slice(header.index + 1);
    if (body.length > maxRows)
      return {
        summary,
        fileProblem: problem(
          'too-many-rows',
          t(`文件有 ${body.length} 行，上限为 ${maxRows} 行`, `The file has ${body.length} rows; the limit is ${maxRows}`),
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
    const widths = rowWidths(body, headers);
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
          problem('bad-date', t(`“${cellText(get('Date'))}”不是日期`, `'${cellText(get('Date'))}' is not a date`), at('Date')),
        );
        continue;
      }
      summary.read++;
      const overflow = overflowingRow(row.cells, headers, widths, amountCols);
      if (overflow) {
        summary.problems.push(problem('row-overflows-header', overflow, { file, row: row.line }));
        continue;
      }
      const money = readMoney(get, mark);
      if ('reason' in money) {
        summary.problems.push(problem('bad-amount', money.reason, at(money.column)));
        continue;
      }
      if (this.closed.has(date.slice(0, 7))) {
        summary.problems.push(
          problem('closed-period', t(`${date} 所在的会计期间 ${date.slice(0, 7)} 已结账`, `${date} is in closed period ${date.slice(0, 7)}`), at('Date')),
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
        Summary: restoreOptional(cellOptional(get('Summary'))),
        CounterAccount: restoreOptional(cellOptional(get('CounterAccount'))),
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
            t(`旧日记账中的余额 ${typed.value} 与重新计算的 ${computed} 不符，保留重新计算的余额`, `The old journal's balance ${typed.value} differs from the recomputed ${computed}; the recomputed balance is kept`),
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

// Text our own CSV export guarded with a leading ' against formulas reads back as typed.
function restoreOptional(value: string | undefined): string | null {
  return value === undefined ? null : restoreNeutralisedText(value);
}
