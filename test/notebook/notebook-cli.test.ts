import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../analytics/cli/main';
import type { CliIo } from '../../analytics/cli/cli-io';
import { readBook } from '../../analytics/io/read-book';
import { writeBook } from '../../analytics/io/write-book';
import { defaultNotebook } from '../../analytics/notebook/default-notebook';
import { makeGoldenBook } from './fixtures/make-book';

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (s) => out.push(s), err: (s) => err.push(s), lang: 'en-US', now: () => '2025-06-30 18:00:00', user: 'analyst' };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function goldenFile(): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-nbcli-')), 'book.xlsx');
  await writeBook(file, makeGoldenBook());
  return file;
}

describe('cashbook notebook run', () => {
  it('writes a result sheet per cell and stores the notebook with its last run', async () => {
    const file = await goldenFile();
    const run = await cli(['notebook', 'run', file]);
    expect(run.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    // Row 2 of the daily funds report: account, opening, receipts, payments, closing as number cells
    expect((workbook.getWorksheet('资金日报表')?.getRow(2).values as unknown[]).slice(2)).toEqual(['BANK1', 100000, 3760.29, 0, 103760.29]);
    const { book } = await readBook(file);
    expect(book.tables.Notebook!.rows.map((r) => [r.CellId, r.LastRun])).toEqual(defaultNotebook('zh-CN').map((c) => [c.id, '2025-06-30 18:00:00']));
  });

  it('runs only the cells asked for and prints a JSON summary', async () => {
    const file = await goldenFile();
    const run = await cli(['notebook', 'run', file, '--cell', 'pl-year', '--json']);
    expect(JSON.parse(run.out)).toEqual({ cells: [{ id: 'pl-year', kind: 'profit-by-period', title: '年度收支', sheet: '年度收支', rows: 2 }], failed: 0 });
  });

  it('refuses a missing book with exit status 2', async () => {
    expect((await cli(['notebook', 'run', '/nonexistent/book.xlsx'])).code).toBe(2);
  });
});

describe('cashbook report', () => {
  it('writes one self-contained HTML file with a chart per cell and leaves the book untouched', async () => {
    const file = await goldenFile();
    const before = fs.readFileSync(file);
    const out = path.join(path.dirname(file), 'report.html');
    const run = await cli(['report', file, '--out', out]);
    expect(run.code).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    expect(html.match(/<div class="chart"/g)).toHaveLength(defaultNotebook('zh-CN').length);
    expect(html).toContain('vegaEmbed');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses an --out in a folder that does not exist, naming it', async () => {
    const file = await goldenFile();
    const run = await cli(['report', file, '--out', '/nonexistent-folder/report.html']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('the folder for /nonexistent-folder/report.html does not exist');
  });

  it('asks for --out', async () => {
    expect((await cli(['report', 'book.xlsx'])).code).toBe(2);
  });
});
