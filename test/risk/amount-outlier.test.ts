import { findingsOf, makeRiskBook, type EntryTuple } from './fixtures/make-risk-book';

// Case R3: four 1,000.00 payments to one supplier, then 50,000.00
const R3: EntryTuple[] = [
  ['P1', '2024-03-01', '测试供应商丙', '转账', '-1000.00'],
  ['P2', '2024-03-15', '测试供应商丙', '转账', '-1000.00'],
  ['P3', '2024-04-01', '测试供应商丙', '转账', '-1000.00'],
  ['P4', '2024-04-15', '测试供应商丙', '转账', '-1000.00'],
  ['P5', '2024-05-02', '测试供应商丙', '转账', '-50000.00'],
];

describe('amount-outlier', () => {
  it('flags the 50,000.00 payment after four 1,000.00 payments by the ratio to the median (case R3)', () => {
    const [f, ...rest] = findingsOf(makeRiskBook({ entries: R3 }), 'amount-outlier');
    expect(rest).toEqual([]);
    expect(f.entryIds).toEqual(['P5']);
    expect(f.explanation['en-US']).toContain(
      'history too short for a z-score (n = 4, sd = 0.00, MAD = 0.00',
    );
    expect(f.explanation['en-US']).toContain(
      "amount 50,000.00 = 50 × customer 测试供应商丙's median of payments 1,000.00",
    );
    expect(f.explanation['zh-CN']).toContain('历史过短');
  });

  it('leaves a sixth ordinary 1,000.00 payment alone', () => {
    const book = makeRiskBook({
      entries: [...R3, ['P6', '2024-05-20', '测试供应商丙', '转账', '-1000.00']],
    });
    expect(findingsOf(book, 'amount-outlier').map((f) => f.entryIds[0])).toEqual(['P5']);
  });

  it('says "zero spread" when a long history has MAD 0', () => {
    const same: EntryTuple[] = Array.from({ length: 12 }, (_, i) => [
      `Q${i}`,
      `2024-01-${String(i + 1).padStart(2, '0')}`,
      'C1',
      '转账',
      '-500.00',
    ]);
    const [f] = findingsOf(
      makeRiskBook({ entries: [...same, ['QX', '2024-02-01', 'C1', '转账', '-9000.00']] }),
      'amount-outlier',
    );
    expect(f.explanation['en-US']).toMatch(/^zero spread for a z-score \(n = 12/);
  });

  // history: 12 payments spread 900–1,100 (median 1,000, MAD 30): modified z of 2,000 is 0.6745·1000/30 = 22.48,
  // of 1,150 it is 0.6745·150/30 = 3.37
  const spread = [900, 950, 960, 980, 990, 1000, 1000, 1010, 1020, 1040, 1050, 1100];
  const history: EntryTuple[] = spread.map((a, i) => [
    `H${i}`,
    `2024-01-${String(i + 1).padStart(2, '0')}`,
    'C1',
    '转账',
    `-${a}.00`,
  ]);

  it('uses the modified z-score once the history is long enough', () => {
    const [f] = findingsOf(
      makeRiskBook({ entries: [...history, ['HX', '2024-02-01', 'C1', '转账', '-2000.00']] }),
      'amount-outlier',
    );
    expect(f.entryIds).toEqual(['HX']);
    expect(f.explanation['en-US']).toContain('n = 12, median 1,000.00 CNY, MAD 30.00 CNY');
    expect(f.explanation['en-US']).toContain('robust z = 22.48');
  });

  it('stays silent for an amount with modified z below 3.5', () => {
    expect(
      findingsOf(
        makeRiskBook({ entries: [...history, ['HX', '2024-02-01', 'C1', '转账', '-1150.00']] }),
        'amount-outlier',
      ),
    ).toEqual([]);
  });

  it('never compares receipts with payments', () => {
    const book = makeRiskBook({
      entries: [...R3.slice(0, 4), ['R1', '2024-05-02', '测试供应商丙', '转账', '50000.00']],
    });
    expect(findingsOf(book, 'amount-outlier')).toEqual([]);
  });
});
