import { isReferenceTypo, textSimilarity } from '../../analytics/reconcile/similarity';

describe('isReferenceTypo (one edit at most, references of 4+ characters)', () => {
  test.each([
    ['R1000363', 'R1000363', true], // same
    ['R1000363', 'R1000863', true], // one character changed
    ['R1000363', 'R100363', true], // one dropped
    ['R100363', 'R1000363', true], // one added
    ['R1000363', 'R1003063', true], // neighbours swapped
    ['R1000363', 'R1008863', false], // two changed
    ['R1000363', 'R10003', false], // two dropped
    ['R1000363', 'R0100336', false], // two swaps
    ['ABCD', 'BACD', true], // swap at the start
    ['ABCD', 'ABDC', true], // swap at the end
    ['ABCD', 'ABCDE', true], // added at the end
    ['ABCD', 'XABCD', true], // added at the start
    ['ABC', 'ABD', false], // too short to mean anything
    ['', 'ABCD', false],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(isReferenceTypo(a, b)).toBe(expected);
    expect(isReferenceTypo(b, a)).toBe(expected);
  });
});

describe('textSimilarity (Dice over bigrams)', () => {
  test('worked examples', () => {
    // 测试客户甲 vs 测试客户甲贸易: one contains the other → max(0.8, 2·5/(5+7)) = 10/12
    expect(textSimilarity('测试客户甲', '测试客户甲贸易')).toBeCloseTo(10 / 12, 12);
    // 客户甲 vs 测试客户甲贸易: contained, 2·3/10 = 0.6 → raised to 0.8
    expect(textSimilarity('客户甲', '测试客户甲贸易')).toBeCloseTo(0.8, 12);
    // 华东贸易720号 and 华东贸易160号: 8 characters, 7 bigrams each; 华东 东贸 贸易 0号 shared → 2·4/14
    expect(textSimilarity('华东贸易720号', '华东贸易160号')).toBeCloseTo(8 / 14, 12);
    expect(textSimilarity('货款', '租金')).toBe(0);
    expect(textSimilarity('', '租金')).toBe(0);
    expect(textSimilarity('租金', '租金')).toBe(1);
  });
});
