/** `import --into journal`: adopting an old cash journal. */
import { applyChangeSet } from '../../analytics/book/apply-change-set';
import type { Row } from '../../analytics/book/types';
import { entryRowHash } from '../../analytics/audit/entry-hash';
import { importStatement } from '../../analytics/import/import-statement';
import { CTX, makeBook, utf8 } from './helpers';

const CASH = [
  { AccountId: 'CASH', Name: '库存现金', Kind: 'cash', Currency: 'CNY', OpeningBalance: '0.00' },
];
const OLD = utf8(
  [
    '现金日记账',
    '日期,凭证号,客户,摘要,收入,支出,余额',
    '2024-01-02,记-0001,测试客户甲,收货款,"1,000.00",,1000.00',
    '2024-01-03,记-0002,,支付房租,,300.00,700.00',
    '2024-01-03,记-0003,测试客户乙,付材料款,,200.00,550.00',
    '本月合计,,,,1000.00,500.00,500.00',
  ].join('\n'),
);

const adopt = (book = makeBook(CASH), bytes = OLD) =>
  importStatement(book, [{ name: 'old.csv', bytes }], { accountId: 'CASH', into: 'journal' }, CTX);
const journalRows = (changes: { table: string; op: string; rows?: Row[] }[]) =>
  changes.find((c) => c.table === 'Journal' && c.op === 'append')?.rows ?? [];

describe('importStatement into the journal', () => {
  it('rejects a row shifted by an unquoted comma rather than posting its receipt as a payment', async () => {
    const shifted = utf8(['日期,凭证号,客户,摘要,参考号,收入,支出', '2024-01-02,记-0001,ACME Trading Co., Ltd.,收货款,,1000.00,', '2024-01-03,记-0002,,支付房租,,,300.00'].join('\n'));
    const r = await adopt(makeBook(CASH), shifted);
    const rows = journalRows(r.changes as never);
    expect(rows.map((e) => [e.Voucher, e.Inflow, e.Outflow])).toEqual([['记-0002', '0.00', '300.00']]);
    expect(r.messages.map((m) => m.text['en-US']).join('\n')).toMatch(/old\.csv, line 2.*unquoted delimiter/);
  });

  it('posts each row as an entry with its Source and a RowHash', async () => {
    const r = await adopt();
    const rows = journalRows(r.changes as never);
    expect(
      rows.map((e) => [
        e.EntryId,
        e.Date,
        e.Voucher,
        e.Summary,
        e.Inflow,
        e.Outflow,
        e.Status,
        e.Source,
      ]),
    ).toEqual([
      ['J000001', '2024-01-02', '记-0001', '收货款', '1000.00', '0.00', 'posted', 'old.csv#3'],
      ['J000002', '2024-01-03', '记-0002', '支付房租', '0.00', '300.00', 'posted', 'old.csv#4'],
      ['J000003', '2024-01-03', '记-0003', '付材料款', '0.00', '200.00', 'posted', 'old.csv#5'],
    ]);
    for (const e of rows) expect(e.RowHash).toBe(entryRowHash(e));
  });

  it('recomputes balances in date order and reports a typed balance that disagrees', async () => {
    const r = await adopt();
    expect(journalRows(r.changes as never).map((e) => e.Balance)).toEqual([
      '1000.00',
      '700.00',
      '500.00',
    ]);
    const differs = r.messages.filter(
      (m) => m.event === 'import-warning' && m.text['en-US'].includes('550.00'),
    );
    expect(differs).toHaveLength(1);
    expect(r.exitCode).toBe(1);
  });

  it('creates stub customers for names the archive does not know', async () => {
    const r = await adopt();
    const stubs = r.changes.find((c) => c.table === 'Customers') as { rows: Row[] };
    expect(stubs.rows.map((c) => [c.CustomerId, c.Name, c.Status])).toEqual([
      ['C0001', '测试客户甲', 'stub'],
      ['C0002', '测试客户乙', 'stub'],
    ]);
    expect(journalRows(r.changes as never).map((e) => e.CustomerId)).toEqual([
      'C0001',
      null,
      'C0002',
    ]);
  });

  it('uses the id of a customer the archive already has', async () => {
    const book = makeBook(CASH);
    book.tables.Customers!.rows = [{ CustomerId: 'C0100', Name: '测试客户甲', Status: 'active' }];
    const r = await adopt(book);
    expect(journalRows(r.changes as never)[0].CustomerId).toBe('C0100');
    expect(
      (r.changes.find((c) => c.table === 'Customers') as { rows: Row[] }).rows.map((c) => c.Name),
    ).toEqual(['测试客户乙']);
  });

  it('skips the 本月合计 line', async () => {
    const r = await adopt();
    expect(r.summary).toMatchObject({
      added: 3,
      rejected: 0,
      skipped: 1,
      total: '500.00',
      first: '2024-01-02',
      last: '2024-01-03',
    });
  });

  it('adds nothing when the same journal is adopted again', async () => {
    const first = await adopt();
    const book = applyChangeSet(makeBook(CASH), first.changes);
    const second = await adopt(book);
    expect(second.summary).toMatchObject({ added: 0, duplicates: 3 });
    expect(journalRows(second.changes as never)).toEqual([]);
  });

  it('reads English Journal keys and makes a stub for an unknown customer id', async () => {
    const bytes = utf8(
      'Date,Voucher,CustomerId,Summary,Inflow,Outflow\n2024-02-01,V1,C9,Sale,50.00,\n',
    );
    const r = await adopt(makeBook(CASH), bytes);
    expect(journalRows(r.changes as never)[0]).toMatchObject({
      CustomerId: 'C9',
      Inflow: '50.00',
      Outflow: '0.00',
      Balance: '50.00',
    });
    expect((r.changes.find((c) => c.table === 'Customers') as { rows: Row[] }).rows).toMatchObject([
      { CustomerId: 'C9', Name: 'C9', Status: 'stub' },
    ]);
  });

  it('updates the balance of a later entry already in the book', async () => {
    const book = makeBook(CASH);
    const later: Row = {
      EntryId: 'J000001',
      Date: '2024-01-10',
      AccountId: 'CASH',
      Summary: '旧',
      Inflow: '10.00',
      Outflow: '0.00',
      Balance: '10.00',
      Status: 'posted',
    };
    book.tables.Journal!.rows = [{ ...later, RowHash: entryRowHash(later) }];
    const r = await adopt(book, utf8('日期,摘要,收入,支出\n2024-01-05,新,5.00,\n'));
    expect(journalRows(r.changes as never).map((e) => [e.EntryId, e.Balance])).toEqual([
      ['J000002', '5.00'],
    ]);
    expect(r.changes.find((c) => c.table === 'Journal' && c.op === 'upsert')).toEqual({
      table: 'Journal',
      op: 'upsert',
      rows: [{ EntryId: 'J000001', Balance: '15.00' }],
    });
    expect(() => applyChangeSet(book, r.changes)).not.toThrow();
  });

  it('rejects a row dated in a closed period instead of failing the whole import', async () => {
    const book = makeBook(CASH);
    book.tables.Periods!.rows = [{ Period: '2024-01', Status: 'closed' }];
    const r = await adopt(book);
    expect(r.summary).toMatchObject({ added: 0, rejected: 3 });
  });
});

describe('importStatement into the journal from a workbook', () => {
  it('takes the 日记账 sheet of a workbook with several sheets', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').getCell('A1').value = '旧账簿';
    const ws = wb.addWorksheet('日记账');
    ws.addRow(['日期', '摘要', '收入', '支出']);
    ws.addRow(['2024-03-01', '收款', 80, null]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await importStatement(
      makeBook(CASH),
      [{ name: 'old.xlsx', bytes }],
      { accountId: 'CASH', into: 'journal' },
      CTX,
    );
    expect(
      journalRows(r.changes as never).map((e) => [e.Date, e.Inflow, e.Balance, e.Source]),
    ).toEqual([['2024-03-01', '80.00', '80.00', 'old.xlsx#2']]);
  });
});
