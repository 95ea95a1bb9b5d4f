import * as fs from 'node:fs';
import * as path from 'node:path';
import { readBook } from '../../analytics/io/read-book';
import { writeBook } from '../../analytics/io/write-book';
import { runCli, tempDir } from '../cli/cli-harness';
import { makeRiskBook } from './fixtures/make-risk-book';

async function bookFile(): Promise<string> {
  const file = path.join(tempDir(), 'book.xlsx');
  const book = makeRiskBook({
    entries: [
      ['E1', '2024-01-03', 'C1', '现金', '-60000.00', { Summary: '采购', Voucher: '记-0001' }],
      ['E2', '2024-01-04', 'C1', '转账', '-120.35', { Summary: '快递费', Voucher: '记-0002' }],
    ],
  });
  book.tables.Settings!.rows.push({ Key: 'locale', Value: 'zh-CN' });
  await writeBook(file, book);
  return file;
}

describe('cashbook risk', () => {
  it('prints the summary as JSON, writes the exceptions and exits 1', async () => {
    const file = await bookFile();
    const run = await runCli([
      'risk',
      file,
      '--rules',
      'large-value,cash-over-settlement',
      '--json',
    ]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.out)).toMatchObject({
      findings: 2,
      byRule: { 'large-value': 1, 'cash-over-settlement': 1 },
      open: 2,
    });
    const { book } = await readBook(file);
    expect(book.tables.Exceptions!.rows.map((r) => r.Rule).sort()).toEqual([
      'cash-over-settlement',
      'large-value',
    ]);
    expect(book.tables.AuditLog!.rows.at(-1)).toMatchObject({ Action: 'risk', User: 'tester' });
  });

  it('exits 2 and leaves the file as it was for an unknown rule', async () => {
    const file = await bookFile();
    const before = fs.readFileSync(file);
    const run = await runCli(['risk', file, '--rules', 'nope']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('Unknown risk rule(s): nope');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('cashbook exception', () => {
  it('escalates a finding with a note and keeps it through a re-scan', async () => {
    const file = await bookFile();
    await runCli(['risk', file, '--rules', 'large-value']);
    const id = String((await readBook(file)).book.tables.Exceptions!.rows[0].FindingId);
    const run = await runCli([
      'exception',
      file,
      id,
      '--status',
      'escalated',
      '--assignee',
      '王经理',
      '--note',
      '报总经理审批',
    ]);
    expect(run.code).toBe(0);
    await runCli(['risk', file, '--rules', 'large-value']);
    const row = (await readBook(file)).book.tables.Exceptions!.rows[0];
    expect(row).toMatchObject({
      FindingId: id,
      Status: 'escalated',
      Assignee: '王经理',
      Notes: '[2024-02-05 10:00:00 tester] open → escalated @王经理: 报总经理审批',
    });
  });

  it('exits 2 without --status', async () => {
    const file = await bookFile();
    expect((await runCli(['exception', file, 'F-x'])).code).toBe(2);
  });
});
