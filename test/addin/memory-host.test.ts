import { commitCommand } from '../../analytics/book/commit-command';
import { MemoryHost } from '../../addin/excel/memory-host';
import { bookWithJournal, journalRows } from './fixtures';

const ctx = { now: '2024-06-30 10:00:00', user: 'cashier', lang: 'zh-CN' as const };

describe('MemoryHost', () => {
  it('reads back the book it was made from', async () => {
    const book = bookWithJournal(3);
    const host = MemoryHost.fromBook(book);

    const { book: read, problems } = await host.readBook();

    expect(problems).toEqual([]);
    expect(read.tables.Journal!.rows).toEqual(book.tables.Journal!.rows);
  });

  it('appends below a table and counts syncs as ExcelHost would', async () => {
    const host = MemoryHost.fromBook(bookWithJournal(3));
    const { book } = await host.readBook();
    const result = {
      changes: [{ table: 'Journal' as const, op: 'append' as const, rows: journalRows(2, 3) }],
      summary: {},
      messages: [],
      exitCode: 0 as const,
    };
    const committed = commitCommand(book, result, ctx);

    const report = await host.apply(committed.changes, committed.book);
    const { book: after } = await host.readBook();

    expect(after.tables.Journal!.rows.map((r) => r.EntryId)).toEqual([
      'E0000001',
      'E0000002',
      'E0000003',
      'E0000004',
      'E0000005',
    ]);
    expect(report).toMatchObject({ syncs: 4, chunks: 1 });
  });
});
