import { columnsToSend, referencesTable } from '../../analytics/notebook/query-cell';

describe('referencesTable', () => {
  it.each`
    code                                             | key            | named
    ${"return aq.from(tables.Journal)"}              | ${'Journal'}   | ${true}
    ${"return aq.from(tables['Customers'])"}         | ${'Customers'} | ${true}
    ${'return aq.from(tables [ "Statement" ])'}      | ${'Statement'} | ${true}
    ${"return aq.from(tables.JournalArchive)"}       | ${'Journal'}   | ${false}
    ${"return aq.from(tables.Journal)"}              | ${'Customers'} | ${false}
    ${"return frames.Journal.slice(0, 3)"}           | ${'Journal'}   | ${true}
    ${"return frames['Statement']"}                  | ${'Statement'} | ${true}
  `('says $code names $key: $named', ({ code, key, named }) => {
    expect(referencesTable(code, key)).toBe(named);
  });
});

describe('columnsToSend', () => {
  const all = ['Date', 'EntryId', 'CustomerId', 'Summary', 'Outflow', 'Inflow'];
  it('sends every column when the code reads rows', () => {
    expect(columnsToSend("return aq.from(tables.Journal).select('Date')", 'Journal', all)).toEqual(all);
  });
  it('sends a frame the columns its code names, in table order', () => {
    expect(columnsToSend("return frames.Journal.filter((d) => d.Outflow > 0).select('EntryId', 'Date')", 'Journal', all)).toEqual(['Date', 'EntryId', 'Outflow']);
  });
  it('sends a frame every column when the code names none', () => {
    expect(columnsToSend('return frames.Journal', 'Journal', all)).toEqual(all);
  });
  it('does not take a longer name for a shorter one', () => {
    expect(columnsToSend('return frames.Journal.select("CustomerIdX", "Date")', 'Journal', all)).toEqual(['Date']);
  });
});
