/**
 * A textbook 银行存款余额调节表 with all four kinds of outstanding items, worked by hand:
 *   book  200,000.00 + 50,000.00 − 30,000.00 − 12,580.45 + 36,000.00 − 8,765.43 = 234,654.12
 *   bank  200,000.00 + 50,000.00 − 30,000.00 − 12,580.45 + 21,400.00 − 1,234.56 + 312.78 − 45.00 = 227,852.77
 *   adjusted book 234,654.12 + 21,400.00 + 312.78 − 1,234.56 − 45.00 = 255,087.34
 *   adjusted bank 227,852.77 + 36,000.00 − 8,765.43                   = 255,087.34
 */
import { reconcileAccount } from '../../analytics/reconcile/reconcile-account';
import type { Row } from '../../analytics/book/types';
import { CTX, makeBook, type EntrySpec, type LineSpec } from './make-book';

const ENTRIES: EntrySpec[] = [
  // id   date          amount        customer voucher   reference summary
  ['J1', '2024-06-03', '+50000.00',  'C1',    '记-001', '1101',   '销货款'],
  ['J2', '2024-06-10', '-30000.00',  'C2',    '记-002', '2201',   '材料款'],
  ['J3', '2024-06-20', '-12580.45',  'C2',    '记-003', undefined, '材料款'],
  ['J4', '2024-06-29', '+36000.00',  'C1',    '记-004', '1102',   '支票存入'],
  ['J5', '2024-06-30', '-8765.43',   'C2',    '记-005', '2205',   '支票付款'],
];
const LINES: LineSpec[] = [
  // id   date          amount        counterparty reference description  running balance
  ['L1', '2024-06-03', '+50000.00',  '华东商贸',   '1101',   '转账收入',   '250000.00'],
  ['L2', '2024-06-12', '-30000.00',  '江南材料',   undefined, '支票 2201',  '220000.00'],
  ['L3', '2024-06-20', '-12580.45',  '江南材料',   undefined, '转账支出',   '207419.55'],
  ['L4', '2024-06-25', '+21400.00',  '北方电器',   undefined, '托收货款',   '228819.55'],
  ['L5', '2024-06-28', '-1234.56',   '供电公司',   undefined, '电费代扣',   '227584.99'],
  ['L6', '2024-06-30', '+312.78',    undefined,    undefined, '利息',       '227897.77'],
  ['L7', '2024-06-30', '-45.00',     undefined,    undefined, '手续费',     '227852.77'],
];

function run() {
  const book = makeBook({ opening: '200000.00', entries: ENTRIES, lines: LINES, customers: [['C1', '华东商贸'], ['C2', '江南材料']] });
  return reconcileAccount(book, { accountId: 'BANK1', period: '2024-06' }, CTX);
}

describe('reconcileAccount on a textbook reconciliation', () => {
  it('matches the three cleared items, each by its own rule, listed in journal order', () => {
    const upsert = run().changes.find((c) => c.table === 'Matches' && c.op === 'upsert') as { rows: Row[] };
    expect(upsert.rows.map((r) => [r.EntryIds, r.LineIds, r.Rule])).toEqual([
      ['J1', 'L1', 'exact-reference'],
      ['J2', 'L2', 'date-window'],
      ['J3', 'L3', 'exact-date'],
    ]);
  });

  it('lists each outstanding item under its kind, cent for cent', () => {
    const items = run().summary.items.map((i) => [i.kind, i.id, i.amount]);
    expect(items).toEqual([
      ['BankReceivedNotBooked', 'L4', '21400.00'],
      ['BankPaidNotBooked', 'L5', '-1234.56'],
      ['BookReceivedNotOnBank', 'J4', '36000.00'],
      ['BookPaidNotOnBank', 'J5', '-8765.43'],
      ['BankReceivedNotBooked', 'L6', '312.78'],
      ['BankPaidNotBooked', 'L7', '-45.00'],
    ]);
  });

  it('writes the 余额调节表 row with equal adjusted balances', () => {
    const change = run().changes.find((c) => c.table === 'Reconciliation') as { rows: Row[] };
    expect(change.rows).toEqual([
      {
        AccountId: 'BANK1', Period: '2024-06', BookBalance: '234654.12', BankBalance: '227852.77',
        BankReceivedNotBooked: '21712.78', BankPaidNotBooked: '-1279.56', BookReceivedNotOnBank: '36000.00', BookPaidNotOnBank: '-8765.43',
        AdjustedBook: '255087.34', AdjustedBank: '255087.34', Difference: '0.00', PreparedAt: CTX.now,
      },
    ]);
  });

  it('prints the sheet with the balances, the items and the difference', () => {
    const sheet = run().changes.find((c) => c.op === 'sheet') as { sheet: { name: string; rows: unknown[][] } };
    expect(sheet.sheet.name).toBe('调节表 BANK1 2024-06');
    const labelled = sheet.sheet.rows.filter((r) => r[0] !== null).map((r) => [r[0], r[4]]);
    expect(labelled).toEqual([
      ['企业日记账余额', '234654.12'],
      ['加：银行已收企业未收', '21712.78'],
      ['减：银行已付企业未付', '-1279.56'],
      ['调节后企业余额', '255087.34'],
      ['银行对账单余额', '227852.77'],
      ['加：企业已收银行未收', '36000.00'],
      ['减：企业已付银行未付', '-8765.43'],
      ['调节后银行余额', '255087.34'],
      ['差额', '0.00'],
    ]);
  });

  it('reports the exact difference when the bank’s closing balance disagrees', () => {
    const lines = LINES.map((l): LineSpec => (l[0] === 'L7' ? [l[0], l[1], l[2], l[3], l[4], l[5], '227852.70'] : l));
    const book = makeBook({ opening: '200000.00', entries: ENTRIES, lines });
    const result = reconcileAccount(book, { accountId: 'BANK1', period: '2024-06' }, CTX);
    expect([result.summary.difference, result.exitCode]).toEqual(['0.07', 1]);
  });

  it('falls back to the opening balance plus every line when no running balance is given', () => {
    const lines = LINES.map((l): LineSpec => [l[0], l[1], l[2], l[3], l[4], l[5]]);
    const book = makeBook({ opening: '200000.00', entries: ENTRIES, lines });
    expect(reconcileAccount(book, { accountId: 'BANK1', period: '2024-06' }, CTX).summary.bankBalance).toBe('227852.77');
  });
});
