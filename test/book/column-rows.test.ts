import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyChangeSet } from '../../analytics/book/apply-change-set';
import { emptyBook } from '../../analytics/book/book';
import { bodyOf, ColumnRows, columnChange, columnTable, forEachRow, rowCount } from '../../analytics/book/column-rows';
import { commitCommand } from '../../analytics/book/commit-command';
import type { Book, Row, TableChange } from '../../analytics/book/types';
import { nextTableSeals } from '../../analytics/audit/table-seal';
import { verifyBook } from '../../analytics/audit/verify-book';
import { streamReadBook } from '../../analytics/io/stream-read-book';
import { streamWriteBook } from '../../analytics/io/stream-write-book';
import { saveBook } from '../../analytics/io/open-book';
import { AnalyticsError } from '../../analytics/util/error';

const CTX = { now: '2025-02-01 10:00:00', user: 'tester', lang: 'en-US' as const };

/** Three Matches rows as a reconciliation proposes them: period, account and status shared. */
function matchColumns(ids = ['M-1', 'M-2', 'M-3']): ColumnRows {
  return new ColumnRows(ids.length, {
    MatchId: ids,
    Period: { every: '2025-01' },
    AccountId: { every: 'BANK1' },
    EntryIds: ids.map((_, k) => `J${k + 1}`),
    LineIds: ids.map((_, k) => (k === 1 ? 'L2,L3' : `L${k + 1}`)),
    Rule: ids.map((_, k) => (k === 1 ? 'one-to-many' : 'exact-reference')),
    Score: ids.map((_, k) => 0.9 + k / 100),
    Status: { every: 'auto' },
  });
}

const asRows = (body: ColumnRows): Row[] =>
  Array.from({ length: body.length }, (_, k) => ({
    MatchId: body.cell(k, 'MatchId')!,
    Period: '2025-01',
    AccountId: 'BANK1',
    EntryIds: body.cell(k, 'EntryIds')!,
    LineIds: body.cell(k, 'LineIds')!,
    Rule: body.cell(k, 'Rule')!,
    Score: body.cell(k, 'Score')!,
    Status: 'auto',
  }));

describe('ColumnRows', () => {
  it('gives each row the cells of its columns, in key order, shared cells included', () => {
    const body = matchColumns();
    expect(body.length).toBe(3);
    expect(body.keys).toEqual(['MatchId', 'Period', 'AccountId', 'EntryIds', 'LineIds', 'Rule', 'Score', 'Status']);
    expect(body.row(1)).toEqual({ MatchId: 'M-2', Period: '2025-01', AccountId: 'BANK1', EntryIds: 'J2', LineIds: 'L2,L3', Rule: 'one-to-many', Score: 0.91, Status: 'auto' });
    expect(Object.keys(body.row(1))).toEqual(body.keys);
    expect(body.cell(2, 'Score')).toBe(0.92);
    expect(body.cell(0, 'Note')).toBeUndefined();
    expect(body.toRows()).toEqual(asRows(body));
  });

  it('leaves out a key whose cell is undefined, keeps null and blank cells', () => {
    const body = new ColumnRows(2, { Id: ['a', 'b'], Note: [undefined, null], Text: ['', 'x'] });
    expect(body.toRows()).toEqual([
      { Id: 'a', Text: '' },
      { Id: 'b', Note: null, Text: 'x' },
    ]);
    expect('Note' in body.row(0)).toBe(false);
  });

  it('refuses a column with fewer cells than rows, a column that is neither, and a count that is not one', () => {
    expect(() => new ColumnRows(3, { Id: ['a', 'b'] })).toThrow('column Id has 2 cells for 3 rows');
    expect(() => new ColumnRows(1, { Id: 'a' as never })).toThrow('column Id is neither cells nor { every }');
    expect(() => new ColumnRows(NaN, { Id: ['a'] })).toThrow('a row count must be a whole number of 0 or more, not NaN');
    expect(() => new ColumnRows(-1, {})).toThrow(RangeError);
  });

  it('reads a typed array as a column of cells, not as a shared cell', () => {
    const body = new ColumnRows(2, { Id: ['a', 'b'], Score: Float64Array.of(0.5, 0.25) });
    expect(body.toRows()).toEqual([
      { Id: 'a', Score: 0.5 },
      { Id: 'b', Score: 0.25 },
    ]);
    expect(() => new ColumnRows(3, { Score: new Float64Array(2) })).toThrow('column Score has 2 cells for 3 rows');
  });

  it('concatenates bodies whose keys differ, and keeps a head of rows as the objects they are', () => {
    const rows: Row[] = [
      { MatchId: 'M-0', Period: '2024-12', Note: '手工' },
      { MatchId: 'M-00', Period: '2024-12' },
    ];
    const head = new ColumnRows(2, { MatchId: ['M-0', 'M-00'], Period: { every: '2024-12' }, Note: ['手工', undefined] });
    expect(head.toRows()).toEqual(rows);
    const headed = new ColumnRows(0, {}, rows).concat(matchColumns());
    expect(headed.row(0)).toBe(rows[0]);
    expect(headed.cell(1, 'MatchId')).toBe('M-00');
    expect(headed.toRows()).toEqual([...rows, ...asRows(matchColumns())]);
    const both = head.concat(matchColumns());
    expect(both.length).toBe(5);
    expect(both.keys).toEqual(['MatchId', 'Period', 'Note', 'AccountId', 'EntryIds', 'LineIds', 'Rule', 'Score', 'Status']);
    expect(both.toRows()).toEqual([...rows, ...asRows(matchColumns())]);
    // A cell both sides share stays one cell.
    const twice = matchColumns().concat(matchColumns(['M-4']));
    expect(twice.cellsOf('Period')).toEqual({ every: '2025-01' });
    expect(twice.row(3).MatchId).toBe('M-4');
  });
});

describe('tables and changes held as columns', () => {
  it('makes rows on first read, then keeps them as the record and drops the columns', () => {
    const table = columnTable('Matches', ['MatchId', 'Period'], matchColumns());
    expect(bodyOf(table)).toBeDefined();
    expect(rowCount(table)).toBe(3);
    const seen: string[] = [];
    forEachRow(table, (r, k) => seen.push(`${k}:${r.MatchId}`));
    expect(seen).toEqual(['0:M-1', '1:M-2', '2:M-3']);
    expect(bodyOf(table)).toBeDefined(); // reading a row at a time made no rows

    const rows = table.rows;
    expect(bodyOf(table)).toBeUndefined();
    expect(table.rows).toBe(rows);
    rows.push({ MatchId: 'M-9' });
    expect(rowCount(table)).toBe(4);
    table.rows = [];
    expect(table.rows).toEqual([]);
  });

  it('keeps rows set to anything as the record, and cannot be frozen into disagreeing', () => {
    const table = columnTable('Matches', ['MatchId'], matchColumns());
    (table as { rows: unknown }).rows = undefined;
    expect(table.rows).toBeUndefined();
    expect(bodyOf(table)).toBeUndefined();

    const frozen = Object.freeze(columnTable('Matches', ['MatchId'], matchColumns()));
    expect(frozen.rows.map((r) => r.MatchId)).toEqual(['M-1', 'M-2', 'M-3']);
    expect(bodyOf(frozen)).toBeUndefined();

    const kept = columnTable('Matches', ['MatchId'], matchColumns());
    expect(() => delete (kept as { rows?: unknown }).rows).toThrow(TypeError);
    expect(rowCount(kept)).toBe(3);
  });

  it('a copy of the property does not count rows its original holds as columns', () => {
    const table = columnTable('Matches', ['MatchId'], matchColumns());
    const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(table)) as typeof table;
    copy.rows.push({ MatchId: 'M-9' });
    expect(rowCount(copy)).toBe(copy.rows.length);
    expect(rowCount(table)).toBe(table.rows.length);
  });

  it('serialises as plain rows', () => {
    const change = columnChange('Matches', 'upsert', matchColumns());
    expect(JSON.parse(JSON.stringify(change))).toEqual({ table: 'Matches', op: 'upsert', rows: asRows(matchColumns()) });
  });
});

/** A book with one kept match of December and, optionally, a closed December. */
function bookWithMatches(closed = false): Book {
  const book = emptyBook('en-US');
  book.tables.Matches!.rows = [{ MatchId: 'M-0', Period: '2024-12', AccountId: 'BANK1', EntryIds: 'J0', LineIds: 'L0', Rule: 'manual', Score: 1, Status: 'confirmed' }];
  if (closed) book.tables.Periods!.rows = [{ Period: '2024-12', Status: 'closed' }];
  return book;
}

describe('applyChangeSet with a change held as columns', () => {
  // The same change with its rows made first: the path every change took before.
  const viaRows = (book: Book, change: TableChange) => applyChangeSet(book, [{ table: change.table, op: change.op, rows: bodyOf(change as { rows: Row[] })!.toRows() } as TableChange]);

  it('upserts new rows after the old ones, as the rows would, and keeps the table as columns', () => {
    const book = bookWithMatches();
    const change = columnChange('Matches', 'upsert', matchColumns());
    const after = applyChangeSet(book, [change]);
    expect(bodyOf(after.tables.Matches)).toBeDefined();
    expect(after.tables.Matches!.rows).toEqual(viaRows(book, change).tables.Matches!.rows);
    expect(after.tables.Matches!.rows.map((r) => r.MatchId)).toEqual(['M-0', 'M-1', 'M-2', 'M-3']);
    expect(book.tables.Matches!.rows).toHaveLength(1); // the input book is untouched
  });

  it('replaces a row whose id it already has, as the row upsert does (merging its cells)', () => {
    const book = bookWithMatches();
    book.tables.Matches!.rows[0] = { ...book.tables.Matches!.rows[0], Note: 'kept' };
    const change = () => columnChange('Matches', 'upsert', matchColumns(['M-5', 'M-0']));
    const after = applyChangeSet(book, [change()]);
    expect(after.tables.Matches!.rows).toEqual(viaRows(book, change()).tables.Matches!.rows);
    expect(after.tables.Matches!.rows[0]).toMatchObject({ MatchId: 'M-0', Note: 'kept', Status: 'auto', EntryIds: 'J2' });
  });

  it('keeps the old rows as the objects they were, keys the columns do not list included', () => {
    const book = bookWithMatches();
    const old = book.tables.Matches!.rows[0];
    old.Memo = 'not a column'; // a key a caller added in memory; no writer writes it
    const after = applyChangeSet(book, [columnChange('Matches', 'upsert', matchColumns())]);
    expect(bodyOf(after.tables.Matches)).toBeDefined();
    expect(after.tables.Matches!.rows[0]).toBe(old);
    expect(after.tables.Matches!.rows).toEqual(viaRows(book, columnChange('Matches', 'upsert', matchColumns())).tables.Matches!.rows);
    // Changing the input book's row list afterwards does not reach the new book.
    book.tables.Matches!.rows.push({ MatchId: 'M-late' });
    expect(rowCount(after.tables.Matches)).toBe(4);
  });

  it('refuses an upsert into a table without an id column, as the rows would', () => {
    const body = new ColumnRows(1, { AccountId: ['BANK1'], Period: ['2025-01'] });
    expect(() => applyChangeSet(emptyBook(), [columnChange('Reconciliation', 'upsert', body)])).toThrow(expect.objectContaining({ code: 'no-id-column' }));
  });

  it('appends and replaces as the rows would', () => {
    const book = bookWithMatches();
    for (const op of ['append', 'replace'] as const) {
      const after = applyChangeSet(book, [columnChange('Matches', op, matchColumns())]);
      expect(bodyOf(after.tables.Matches)).toBeDefined();
      expect(after.tables.Matches!.rows).toEqual(viaRows(book, columnChange('Matches', op, matchColumns())).tables.Matches!.rows);
    }
  });

  it('refuses a row of a closed period, naming it, and leaves the book as it was', () => {
    const book = bookWithMatches(true);
    const before = JSON.stringify(book);
    const body = new ColumnRows(2, { MatchId: ['M-7', 'M-8'], Period: ['2025-01', '2024-12'], AccountId: { every: 'BANK1' } });
    try {
      applyChangeSet(book, [columnChange('Matches', 'upsert', body)]);
      throw new Error('accepted');
    } catch (e) {
      expect((e as AnalyticsError).code).toBe('locked');
      expect((e as AnalyticsError).text['en-US']).toContain('Period 2024-12 is closed');
    }
    expect(JSON.stringify(book)).toBe(before);
  });

  it('refuses a cell longer than Excel holds, naming the row', () => {
    const body = new ColumnRows(2, { MatchId: ['M-1', 'M-2'], Note: ['', 'x'.repeat(32_768)] });
    expect(() => applyChangeSet(emptyBook(), [columnChange('Matches', 'upsert', body)])).toThrow('Matches (MatchId M-2), column Note: 32768 characters');
  });
});

describe('a committed change held as columns', () => {
  it('seals the tables as the same rows would, and verify agrees with the book', () => {
    const book = bookWithMatches();
    const result = { changes: [columnChange('Matches', 'upsert', matchColumns())], summary: {}, messages: [], exitCode: 0 as const, audit: { action: 'reconcile', target: 'BANK1 2025-01', detail: {} } };
    const committed = commitCommand(book, result, CTX);
    expect(bodyOf(committed.book.tables.Matches)).toBeDefined();

    const rowChange: TableChange = { table: 'Matches', op: 'upsert', rows: matchColumns().toRows() };
    const rowBook = applyChangeSet(book, [rowChange]);
    const columnBook = applyChangeSet(book, [columnChange('Matches', 'upsert', matchColumns())]);
    expect(nextTableSeals(book, columnBook, [columnChange('Matches', 'upsert', matchColumns())], undefined)).toEqual(nextTableSeals(book, rowBook, [rowChange], undefined));
    expect(verifyBook(committed.book).ok).toBe(true);
  });

  it('is written by the streaming writer from its columns, and reads back as its rows', async () => {
    const book = applyChangeSet(bookWithMatches(), [columnChange('Matches', 'upsert', matchColumns())]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-columns-')), 'book.xlsx');
    await streamWriteBook(file, book);
    expect(bodyOf(book.tables.Matches)).toBeDefined(); // written without making the rows
    const back = await streamReadBook(file);
    expect(back.book.tables.Matches!.rows).toEqual(book.tables.Matches!.rows);
  });

  it('is written from its columns when the CLI saves a book big enough to stream', async () => {
    const book = applyChangeSet(bookWithMatches(), [columnChange('Matches', 'upsert', matchColumns())]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-columns-')), 'book.xlsx');
    expect((await saveBook(file, book, { streamFromRows: 1 })).mode).toBe('streaming');
    expect(bodyOf(book.tables.Matches)).toBeDefined();
    expect((await streamReadBook(file)).book.tables.Matches!.rows.map((r) => r.MatchId)).toEqual(['M-0', 'M-1', 'M-2', 'M-3']);
  });
});
