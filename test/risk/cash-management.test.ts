import { findingsOf, idsOf, makeRiskBook } from './fixtures/make-risk-book';

describe('cash-over-settlement', () => {
  it.each`
    amount        | summary           | fires
    ${'-1200.00'} | ${'购买办公用品'} | ${true}
    ${'-1000.00'} | ${'购买办公用品'} | ${false}
    ${'-1000.01'} | ${'购买办公用品'} | ${true}
    ${'-8000.00'} | ${'发放6月工资'}  | ${false}
    ${'-3000.00'} | ${'差旅费借支'}   | ${false}
    ${'-9000.00'} | ${'现金存入银行'} | ${false}
    ${'1200.00'}  | ${'收到货款'}     | ${false}
  `('reports a cash $amount for $summary: $fires', ({ amount, summary, fires }) => {
    const book = makeRiskBook({
      entries: [['E1', '2024-06-03', 'C1', '现金', amount, { Summary: summary }]],
    });
    expect(idsOf(findingsOf(book, 'cash-over-settlement'))).toEqual(fires ? [['E1']] : []);
  });

  it('leaves transfers alone', () => {
    const book = makeRiskBook({
      entries: [['E1', '2024-06-03', 'C1', '转账', '-5000.00', { Summary: '购买办公用品' }]],
    });
    expect(findingsOf(book, 'cash-over-settlement')).toEqual([]);
  });
});

describe('cash-on-hand-limit', () => {
  const accounts: [string, string, string][] = [
    ['BANK', 'bank', '0.00'],
    ['CASH', 'cash', '15000.00'],
  ];

  it('reports the days the cash account closes above 20,000 as one finding', () => {
    const book = makeRiskBook({
      accounts,
      entries: [
        ['E1', '2024-06-03', 'C1', '现金', '6000.00'],
        ['E2', '2024-06-04', 'C2', '现金', '500.00'],
        ['E3', '2024-06-05', '', '现金', '-8000.00', { Summary: '现金存入银行' }],
      ],
    });
    const [f, ...rest] = findingsOf(book, 'cash-on-hand-limit');
    expect(rest).toEqual([]);
    expect(f.entryIds).toEqual(['E1']);
    expect(f.amountFen).toBe(2_150_000);
    expect(f.explanation['zh-CN']).toContain('2024-06-03 至 2024-06-04');
  });

  it('stays silent at exactly the limit', () => {
    const book = makeRiskBook({
      accounts,
      entries: [['E1', '2024-06-03', 'C1', '现金', '5000.00']],
    });
    expect(findingsOf(book, 'cash-on-hand-limit')).toEqual([]);
  });
});

describe('cash-sitting', () => {
  it('reports a day paid out of receipts when the drawer was empty (坐支)', () => {
    const book = makeRiskBook({
      entries: [
        ['E1', '2024-06-03', 'C1', '现金', '8000.00', { Summary: '收到货款' }],
        ['E2', '2024-06-03', 'S1', '现金', '-800.00', { Summary: '付修理费' }],
      ],
    });
    const [f] = findingsOf(book, 'cash-sitting');
    expect(f.entryIds).toEqual(['E1', 'E2']);
    expect(f.amountFen).toBe(80_000);
  });

  it.each`
    case                                 | opening     | extra
    ${'opening cash covers the payment'} | ${'800.00'} | ${[]}
    ${'a bank withdrawal covers it'}     | ${'0.00'}   | ${[['E3', '2024-06-03', '', '现金', '1000.00', { Summary: '从银行提现' }]]}
  `('stays silent when $case', ({ opening, extra }) => {
    const book = makeRiskBook({
      accounts: [
        ['BANK', 'bank'],
        ['CASH', 'cash', opening],
      ],
      entries: [
        ['E1', '2024-06-03', 'C1', '现金', '8000.00', { Summary: '收到货款' }],
        ['E2', '2024-06-03', 'S1', '现金', '-800.00', { Summary: '付修理费' }],
        ...extra,
      ],
    });
    expect(findingsOf(book, 'cash-sitting')).toEqual([]);
  });
});
