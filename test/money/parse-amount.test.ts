import { parseAmount } from '../../analytics/money/parse-amount';
import { amountText } from '../../analytics/money/decimal';

const text = (input: unknown, opts = {}) => {
  const r = parseAmount(input, opts);
  return r.ok ? amountText(r.value) : 'invalid';
};

describe('parseAmount', () => {
  it.each`
    input              | expected
    ${'1,234.56'}      | ${'1234.56'}
    ${'1.234,56'}      | ${'1234.56'}
    ${'(123.45)'}      | ${'-123.45'}
    ${'-123.45'}       | ${'-123.45'}
    ${'123.45-'}       | ${'-123.45'}
    ${'¥1,234.56'}     | ${'1234.56'}
    ${'￥-8.00'}        | ${'-8.00'}
    ${'１２３．４５'}   | ${'123.45'}
    ${'($30.00)'}      | ${'-30.00'}
    ${'$400.00'}       | ${'400.00'}
    ${'(¥1,234.50)'}   | ${'-1234.50'}
    ${'+100.00'}       | ${'100.00'}
    ${' 18.5 '}        | ${'18.50'}
    ${'-0,50'}         | ${'-0.50'}
    ${'6800,'}         | ${'6800.00'}
    ${'CNY 99.9'}      | ${'99.90'}
    ${'100.00元'}      | ${'100.00'}
    ${'1,000.00 CR'}   | ${'1000.00'}
    ${'1,000.00 DR'}   | ${'-1000.00'}
    ${0.1}             | ${'0.10'}
    ${-1200}           | ${'-1200.00'}
    ${'abc'}           | ${'invalid'}
    ${'12.3.4'}        | ${'invalid'}
    ${'1,23'}          | ${'1.23'}
    ${'12,34,567'}     | ${'invalid'}
  `('reads $input as $expected', ({ input, expected }) => {
    expect(text(input)).toBe(expected);
  });

  it.each`
    input        | mark   | expected
    ${'-3.000'}  | ${','} | ${'-3000.00'}
    ${'1.234,56'}| ${','} | ${'1234.56'}
    ${'-0,50'}   | ${','} | ${'-0.50'}
    ${'-3.000'}  | ${'.'} | ${'-3.00'}
    ${'1,234.56'}| ${'.'} | ${'1234.56'}
  `('reads $input with decimal mark $mark as $expected', ({ input, mark, expected }) => {
    expect(text(input, { decimalMark: mark })).toBe(expected);
  });

  it('flips the sign of a parenthesised amount when asked to negate', () => {
    expect(text('(30.00)', { negate: true })).toBe('30.00');
  });

  it('treats a blank cell as invalid unless told it means zero', () => {
    expect(text('')).toBe('invalid');
    expect(text('', { blank: 'zero' })).toBe('0.00');
  });
});
