import { matchStatement } from '../../analytics/reconcile/match-statement';
import { journalColumns, statementColumns } from '../../analytics/reconcile/ledger-columns';
import { entryRow, lineRow, type EntrySpec, type LineSpec } from './make-book';
import { makeSyntheticColumns } from './synthetic-columns';

const names = new Map([['C1', '华东商贸'], ['C2', '江南材料']]);
function run(entries: EntrySpec[], lines: LineSpec[], options = {}) {
  const J = journalColumns(entries.map((e) => entryRow(e)), names);
  const S = statementColumns(lines.map((l) => lineRow(l)));
  return matchStatement(J, S, options).map((p) => ({ entries: p.entries.map((j) => J.ids[j]), lines: p.lines.map((s) => S.ids[s]), rule: p.rule, residual: p.residual }));
}

describe('matchStatement', () => {
  it('pairs a receipt with a credit two days later inside the default window', () => {
    expect(run([['J1', '2024-06-03', '+800.00']], [['L1', '2024-06-05', '+800.00']])).toEqual([{ entries: ['J1'], lines: ['L1'], rule: 'date-window', residual: 0 }]);
  });

  it('leaves them apart when the window setting is one day', () => {
    expect(run([['J1', '2024-06-03', '+800.00']], [['L1', '2024-06-05', '+800.00']], { windowDays: 1 })).toEqual([]);
  });

  it('nets a bank fee off a receipt and keeps the fee as the residual', () => {
    expect(run([['J1', '2024-06-03', '+10000.00', 'C1']], [['L1', '2024-06-03', '+9985.00', '华东商贸有限公司']])).toEqual([{ entries: ['J1'], lines: ['L1'], rule: 'fee-netted', residual: -1500 }]);
  });

  it('matches a payment the bank split into two lines', () => {
    expect(run([['J1', '2024-06-03', '-1672.94', 'C2']], [['L1', '2024-06-04', '-1476.95', '江南材料'], ['L2', '2024-06-04', '-195.99', '江南材料']])).toEqual([
      { entries: ['J1'], lines: ['L1', 'L2'], rule: 'one-to-many', residual: 0 },
    ]);
  });

  it('matches equal amounts ten days apart when the counterparty is the same', () => {
    expect(run([['J1', '2024-06-03', '-4637.95', 'C2']], [['L1', '2024-06-13', '-4637.95', '江南材料']])).toEqual([{ entries: ['J1'], lines: ['L1'], rule: 'fuzzy', residual: 0 }]);
  });

  it('does not take a same-amount decoy for another counterparty', () => {
    const found = run([['J1', '2024-06-03', '+500.00', 'C1'], ['J2', '2024-06-03', '+500.00', 'C2']], [['L1', '2024-06-04', '+500.00', '江南材料']]);
    expect(found).toEqual([{ entries: ['J2'], lines: ['L1'], rule: 'date-window', residual: 0 }]);
  });

  it('prefers the matching reference over the nearer date', () => {
    const found = run([['J1', '2024-06-03', '-300.00', undefined, undefined, '88'], ['J2', '2024-06-05', '-300.00', undefined, undefined, '89']], [['L1', '2024-06-05', '-300.00', undefined, '88']]);
    expect(found).toEqual([{ entries: ['J1'], lines: ['L1'], rule: 'exact-reference', residual: 0 }]);
  });

  it('keeps apart firms whose names differ only in the trade name, even with alike descriptions', () => {
    const named = new Map([['C1', '上海华联商贸有限公司'], ['C2', '北京东方科技有限公司']]);
    const J = journalColumns([entryRow(['J1', '2024-06-01', '+5000.00', 'C1']), entryRow(['J2', '2024-06-20', '+2000.00', 'C2'])], named);
    const S = statementColumns([lineRow(['L1', '2024-06-12', '+5000.00', '上海华润商贸有限公司']), lineRow(['L2', '2024-06-21', '+1985.00', '北京南方科技有限公司'])]);
    expect(matchStatement(J, S)).toEqual([]);
  });

  it.each([
    ['北京银行', '上海银行'],
    ['北京大学', '中山大学'],
    ['深圳宏达电子有限公司', '杭州宏达物流有限公司'],
    ['上海华联商贸有限公司', '北京新华联置业有限公司'],
    ['上海中华商贸有限公司', '北京中华书局有限公司'],
    ['上海华联科技有限公司', '上海华联物业有限公司'],
    ['ABC Trading Co., Ltd.', 'XYZ Trading Co., Ltd.'],
  ])('does not take %s for %s ten days apart', (book, bank) => {
    const J = journalColumns([entryRow(['J1', '2024-03-01', '+5000.00', 'C1'])], new Map([['C1', book]]));
    const S = statementColumns([lineRow(['L1', '2024-03-11', '+5000.00', bank])]);
    expect(matchStatement(J, S)).toEqual([]);
  });

  it('groups a short and a long name of one firm into a sum', () => {
    const named = new Map([['C1', '华为']]);
    const J = journalColumns([entryRow(['J1', '2024-06-09', '+1000.00', 'C1']), entryRow(['J2', '2024-06-10', '+2000.00', 'C1'])], named);
    const S = statementColumns([lineRow(['L1', '2024-06-10', '+3000.00', '华为技术有限公司'])]);
    expect(matchStatement(J, S).map((p) => [p.entries, p.lines, p.rule])).toEqual([[[0, 1], [0], 'many-to-one']]);
  });

  it('offers the other grouping of a sum once one is rejected', () => {
    // 华东商贸 3,000.00 in the bank: J1 + J2 or J2 + J3 (1,000.00 + 2,000.00 either way)
    const entries: EntrySpec[] = [['J1', '2024-06-03', '+1000.00', 'C1'], ['J2', '2024-06-03', '+2000.00', 'C1'], ['J3', '2024-06-04', '+1000.00', 'C1']];
    const lines: LineSpec[] = [['L1', '2024-06-04', '+3000.00', '华东商贸']];
    const first = run(entries, lines);
    expect(first).toHaveLength(1);
    const rejected = first[0].entries.join(',');
    const again = run(entries, lines, { isRejected: (js: number[]) => js.map((j) => `J${j + 1}`).join(',') === rejected });
    expect(again).toHaveLength(1);
    expect(again[0].lines).toEqual(['L1']);
    expect(again[0].entries).not.toEqual(first[0].entries);
    expect(again[0].entries).toContain('J2');
  });

  it('never proposes a pairing reported as rejected', () => {
    const found = run([['J1', '2024-06-03', '+800.00']], [['L1', '2024-06-03', '+800.00']], { isRejected: () => true });
    expect(found).toEqual([]);
  });

  it.each`
    case                     | entries                                                    | lines
    ${'empty input'}         | ${[]}                                                      | ${[]}
    ${'opposite signs'}      | ${[['J1', '2024-06-03', '+800.00']]}                       | ${[['L1', '2024-06-03', '-800.00']]}
    ${'one fen apart'}       | ${[['J1', '2024-06-03', '+800.00']]}                       | ${[['L1', '2024-06-03', '+800.01']]}
  `('matches nothing for $case', ({ entries, lines }) => {
    expect(run(entries, lines)).toEqual([]);
  });
});

test('a long pass tells onProgress every few thousand steps, and every pass tells onPass', () => {
  const { journal, statement } = makeSyntheticColumns(20_000, 3);
  let progress = 0;
  const passes: string[] = [];
  matchStatement(journal, statement, { onProgress: () => progress++, onPass: (p) => passes.push(p) });
  expect(passes).toEqual(['sort', 'equal-amounts', 'same-party-sums', 'fee-netted', 'fuzzy', 'sums']);
  expect(progress).toBeGreaterThan(4);
});
