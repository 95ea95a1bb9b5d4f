import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../analytics/cli/main';
import type { CliIo } from '../../analytics/cli/cli-io';
import { commitCommand } from '../../analytics/book/commit-command';
import { writeBook } from '../../analytics/io/write-book';
import type { Book } from '../../analytics/book/types';
import { cloneBook, commit, makeSealedBook } from './sealed-book';

function fakeIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s), lang: 'en-US', now: () => '2024-05-02 09:30:00', user: 'auditor' };
}

/** The sealed book plus April statement lines, one confirmed match, a reconciliation row and an exception reviewed twice. */
function makeAprilBook(lang: Book['lang'] = 'zh-CN'): Book {
  let book = { ...makeSealedBook(), lang };
  book = commit(book, 'import', [{ table: 'Statement', op: 'append', rows: [
    { LineId: 'L1', AccountId: 'BANK1', Date: '2024-04-01', Amount: '500.00', Description: '测试回款' },
    { LineId: 'L2', AccountId: 'BANK1', Date: '2024-04-10', Amount: '-30.00', Description: '<b>手续费</b>' },
  ] }]);
  book = commit(book, 'reconcile', [
    { table: 'Matches', op: 'append', rows: [{ MatchId: 'M1', Period: '2024-04', AccountId: 'BANK1', EntryIds: 'J1', LineIds: 'L1', Rule: 'exact', Score: 1, Status: 'confirmed' }] },
    { table: 'Reconciliation', op: 'append', rows: [{ AccountId: 'BANK1', Period: '2024-04', BookBalance: '1450.00', BankBalance: '1470.00', Difference: '0.00' }] },
  ]);
  book = commit(book, 'risk', [{ table: 'Exceptions', op: 'append', rows: [{ FindingId: 'F-round-1', Rule: 'round-amount', Severity: 'low', EntryIds: 'J1', Amount: '500.00', Date: '2024-04-01', Status: 'open', FirstSeen: '2024-04-06 08:00:00', LastSeen: '2024-04-06 08:00:00' }] }]);
  book = commitReview(book, 'F-round-1', 'reviewing');
  book = commitReview(book, 'F-round-1', 'resolved');
  return book;
}

function commitReview(book: Book, id: string, status: string): Book {
  return commitCommand(book, { changes: [{ table: 'Exceptions', op: 'upsert', rows: [{ FindingId: id, Status: status }] }], summary: {}, messages: [], exitCode: 0, audit: { action: 'exception-review', target: id, detail: { status } } }, { now: '2024-04-20 10:00:00', user: 'reviewer', lang: 'zh-CN' }).book;
}

async function runPack(book: Book): Promise<{ code: number; dir: string; io: ReturnType<typeof fakeIo> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-pack-'));
  const file = path.join(dir, 'book.xlsx');
  await writeBook(file, book);
  const io = fakeIo();
  const code = await main(['audit-pack', file, '--period', '2024-04', '--out', path.join(dir, 'pack'), '--json'], io);
  return { code, dir, io };
}

describe('cashbook audit-pack', () => {
  it('writes a workbook with every section, in the book language', async () => {
    const { code, dir } = await runPack(makeAprilBook('zh-CN'));
    expect(code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'pack', 'audit-pack-2024-04.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['封面', '余额调节表', '对账匹配', '未达账项', '异常', '异常处理记录', '校验结果']);
  });

  it('lists the unmatched bank fee as an outstanding item', async () => {
    const { dir } = await runPack(makeAprilBook('en-US'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'pack', 'audit-pack-2024-04.xlsx'));
    const ws = wb.getWorksheet('Outstanding items')!;
    const rows = ws.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(rows).toContainEqual(['BANK1', 'Bank paid, not booked', 'line', 'L2', expect.anything(), -30, '<b>手续费</b>']);
  });

  it("gives each exception its history from the AuditLog", async () => {
    const { dir } = await runPack(makeAprilBook('en-US'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'pack', 'audit-pack-2024-04.xlsx'));
    const ws = wb.getWorksheet('Exception history')!;
    const actions = ws.getSheetValues().slice(2).map((r) => [(r as unknown[])[1], (r as unknown[])[5]]);
    expect(actions).toEqual([['F-round-1', 'exception-review'], ['F-round-1', 'exception-review']]);
  });

  it('writes a self-contained HTML page with bilingual headings and escaped text', async () => {
    const { dir } = await runPack(makeAprilBook('zh-CN'));
    const html = fs.readFileSync(path.join(dir, 'pack', 'audit-pack-2024-04.html'), 'utf8');
    expect(html).toContain('<h2>未达账项<small>Outstanding items</small></h2>');
    expect(html).toContain('&lt;b&gt;手续费&lt;/b&gt;');
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\//i);
    expect(html).toContain('@page');
  });

  it('says on the cover that verify failed and exits 1 for a tampered book', async () => {
    const book = cloneBook(makeAprilBook('en-US'));
    book.tables.Journal!.rows[0].Summary = 'edited outside';
    const { code, dir, io } = await runPack(book);
    expect(code).toBe(1);
    expect(JSON.parse(io.stdout.join('\n'))).toMatchObject({ ok: false, failures: 1, period: '2024-04' });
    const html = fs.readFileSync(path.join(dir, 'pack', 'audit-pack-2024-04.html'), 'utf8');
    expect(html).toContain('Integrity check FAILED: 1 problem(s)');
    expect(html).toContain('entry-edited');
  });

  it('refuses a period that is not YYYY-MM with exit 2', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-pack-'));
    const file = path.join(dir, 'book.xlsx');
    await writeBook(file, makeSealedBook());
    const io = fakeIo();
    expect(await main(['audit-pack', file, '--period', '2024-4', '--out', dir], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain("the period must be YYYY-MM, not '2024-4'");
  });
});
