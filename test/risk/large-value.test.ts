import { findingsOf, idsOf, makeRiskBook } from './fixtures/make-risk-book';

const customers: [string, 'person' | 'company' | ''][] = [
  ['公司甲', 'company'],
  ['个人乙', 'person'],
  ['未知丙', ''],
];

describe('large-value', () => {
  it.each`
    case                                        | customer    | method        | amount           | fires
    ${'cash at exactly 50,000.00'}              | ${'公司甲'} | ${'现金'}     | ${'50000.00'}    | ${true}
    ${'cash at 49,999.99'}                      | ${'公司甲'} | ${'现金'}     | ${'-49999.99'}   | ${false}
    ${'legal-person transfer at 2,000,000'}     | ${'公司甲'} | ${'转账'}     | ${'-2000000.00'} | ${true}
    ${'legal-person transfer just under'}       | ${'公司甲'} | ${'转账'}     | ${'1999999.99'}  | ${false}
    ${'natural-person transfer at 500,000'}     | ${'个人乙'} | ${'转账'}     | ${'500000.00'}   | ${true}
    ${'natural-person transfer just under'}     | ${'个人乙'} | ${'转账'}     | ${'499999.99'}   | ${false}
    ${'cross-border person at 200,000'}         | ${'个人乙'} | ${'跨境汇款'} | ${'-200000.00'}  | ${true}
    ${'cross-border person just under'}         | ${'个人乙'} | ${'跨境汇款'} | ${'-199999.99'}  | ${false}
    ${'unknown kind held to the person figure'} | ${'未知丙'} | ${'转账'}     | ${'600000.00'}   | ${true}
  `('reports $case: $fires', ({ customer, method, amount, fires }) => {
    const book = makeRiskBook({
      customers,
      entries: [['E1', '2024-06-03', customer, method, amount]],
    });
    expect(idsOf(findingsOf(book, 'large-value'))).toEqual(fires ? [['E1']] : []);
  });

  it('reads the cash threshold from Settings', () => {
    const book = makeRiskBook({
      customers,
      settings: { 'risk.largeCash': '10000' },
      entries: [['E1', '2024-06-03', '公司甲', '现金', '10000.00']],
    });
    expect(findingsOf(book, 'large-value')).toHaveLength(1);
  });

  it('explains the threshold and the setting in both languages', () => {
    const book = makeRiskBook({
      customers,
      entries: [['E1', '2024-06-03', '公司甲', '现金', '-52000.00']],
    });
    const [f] = findingsOf(book, 'large-value');
    expect(f.explanation['zh-CN']).toContain(
      '52,000.00 元，达到大额标准 50,000.00 元（设置 risk.largeCash）',
    );
    expect(f.explanation['en-US']).toContain(
      '52,000.00 CNY reaches the large-value threshold of 50,000.00 CNY',
    );
  });
});

describe('large-daily', () => {
  it('reports a customer whose cash entries of one day add up to the threshold', () => {
    const book = makeRiskBook({
      customers,
      entries: [
        ['E1', '2024-06-03', '公司甲', '现金', '30000.00'],
        ['E2', '2024-06-03', '公司甲', '现金', '-20000.00'],
      ],
    });
    const findings = findingsOf(book, 'large-daily');
    expect(idsOf(findings)).toEqual([['E1', 'E2']]);
    expect(findings[0].amountFen).toBe(5_000_000);
  });

  it.each`
    case                       | second
    ${'one fen short'}         | ${['E2', '2024-06-03', '公司甲', '现金', '19999.99']}
    ${'on another day'}        | ${['E2', '2024-06-04', '公司甲', '现金', '20000.00']}
    ${'by transfer, not cash'} | ${['E2', '2024-06-03', '公司甲', '转账', '20000.00']}
    ${'for another customer'}  | ${['E2', '2024-06-03', '个人乙', '现金', '20000.00']}
  `('stays silent $case', ({ second }) => {
    const book = makeRiskBook({
      customers,
      entries: [['E1', '2024-06-03', '公司甲', '现金', '30000.00'], second],
    });
    expect(findingsOf(book, 'large-daily')).toEqual([]);
  });

  it('leaves a day with one large entry to large-value', () => {
    const book = makeRiskBook({
      customers,
      entries: [
        ['E1', '2024-06-03', '公司甲', '现金', '60000.00'],
        ['E2', '2024-06-03', '公司甲', '现金', '100.00'],
      ],
    });
    expect(findingsOf(book, 'large-daily')).toEqual([]);
  });
});

describe('structuring', () => {
  it('reports cash entries each just under 50,000 within the window that reach it together', () => {
    const book = makeRiskBook({
      customers,
      entries: [
        ['E1', '2024-06-03', '个人乙', '现金', '48000.00'],
        ['E2', '2024-06-05', '个人乙', '现金', '49500.00'],
        ['E3', '2024-06-08', '个人乙', '现金', '47000.00'],
      ],
    });
    const [f, ...rest] = findingsOf(book, 'structuring');
    expect(rest).toEqual([]);
    expect(f.entryIds).toEqual(['E1', 'E2', 'E3']);
    expect(f.explanation['zh-CN']).toContain('每笔都略低于大额标准 50,000.00 元');
  });

  it.each`
    case                                             | second
    ${'the other entry is below the band'}           | ${['E2', '2024-06-04', '个人乙', '现金', '44999.99']}
    ${'the other entry is outside the window'}       | ${['E2', '2024-06-11', '个人乙', '现金', '49000.00']}
    ${'the other entry belongs to another customer'} | ${['E2', '2024-06-04', '公司甲', '现金', '49000.00']}
  `('stays silent when $case', ({ second }) => {
    const book = makeRiskBook({
      customers,
      entries: [['E1', '2024-06-03', '个人乙', '现金', '48000.00'], second],
    });
    expect(findingsOf(book, 'structuring')).toEqual([]);
  });
});
