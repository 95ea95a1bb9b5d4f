import { commitCommand } from '../../analytics/book/commit-command';
import { SCHEMA } from '../../analytics/book/schema';
import type { Book, CommandResult, TableChange } from '../../analytics/book/types';
import { ExcelHost } from '../../addin/excel/excel-host';
import { tableToGrid } from '../../addin/excel/table-grid';
import { planChunks, utf8Length } from '../../addin/excel/write-plan';
import { setConsoleLevel } from '../../addin/log';
import { bookWithJournal, journalRows } from './fixtures';
import { mockWorkbook, runnerFor, type MockTable } from './excel-mock';

setConsoleLevel('error');
const BUDGET = 2_500_000;
const ctx = { now: '2024-06-30 10:00:00', user: 'cashier', lang: 'zh-CN' as const };

function tableOf(
  book: Book,
  key: 'Journal' | 'AuditLog' | 'Matches' | 'Exceptions' | 'Statement' | 'Customers' | 'Notebook',
): MockTable {
  const grid = tableToGrid(book, key);
  return {
    sheet: SCHEMA[key].sheet[book.lang],
    name: SCHEMA[key].tableName,
    header: grid.header,
    body: grid.body,
    formats: grid.formats,
  };
}

/** Read a book through ExcelHost, commit `changes` on it and write them back. */
async function applyOn(
  book: Book,
  changes: TableChange[],
  keys: Parameters<typeof tableOf>[1][] = ['Journal', 'AuditLog'],
) {
  const mock = mockWorkbook(keys.map((k) => tableOf(book, k)));
  const host = new ExcelHost({
    run: runnerFor(mock),
    isSetSupported: () => true,
    chunkBytes: BUDGET,
  });
  const { book: read } = await host.readBook();
  const before = mock.syncs();
  const result: CommandResult = {
    changes,
    summary: {},
    messages: [],
    exitCode: 0,
    audit: { action: 'test', target: 'Journal', detail: {} },
  };
  const committed = commitCommand(read, result, ctx);
  const report = await host.apply(committed.changes, committed.book);
  return { mock, report, syncs: mock.syncs() - before, next: committed.book };
}

/** Bytes of one values + numberFormat assignment, as sent. */
function assignmentBytes(values: unknown[][], formats?: string[][]): number {
  return utf8Length(JSON.stringify(values)) + (formats ? utf8Length(JSON.stringify(formats)) : 0);
}

describe('ExcelHost.apply', () => {
  it('appends 10 journal entries in the fixed number of syncs: probe, place, one chunk per table, finish per table', async () => {
    const { syncs, report } = await applyOn(bookWithJournal(5), [
      { table: 'Journal', op: 'append', rows: journalRows(10, 5) },
    ]);

    // 2 probes + Journal (1 chunk + 1 finish) + AuditLog (1 chunk + 1 finish) + Settings
    // (the audit head: 1 chunk + 1 finish)
    expect(report.chunks).toBe(3);
    expect(syncs).toBe(8);
    expect(report.syncs).toBe(syncs);
  });

  describe('with 100,000 appended entries', () => {
    let large: Awaited<ReturnType<typeof applyOn>>;
    beforeAll(async () => {
      large = await applyOn(bookWithJournal(5), [
        { table: 'Journal', op: 'append', rows: journalRows(100_000, 5) },
      ]);
    });

    it('appends 100,000 journal entries with syncs growing only by write chunks', () => {
      const { syncs, report, mock, next } = large;

      const grid = tableToGrid(next, 'Journal');
      const written = grid.body.slice(5);
      const totalBytes = written.reduce(
        (n, r) =>
          n + utf8Length(JSON.stringify(r)) + 1 + utf8Length(JSON.stringify(grid.formats)) + 1,
        0,
      );
      const largestRow = Math.max(
        ...written
          .slice(0, 100)
          .map((r) => utf8Length(JSON.stringify(r)) + utf8Length(JSON.stringify(grid.formats)) + 2),
      );
      const journalChunks = planChunks(written, grid.formats, BUDGET).length;

      expect(journalChunks).toBeGreaterThan(1);
      expect(journalChunks).toBeLessThanOrEqual(Math.ceil(totalBytes / (BUDGET - largestRow)));
      // probes + Journal chunks and finish + AuditLog + Settings (the audit head)
      expect(syncs).toBe(2 + (journalChunks + 1) + (1 + 1) + (1 + 1));
      expect(report.chunks).toBe(journalChunks + 2);
      expect(mock.resized).toEqual(
        expect.arrayContaining([{ table: 'Journal', rows: 1 + 5 + 100_000, columns: 16 }]),
      );
    });

    it('keeps every values assignment of a large write under the byte budget', () => {
      const { mock } = large;

      const sizes = mock.writes.map((w) => assignmentBytes(w.values!, w.numberFormat));
      expect(Math.max(...sizes)).toBeLessThanOrEqual(BUDGET);
      // the entries, one AuditLog row, and the Settings table written with its header and audit.head
      expect(mock.writes.reduce((n, w) => n + w.rows, 0)).toBe(100_000 + 1 + 2);
    });

    it('writes the appended rows below the existing body, in sheet column order', async () => {
      const { mock } = await applyOn(bookWithJournal(5), [
        { table: 'Journal', op: 'append', rows: journalRows(1, 5) },
      ]);

      const [row] = mock.block('日记账', 6, 0, 1, 3);
      expect(row).toEqual(['E0000006', 45297, '记-6']);
    });

    it('suspends screen updating once and calculation once per chunk, then recalculates once', () => {
      const { mock, report } = large;

      expect(mock.calls.suspendScreenUpdating).toBe(1);
      expect(mock.calls.suspendApiCalculation).toBe(report.chunks);
      expect(mock.calls.calculate).toBe(1);
    });
  });

  it('writes text that looks like a formula and 16-digit ids as text cells', async () => {
    const [row] = journalRows(1, 5);
    row.Summary = '=HYPERLINK("http://example.invalid","点击")';
    row.Reference = '6217001234567891';
    const { mock } = await applyOn(bookWithJournal(5), [
      { table: 'Journal', op: 'append', rows: [row] },
    ]);

    const summaryCol = SCHEMA.Journal.columns.findIndex((c) => c.key === 'Summary');
    const refCol = SCHEMA.Journal.columns.findIndex((c) => c.key === 'Reference');
    expect(mock.cells.get('日记账')!.get(`6,${summaryCol}`)).toBe(
      '=HYPERLINK("http://example.invalid","点击")',
    );
    expect(mock.formats.get('日记账')!.get(`6,${summaryCol}`)).toBe('@');
    expect(mock.cells.get('日记账')!.get(`6,${refCol}`)).toBe('6217001234567891');
    expect(mock.formats.get('日记账')!.get(`6,${refCol}`)).toBe('@');
  });

  it('rewrites a table whole for an upsert and names the new table after the schema', async () => {
    const book = bookWithJournal(3);
    book.tables.Matches = {
      key: 'Matches',
      columns: SCHEMA.Matches.columns.map((c) => c.key),
      rows: [
        {
          MatchId: 'M1',
          Period: '2024-01',
          AccountId: 'BANK1',
          EntryIds: 'E0000001',
          LineIds: 'L1',
          Rule: 'exact',
          Score: 1,
          Status: 'auto',
        },
      ],
    };
    const { mock, syncs } = await applyOn(
      book,
      [{ table: 'Matches', op: 'upsert', rows: [{ MatchId: 'M1', Status: 'confirmed' }] }],
      ['Journal', 'AuditLog', 'Matches'],
    );

    expect(mock.deleted).toContain('table:Matches');
    expect(mock.tablesAdded).toContainEqual({
      sheet: '对账匹配',
      rows: 2,
      columns: 8,
      name: 'Matches',
    });
    expect(mock.block('对账匹配', 1, 7, 1, 1)).toEqual([['confirmed']]);
    expect(syncs).toBe(2 + 2 + 2 + 2);
  });

  it('creates a missing table on a new sheet in the book language', async () => {
    const customers = [{ CustomerId: 'C1', Name: '测试客户甲', Status: 'active' }];
    const { mock } = await applyOn(bookWithJournal(1), [
      { table: 'Customers', op: 'upsert', rows: customers },
    ]);

    // Customers, and Settings for the audit head (the fixture book has neither)
    expect(mock.calls.addSheet).toBe(2);
    expect(mock.tablesAdded).toContainEqual({
      sheet: '客户档案',
      rows: 2,
      columns: 14,
      name: 'Customers',
    });
  });

  it('writes a result sheet with a native chart of every series', async () => {
    const sheet = {
      name: '月度收支',
      columns: [
        { header: '月份', type: 'text' as const },
        { header: '收入', type: 'amount' as const },
        { header: '支出', type: 'amount' as const },
      ],
      rows: [
        ['2024-01', '1200.00', '350.50'],
        ['2024-02', '2400.00', '701.00'],
      ],
      charts: [
        {
          kind: 'column' as const,
          title: { 'zh-CN': '收支', 'en-US': 'In and out' },
          category: '月份',
          series: ['收入', '支出'],
        },
      ],
    };
    const { mock } = await applyOn(bookWithJournal(1), [{ table: 'sheet', op: 'sheet', sheet }]);

    expect(mock.charts).toEqual([{ sheet: '月度收支', type: 'ColumnClustered', series: 2 }]);
    expect(mock.block('月度收支', 0, 0, 3, 3)).toEqual([
      ['月份', '收入', '支出'],
      ['2024-01', 1200, 350.5],
      ['2024-02', 2400, 701],
    ]);
  });
});
