// Expected numbers: pandas via test/notebook/fixtures/golden.py (see its docstring), pasted here.
import { profitByPeriod } from '../../../analytics/notebook/cells/profit-by-period';
import { inputOf, makeBook, makeGoldenBook } from '../fixtures/make-book';

// Period, Income, Expense, Profit
const BY_MONTH = [
  ["2024-01", "21081.99", "1456.54" , "19625.45"],
  ["2024-02", "17746.18", "7976.00" , "9770.18"],
  ["2024-03", "14261.70", "5246.66" , "9015.04"],
  ["2024-04", "31637.93", "9751.69" , "21886.24"],
  ["2024-05", "21827.27", "3197.80" , "18629.47"],
  ["2024-06", "11954.80", "2426.53" , "9528.27"],
  ["2024-07", "31801.57", "2404.45" , "29397.12"],
  ["2024-08", "0.00"    , "0.00"    , "0.00"],
  ["2024-09", "7470.29" , "15166.06", "-7695.77"],
  ["2024-10", "33446.08", "2308.62" , "31137.46"],
  ["2024-11", "24866.37", "7922.58" , "16943.79"],
  ["2024-12", "27238.05", "0.00"    , "27238.05"],
  ["2025-01", "10798.52", "5902.93" , "4895.59"],
  ["2025-02", "17045.26", "11612.73", "5432.53"],
  ["2025-03", "12629.14", "9886.19" , "2742.95"],
  ["2025-04", "6292.41" , "295.99"  , "5996.42"],
  ["2025-05", "29317.49", "0.00"    , "29317.49"],
  ["2025-06", "12395.49", "8997.52" , "3397.97"],
];
const BY_QUARTER = [
  ["2024-Q1", "53089.87", "14679.20", "38410.67"],
  ["2024-Q2", "65420.00", "15376.02", "50043.98"],
  ["2024-Q3", "39271.86", "17570.51", "21701.35"],
  ["2024-Q4", "85550.50", "10231.20", "75319.30"],
  ["2025-Q1", "40472.92", "27401.85", "13071.07"],
  ["2025-Q2", "48005.39", "9293.51" , "38711.88"],
];
const BY_YEAR = [
  ["2024", "243332.23", "57856.93", "185475.30"],
  ["2025", "88478.31" , "36695.36", "51782.95"],
];

const asRows = (t: (string | null)[][]) => t.map(([Period, Income, Expense, Profit]) => ({ Period, Income, Expense, Profit }));

describe('profitByPeriod', () => {
  it('sums income and expense by month, listing the month with no entries as zeros', () => {
    expect(profitByPeriod({ grain: 'month' }, inputOf(makeGoldenBook())).rows).toEqual(asRows(BY_MONTH));
  });

  it('sums income and expense by quarter', () => {
    expect(profitByPeriod({ grain: 'quarter' }, inputOf(makeGoldenBook())).rows).toEqual(asRows(BY_QUARTER));
  });

  it('sums income and expense by year', () => {
    expect(profitByPeriod({ grain: 'year' }, inputOf(makeGoldenBook())).rows).toEqual(asRows(BY_YEAR));
  });

  it('nets a receipt and its red-ink reversal to nothing', () => {
    const book = makeBook({
      Journal: [
        { EntryId: 'J1', Date: '2026-03-02', AccountId: 'BANK1', Inflow: '500.10', Outflow: null,    Status: 'posted' },
        { EntryId: 'J2', Date: '2026-03-05', AccountId: 'BANK1', Inflow: '800.00', Outflow: null,    Status: 'reversed' },
        { EntryId: 'J3', Date: '2026-03-06', AccountId: 'BANK1', Inflow: '-800.00', Outflow: null,   Status: 'reversal' },
        { EntryId: 'J4', Date: '2026-03-09', AccountId: 'CASH1', Inflow: null,     Outflow: '0.30',  Status: 'posted' },
      ],
    });
    expect(profitByPeriod({}, inputOf(book)).rows).toEqual([{ Period: '2026-03', Income: '500.10', Expense: '0.30', Profit: '499.80' }]);
  });

  it('leaves cash drawn from or deposited at the bank out of income and expense', () => {
    const book = makeBook({
      Accounts: [
        { AccountId: 'CASH1', Name: '库存现金', Kind: 'cash' },
        { AccountId: 'BANK1', Name: '基本户', Kind: 'bank' },
      ],
      Journal: [
        { EntryId: 'J1', Date: '2026-03-02', AccountId: 'BANK1', Inflow: '300.00',  Outflow: null,      CounterAccount: '应收账款',        Status: 'posted' },
        { EntryId: 'J2', Date: '2026-03-03', AccountId: 'BANK1', Inflow: null,      Outflow: '1000.00', CounterAccount: '库存现金',        Status: 'posted' },
        { EntryId: 'J3', Date: '2026-03-03', AccountId: 'CASH1', Inflow: '1000.00', Outflow: null,      CounterAccount: '银行存款-基本户', Status: 'posted' },
        { EntryId: 'J4', Date: '2026-03-04', AccountId: 'CASH1', Inflow: null,      Outflow: '200.00',  CounterAccount: 'BANK1',           Status: 'posted' },
        { EntryId: 'J5', Date: '2026-03-05', AccountId: 'CASH1', Inflow: null,      Outflow: '45.50',   CounterAccount: '管理费用',        Status: 'posted' },
      ],
    });
    expect(profitByPeriod({}, inputOf(book)).rows).toEqual([{ Period: '2026-03', Income: '300.00', Expense: '45.50', Profit: '254.50' }]);
  });

  it('includes both ends of a from-to range', () => {
    const book = makeBook({
      Journal: [
        { EntryId: 'J1', Date: '2026-03-31', AccountId: 'B', Inflow: '1.00' },
        { EntryId: 'J2', Date: '2026-04-01', AccountId: 'B', Inflow: '2.00' },
        { EntryId: 'J3', Date: '2026-04-30', AccountId: 'B', Inflow: '4.00' },
        { EntryId: 'J4', Date: '2026-05-01', AccountId: 'B', Inflow: '8.00' },
      ],
    });
    const rows = profitByPeriod({ from: '2026-04-01', to: '2026-04-30' }, inputOf(book)).rows;
    expect(rows).toEqual([{ Period: '2026-04', Income: '6.00', Expense: '0.00', Profit: '6.00' }]);
  });

  it('leaves out an entry with an impossible date or amount and says how many', () => {
    const book = makeBook({
      Journal: [
        { EntryId: 'J1', Date: '2026-02-29', AccountId: 'B', Inflow: '1.00' },
        { EntryId: 'J2', Date: '2026-02-28', AccountId: 'B', Inflow: '1.005' },
        { EntryId: 'J3', Date: '2026-02-28', AccountId: 'B', Inflow: '2.00' },
      ],
    }, 'en-US');
    const out = profitByPeriod({}, inputOf(book));
    expect(out.rows).toEqual([{ Period: '2026-02', Income: '2.00', Expense: '0.00', Profit: '2.00' }]);
    expect(out.notes?.[0]['en-US']).toBe('2 row(s) with an unreadable amount or date were left out');
  });

  it('refuses a grain it does not know', () => {
    expect(() => profitByPeriod({ grain: 'week' }, inputOf(makeBook({})))).toThrow(/grain/);
  });
});
