/**
 * Query cells: JavaScript over arquero, run by a host sandbox. The cell's code is the body
 * of a function receiving `aq` (arquero, with `op`), `tables` (the book's tables as frozen
 * row arrays), `cells` (earlier cells' rows by cell id) and `frames` (the same tables as
 * arquero tables, the fast way at a million rows); it returns an arquero table or
 * an array of row objects. This module only builds the request and reads the outcome, so
 * it runs anywhere; the sandbox decides how the code is isolated.
 */
import { SCHEMA, TABLE_KEYS, type ColumnType } from '../book/schema';
import { rowsOf } from '../book/book';
import { t, type Book, type Cell, type Row, type Text } from '../book/types';
import type {
  CellOutput,
  NotebookCell,
  OutputChart,
  QueryOutcome,
  QueryRequest,
  QuerySandbox,
} from './types';

/** Time a query cell may run. @default 2000 ms, at most 30 s */
export const DEFAULT_QUERY_TIMEOUT_MS = 2000;
const MAX_QUERY_TIMEOUT_MS = 30_000;

/**
 * Run a query cell in the sandbox.
 * @param cell the cell; `params.code` is the function body, `params.timeoutMs` its limit,
 *   `params.tables` the table keys it sees (all but AuditLog by default), `params.chart` an optional chart
 * @param book the book whose tables it reads
 * @param earlier earlier cells' outputs by cell id
 * @param sandbox the host's sandbox
 * @returns the output, or an error naming the cell and, when known, the line
 */
export async function runQueryCell(
  cell: NotebookCell,
  book: Book,
  earlier: ReadonlyMap<string, CellOutput>,
  sandbox: QuerySandbox | undefined,
): Promise<{ ok: true; output: CellOutput } | { ok: false; error: Text }> {
  const name = `${cell.id}「${cell.title}」`;
  const nameEn = `${cell.id} "${cell.title}"`;
  if (typeof cell.params.code !== 'string' || !cell.params.code.trim()) {
    return {
      ok: false,
      error: t(
        `查询单元 ${name} 没有代码 (Params 中的 code)`,
        `Query cell ${nameEn} has no code (Params.code)`,
      ),
    };
  }
  if (!sandbox)
    return {
      ok: false,
      error: t(
        `查询单元 ${name} 无法运行：此处没有沙箱`,
        `Query cell ${nameEn} cannot run: no sandbox here`,
      ),
    };

  const request = buildRequest(cell, book, earlier);
  const outcome = await sandbox.run(request);
  if (!outcome.ok)
    return { ok: false, error: describeFailure(outcome, name, nameEn, request.timeoutMs) };
  return {
    ok: true,
    output: outputOfRows(outcome.rows, chartParam(cell.params.chart), outcome.columns),
  };
}

// Text of a name for a RegExp: a user's column may be called 'Tag [x' or '备注(内部)'.
function literal(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// `holder.Key` or `holder['Key']` (any quote) for one of the holder names.
function access(holders: string, key: string): RegExp {
  const k = literal(key);
  return new RegExp(`\\b(${holders})\\s*(\\.\\s*${k}(?![\\p{L}\\p{N}_$])|\\[\\s*['"\`]${k}['"\`]\\s*\\])`, 'u');
}

// `tables`, `frames` or `cells` used other than as `.Key` / `['Key']`: destructured,
// passed on, iterated. Such code gets everything, since what it reads cannot be told.
function usedWhole(code: string, holder: string): boolean {
  return new RegExp(`\\b${holder}\\b(?!\\s*(\\.\\s*[\\p{L}_$]|\\[\\s*['"\`]))`, 'u').test(code);
}

/** Whether query code mentions `tables.Key`, `frames.Key` or `tables['Key']` (or "Key"), or uses `tables`/`frames` whole. */
export function referencesTable(code: string, key: string): boolean {
  return access('tables|frames', key).test(code) || usedWhole(code, 'tables') || usedWhole(code, 'frames');
}

/** Whether query code reads a table's rows (`tables.Key`, `tables['Key']`, or `tables` whole), not only its frame. */
export function readsRows(code: string, key: string): boolean {
  return access('tables', key).test(code) || usedWhole(code, 'tables');
}

/** Whether query code reads an earlier cell's rows (`cells.id`, `cells['id']`, or `cells` whole). */
export function readsCell(code: string, id: string): boolean {
  return access('cells', id).test(code) || usedWhole(code, 'cells');
}

/**
 * Tables up to this many cells (rows × columns) go to the sandbox whole. Past it, a table
 * read only as a frame (`frames.X`) carries just the columns its code names: at a million
 * rows that is the difference between a cell that fits in the sandbox and one that does not.
 */
export const WHOLE_TABLE_CELLS = 2_000_000;

/**
 * The columns of a table that go to the sandbox: all of them for a table read as rows
 * (`tables.X`) or small enough; otherwise the columns the code names (an arquero
 * expression reaches a column by its name), or all of them when it names none.
 */
export function columnsToSend(code: string, key: string, all: readonly string[], rows = 0): string[] {
  if (readsRows(code, key) || rows * all.length <= WHOLE_TABLE_CELLS) return [...all];
  const named = all.filter((c) => new RegExp(`(?<![\\p{L}\\p{N}_$])${literal(c)}(?![\\p{L}\\p{N}_$])`, 'u').test(code));
  return named.length ? named : [...all];
}

function buildRequest(
  cell: NotebookCell,
  book: Book,
  earlier: ReadonlyMap<string, CellOutput>,
): QueryRequest {
  // Only the tables the cell names go to the sandbox: every table of a million-row book
  // would not even fit in one string.
  const wanted = Array.isArray(cell.params.tables)
    ? (cell.params.tables as string[])
    : TABLE_KEYS.filter((k) => k !== 'AuditLog' && referencesTable(String(cell.params.code ?? ''), k));
  const code = String(cell.params.code ?? '');
  const tables: Record<string, Row[]> = {};
  const columns: Record<string, string[]> = {};
  for (const key of TABLE_KEYS) {
    if (!wanted.includes(key)) continue;
    const rows = rowsOf(book, key);
    // Schema columns first, then any a user added (as the first row shows them).
    const all = [...new Set([...SCHEMA[key].columns.map((c) => c.key), ...Object.keys(rows[0] ?? {})])];
    tables[key] = rows;
    columns[key] = columnsToSend(code, key, all, rows.length);
  }
  // Earlier cells' rows only when the code reads them (they count toward its memory too).
  const cells: Record<string, Row[]> = {};
  for (const [id, out] of earlier) if (readsCell(code, id)) cells[id] = out.rows;
  const asked = Number(cell.params.timeoutMs);
  const timeoutMs =
    Number.isFinite(asked) && asked > 0
      ? Math.min(asked, MAX_QUERY_TIMEOUT_MS)
      : DEFAULT_QUERY_TIMEOUT_MS;
  return {
    cellId: cell.id,
    title: cell.title,
    code: String(cell.params.code),
    tables,
    columns,
    cells,
    timeoutMs,
  };
}

function describeFailure(
  outcome: Extract<QueryOutcome, { ok: false }>,
  name: string,
  nameEn: string,
  ms: number,
): Text {
  if (outcome.kind === 'memory')
    return t(
      `查询单元 ${name} 内存用尽，已停止: ${outcome.message}`,
      `Query cell ${nameEn} stopped: it ${outcome.message}`,
    );
  if (outcome.kind === 'timeout')
    return t(
      `查询单元 ${name} 超过 ${ms} 毫秒时限，已停止`,
      `Query cell ${nameEn} stopped: it ran past its ${ms} ms time limit`,
    );
  const at = outcome.line ? t(`第 ${outcome.line} 行: `, `line ${outcome.line}: `) : t('', '');
  if (outcome.kind === 'syntax')
    return t(
      `查询单元 ${name} 语法错误，${at['zh-CN']}${outcome.message}`,
      `Query cell ${nameEn} has a syntax error, ${at['en-US']}${outcome.message}`,
    );
  if (outcome.kind === 'result')
    return t(
      `查询单元 ${name} 的结果不是表格: ${outcome.message}`,
      `Query cell ${nameEn} did not return a table: ${outcome.message}`,
    );
  return t(
    `查询单元 ${name} 出错，${at['zh-CN']}${outcome.message}`,
    `Query cell ${nameEn} failed, ${at['en-US']}${outcome.message}`,
  );
}

const AMOUNT_TEXT = /^-?\d+\.\d{2}$/;

/**
 * Rows from a sandbox as an output: the table's columns when known, else keys in order of
 * first appearance; types from the values. A result with no column at all gets one empty
 * `Result` column, since a sheet needs one.
 */
export function outputOfRows(rows: Row[], chart?: OutputChart, names?: string[]): CellOutput {
  const keys: string[] = names ? [...names] : [];
  for (const r of rows) for (const k of Object.keys(r)) if (!keys.includes(k)) keys.push(k);
  if (!keys.length)
    return { columns: [{ key: 'Result', header: t('结果', 'Result'), type: 'text' }], rows: [] };
  const columns = keys.map((key) => ({
    key,
    header: t(key, key),
    type: typeOf(rows.map((r) => r[key] ?? null)),
  }));
  const known = chart && [chart.category, ...chart.series].every((k) => keys.includes(k));
  return { columns, rows: rows.map(excelDigits), chart: known ? chart : undefined };
}

// A sum of amounts as floats in a query (op.sum over parse_float) carries binary noise
// (448611.50000000006); Excel keeps 15 significant digits, and so does the result sheet.
function excelDigits(row: Row): Row {
  let out: Row | undefined;
  for (const k of Object.keys(row)) {
    const v = row[k];
    if (typeof v !== 'number' || Number.isInteger(v) || !Number.isFinite(v)) continue;
    const kept = Number(v.toPrecision(15));
    if (kept !== v) (out ??= { ...row })[k] = kept;
  }
  return out ?? row;
}

function typeOf(values: Cell[]): ColumnType {
  const present = values.filter((v) => v !== null && v !== undefined && v !== '');
  if (!present.length) return 'text';
  if (present.every((v) => typeof v === 'number')) return 'number';
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.every((v) => typeof v === 'string' && AMOUNT_TEXT.test(v))) return 'amount';
  return 'text';
}

function chartParam(v: unknown): OutputChart | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const c = v as Record<string, unknown>;
  const kinds = ['line', 'column', 'bar', 'pie', 'area', 'scatter'];
  if (!kinds.includes(String(c.kind)) || typeof c.category !== 'string' || !Array.isArray(c.series))
    return undefined;
  const title = typeof c.title === 'string' ? c.title : '';
  return {
    kind: c.kind as OutputChart['kind'],
    title: t(title, title),
    category: c.category,
    series: c.series.map(String),
  };
}
