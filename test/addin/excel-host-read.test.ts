import { SCHEMA } from '../../analytics/book/schema';
import { ExcelHost } from '../../addin/excel/excel-host';
import { tableToGrid } from '../../addin/excel/table-grid';
import { ExcelOpError } from '../../addin/excel/excel-op-error';
import { setConsoleLevel } from '../../addin/log';
import { bookWithJournal } from './fixtures';
import { mockWorkbook, runnerFor, type MockTable } from './excel-mock';

setConsoleLevel('error');
const supportsAll = () => true;

function journalTable(rows: number): MockTable {
  const grid = tableToGrid(bookWithJournal(rows), 'Journal');
  return {
    sheet: '日记账',
    name: 'Journal',
    header: grid.header,
    body: grid.body,
    formats: grid.formats,
  };
}

async function readWith(mock: ReturnType<typeof mockWorkbook>) {
  const host = new ExcelHost({ run: runnerFor(mock), isSetSupported: supportsAll });
  return host.readBook();
}

describe('ExcelHost.readBook', () => {
  it('makes the same number of sync calls for 10 and 100,000 journal rows', async () => {
    const small = mockWorkbook([journalTable(10)]);
    const large = mockWorkbook([journalTable(100_000)]);

    const a = await readWith(small);
    const b = await readWith(large);

    expect(a.book.tables.Journal!.rows).toHaveLength(10);
    expect(b.book.tables.Journal!.rows).toHaveLength(100_000);
    expect(small.syncs()).toBe(2);
    expect(large.syncs()).toBe(small.syncs());
  });

  it('reads amounts as canonical text, dates from serials and ids as text', async () => {
    const { book } = await readWith(mockWorkbook([journalTable(2)]));

    const [first, second] = book.tables.Journal!.rows;
    expect(first).toMatchObject({
      EntryId: 'E0000001',
      Date: '2024-01-01',
      Inflow: '1200.00',
      Outflow: null,
      Reference: '6217001234567800',
    });
    expect(second).toMatchObject({ Date: '2024-01-02', Outflow: '350.50' });
    expect(book.lang).toBe('zh-CN');
  });

  it('reads a 1904-system workbook with the 1904 epoch', async () => {
    // Serial 43830 is 2024-01-01 counted from 1904-01-01.
    const header = SCHEMA.Journal.columns.map((c) => c.header['zh-CN']);
    const row = header.map(() => '' as string | number);
    row[0] = 'E1';
    row[1] = 43830;
    row[3] = 'BANK1';
    const mock = mockWorkbook([{ sheet: '日记账', name: 'Journal', header, body: [row] }], {
      date1904: true,
    });

    const { book } = await readWith(mock);

    expect(book.date1904).toBe(true);
    expect(book.tables.Journal!.rows[0].Date).toBe('2024-01-01');
  });

  it('flags a 16-digit number in an id column instead of trusting it', async () => {
    const header = SCHEMA.Statement.columns.map((c) => c.header['zh-CN']);
    const row: (string | number)[] = header.map(() => '');
    row[0] = 'L1';
    row[1] = 'BANK1';
    row[2] = '2024-04-02';
    row[5] = -1200;
    row[header.indexOf('对方账号')] = 6217001234567890;
    const mock = mockWorkbook([{ sheet: '对账单', name: 'Statement', header, body: [row] }]);

    const { book, problems } = await readWith(mock);

    expect(book.tables.Statement!.rows[0].CounterpartyAccount).toBeNull();
    expect(problems).toEqual([
      expect.objectContaining({ code: 'bad-cell', sheet: '对账单', row: 2, column: '对方账号' }),
    ]);
  });

  it('keeps an unknown column and reads it as a date where its format is a date format', async () => {
    const header = [...SCHEMA.Settings.columns.map((c) => c.header['en-US']), 'Reviewed on'];
    const mock = mockWorkbook([
      {
        sheet: 'Settings',
        name: 'Settings',
        header,
        body: [['currency', 'CNY', 45292]],
        formats: ['@', '@', 'yyyy/m/d'],
      },
    ]);

    const { book } = await readWith(mock);

    expect(book.tables.Settings!.columns).toEqual(['Key', 'Value', 'Reviewed on']);
    expect(book.tables.Settings!.rows[0]['Reviewed on']).toBe('2024-01-01');
  });

  it('reads a schema sheet whose table was removed from its used range', async () => {
    const mock = mockWorkbook([], {
      bareSheets: [
        {
          name: '设置',
          values: [
            ['键', '值'],
            ['currency', 'USD'],
          ],
        },
      ],
    });

    const { book } = await readWith(mock);

    expect(book.tables.Settings!.rows).toEqual([{ Key: 'currency', Value: 'USD' }]);
  });

  it('turns an Office failure into an ExcelOpError naming the operation', async () => {
    const failing = new ExcelHost({
      run: async () => {
        throw Object.assign(new Error('The request payload size has exceeded the limit.'), {
          code: 'RequestPayloadSizeLimitExceeded',
        });
      },
      isSetSupported: supportsAll,
    });

    const error = await failing.readBook().catch((e) => e);

    expect(error).toBeInstanceOf(ExcelOpError);
    expect(error).toMatchObject({
      operation: 'read-book',
      officeCode: 'RequestPayloadSizeLimitExceeded',
      code: 'excel-request-payload-size-limit-exceeded',
    });
  });
});
