import { findingsOf, idsOf, makeRiskBook, type EntryTuple } from './fixtures/make-risk-book';

const rent = (
  id: string,
  date: string,
  amount: string,
  summary: string,
  customer = '测试公司A',
): EntryTuple => [id, date, customer, '转账', amount, { Summary: summary }];

describe('duplicate-exact', () => {
  it('treats a rich-text summary and the plain text as equal after normalising (case E6)', () => {
    // '货款-测试公司A' is what a two-run rich-text cell reads as; the other is typed with full-width characters and spaces
    const book = makeRiskBook({
      entries: [
        rent('E1', '2024-06-03', '-8000.00', '货款-测试公司A'),
        rent('E2', '2024-06-03', '-8000.00', ' 货款－测试公司Ａ '),
      ],
    });
    expect(idsOf(findingsOf(book, 'duplicate-exact'))).toEqual([['E1', 'E2']]);
  });

  it('matches entries without a customer by their normalised summary', () => {
    const book = makeRiskBook({
      entries: [
        rent('E1', '2024-06-03', '-99.50', '测试电话费', ''),
        rent('E2', '2024-06-03', '-99.50', '测试电话费。', ''),
      ],
    });
    expect(idsOf(findingsOf(book, 'duplicate-exact'))).toEqual([['E1', 'E2']]);
  });

  it('stays silent when the amounts differ by one fen', () => {
    const book = makeRiskBook({
      entries: [
        rent('E1', '2024-06-03', '-8000.00', '货款'),
        rent('E2', '2024-06-03', '-8000.01', '货款'),
      ],
    });
    expect(findingsOf(book, 'duplicate-exact')).toEqual([]);
  });
});

describe('duplicate-near', () => {
  it('reports the same amount to the same customer two days apart', () => {
    const book = makeRiskBook({
      entries: [
        rent('E1', '2024-06-03', '-8000.00', '货款'),
        rent('E2', '2024-06-05', '-8000.00', '6月货款'),
      ],
    });
    const [f] = findingsOf(book, 'duplicate-near');
    expect(f.entryIds).toEqual(['E1', 'E2']);
    expect(f.explanation['en-US']).toContain('within 3 days');
  });

  it('stays silent four days apart with the default three-day window', () => {
    const book = makeRiskBook({
      entries: [
        rent('E1', '2024-06-03', '-8000.00', '货款'),
        rent('E2', '2024-06-07', '-8000.00', '货款'),
      ],
    });
    expect(findingsOf(book, 'duplicate-near')).toEqual([]);
  });

  it('does not repeat an exact pair as a near duplicate', () => {
    const book = makeRiskBook({
      entries: [
        rent('E1', '2024-06-03', '-8000.00', '货款'),
        rent('E2', '2024-06-03', '-8000.00', '货款'),
      ],
    });
    expect(findingsOf(book, 'duplicate-near')).toEqual([]);
  });

  it('stays silent for a receipt and a payment of the same amount', () => {
    const book = makeRiskBook({
      entries: [
        rent('E1', '2024-06-03', '8000.00', '货款'),
        rent('E2', '2024-06-04', '-8000.00', '退款'),
      ],
    });
    expect(findingsOf(book, 'duplicate-near')).toEqual([]);
  });
});
