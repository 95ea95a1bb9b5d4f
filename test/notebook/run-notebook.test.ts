import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyChangeSet } from '../../analytics/book/apply-change-set';
import { readBook } from '../../analytics/io/read-book';
import { writeBook } from '../../analytics/io/write-book';
import { createNodeQuerySandbox } from '../../analytics/cli/node-query-sandbox';
import { defaultNotebook } from '../../analytics/notebook/default-notebook';
import { runNotebook } from '../../analytics/notebook/run-notebook';
import type { ResultSheet, TableChange } from '../../analytics/book/types';
import { CTX, makeBook, makeGoldenBook } from './fixtures/make-book';

const sandbox = createNodeQuerySandbox();
const sheetsOf = (changes: TableChange[]) => changes.flatMap((c) => (c.op === 'sheet' ? [c.sheet] : [])) as ResultSheet[];

describe('runNotebook', () => {
  it('runs the default notebook on a book that has none and stores it', async () => {
    const result = await runNotebook(makeGoldenBook(), CTX, { sandbox });
    expect(result.exitCode).toBe(0);
    expect(result.summary.cells.map((c) => c.id)).toEqual(defaultNotebook('zh-CN').map((c) => c.id));
    const stored = result.changes.find((c) => c.table === 'Notebook');
    expect(stored).toMatchObject({ op: 'upsert' });
    expect(stored && 'rows' in stored && stored.rows.every((r) => r.LastRun === CTX.now)).toBe(true);
  });

  it('writes one result sheet with a chart per cell', async () => {
    const result = await runNotebook(makeGoldenBook(), CTX, { sandbox });
    const sheets = sheetsOf(result.changes);
    expect(sheets).toHaveLength(defaultNotebook('zh-CN').length);
    expect(sheets.every((s) => s.charts?.length === 1)).toBe(true);
    expect(sheets[0]).toMatchObject({ name: '资金日报表', columns: [{ header: '日期', type: 'date' }, { header: '账户', type: 'id' }, { header: '期初余额', type: 'amount' }, { header: '本日收入', type: 'amount' }, { header: '本日支出', type: 'amount' }, { header: '期末余额', type: 'amount' }] });
    expect(sheets[0].charts?.[0]).toMatchObject({ kind: 'column', category: '日期', series: ['本日收入', '本日支出'] });
  });

  it('stores the whole default notebook when only one of its cells ran', async () => {
    const result = await runNotebook(makeGoldenBook(), CTX, { only: ['pl-year'] });
    const stored = result.changes.find((c) => c.table === 'Notebook');
    const rows = stored && 'rows' in stored ? stored.rows : [];
    expect(rows.map((r) => r.CellId)).toEqual(defaultNotebook('zh-CN').map((c) => c.id));
    expect(rows.filter((r) => r.LastRun !== null).map((r) => r.CellId)).toEqual(['pl-year']);
  });

  it('runs the cells stored in the Notebook table in their order', async () => {
    const book = makeGoldenBook();
    book.tables.Notebook!.rows = [
      { CellId: 'y', Kind: 'profit-by-period', Title: 'By year', Params: '{"grain":"year"}', OutputSheet: 'Yearly', LastRun: null },
      { CellId: 'r', Kind: 'risk-summary', Title: 'Risk', Params: '', OutputSheet: null, LastRun: null },
    ];
    const result = await runNotebook(book, CTX);
    expect(result.summary.cells).toEqual([
      { id: 'y', kind: 'profit-by-period', title: 'By year', sheet: 'Yearly', rows: 2 },
      { id: 'r', kind: 'risk-summary', title: 'Risk', sheet: 'Risk', rows: 0 },
    ]);
  });

  it('reports a cell with unreadable parameters, keeps its text and runs the rest', async () => {
    const book = makeGoldenBook();
    book.tables.Notebook!.rows = [
      { CellId: 'a', Kind: 'growth', Title: 'Growth', Params: '{grain: month}', OutputSheet: null, LastRun: null },
      { CellId: 'b', Kind: 'cash-flow', Title: 'Flow', Params: '{}', OutputSheet: null, LastRun: null },
    ];
    const result = await runNotebook(book, CTX);
    expect(result.exitCode).toBe(1);
    expect(result.summary.cells[0].error).toBe('Cell a "Growth": Params is not a JSON object: {grain: month}');
    expect(result.summary.cells[1].rows).toBe(3);
    const stored = result.changes.find((c) => c.table === 'Notebook');
    expect(stored && 'rows' in stored && stored.rows[0].Params).toBe('{grain: month}');
  });

  it('reports a bad parameter in both languages', async () => {
    const result = await runNotebook(makeBook({}), CTX, { cells: [{ id: 'g', kind: 'growth', title: '增长', params: { grain: 'fortnight' } }] });
    const failed = result.cells[0];
    expect(failed.ok).toBe(false);
    const error = (failed as { error: Record<string, string> }).error;
    expect(error['zh-CN']).toMatch(/^单元 g「增长」: 参数 grain 的值为 'fortnight'，请使用以下之一：/);
    expect(error['en-US']).toMatch(/^Cell g "增长": Parameter grain is 'fortnight'; use one of /);
  });

  it('reports a cell of an unknown kind by its id', async () => {
    const result = await runNotebook(makeBook({}), CTX, { cells: [{ id: 'x', kind: 'pivot' as never, title: 'X', params: {} }] });
    expect(result.summary.cells[0].error).toBe("Cell x \"X\" has an unknown kind 'pivot'");
  });

  it('keeps a result sheet off the names of schema sheets', async () => {
    const result = await runNotebook(makeBook({}), CTX, { cells: [{ id: 'j', kind: 'cash-flow', title: '日记账', params: {} }] });
    expect(result.summary.cells[0].sheet).toBe('日记账-j');
  });

  it('applies as a change set the host can commit', async () => {
    const result = await runNotebook(makeGoldenBook(), CTX, { sandbox });
    const next = applyChangeSet(makeGoldenBook(), result.changes);
    expect(Object.keys(next.sheets ?? {})).toHaveLength(defaultNotebook('zh-CN').length);
    expect(next.tables.Notebook!.rows).toHaveLength(defaultNotebook('zh-CN').length);
  });

  it('runs the default notebook on an empty book without a failure, and the book still saves', async () => {
    const book = makeBook({}, 'en-US');
    const result = await runNotebook(book, CTX, { sandbox });
    expect(result.summary.failed).toBe(0);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-nb-')), 'empty.xlsx');
    await writeBook(file, applyChangeSet(book, result.changes));
    const { book: back } = await readBook(file);
    expect(back.tables.Notebook!.rows).toHaveLength(defaultNotebook('en-US').length);
  });

  it('gives identical numbers from a book read back from .xlsx and from the book in memory', async () => {
    const memory = makeGoldenBook();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-nb-')), 'book.xlsx');
    await writeBook(file, memory);
    const { book: fromFile, problems } = await readBook(file);
    expect(problems).toEqual([]);
    const a = await runNotebook(memory, CTX, { sandbox });
    const b = await runNotebook(fromFile, CTX, { sandbox });
    expect(sheetsOf(b.changes).map((s) => s.rows)).toEqual(sheetsOf(a.changes).map((s) => s.rows));
    expect(b.cells.map((c) => c.ok && c.output.metrics)).toEqual(a.cells.map((c) => c.ok && c.output.metrics));
  });
});
