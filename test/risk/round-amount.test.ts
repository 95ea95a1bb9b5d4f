import { findingsOf, idsOf, makeRiskBook } from './fixtures/make-risk-book';

describe('round-amount', () => {
  it.each`
    amount         | summary       | fires
    ${'-50000.00'} | ${'咨询费'}   | ${true}
    ${'10000.00'}  | ${'货款'}     | ${true}
    ${'-50000.01'} | ${'咨询费'}   | ${false}
    ${'-15000.00'} | ${'咨询费'}   | ${false}
    ${'-9000.00'}  | ${'咨询费'}   | ${false}
    ${'-50000.00'} | ${'提现备用'} | ${false}
  `('reports $amount ($summary): $fires', ({ amount, summary, fires }) => {
    const book = makeRiskBook({
      entries: [['E1', '2024-06-03', 'C1', '转账', amount, { Summary: summary }]],
    });
    expect(idsOf(findingsOf(book, 'round-amount'))).toEqual(fires ? [['E1']] : []);
  });

  it('uses the unit from Settings', () => {
    const book = makeRiskBook({
      settings: { 'risk.roundAmountUnit': '5000' },
      entries: [['E1', '2024-06-03', 'C1', '转账', '-15000.00']],
    });
    expect(findingsOf(book, 'round-amount')).toHaveLength(1);
  });
});
