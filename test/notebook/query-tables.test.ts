import { referencesTable } from '../../analytics/notebook/query-cell';

describe('referencesTable', () => {
  it.each`
    code                                             | key            | named
    ${"return aq.from(tables.Journal)"}              | ${'Journal'}   | ${true}
    ${"return aq.from(tables['Customers'])"}         | ${'Customers'} | ${true}
    ${'return aq.from(tables [ "Statement" ])'}      | ${'Statement'} | ${true}
    ${"return aq.from(tables.JournalArchive)"}       | ${'Journal'}   | ${false}
    ${"return aq.from(tables.Journal)"}              | ${'Customers'} | ${false}
  `('says $code names $key: $named', ({ code, key, named }) => {
    expect(referencesTable(code, key)).toBe(named);
  });
});
