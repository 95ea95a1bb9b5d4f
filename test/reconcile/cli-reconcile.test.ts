import * as path from 'node:path';
import { readBook } from '../../analytics/io/read-book';
import { writeBook } from '../../analytics/io/write-book';
import { runCli, tempDir } from '../cli/cli-harness';
import { makeBook } from './make-book';
import * as fs from 'node:fs';
import { computeReconciliation } from '../../analytics/reconcile/compute-reconciliation';
import { STREAM_READ_BYTES } from '../../analytics/io/open-book';
import { streamReadBook } from '../../analytics/io/stream-read-book';
import { streamWriteBook } from '../../analytics/io/stream-write-book';
import { fromMinorUnits } from '../../analytics/money/minor-units';
import { BENCH_ACCOUNT, BENCH_PERIOD, generateBook } from '../../bench/generate';

// Case R3's book: ties out at 8,200.00 with one item of each of two kinds.
async function r3File(): Promise<string> {
  const book = makeBook({
    opening: '10000.00',
    entries: [
      ['J1', '2024-06-15', '-2000.00'],
      ['J2', '2024-06-29', '-300.00', undefined, undefined, '88', '支票 88'],
    ],
    lines: [
      ['L1', '2024-06-15', '-2000.00', undefined, undefined, undefined, '8000.00'],
      ['L2', '2024-06-30', '+500.00', undefined, undefined, '利息', '8500.00'],
    ],
  });
  const file = path.join(tempDir(), 'book.xlsx');
  await writeBook(file, book);
  return file;
}

describe('cashbook reconcile / close', () => {
  it('prints the reconciliation as JSON and writes Matches and the 余额调节表 row', async () => {
    const file = await r3File();
    const run = await runCli(['reconcile', file, '--account', 'BANK1', '--period', '2024-06', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out);
    expect([json.matched, json.bookBalance, json.bankBalance, json.difference]).toEqual([1, '7700.00', '8500.00', '0.00']);
    expect(json.outstanding.bankReceivedNotBooked).toEqual({ count: 1, amount: '500.00' });
    const { book } = await readBook(file);
    expect(book.tables.Matches!.rows.map((m) => [m.EntryIds, m.LineIds, m.Rule])).toEqual([['J1', 'L1', 'exact-date']]);
    expect(book.tables.Reconciliation!.rows.map((r) => [r.AdjustedBook, r.AdjustedBank, r.Difference])).toEqual([['8200.00', '8200.00', '0.00']]);
  });

  it('closes a reconciled period with each account’s closing balance', async () => {
    const file = await r3File();
    const run = await runCli(['close', file, '--period', '2024-06']);
    expect(run.code).toBe(0);
    const { book } = await readBook(file);
    const period = book.tables.Periods!.rows.find((p) => p.Period === '2024-06')!;
    expect([period.Status, JSON.parse(String(period.ClosingBalances))]).toEqual(['closed', { BANK1: '7700.00' }]);
  });

  it('refuses to close when an account does not tie out, unless a reason is given', async () => {
    const book = makeBook({ opening: '0.00', entries: [['J1', '2024-06-03', '+100.00']], lines: [['L1', '2024-06-03', '+100.00', undefined, undefined, undefined, '90.00']] });
    const file = path.join(tempDir(), 'book.xlsx');
    await writeBook(file, book);
    const refused = await runCli(['close', file, '--period', '2024-06']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('BANK1 (10.00)');
    const forced = await runCli(['close', file, '--period', '2024-06', '--override', '银行少记10元，已致电核实']);
    expect(forced.code).toBe(0);
    const { book: after } = await readBook(file);
    expect(after.tables.Periods!.rows[0].OverrideReason).toBe('银行少记10元，已致电核实');
  });

  it('rejects a usage without --period with exit status 2', async () => {
    const file = await r3File();
    expect((await runCli(['reconcile', file, '--account', 'BANK1'])).code).toBe(2);
  });

  it('counts cash by denomination and exits 1 on a shortage', async () => {
    const book = makeBook({ kind: 'cash', accountId: 'CASH', opening: '1000.00', entries: [['J1', '2024-06-03', '+20.50']] });
    const file = path.join(tempDir(), 'book.xlsx');
    await writeBook(file, book);
    const run = await runCli(['cash-count', file, '--account', 'CASH', '--date', '2024-06-30', '--count', '100=10,10=2', '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.out)).toMatchObject({ counted: '1020.00', bookBalance: '1020.50', difference: '-0.50', kind: 'shortage' });
    const { book: after } = await readBook(file);
    expect(after.tables.Exceptions!.rows.map((r) => [r.Rule, r.Amount])).toEqual([['cash-count', '-0.50']]);
  });

  it('writes a customer statement and its 询证函', async () => {
    const book = makeBook({ customers: [['C1', '华东商贸']], entries: [['J1', '2024-06-03', '+20.50', 'C1', '记-001']] });
    const file = path.join(tempDir(), 'book.xlsx');
    await writeBook(file, book);
    const run = await runCli(['statement', file, '--customer', 'C1', '--from', '2024-06-01', '--to', '2024-06-30', '--letter', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ closing: '20.50', letter: { amount: '20.50', words: '人民币贰拾元伍角整' } });
  });

  it('a large book, its ledgers read as coded columns, is reconciled and written as its rows would be', async () => {
    // 52,000 journal lines: a streamed read (over 4 MB) holding the ledgers as columns.
    const book = generateBook(52_000, 5);
    const expected = computeReconciliation(book, { accountId: BENCH_ACCOUNT, period: BENCH_PERIOD });
    const file = path.join(tempDir(), 'large.xlsx');
    await streamWriteBook(file, book);
    expect(fs.statSync(file).size).toBeGreaterThan(STREAM_READ_BYTES);
    const run = await runCli(['reconcile', file, '--account', BENCH_ACCOUNT, '--period', BENCH_PERIOD, '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out);
    expect([json.matched, json.bookBalance, json.difference]).toEqual([expected.proposals.length, fromMinorUnits(expected.bookBalance), '0.00']);
    const written = (await streamReadBook(file)).book;
    const key = (m: Record<string, unknown>) => [m.MatchId, m.EntryIds, m.LineIds, m.Rule].join(' ');
    expect(written.tables.Matches!.rows.map(key)).toEqual(expected.proposals.toRows().map(key));
    expect(written.tables.Journal!.rows).toEqual(book.tables.Journal!.rows);
    expect(written.tables.Statement!.rows).toEqual(book.tables.Statement!.rows);
  });
});
