/**
 * ExcelHost driven by the real engine commands the pane runs, on the sample book in an
 * office-addin-mock workbook: each command's writes cost two probe syncs plus, per table or
 * result sheet written, one chunk and one finishing sync (small changes fit one chunk), and
 * the number does not depend on how many rows the tables already hold.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commitCommand } from '../../analytics/book/commit-command';
import { SCHEMA, TABLE_KEYS } from '../../analytics/book/schema';
import type { Book, CommandContext, CommandResult } from '../../analytics/book/types';
import { buildDemoBook } from '../../analytics/demo/build-demo-book';
import { importStatement } from '../../analytics/import/import-statement';
import { recordEntry } from '../../analytics/journal/record-entry';
import { addCustomer } from '../../analytics/customers/add-customer';
import { reconcileAccount } from '../../analytics/reconcile/reconcile-account';
import { confirmMatch } from '../../analytics/reconcile/match-decisions';
import { scanRisk } from '../../analytics/risk/scan-risk';
import { reviewException } from '../../analytics/risk/review-exception';
import { runNotebook } from '../../analytics/notebook/run-notebook';
import { ExcelHost } from '../../addin/excel/excel-host';
import { tableToGrid } from '../../addin/excel/table-grid';
import { planTableWrites } from '../../addin/excel/write-plan';
import { setConsoleLevel } from '../../addin/log';
import { journalRows } from './fixtures';
import { mockWorkbook, runnerFor, type MockTable } from './excel-mock';

setConsoleLevel('error');
const ctx: CommandContext = { now: '2024-03-31 18:00:00', user: 'cashier', lang: 'zh-CN' };
const CMB = path.resolve(__dirname, '../../samples/statements/cn-bank/deg-cmb-debit.csv');

function mockOf(book: Book) {
  const tables: MockTable[] = TABLE_KEYS.filter((k) => book.tables[k]).map((k) => {
    const grid = tableToGrid(book, k);
    return {
      sheet: SCHEMA[k].sheet[book.lang],
      name: SCHEMA[k].tableName,
      header: grid.header,
      body: grid.body,
      formats: grid.formats,
    };
  });
  return mockWorkbook(tables);
}

/** Read through ExcelHost, run the command, commit, write; the write's report and what was planned. */
async function runThroughHost(
  host: ExcelHost,
  book: Book,
  command: (b: Book) => CommandResult | Promise<CommandResult>,
) {
  const result = await command(book);
  expect(result.exitCode).not.toBe(2);
  const committed = commitCommand(book, result, ctx);
  const writes = planTableWrites(committed.changes, book, committed.book);
  const report = await host.apply(committed.changes, committed.book);
  return { report, writes, next: committed.book, result };
}

describe('ExcelHost with the pane commands', () => {
  it('reads the sample book in two syncs and writes each command in 2 + 2 per table syncs', async () => {
    const mock = mockOf(buildDemoBook('zh-CN'));
    const host = new ExcelHost({ run: runnerFor(mock), isSetSupported: () => true });
    let { book } = await host.readBook();
    expect(mock.syncs()).toBe(2);

    const steps: [string, (b: Book) => CommandResult | Promise<CommandResult>][] = [
      [
        'import',
        (b) =>
          importStatement(
            b,
            [{ name: 'deg-cmb-debit.csv', bytes: new Uint8Array(fs.readFileSync(CMB)) }],
            { accountId: 'BANK-CMB' },
            ctx,
          ),
      ],
      ['reconcile', (b) => reconcileAccount(b, { accountId: 'BANK-CMB', period: '2024-01' }, ctx)],
      [
        'confirm',
        (b) => confirmMatch(b, { matchId: String(b.tables.Matches!.rows[0].MatchId) }, ctx),
      ],
      [
        'record',
        (b) =>
          recordEntry(
            b,
            {
              date: '2024-03-31',
              accountId: 'CASH',
              summary: '收到测试客户货款',
              inflow: '300.00',
            },
            ctx,
          ),
      ],
      ['customer', (b) => addCustomer(b, { name: '测试客户新', phone: '13800138000' }, ctx)],
      ['risk', (b) => scanRisk(b, {}, ctx)],
      [
        'review',
        (b) =>
          reviewException(
            b,
            {
              findingId: String(b.tables.Exceptions!.rows[0].FindingId),
              status: 'reviewing',
              note: '核实中',
            },
            ctx,
          ),
      ],
      ['notebook', async (b) => runNotebook(b, ctx, { only: ['daily-funds'] })],
    ];
    const seen: Record<string, { syncs: number; writes: number }> = {};
    for (const [name, command] of steps) {
      const before = mock.syncs();
      const { report, writes, next } = await runThroughHost(host, book, command);
      seen[name] = { syncs: mock.syncs() - before, writes: writes.length };
      expect(report.chunks).toBe(writes.length);
      expect(mock.syncs() - before).toBe(2 + 2 * writes.length);
      book = next;
    }
    expect(seen.notebook.writes).toBeGreaterThanOrEqual(2);
    process.stdout.write(`syncs per command: ${JSON.stringify(seen)}\n`);
  });

  it.each([10, 100_000])(
    'records an entry into a journal of %i rows with the same syncs',
    async (rows) => {
      const base = buildDemoBook('zh-CN');
      base.tables.Journal!.rows = journalRows(rows).map((r) => ({
        ...r,
        AccountId: 'CASH',
        RowHash: null,
      }));
      const mock = mockOf(base);
      const host = new ExcelHost({ run: runnerFor(mock), isSetSupported: () => true });
      const { book } = await host.readBook();

      const { report } = await runThroughHost(host, book, (b) =>
        recordEntry(
          b,
          { date: '2024-12-31', accountId: 'CASH', summary: '收到测试客户货款', inflow: '300.00' },
          ctx,
        ),
      );

      // Journal append + AuditLog append + Settings (the audit head): 2 probes + 3 × (1 chunk + 1 finish)
      expect(report.syncs).toBe(8);
    },
  );
});
