/**
 * The main job end to end: `cashbook demo` on the sample company and the real statement
 * files, then the written workbook opened by LibreOffice as a real client would.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readBook } from '../../analytics/io/read-book';
import type { Book } from '../../analytics/book/types';
import { runCli, tempDir, type CliRun } from './cli-harness';

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('cashbook demo', () => {
  let dir: string;
  let run: CliRun;
  let book: Book;
  beforeAll(async () => {
    dir = tempDir();
    run = await runCli(['demo', '--out', dir], 'zh-CN');
    book = (await readBook(path.join(dir, 'cashbook-demo.xlsx'))).book;
  });

  it('finishes and says what it did in the user language', () => {
    expect(run.code).toBe(0);
    expect(run.err).toContain('Cashbook 演示完成');
    expect(run.err).toMatch(/导入对账单 42 行/);
  });

  it('imports every line of the four bundled statement files, each traceable to its file and line', () => {
    const lines = book.tables.Statement!.rows;
    const bySource = (f: string) => lines.filter((l) => String(l.Source).startsWith(f + '#')).length;
    // Transaction rows in the files, counted by hand: CMB 5, ABC 5, ICBC 11, Alipay 5 that moved money, WeChat 16.
    expect(['deg-cmb-debit.csv', 'deg-abc-debit.csv', 'deg-icbc-debit-v2.csv', 'deg-alipay-gbk.csv', 'deg-wechat.csv'].map(bySource)).toEqual([5, 5, 11, 5, 16]);
  });

  it('writes every table the issue names with real rows', () => {
    for (const key of ['Customers', 'Accounts', 'Journal', 'Statement', 'Matches', 'Reconciliation', 'Exceptions'] as const) {
      expect(book.tables[key]!.rows.length).toBeGreaterThan(0);
    }
  });

  it('posts the rule proposals so no bank-received line of the CMB January statement is left unbooked', () => {
    const cmb = book.tables.Reconciliation!.rows.find((r) => r.AccountId === 'BANK-CMB' && r.Period === '2024-01')!;
    expect(cmb.BankReceivedNotBooked).toBe('0.00');
  });

  it('ties out the ICBC April reconciliation, whose statement masks its balances, leaving the unbooked receipt from 李四 outstanding', () => {
    const icbc = book.tables.Reconciliation!.rows.find((r) => r.AccountId === 'BANK-ICBC' && r.Period === '2023-04')!;
    // book 5,000.00 + entries to 04-30 (−3,420.50) = 1,579.50; bank 5,000.00 + lines to 04-30 (−1,385.94) = 3,614.06;
    // adjusted: 1,579.50 + 1,234.56 = 3,614.06 − 800.00 = 2,814.06 (worked by hand)
    expect([icbc.BookBalance, icbc.BankBalance, icbc.BankReceivedNotBooked, icbc.BookPaidNotOnBank, icbc.Difference]).toEqual(['1579.50', '3614.06', '1234.56', '-800.00', '0.00']);
  });

  it('keeps a hash chain that verifies', async () => {
    const verify = await runCli(['verify', path.join(dir, 'cashbook-demo.xlsx'), '--json']);
    expect(JSON.parse(verify.out).ok).toBe(true);
  });

  it('writes a self-contained report with at least six charts', () => {
    const html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect((html.match(/"\$schema":\s*"https:\/\/vega\.github\.io\/schema\/vega-lite/g) ?? []).length).toBeGreaterThanOrEqual(6);
    expect(html).not.toMatch(/<script[^>]+src=/);
  });

  (hasSoffice || process.env.CI ? it : it.skip)('opens in LibreOffice, whose CSV of the journal has every entry', () => {
    const out = tempDir();
    execFileSync('soffice', [`-env:UserInstallation=file://${out}/profile`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, path.join(dir, 'cashbook-demo.xlsx')], { stdio: 'ignore', timeout: 120_000 });
    const csv = fs.readFileSync(path.join(out, 'cashbook-demo-日记账.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^分录编号,日期,凭证号/);
    expect(csv.length - 1).toBe(book.tables.Journal!.rows.length);
    expect(fs.existsSync(path.join(out, 'cashbook-demo-余额调节表.csv'))).toBe(true);
  });
});
