// Expected numbers: pandas via test/notebook/fixtures/golden.py (see its docstring), pasted here.
import { rfm } from '../../../analytics/notebook/cells/rfm';
import { inputOf, makeBook, makeGoldenBook } from '../fixtures/make-book';

// Customer, recency (days to 2025-06-30), frequency, monetary, R, F, M scores, segment
const RFM = [
  ["C01", 52 , 17, "72351.44", 3, 5, 5, "重要价值客户"],
  ["C03", 33 , 9 , "51877.80", 4, 5, 5, "重要价值客户"],
  ["C02", 25 , 6 , "33034.48", 5, 4, 5, "重要价值客户"],
  ["C06", 42 , 6 , "32929.87", 3, 4, 4, "重要价值客户"],
  ["C08", 109, 5 , "30071.23", 2, 4, 4, "重要价值客户"],
  ["C12", 159, 4 , "22564.68", 2, 3, 4, "重要挽留客户"],
  ["C05", 26 , 6 , "19676.98", 5, 4, 3, "一般价值客户"],
  ["C04", 435, 3 , "14935.65", 1, 3, 3, "一般挽留客户"],
  ["C14", 28 , 2 , "13520.23", 4, 2, 3, "一般发展客户"],
  ["C13", 345, 2 , "13337.11", 1, 2, 2, "一般挽留客户"],
  ["C11", 225, 2 , "9594.23" , 2, 2, 2, "一般挽留客户"],
  ["C15", 73 , 2 , "7932.14" , 3, 2, 2, "一般发展客户"],
  ["C10", 35 , 1 , "7691.67" , 4, 1, 1, "一般发展客户"],
  ["C07", 489, 1 , "1299.76" , 1, 1, 1, "一般挽留客户"],
  ["C09", 27 , 1 , "993.27"  , 5, 1, 1, "一般发展客户"],
];

describe('rfm', () => {
  it('scores recency, frequency and monetary value and names the segment', () => {
    const rows = rfm({ asOf: '2025-06-30' }, inputOf(makeGoldenBook())).rows;
    expect(rows.map((r) => [r.CustomerId, r.Recency, r.Frequency, r.Monetary, r.R, r.F, r.M, r.Segment])).toEqual(RFM);
  });

  it('leaves a reversed receipt and its reversal out of frequency and monetary value', () => {
    const book = makeBook({
      Journal: [
        { EntryId: 'J1', Date: '2026-01-02', AccountId: 'B', CustomerId: 'A', Inflow: '10.00',  Status: 'posted' },
        { EntryId: 'J2', Date: '2026-01-05', AccountId: 'B', CustomerId: 'A', Inflow: '99.00',  Status: 'reversed' },
        { EntryId: 'J3', Date: '2026-01-06', AccountId: 'B', CustomerId: 'A', Inflow: '-99.00', Status: 'reversal' },
      ],
    });
    const [row] = rfm({ asOf: '2026-01-31' }, inputOf(book)).rows;
    expect([row.Recency, row.Frequency, row.Monetary]).toEqual([29, 1, '10.00']);
  });
});
