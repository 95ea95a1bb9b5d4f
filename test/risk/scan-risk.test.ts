import { applyChangeSet } from '../../analytics/book/apply-change-set';
import type { Book, CommandContext, Row } from '../../analytics/book/types';
import { findingId } from '../../analytics/risk/finding-id';
import { scanRisk } from '../../analytics/risk/scan-risk';
import { CTX, makeRiskBook, type EntryTuple } from './fixtures/make-risk-book';

const LARGE: EntryTuple = ['E1', '2024-06-03', 'C1', '现金', '-60000.00', { Summary: '采购' }];
const SMALL: EntryTuple = ['E2', '2024-06-04', 'C1', '转账', '-120.35', { Summary: '快递费' }];

function run(book: Book, ctx: CommandContext = CTX, rules?: string[]) {
  const result = scanRisk(book, { rules }, ctx);
  return { result, book: applyChangeSet(book, result.changes) };
}

function exception(book: Book, rule: string): Row {
  const row = book.tables.Exceptions!.rows.find((r) => r.Rule === rule);
  if (!row) throw new Error(`no ${rule} exception`);
  return row;
}

describe('findingId', () => {
  it('is the same whatever order the entries come in', () => {
    expect(findingId({ rule: 'duplicate-near', entryIds: ['E2', 'E1'] })).toBe(
      findingId({ rule: 'duplicate-near', entryIds: ['E1', 'E2'] }),
    );
  });

  it('differs by rule and by period', () => {
    const base = { rule: 'large-daily', entryIds: ['E1'], period: '2024-06-03|cash' };
    expect(findingId(base)).not.toBe(findingId({ ...base, rule: 'large-value' }));
    expect(findingId(base)).not.toBe(findingId({ ...base, period: '2024-06-04|cash' }));
  });
});

describe('scanRisk', () => {
  it('adds an open exception per finding and exits 1', () => {
    const { result, book } = run(makeRiskBook({ entries: [LARGE, SMALL] }), CTX, [
      'large-value',
      'cash-over-settlement',
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.summary).toMatchObject({
      findings: 2,
      byRule: { 'large-value': 1, 'cash-over-settlement': 1 },
      bySeverity: { high: 1, medium: 1, low: 0 },
      open: 2,
      new: 2,
    });
    expect(exception(book, 'large-value')).toMatchObject({
      Status: 'open',
      EntryIds: 'E1',
      CustomerId: 'C1',
      Amount: '-60000.00',
      Date: '2024-06-03',
      FirstSeen: CTX.now,
      Active: true,
    });
  });

  it('keeps the reviewer status, assignee, notes and first-seen time on a re-run', () => {
    const first = run(makeRiskBook({ entries: [LARGE] }), CTX, ['large-value']).book;
    const id = String(exception(first, 'large-value').FindingId);
    const reviewed = applyChangeSet(first, [
      {
        table: 'Exceptions',
        op: 'upsert',
        rows: [{ FindingId: id, Status: 'escalated', Assignee: '王经理', Notes: '已上报' }],
      },
    ]);
    const later = { ...CTX, now: '2024-07-05 10:00:00' };
    const { book } = run(reviewed, later, ['large-value']);
    expect(book.tables.Exceptions!.rows).toHaveLength(1);
    expect(exception(book, 'large-value')).toMatchObject({
      FindingId: id,
      Status: 'escalated',
      Assignee: '王经理',
      Notes: '已上报',
      FirstSeen: CTX.now,
      LastSeen: later.now,
      Active: true,
    });
  });

  it('marks a finding that no longer fires as inactive instead of deleting it', () => {
    const first = run(makeRiskBook({ entries: [LARGE] }), CTX, ['large-value']).book;
    first.tables.Journal!.rows = [{ ...first.tables.Journal!.rows[0], Outflow: '6000.00' }];
    const { result, book } = run(first, CTX, ['large-value']);
    expect(exception(book, 'large-value').Active).toBe(false);
    expect(result.summary).toMatchObject({ findings: 0, open: 0, noLongerFiring: 1 });
    expect(result.exitCode).toBe(0);
  });

  it('leaves exceptions of rules that did not run alone', () => {
    const first = run(makeRiskBook({ entries: [LARGE] }), CTX, [
      'large-value',
      'cash-over-settlement',
    ]).book;
    const { book } = run(first, CTX, ['round-amount']);
    expect(book.tables.Exceptions!.rows.every((r) => r.Active === true)).toBe(true);
  });

  it('exits 0 when every exception is resolved or dismissed', () => {
    const first = run(makeRiskBook({ entries: [LARGE] }), CTX, ['large-value']).book;
    const id = String(exception(first, 'large-value').FindingId);
    const closed = applyChangeSet(first, [
      { table: 'Exceptions', op: 'upsert', rows: [{ FindingId: id, Status: 'resolved' }] },
    ]);
    expect(run(closed, CTX, ['large-value']).result.exitCode).toBe(0);
  });

  it('writes the escalation sheet with open findings by severity, age and customer', () => {
    const { result } = run(makeRiskBook({ entries: [LARGE, SMALL] }), CTX, [
      'large-value',
      'cash-over-settlement',
    ]);
    const change = result.changes.find((c) => c.op === 'sheet');
    if (!change || change.op !== 'sheet') throw new Error('no sheet');
    const { sheet } = change;
    expect(sheet.name).toBe('风险升级汇总');
    expect(sheet.columns.map((c) => c.header)).toEqual([
      '分组',
      '项目',
      '0–7天',
      '8–30天',
      '31–90天',
      '>90天',
      '合计',
      '涉及金额',
    ]);
    expect(sheet.rows).toContainEqual(['严重程度', '高', 1, 0, 0, 0, 1, '60000.00']);
    expect(sheet.rows).toContainEqual(['客户', 'C1', 2, 0, 0, 0, 2, '120000.00']);
    expect(sheet.rows[sheet.rows.length - 1]).toEqual(['合计', '', 2, 0, 0, 0, 2, '120000.00']);
  });

  it('puts findings first seen 40 days ago in the 31–90 bucket', () => {
    const first = run(makeRiskBook({ entries: [LARGE] }), CTX, ['large-value']).book;
    const { result } = run(first, { ...CTX, now: '2024-08-10 09:00:00' }, ['large-value']);
    const change = result.changes.find((c) => c.op === 'sheet');
    if (!change || change.op !== 'sheet') throw new Error('no sheet');
    expect(change.sheet.rows).toContainEqual(['严重程度', '高', 0, 0, 1, 0, 1, '60000.00']);
  });

  it('names an unknown rule instead of running nothing', () => {
    expect(() => scanRisk(makeRiskBook({}), { rules: ['large-valu'] }, CTX)).toThrow(
      /Unknown risk rule\(s\): large-valu/,
    );
  });

  it('skips an unreadable amount with a warning naming the entry', () => {
    const { result } = run(
      makeRiskBook({ entries: [['E9', '2024-06-03', 'C1', '转账', '12,00']] }),
      CTX,
      ['large-value'],
    );
    expect(result.summary.skippedRows).toBe(1);
    expect(result.messages.some((m) => m.level === 'warn' && m.text['en-US'].includes('E9'))).toBe(
      true,
    );
  });
});
