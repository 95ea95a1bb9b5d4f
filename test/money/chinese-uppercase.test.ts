import { toChineseUppercase } from '../../analytics/money/chinese-uppercase';
import { Decimal } from '../../analytics/money/decimal';

describe('toChineseUppercase', () => {
  // Examples from 《正确填写票据和结算凭证的基本规定》 and the issue, written out by hand.
  it.each`
    amount                | expected
    ${'10005.20'}         | ${'壹万零伍元贰角整'}
    ${'1409.50'}          | ${'壹仟肆佰零玖元伍角整'}
    ${'6007.14'}          | ${'陆仟零柒元壹角肆分'}
    ${'16409.02'}         | ${'壹万陆仟肆佰零玖元零贰分'}
    ${'325.04'}           | ${'叁佰贰拾伍元零肆分'}
    ${'1680.32'}          | ${'壹仟陆佰捌拾元叁角贰分'}
    ${'107000.53'}        | ${'壹拾万柒仟元伍角叁分'}
    ${'100700'}           | ${'壹拾万零柒佰元整'}
    ${'10'}               | ${'壹拾元整'}
    ${'0'}                | ${'零元整'}
    ${'0.05'}             | ${'伍分'}
    ${'0.50'}             | ${'伍角整'}
    ${'100000000'}        | ${'壹亿元整'}
    ${'100010000'}        | ${'壹亿零壹万元整'}
    ${'1000000001'}       | ${'壹拾亿零壹元整'}
    ${'1000000000000'}    | ${'壹万亿元整'}
    ${'123456789012.34'}  | ${'壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟零壹拾贰元叁角肆分'}
    ${'-3800.30'}         | ${'负叁仟捌佰元叁角整'}
    ${'0.125'}            | ${'壹角叁分'}
  `('writes $amount as $expected', ({ amount, expected }) => {
    expect(toChineseUppercase(new Decimal(amount))).toBe(expected);
  });

  it('can leave 整 off after 角', () => {
    expect(toChineseUppercase('10005.20', { wholeAfterJiao: false })).toBe('壹万零伍元贰角');
  });

  it('refuses amounts of 10^16 and above', () => {
    expect(() => toChineseUppercase('1e16')).toThrow(/too large/);
  });
});

describe('toChineseUppercase on text that is not an amount', () => {
  it.each(['abc', '', 'NaN', 'Infinity'])('refuses %p with a clear message', (input) => {
    expect(() => toChineseUppercase(input)).toThrow(`'${input}' is not an amount`);
  });
});
