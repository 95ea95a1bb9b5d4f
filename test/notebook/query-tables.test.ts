import { referencesTable } from '../../analytics/notebook/query-cell';

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
