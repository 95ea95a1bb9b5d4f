import { columnsToSend, readsCell, readsRows, referencesTable } from '../../analytics/notebook/query-cell';

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
  const all = ['Date', 'EntryId', 'CustomerId', 'Summary', 'Outflow', 'Inflow', 'Tag [x', '备注(内部)'];
  const big = 1_000_000;
  it('sends every column of a small table, whatever the code names', () => {
    expect(columnsToSend("return frames.Journal.select('Date')", 'Journal', all, 1000)).toEqual(all);
  });
  it('sends every column when the code reads rows', () => {
    expect(columnsToSend("return aq.from(tables.Journal).select('Date')", 'Journal', all, big)).toEqual(all);
  });
  it('sends a big frame the columns its code names, in table order', () => {
    expect(columnsToSend("return frames.Journal.filter((d) => d.Outflow > 0).select('EntryId', 'Date')", 'Journal', all, big)).toEqual(['Date', 'EntryId', 'Outflow']);
  });
  it('sends a big frame every column when the code names none', () => {
    expect(columnsToSend('return frames.Journal', 'Journal', all, big)).toEqual(all);
  });
  it('does not take a longer name for a shorter one', () => {
    expect(columnsToSend('return frames.Journal.select("CustomerIdX", "Date")', 'Journal', all, big)).toEqual(['Date']);
  });
  it('reads names with brackets and CJK names as they are written', () => {
    expect(columnsToSend("return frames.Journal.select('EntryId', '备注(内部)', 'Tag [x')", 'Journal', all, big)).toEqual(['EntryId', 'Tag [x', '备注(内部)']);
    expect(columnsToSend("return frames.Journal.select('备注')", 'Journal', all, big)).toEqual(all);
  });
});

describe('tables and cells a query reads', () => {
  it.each`
    code                                              | key          | tables   | rows
    ${'const { Journal } = frames; return Journal'}   | ${'Journal'} | ${true}  | ${false}
    ${'return frames?.Journal'}                        | ${'Journal'} | ${true}  | ${false}
    ${'return aq.from(tables[name])'}                  | ${'Journal'} | ${true}  | ${true}
    ${'return frames.Statement'}                       | ${'Journal'} | ${false} | ${false}
  `('$code: sends $key $tables, as rows $rows', ({ code, key, tables, rows }) => {
    expect(referencesTable(code, key)).toBe(tables);
    expect(readsRows(code, key)).toBe(rows);
  });

  it('passes an earlier cell only when the code reads it', () => {
    expect(readsCell("return aq.from(cells['pl-month'])", 'pl-month')).toBe(true);
    expect(readsCell('return aq.from(cells.growth)', 'growth')).toBe(true);
    expect(readsCell('return aq.from(cells.growth)', 'pl-month')).toBe(false);
    expect(readsCell('return Object.keys(cells)', 'pl-month')).toBe(true);
  });
});
