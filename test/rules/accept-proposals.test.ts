import { commitCommand } from '../../analytics/book/commit-command';
import { acceptProposals } from '../../analytics/rules/accept-proposals';
import { proposeEntries } from '../../analytics/rules/propose-entries';
import { unmatchedLines } from '../../analytics/rules/unmatched-lines';
import { CTX, line, makeBook, rule } from './fixtures';

const rules = [
  rule('FEE', 10, [{ field: 'description', op: 'contains', value: '手续费' }], { Summary: '银行手续费', CounterAccount: '财务费用-手续费', Method: '转账' }),
  rule('INT', 20, [{ field: 'description', op: 'contains', value: '结息' }], { Summary: '活期利息', CounterAccount: '财务费用-利息收入' }),
];
const customers = [{ CustomerId: 'C1', Name: '测试客户甲有限公司', Status: 'active' }];
const lines = [
  line('2024-01-05', '-5.00', '汇款手续费'),
  line('2024-01-21', '0.35', '结息'),
  line('2024-01-22', '3000.00', '货款', '测试客户甲有限公司'),
  line('2024-01-25', '-200.00', '转账'),
  line('2024-02-01', '-1.00', '手续费'),
];
const journal = [
  { EntryId: 'J000001', Date: '2024-01-25', Voucher: '记-0001', AccountId: 'BANK', Summary: '付款', Outflow: '200.00', Status: 'posted', Balance: '800.00' },
];
const matches = [{ MatchId: 'M1', Period: '2024-01', AccountId: 'BANK', EntryIds: 'J000001', LineIds: lines[3].LineId, Rule: 'exact-date', Score: 1, Status: 'auto' }];

describe('proposeEntries', () => {
  it('proposes only the period lines no match or entry accounts for', () => {
    const book = makeBook({ rules, lines, customers, journal, matches });
    expect(unmatchedLines(book, 'BANK', '2024-01').map((l) => l.Description)).toEqual(['汇款手续费', '结息', '货款']);
  });

  it('says which rule or customer match filled each field', () => {
    const { proposals } = proposeEntries(makeBook({ rules, lines, customers, journal, matches }), { accountId: 'BANK', period: '2024-01' });
    expect(proposals[0].fields.CounterAccount).toEqual({ value: '财务费用-手续费', from: 'rule:FEE' });
    expect(proposals[2].fields.CustomerId).toEqual({ value: 'C1', from: 'customer:name' });
    expect(proposals[2].needsReview).toBe(true);
  });
});

describe('acceptProposals', () => {
  it('posts complete proposals with a link back to the line and skips the incomplete one', () => {
    const book = makeBook({ rules, lines, customers, journal, matches });
    const result = acceptProposals(book, { accountId: 'BANK', period: '2024-01', lineIds: 'all' }, CTX);
    expect(result.summary.accepted).toBe(2);
    expect(result.summary.skipped).toEqual([{ lineId: lines[2].LineId, reason: 'no counter account: choose one or add a rule' }]);
    const posted = (result.changes[0] as { rows: Record<string, unknown>[] }).rows;
    expect(posted.map((e) => [e.EntryId, e.Voucher, e.Outflow, e.Inflow, e.Source])).toEqual([
      ['J000002', '记-0002', '5.00', null, `statement:${lines[0].LineId}`],
      ['J000003', '记-0003', null, '0.35', `statement:${lines[1].LineId}`],
    ]);
  });

  it('leaves no bank-only line once the remaining proposal is accepted with an edit', () => {
    const book = makeBook({ rules, lines, customers, journal, matches });
    const first = commitCommand(book, acceptProposals(book, { accountId: 'BANK', period: '2024-01', lineIds: 'all' }, CTX), CTX).book;
    const edits = { [lines[2].LineId as string]: { CounterAccount: '应收账款' } };
    const second = commitCommand(first, acceptProposals(first, { accountId: 'BANK', period: '2024-01', lineIds: [lines[2].LineId as string], edits }, CTX), CTX).book;
    expect(unmatchedLines(second, 'BANK', '2024-01')).toEqual([]);
  });

  it('recomputes running balances in date order after posting', () => {
    const book = makeBook({ rules, lines, customers, journal, matches });
    const next = commitCommand(book, acceptProposals(book, { accountId: 'BANK', period: '2024-01', lineIds: 'all' }, CTX), CTX).book;
    const balances = Object.fromEntries(next.tables.Journal!.rows.map((e) => [e.EntryId, e.Balance]));
    // 1000.00 − 5.00 (01-05) + 0.35 (01-21) − 200.00 (01-25)
    expect(balances).toEqual({ J000002: '995.00', J000003: '995.35', J000001: '795.35' });
  });

  it('refuses a line that has no open proposal', () => {
    const book = makeBook({ rules, lines, customers, journal, matches });
    expect(() => acceptProposals(book, { accountId: 'BANK', lineIds: [lines[3].LineId as string] }, CTX)).toThrow(/has no open proposal/);
  });
});
