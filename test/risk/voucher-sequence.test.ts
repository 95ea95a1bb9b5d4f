import { parseVoucher, shapeOf } from '../../analytics/risk/rules/voucher-sequence';
import { findingsOf, makeRiskBook, type EntryTuple } from './fixtures/make-risk-book';

// Case R5: June 记-0001…记-0008, 记-9, 记-0010, 记-0010A, 记-0012, 收-0001…0003; July 记-0001, 记-0002
function r5(extra: [string, string][] = []): EntryTuple[] {
  const june = [
    ...Array.from({ length: 8 }, (_, i) => `记-000${i + 1}`),
    '记-9',
    '记-0010',
    '记-0010A',
    '记-0012',
    '收-0001',
    '收-0002',
    '收-0003',
  ];
  const rows: [string, string][] = [
    ...june.map((v): [string, string] => ['2024-06-10', v]),
    ['2024-07-02', '记-0001'],
    ['2024-07-03', '记-0002'],
    ...extra,
  ];
  return rows.map(([date, voucher], i) => [
    `E${i + 1}`,
    date,
    'C1',
    '转账',
    '100.00',
    { Voucher: voucher },
  ]);
}

describe('parseVoucher', () => {
  it.each`
    text            | type    | number | suffix
    ${'记-0010A'}   | ${'记'} | ${10}  | ${'A'}
    ${'记-9'}       | ${'记'} | ${9}   | ${''}
    ${'记字第12号'} | ${'记'} | ${12}  | ${''}
    ${'收-0003'}    | ${'收'} | ${3}   | ${''}
  `('reads $text as $type $number $suffix', ({ text, type, number, suffix }) => {
    expect(parseVoucher(text)).toMatchObject({ type, number, suffix });
  });
});

describe('voucher-gap', () => {
  it('finds exactly one gap, 记 2024-06 number 11 (case R5)', () => {
    const findings = findingsOf(makeRiskBook({ entries: r5() }), 'voucher-gap');
    expect(findings.map((f) => f.period)).toEqual(['2024-06|记||11-11']);
    expect(findings[0].explanation['zh-CN']).toMatch(/^记字 2024-06 缺 0011, 1 个/);
  });

  it('stays silent once 记-0011 is there', () => {
    const entries = r5([['2024-06-11', '记-0011']]);
    expect(findingsOf(makeRiskBook({ entries }), 'voucher-gap')).toEqual([]);
  });
});

describe('voucher-reuse', () => {
  it('reports 记-9 and 记-0009 as one number used twice, not merged', () => {
    const entries = r5([['2024-06-10', '记-0009']]);
    const [f, ...rest] = findingsOf(makeRiskBook({ entries }), 'voucher-reuse');
    expect(rest).toEqual([]);
    expect(f.entryIds).toEqual(['E9', 'E18']);
    expect(f.explanation['zh-CN']).toContain('记-9、记-0009');
  });

  it('accepts two lines of one voucher written alike on one day', () => {
    const entries = r5([['2024-06-10', '记-0012']]);
    expect(findingsOf(makeRiskBook({ entries }), 'voucher-reuse')).toEqual([]);
  });
});

describe('voucher shapes (one parse per shape at scale)', () => {
  it.each([
    ['记-0012', '记-9'],
    ['记字第12号', '记字第0345号'],
    ['收-0003A', '收-17A'],
    [' 付 - 7 ', ' 付 - 0070 '],
    ['银付—0001', '银付—12'],
  ])('%s and %s read alike through the shape and the parser', (a, b) => {
    for (const text of [a, b]) {
      const shape = shapeOf(text)!;
      const v = parseVoucher(text)!;
      expect([shape.number, shape.width]).toEqual([v.number, v.width]);
    }
    expect(shapeOf(a)!.shape).toBe(shapeOf(b)!.shape);
    expect([parseVoucher(a)!.type, parseVoucher(a)!.suffix]).toEqual([parseVoucher(b)!.type, parseVoucher(b)!.suffix]);
  });

  it.each(['记－0012', '记-１２', '记-1²', '记-12-3', 'abc', '记-1234567890123456'])('leaves %s to the parser', (text) => {
    expect(shapeOf(text)).toBeUndefined();
  });
});
