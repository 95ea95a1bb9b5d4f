import { detectDayOrder, detectDecimalMark } from '../../analytics/import/column-habits';

describe('detectDecimalMark', () => {
  // prettier-ignore
  it.each([
    [['-3.000', '1.234,56', '-0,50'], ',', 'evidence'],
    [['1,234.56', '-3.000'],          '.', 'evidence'],
    [['18.5', '¥25.00'],              '.', 'evidence'],
    [['-3.000'],                      '.', 'default'],
    [['1,234'],                       '.', 'default'],
    [['1.5', '2,5'],                  '.', 'conflict'],
  ])('decides %j as %s (%s)', (values, mark, basis) => {
    expect(detectDecimalMark(values)).toEqual({ mark, basis });
  });
});

describe('detectDayOrder', () => {
  // prettier-ignore
  it.each([
    [['09/04/2025', '31/03/2025'], 'dmy', 'evidence'],
    [['01/02/2024', '01/13/2024'], 'mdy', 'evidence'],
    [['01/02/2024'],               'dmy', 'default'],
    [['01.03.2024'],               'dmy', 'evidence'],
    [['2024-01-02'],               'dmy', 'not-needed'],
    [['13/01/2024', '01/13/2024'], 'dmy', 'conflict'],
  ])('decides %j as %s (%s)', (values, order, basis) => {
    expect(detectDayOrder(values)).toEqual({ order, basis });
  });
});
