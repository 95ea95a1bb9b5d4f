import { findingsOf, idsOf, makeRiskBook } from './fixtures/make-risk-book';

describe('dormant-reactivated', () => {
  it('reports the first entry after 200 quiet days', () => {
    const book = makeRiskBook({
      entries: [
        ['E1', '2023-11-01', 'C1', '转账', '5000.00'],
        ['E2', '2024-05-19', 'C1', '转账', '5000.00'],
        ['E3', '2024-05-20', 'C1', '转账', '5000.00'],
      ],
    });
    const findings = findingsOf(book, 'dormant-reactivated');
    expect(idsOf(findings)).toEqual([['E2']]);
    expect(findings[0].explanation['zh-CN']).toContain('200 天无往来');
  });

  it('stays silent after 179 quiet days', () => {
    const book = makeRiskBook({
      entries: [
        ['E1', '2023-11-01', 'C1', '转账', '5000.00'],
        ['E2', '2024-04-28', 'C1', '转账', '5000.00'],
      ],
    });
    expect(findingsOf(book, 'dormant-reactivated')).toEqual([]);
  });
});

describe('new-counterparty-large', () => {
  const history: [string, string, string, string, string][] = [
    ['E0', '2024-01-02', 'OLD', '转账', '100.00'],
  ];

  it('reports a large entry within 30 days of a new customer first appearing', () => {
    const book = makeRiskBook({
      entries: [
        ...history,
        ['E1', '2024-06-03', 'NEW', '转账', '1000.00'],
        ['E2', '2024-06-20', 'NEW', '转账', '-60000.00'],
      ],
    });
    expect(idsOf(findingsOf(book, 'new-counterparty-large'))).toEqual([['E2']]);
  });

  it.each`
    case                                     | entries
    ${'the amount is below 50,000'}          | ${[['E1', '2024-06-03', 'NEW', '转账', '49999.99']]}
    ${'the large entry comes after 30 days'} | ${[['E1', '2024-06-03', 'NEW', '转账', '100.00'], ['E2', '2024-07-04', 'NEW', '转账', '60000.00']]}
    ${'the customer predates the book'}      | ${[['E1', '2024-01-20', 'EARLY', '转账', '60000.00']]}
  `('stays silent when $case', ({ entries }) => {
    const book = makeRiskBook({ entries: [...history, ...entries] });
    expect(findingsOf(book, 'new-counterparty-large')).toEqual([]);
  });
});
