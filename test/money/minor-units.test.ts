import { fromMinorUnits, toMinorUnits } from '../../analytics/money/minor-units';
import { Decimal, sumAmounts, amountText } from '../../analytics/money/decimal';

describe('toMinorUnits', () => {
  it.each`
    text          | units
    ${'-1234.56'} | ${-123456}
    ${'12'}       | ${1200}
    ${'0.5'}      | ${50}
    ${'.05'}      | ${5}
    ${'1.230'}    | ${123}
    ${'1.235'}    | ${NaN}
    ${'x'}        | ${NaN}
    ${'0.07'}     | ${7}
    ${'-0.07'}    | ${-7}
    ${'1-2.34'}   | ${NaN}
    ${'12.3a'}    | ${NaN}
    ${'-.50'}     | ${-50}
    ${'+12.34'}   | ${1234}
    ${'1234567890123.45'} | ${123456789012345}
    ${'12345678901234.56'} | ${1234567890123456}
    ${'123456789012345.67'} | ${NaN}
  `('reads $text as $units', ({ text, units }) => {
    expect(toMinorUnits(text)).toBe(units);
  });

  it('round-trips through fromMinorUnits', () => {
    expect(fromMinorUnits(-5)).toBe('-0.05');
    expect(fromMinorUnits(380030)).toBe('3800.30');
  });
});

describe('sumAmounts', () => {
  it('adds ten thousand 0.1 and 0.2 amounts to exactly 3000.00', () => {
    const amounts: Decimal[] = [];
    for (let i = 0; i < 10000; i++) amounts.push(new Decimal(i % 2 ? '0.2' : '0.1'));
    expect(amountText(sumAmounts(amounts))).toBe('1500.00');
    // a float sum of the same values drifts
    let f = 0;
    for (let i = 0; i < 10000; i++) f += i % 2 ? 0.2 : 0.1;
    expect(f).not.toBe(1500);
  });
});
