/**
 * Apply a command's changes to a book, all or nothing: every change is checked first and
 * the book is only touched when all of them pass. Posted Journal rows change only by
 * reversal; rows dated in a closed period are refused; the AuditLog only grows.
 */
import { fail } from '../util/error';
import { SCHEMA, type TableKey } from './schema';
import { emptyTable } from './book';
import { bodyOf, cellAt, ColumnRows, columnTable, forEachRow, isShared, rowCount } from './column-rows';
import type { Book, Cell, ResultSheet, Row, Table, TableChange } from './types';
import { t } from './types';

/**
 * Apply changes and return a new book; the input book is not modified.
 * @throws AnalyticsError `locked` when a change touches a closed period or edits a posted entry
 */
export function applyChangeSet(book: Book, changes: readonly TableChange[]): Book {
  const tables: Book['tables'] = { ...book.tables };
  const closed = closedPeriods(book);

  let sheets = book.sheets;
  for (const change of changes) {
    if (change.op === 'sheet') {
      sheets = { ...sheets, [change.sheet.name]: fitSheetCells(change.sheet) };
      continue;
    }
    const before = tables[change.table] ?? emptyTable(change.table);
    checkCellLengths(change);
    checkChange(before, change, closed);
    tables[change.table] = applyOne(before, change);
  }
  return { ...book, tables, sheets };
}

/** Marks a result-sheet text cut to fit one Excel cell. */
export const CUT_MARK = '…〔已截断 / cut〕';

/**
 * A result sheet whose texts all fit an Excel cell. A result is output, not the book's
 * record, so an over-long text (a notebook cell's long string) is cut with a visible mark
 * rather than refusing the whole run; a table cell that long is refused (checkCellLengths).
 */
export function fitSheetCells(sheet: ResultSheet): ResultSheet {
  const long = (v: unknown) => typeof v === 'string' && v.length > MAX_CELL_CHARS;
  if (!sheet.rows.some((r) => r.some(long))) return sheet;
  const cut = (v: Cell): Cell => (long(v) ? (v as string).slice(0, MAX_CELL_CHARS - CUT_MARK.length) + CUT_MARK : v);
  return { ...sheet, rows: sheet.rows.map((r) => (r.some(long) ? r.map(cut) : r)) };
}

/**
 * Periods (YYYY-MM) that are closed: by the Periods table, and by the AuditLog's close and
 * reopen rows in order, so deleting a Periods row by hand does not reopen a month.
 */
export function closedPeriods(book: Book): Set<string> {
  const out = new Set<string>();
  for (const r of book.tables.AuditLog?.rows ?? []) {
    if (r.Action === 'close') out.add(String(r.Target));
    else if (r.Action === 'reopen') out.delete(String(r.Target));
  }
  // A Periods row can close a month too; it cannot reopen one the audit log says is closed.
  for (const r of book.tables.Periods?.rows ?? []) if (r.Status === 'closed') out.add(String(r.Period));
  return out;
}

function applyOne(table: Table, change: Exclude<TableChange, { op: 'sheet' }>): Table {
  const body = 'rows' in change ? bodyOf(change) : undefined;
  const firstRow = 'rows' in change && !body ? change.rows[0] : undefined;
  const columns = mergeColumns(table.columns, body ? body.keys : firstRow ? Object.keys(firstRow) : []);
  if (body && change.op !== 'delete') {
    const columnar = applyColumns(table, change.op, body, columns);
    if (columnar) return columnar;
  }
  switch (change.op) {
    case 'append':
      return { ...table, columns, rows: table.rows.concat(change.rows) };
    case 'replace':
      return { ...table, columns, rows: change.rows.slice() };
    case 'upsert': {
      const id = idColumn(change.table);
      const incoming = new Map(change.rows.map((r) => [String(r[id]), r]));
      const rows = table.rows.map((r) => {
        const next = incoming.get(String(r[id]));
        if (!next) return r;
        incoming.delete(String(r[id]));
        return { ...r, ...next };
      });
      return { ...table, columns, rows: rows.concat([...incoming.values()]) };
    }
    case 'delete': {
      const id = idColumn(change.table);
      const gone = new Set(change.ids);
      return { ...table, rows: table.rows.filter((r) => !gone.has(String(r[id]))) };
    }
  }
}

/**
 * A change held as columns, applied without making its rows: the table's rows stay the
 * objects they are, followed by the change's columns. An upsert that replaces existing
 * rows returns undefined and takes the row path (same result, rows made).
 */
function applyColumns(table: Table, op: 'append' | 'upsert' | 'replace', body: ColumnRows, columns: string[]): Table | undefined {
  if (op === 'replace') return columnTable(table.key, columns, body);
  const before = bodyOf(table);
  const count = rowCount(table);
  if (op === 'upsert') {
    const id = idColumn(table.key);
    const incoming = body.cellsOf(id);
    if (!incoming || isShared(incoming)) return undefined;
    if (count > 0) {
      const ids = new Set<string>();
      for (let k = 0; k < count; k++) ids.add(String(before ? before.cell(k, id) : table.rows[k][id]));
      for (let k = 0; k < body.length; k++) if (ids.has(String(cellAt(incoming, k)))) return undefined;
    }
  }
  // A copy of the row list: the input book's table must not change with the new one.
  const head = before ?? new ColumnRows(0, {}, table.rows.slice());
  return columnTable(table.key, columns, head.concat(body));
}

function checkChange(table: Table, change: Exclude<TableChange, { op: 'sheet' }>, closed: Set<string>): void {
  if (change.table === 'AuditLog' && change.op !== 'append') fail('locked', t('审计日志只能追加，不能修改或删除', 'The audit log can only grow: its rows are never edited or deleted.'));
  if (change.table === 'Matches' || change.table === 'Reconciliation') return checkClosedPeriodRows(table, change, closed);
  if (change.table !== 'Journal') return;
  if (change.op === 'delete' || change.op === 'replace') {
    fail('locked', t('日记账分录不能删除或整表替换，请做红字冲销', 'Journal entries are never deleted or replaced; post a reversal (红字冲销) instead.'));
  }
  const existing = new Map(table.rows.map((r) => [String(r.EntryId), r]));
  for (const row of change.rows) {
    const date = String(row.Date ?? '');
    if (closed.has(date.slice(0, 7))) {
      fail('locked', t(`分录 ${row.EntryId} 的日期 ${date} 在已结账期间 ${date.slice(0, 7)} 内，不能写入；请在未结账期间做调整`, `Entry ${row.EntryId} is dated ${date}, in closed period ${date.slice(0, 7)}, which takes no new or changed entries; post the correction in an open period.`));
    }
    const old = existing.get(String(row.EntryId));
    if (change.op === 'append' && old) fail('duplicate-id', t(`分录编号 ${row.EntryId} 已存在，分录编号不能重复使用`, `Entry ${row.EntryId} already exists; entry ids are never reused.`));
    if (old) checkPostedEdit(old, row);
  }
}

// Matches and the 余额调节表 of a closed period are its evidence: they stay as they were closed.
function checkClosedPeriodRows(table: Table, change: Exclude<TableChange, { op: 'sheet' }>, closed: Set<string>): void {
  if (!closed.size) return;
  const locked = (r: Row) => closed.has(normal(r.Period));
  const refuse = (period: string) =>
    fail('locked', t(`期间 ${period} 已结账，其${change.table === 'Matches' ? '对账匹配' : '余额调节表'}不能再修改；如确需调整，请先反结账`, `Period ${period} is closed; its ${change.table === 'Matches' ? 'matches' : 'reconciliation'} can no longer change. Reopen the period first if it must.`));
  // Rows held as columns are read one at a time; only the locked ones are kept.
  const lockedRows = (x: { rows: Row[] }) => {
    const out: Row[] = [];
    forEachRow(x, (r) => {
      if (locked(r)) out.push(r);
    });
    return out;
  };
  if (change.op === 'replace') {
    const lockedBefore = lockedRows(table);
    const lockedAfter = lockedRows(change);
    const before = lockedBefore.map(rowText).sort();
    const after = lockedAfter.map(rowText).sort();
    const changed = before.length !== after.length || before.some((r, i) => r !== after[i]);
    if (changed) refuse(normal((lockedBefore[0] ?? lockedAfter[0])?.Period));
    return;
  }
  const id = SCHEMA[change.table].idColumn;
  // Only rows of closed periods can refuse a change: those are the ones kept by id.
  const lockedById = new Map<string, Row>();
  if (id) for (const r of lockedRows(table)) lockedById.set(normal(r[id]), r);
  if (change.op === 'delete') {
    for (const key of change.ids) {
      const old = lockedById.get(key);
      if (old) refuse(normal(old.Period));
    }
    return;
  }
  forEachRow(change, (row) => {
    if (locked(row)) refuse(normal(row.Period));
    const old = id ? lockedById.get(normal(row[id])) : undefined;
    if (old) refuse(normal(old.Period));
  });
}

// A row's content as text, blind to key order and to null versus absent cells.
function rowText(r: Row): string {
  return Object.keys(r)
    .filter((k) => normal(r[k]) !== '')
    .sort()
    .map((k) => `${k}=${normal(r[k])}`)
    .join('\u0001');
}

// A posted entry may only be marked reversed (and have its derived Balance/RowHash refreshed).
const MUTABLE_ON_POSTED = new Set(['Status', 'Balance', 'RowHash']);

function checkPostedEdit(old: Row, next: Row): void {
  for (const [key, value] of Object.entries(next)) {
    if (MUTABLE_ON_POSTED.has(key)) continue;
    if (normal(old[key]) !== normal(value)) {
      fail('locked', t(`分录 ${old.EntryId} 已记账，${key} 不能从 '${normal(old[key])}' 改为 '${normal(value)}'，请红字冲销后重新记账`, `Entry ${old.EntryId} is posted; ${key} cannot change from '${normal(old[key])}' to '${normal(value)}'. Post a reversal and a new entry instead.`));
    }
  }
  if (next.Status !== undefined && next.Status !== old.Status && !(old.Status === 'posted' && next.Status === 'reversed')) {
    fail('locked', t(`分录 ${old.EntryId} 的状态不能从 ${old.Status} 改为 ${next.Status}：已记账分录只能标记为已冲销`, `Entry ${old.EntryId}: status cannot go from ${old.Status} to ${next.Status}; a posted entry can only become reversed.`));
  }
}

function normal(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

function idColumn(key: TableKey): string {
  const id = SCHEMA[key].idColumn;
  if (!id) fail('no-id-column', t(`工作表 ${SCHEMA[key].sheet['zh-CN']} 没有编号列，无法按编号更新或删除行。`, `Table ${key} has no id column for upsert or delete.`));
  return id;
}

// The table's columns and any keys of the change they lack (of its first row, or its columns).
function mergeColumns(columns: string[], keys: readonly string[]): string[] {
  let out = columns;
  for (const k of keys) if (!out.includes(k)) out = out.concat(k);
  return out;
}

/** Excel keeps at most this many characters in a cell; a longer one makes Excel repair the file. */
export const MAX_CELL_CHARS = 32_767;

function checkCellLengths(change: Exclude<TableChange, { op: 'sheet' }>): void {
  if (change.op === 'delete') return;
  const id = SCHEMA[change.table].idColumn;
  if (!hasLongCell(change)) return;
  for (const row of change.rows) {
    for (const [key, value] of Object.entries(row)) {
      if (typeof value === 'string' && value.length > MAX_CELL_CHARS) {
        const where = [id ? `${id} ${String(row[id])}` : undefined, row.Source ? `from ${String(row.Source)}` : undefined].filter(Boolean).join(', ');
        const whereZh = [id ? `${id} ${String(row[id])}` : undefined, row.Source ? `来源 ${String(row.Source)}` : undefined].filter(Boolean).join('，');
        fail('cell-too-long', t(`工作表 ${SCHEMA[change.table].sheet['zh-CN']}（${whereZh}），列 ${key}：${value.length} 个字符，超过 Excel 单元格最多 ${MAX_CELL_CHARS} 个字符的上限。未写入任何内容。`, `${change.table} (${where}), column ${key}: ${value.length} characters; an Excel cell holds at most ${MAX_CELL_CHARS}. Nothing was written.`));
      }
    }
  }
}

// Whether any cell of the change is longer than Excel takes; rows held as columns are read
// column by column, and only made when one is (for the message).
function hasLongCell(change: Extract<TableChange, { rows: Row[] }>): boolean {
  const body = bodyOf(change);
  if (!body) return true;
  for (const key of body.keys) {
    const cells = body.cellsOf(key)!;
    const count = isShared(cells) ? 1 : cells.length;
    for (let k = 0; k < count; k++) {
      const v = cellAt(cells, k);
      if (typeof v === 'string' && v.length > MAX_CELL_CHARS) return true;
    }
  }
  return false;
}
