import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createNodeQuerySandbox, sandboxFlags } from '../../analytics/cli/node-query-sandbox';
import { runNotebook } from '../../analytics/notebook/run-notebook';
import type { NotebookCell, QueryRequest } from '../../analytics/notebook/types';
import { CTX, makeBook } from './fixtures/make-book';

const sandbox = createNodeQuerySandbox();
const JOURNAL = [
  { EntryId: 'J1', Date: '2026-01-02', AccountId: 'B', Outflow: '12.00' },
  { EntryId: 'J2', Date: '2026-01-03', AccountId: 'B', Outflow: '30.50' },
];
const request = (code: string, timeoutMs = 500): QueryRequest => ({ cellId: 'q1', title: 'Probe', code, tables: { Journal: JOURNAL }, cells: {}, timeoutMs });

describe('the sandbox process, should a cell ever reach it', () => {
  it('can read no file but arquero, write none and start no process', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-perm-'));
    const arquero = require.resolve('arquero/dist/arquero.min.js');
    const probe = [
      "const fs = require('node:fs');",
      'const out = {};',
      `try { fs.writeFileSync(${JSON.stringify(path.join(dir, 'x.txt'))}, 'x'); out.write = 'done'; } catch (e) { out.write = e.code; }`,
      "try { fs.readFileSync('/etc/hostname'); out.read = 'done'; } catch (e) { out.read = e.code; }",
      "try { require('node:child_process').execSync('true'); out.spawn = 'done'; } catch (e) { out.spawn = e.code; }",
      `try { out.arquero = fs.readFileSync(${JSON.stringify(arquero)}, 'utf8').length > 0; } catch (e) { out.arquero = e.code; }`,
      'process.stdout.write(JSON.stringify(out));',
    ].join('\n');
    const r = spawnSync(process.execPath, [...sandboxFlags(arquero, 64), '-e', probe], { env: {}, encoding: 'utf8' });
    expect(JSON.parse(r.stdout)).toEqual({ write: 'ERR_ACCESS_DENIED', read: 'ERR_ACCESS_DENIED', spawn: 'ERR_ACCESS_DENIED', arquero: true });
    expect(fs.existsSync(path.join(dir, 'x.txt'))).toBe(false);
  });
});

describe('createNodeQuerySandbox', () => {
  it('runs arquero verbs over the given tables', async () => {
    const out = await sandbox.run(request("return aq.from(tables.Journal).filter((d) => op.parse_float(d.Outflow) > 20).select('EntryId')"));
    expect(out).toEqual({ ok: true, rows: [{ EntryId: 'J2' }], columns: ['EntryId'] });
  });

  it.each([
    ['process', 'return process.env'],
    ['require', "return require('fs')"],
    ['fetch', "return fetch('http://127.0.0.1:9/')"],
    ['the host Function via globalThis', "return globalThis.constructor.constructor('return process')()"],
    ['the host Function via arquero', "return aq.from.constructor('return process')()"],
    ['Office', 'return Office.context'],
  ])('refuses to reach %s', async (_what, code) => {
    const out = await sandbox.run(request(code));
    expect(out).toMatchObject({ ok: false, kind: 'runtime', message: expect.stringMatching(/ReferenceError: \w+ is not defined/) });
  });

  // Written in the cell or built at run time; the guards must also not rely on anything a
  // cell can redefine before it compiles code.
  it.each([
    ['written in the cell', "return import('node:fs')"],
    ['built by Function', "return Function('return imp' + 'ort(\"node:fs\")')()"],
    ['built by eval', "return eval('imp' + 'ort(\"node:fs\")')"],
    ['built by the async function constructor', "return (async () => 1).constructor('return imp' + 'ort(\"node:fs\")')()"],
    ['with RegExp.prototype.exec replaced', "RegExp.prototype.exec = function () { return null; }; return Function('return imp' + 'ort(\"node:fs\")')()"],
    ['with RegExp.prototype.test replaced', "RegExp.prototype.test = function () { return false; }; return Function('return imp' + 'ort(\"node:fs\")')()"],
    ['with an index setter on Array.prototype', "Object.defineProperty(Array.prototype, '0', { set() {}, configurable: true }); return Function('return imp' + 'ort(\"node:fs\")')()"],
    ['with the array iterator replaced', "Object.getPrototypeOf([][Symbol.iterator]()).next = function () { return { done: true }; }; return Function('return imp' + 'ort(\"node:fs\")')()"],
    ['by eval after replacing exec', "RegExp.prototype.exec = () => null; return (0, eval)('imp' + 'ort(\"node:fs\")')"],
    ['with String.prototype.toString tricks', "const s = { toString() { return 'return imp' + 'ort(\"node:fs\")'; } }; return Function(s)()"],
  ])('refuses a dynamic import %s', async (_how, code) => {
    const out = await sandbox.run(request(code));
    expect(out).toMatchObject({ ok: false, message: expect.stringMatching(/import is not available/) });
  });

  it('compiles exactly the text it checked, whatever Array.prototype.push does', async () => {
    const code = "const push = Array.prototype.push; Array.prototype.push = function () { return push.call(this, 'return imp' + 'ort(1)'); }; return [{ v: Function('return 1')() }]";
    expect(await sandbox.run(request(code))).toEqual({ ok: true, rows: [{ v: 1 }], columns: undefined });
  });

  it('answers at once when a thrown value loops as it is looked at', async () => {
    // Before, the host read `code` of what escaped and looped until the outer backstop
    // killed the process, answering 'timeout'; now nothing the cell made is read outside.
    const out = await sandbox.run(request("const inner = { get code() { for (;;) {} }, get message() { for (;;) {} } }; throw { toString() { throw inner; } };", 300));
    expect(out).toEqual({ ok: false, kind: 'runtime', message: 'Error: the cell threw a value that cannot be shown', line: undefined });
  });

  it('keeps the tables frozen', async () => {
    const out = await sandbox.run(request("'use strict'; tables.Journal[0].Outflow = '0.00'; return []"));
    expect(out).toMatchObject({ ok: false, kind: 'runtime', message: expect.stringMatching(/TypeError/) });
  });

  it('stops an endless loop at the time limit', async () => {
    expect(await sandbox.run(request('while (true) {}', 200))).toEqual({ ok: false, kind: 'timeout', message: 'timed out after 200 ms' });
  });

  it('stops a cell that eats memory without taking the process down', async () => {
    const small = createNodeQuerySandbox({ memoryMb: 32 });
    const out = await small.run(request('const hoard = []; for (;;) hoard.push(new Array(100000).fill(1));', 20_000));
    expect(out).toEqual({ ok: false, kind: 'memory', message: 'ran out of its 32 MB of memory' });
  });

  it('gives the same tables as arquero frames, columns kept even when a table is empty', async () => {
    const out = await sandbox.run(request("return frames.Journal.filter((d) => op.parse_float(d.Outflow) > 20).select('EntryId', 'Date')"));
    expect(out).toEqual({ ok: true, rows: [{ EntryId: 'J2', Date: '2026-01-03' }], columns: ['EntryId', 'Date'] });
    const empty = await sandbox.run({ ...request("return frames.Journal.select('EntryId', 'Outflow')"), tables: { Journal: [] }, columns: { Journal: ['EntryId', 'Date', 'Outflow'] } });
    expect(empty).toEqual({ ok: true, rows: [], columns: ['EntryId', 'Outflow'] });
  });

  it('keeps the rows of a table in their column order, missing cells as null', async () => {
    const out = await sandbox.run({ ...request('return tables.Journal'), tables: { Journal: [{ EntryId: 'J1', Outflow: '1.00' }, { EntryId: 'J2', Memo: 'x' }] } });
    expect(out).toEqual({ ok: true, rows: [{ EntryId: 'J1', Outflow: '1.00', Memo: null }, { EntryId: 'J2', Outflow: null, Memo: 'x' }] });
  });

  it('refuses a cell whose tables are too big for its sandbox before starting it, naming the size', async () => {
    const big = Array.from({ length: 20_000 }, (_, i) => ({ EntryId: `J${i}`, Summary: 'x'.repeat(100) }));
    const small = createNodeQuerySandbox({ memoryMb: 16, maxMemoryMb: 24 });
    const out = await small.run({ ...request('return tables.Journal.length'), tables: { Journal: big } });
    // ~2.3 MB of JSON text: 16 + 5 × 2.3 MB is past the 24 MB cap
    expect(out).toEqual({ ok: false, kind: 'memory', message: 'needs more than its 24 MB of memory for 2 MB of table data; name fewer tables or columns' });
  });

  it('sends a frame-only cell just the columns its code names', async () => {
    const out = await sandbox.run({ ...request("return aq.table({ n: [frames.Journal.columnNames().join(',')] })"), columns: { Journal: ['EntryId'] } });
    expect(out).toEqual({ ok: true, rows: [{ n: 'EntryId' }], columns: ['n'] });
  });

  it('keeps 15 significant digits of a float sum, as Excel does', async () => {
    const { outputOfRows } = await import('../../analytics/notebook/query-cell');
    // 0.1 + 0.2 is 0.30000000000000004 in binary floating point
    const out = outputOfRows([{ total: 0.1 + 0.2, n: 3, big: 448611.5 + 1e-10 * 0.6 }]);
    expect(out.rows).toEqual([{ total: 0.3, n: 3, big: 448611.5 }]);
  });

  it('keeps the column names of an empty arquero result', async () => {
    const out = await sandbox.run(request("return aq.from(tables.Journal).filter(() => false).select('EntryId', 'Outflow')"));
    expect(out).toEqual({ ok: true, rows: [], columns: ['EntryId', 'Outflow'] });
  });

  it('names the line of a runtime error', async () => {
    const out = await sandbox.run(request('const a = 1;\nconst b = 2;\nreturn missing + a + b;'));
    expect(out).toMatchObject({ ok: false, kind: 'runtime', line: 3 });
  });

  it('names the line of a syntax error', async () => {
    const out = await sandbox.run(request('const a = 1;\nconst = 2;'));
    expect(out).toMatchObject({ ok: false, kind: 'syntax', line: 2 });
  });
});

describe('runNotebook with query cells', () => {
  const book = makeBook({ Journal: JOURNAL });
  const query = (id: string, code: string, extra: Record<string, unknown> = {}): NotebookCell => ({ id, kind: 'query', title: `查询${id}`, params: { code, ...extra } });

  it('names the cell and its time limit when an endless loop is stopped', async () => {
    const result = await runNotebook(book, CTX, { sandbox, cells: [query('loop', 'for (;;) {}', { timeoutMs: 150 })] });
    expect(result.exitCode).toBe(1);
    expect(result.summary.cells[0].error).toBe('Query cell loop "查询loop" stopped: it ran past its 150 ms time limit');
  });

  it('names the cell and line of an error', async () => {
    const result = await runNotebook(book, CTX, { sandbox, cells: [query('bad', '\n\nreturn process.cwd()')] });
    expect(result.summary.cells[0].error).toBe('Query cell bad "查询bad" failed, line 3: ReferenceError: process is not defined');
  });

  it("lets a query read an earlier cell's rows", async () => {
    const cells: NotebookCell[] = [
      { id: 'pl', kind: 'profit-by-period', title: '月度收支', params: { grain: 'month' } },
      query('double', "return aq.from(cells.pl).derive({ twice: (d) => op.parse_float(d.Expense) * 2 }).select('Period', 'twice')"),
    ];
    const result = await runNotebook(book, CTX, { sandbox, cells });
    const last = result.cells[1];
    expect(last.ok && last.output.rows).toEqual([{ Period: '2026-01', twice: 85 }]);
  });

  it('gives a query that returns no rows and no columns one empty Result column', async () => {
    const result = await runNotebook(book, CTX, { sandbox, cells: [query('none', 'return []')] });
    const run = result.cells[0];
    expect(run.ok && run.output.columns.map((c) => c.key)).toEqual(['Result']);
  });

  it('fails a query cell clearly where no sandbox is given', async () => {
    const result = await runNotebook(book, CTX, { cells: [query('q', 'return []')] });
    expect(result.summary.cells[0].error).toMatch(/no sandbox/);
  });
});
