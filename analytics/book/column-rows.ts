/**
 * Rows held column by column. A reconciliation of a million lines proposes close to a
 * million Matches rows; kept as a million objects they all survive to the old generation,
 * and copying and marking them costs more than finding the matches. As a few arrays (and a
 * cell every row shares, such as the period) they cost little, and each consumer that can
 * (the checks before a change is applied, the table seals, the streaming writer) reads them
 * a row at a time. Anything else reads `rows` and gets plain objects, made on first read.
 */
import { codeColumn, isCoded, type CodedCells } from './coded-cells';
import type { TableKey } from './schema';
import type { Cell, Row, Table, TableChange } from './types';

/**
 * A column of a {@link ColumnRows}: a cell per row (in an array or a typed array), one cell
 * every row has, or cells coded as numbers (see coded-cells.ts).
 */
export type ColumnCells = ArrayLike<Cell | undefined> | { every: Cell } | CodedCells;

/** Whether a column is one cell every row shares (rather than cells, in an array or a typed array). */
export function isShared(c: ColumnCells): c is { every: Cell } {
  return typeof (c as ArrayLike<unknown>).length !== 'number' && Object.prototype.hasOwnProperty.call(c, 'every');
}

/** The cell at position k of a column, however the column holds it. */
export function cellAt(c: ColumnCells, k: number): Cell | undefined {
  if (isCoded(c)) return c.at(k);
  return isShared(c) ? c.every : (c as ArrayLike<Cell | undefined>)[k];
}

export class ColumnRows {
  /** Column keys, in the order rows made from these columns have them. */
  readonly keys: readonly string[];
  /** Rows before the columns, kept as the objects they are (a table's rows before a change). */
  private readonly head: readonly Row[];
  private readonly cells: ColumnCells[];
  private readonly at: Map<string, number>;
  /** Rows in the columns (after the head). */
  private readonly tail: number;

  /**
   * @param length number of rows
   * @param columns each column's cells by key, in row order; an `undefined` cell is a row
   *   without that key
   * @throws RangeError when the length is not a count, or a column is not `{ every }` or
   *   has fewer cells than rows
   */
  constructor(length: number, columns: Readonly<Record<string, ColumnCells>>, head: readonly Row[] = []) {
    if (!(Number.isInteger(length) && length >= 0)) throw new RangeError(`a row count must be a whole number of 0 or more, not ${length}`);
    this.keys = Object.keys(columns);
    this.cells = this.keys.map((k) => columns[k]);
    this.at = new Map(this.keys.map((k, i) => [k, i]));
    this.head = head;
    this.tail = length;
    this.keys.forEach((k, i) => {
      const c = this.cells[i];
      if (c === null || typeof c !== 'object') throw new RangeError(`column ${k} is neither cells nor { every }`);
      if (!isShared(c) && !(c.length >= length)) throw new RangeError(`column ${k} has ${c.length} cells for ${length} rows`);
    });
  }

  /** Rows held as objects before the columns. */
  get headLength(): number {
    return this.head.length;
  }

  /** Every row: the head's and the columns'. */
  get length(): number {
    return this.head.length + this.tail;
  }

  /** The cell of row k under `key`; undefined when the row has no such key. */
  cell(k: number, key: string): Cell | undefined {
    if (k < this.head.length) return this.head[k][key];
    const i = this.at.get(key);
    if (i === undefined) return undefined;
    return cellAt(this.cells[i], k - this.head.length);
  }

  /** Row k: a row of the head as it is, a row of the columns as a fresh object (keys without a cell left out). */
  row(k: number): Row {
    if (k < this.head.length) return this.head[k];
    const at = k - this.head.length;
    const out: Row = {};
    for (let i = 0; i < this.keys.length; i++) {
      const v = cellAt(this.cells[i], at);
      if (v !== undefined) out[this.keys[i]] = v;
    }
    return out;
  }

  /** Every row as an object: what a caller that wants `Row[]` gets. */
  toRows(): Row[] {
    const out = new Array<Row>(this.length);
    for (let k = 0; k < out.length; k++) out[k] = this.row(k);
    return out;
  }

  /**
   * These rows followed by `other`'s columns (`other` has no head). A key one side lacks is
   * a row without that key; the head's rows stay the objects they are.
   */
  concat(other: ColumnRows): ColumnRows {
    if (other.head.length) throw new RangeError('only columns without a head of rows can be added');
    const keys = [...this.keys, ...other.keys.filter((k) => !this.at.has(k))];
    const columns: Record<string, ColumnCells> = {};
    for (const key of keys) {
      const a = this.cellsOf(key);
      const b = other.cellsOf(key);
      if (a && b && isShared(a) && isShared(b) && Object.is(a.every, b.every)) columns[key] = a;
      else if (this.tail === 0 && b) columns[key] = b;
      else {
        const out = new Array<Cell | undefined>(this.tail + other.length);
        for (let k = 0; k < this.tail; k++) out[k] = this.cell(this.head.length + k, key);
        for (let k = 0; k < other.length; k++) out[this.tail + k] = other.cell(k, key);
        columns[key] = out;
      }
    }
    return new ColumnRows(this.tail + other.length, columns, this.head);
  }

  /** The cells of column `key` after the head, as held (undefined when there is no such column). */
  cellsOf(key: string): ColumnCells | undefined {
    const i = this.at.get(key);
    return i === undefined ? undefined : this.cells[i];
  }
}

/** A table or change whose rows may still be held as columns. */
interface MaybeColumnar {
  rows: Row[];
}

// What holds its rows as columns, and those columns, until its rows are made. Kept beside
// the objects rather than on them, so a frozen or copied object cannot disagree with it.
const held = new WeakMap<object, ColumnRows>();

/**
 * Give `target` a `rows` property made from `body` on first read. From then on the rows are
 * the record (a caller may change them) and the columns are let go, so the two never disagree.
 */
function holdAsColumns<T extends object>(target: T, body: ColumnRows): T & MaybeColumnar {
  let rows: Row[] = [];
  let made = false;
  held.set(target, body);
  const settle = (next: Row[]) => {
    rows = next;
    made = true;
    held.delete(target);
  };
  Object.defineProperty(target, 'rows', {
    enumerable: true,
    configurable: false,
    get() {
      if (!made) settle(body.toRows());
      return rows;
    },
    set(next: Row[]) {
      settle(next);
    },
  });
  return target as T & MaybeColumnar;
}

/** The columns of a table or change whose rows were never made; undefined otherwise. */
export function bodyOf(x: { rows: Row[] } | undefined): ColumnRows | undefined {
  return x ? held.get(x) : undefined;
}
/** How many rows a table or change has, without making them. */
export function rowCount(x: { rows: Row[] } | undefined): number {
  if (!x) return 0;
  return bodyOf(x)?.length ?? x.rows.length;
}

/**
 * Call `each` with every row of a table or change, in order. Rows held as columns are made
 * one at a time and not kept, so a million of them never live at once.
 */
export function forEachRow(x: { rows: Row[] } | undefined, each: (row: Row, k: number) => void): void {
  if (!x) return;
  const body = bodyOf(x);
  if (!body) {
    x.rows.forEach(each);
    return;
  }
  for (let k = 0; k < body.length; k++) each(body.row(k), k);
}

/** A table whose rows are held as columns until a caller reads `rows`. */
export function columnTable(key: TableKey, columns: string[], body: ColumnRows): Table {
  return holdAsColumns({ key, columns } as Omit<Table, 'rows'>, body);
}

/**
 * An append, upsert or replace whose rows are held as columns until a caller reads `rows`.
 * An upsert's ids must be distinct (as a reconciliation's match ids are): held as columns,
 * two rows with one id would both be added rather than the later one winning.
 */
export function columnChange(table: TableKey, op: 'append' | 'upsert' | 'replace', body: ColumnRows): TableChange {
  return holdAsColumns({ table, op } as Omit<Extract<TableChange, { op: 'upsert' }>, 'rows'>, body) as TableChange;
}

/**
 * A large table's rows held as columns, each coded as numbers where every cell allows it
 * (see coded-cells.ts), else kept as an array of its cells: what a book read for a command
 * that works on columns (a reconciliation) holds, instead of a million row objects.
 * Rows made back from it are equal to the ones given, key for key. A table whose rows hold
 * keys its columns do not name is returned as it is (its rows could not be made back).
 */
export function holdAsCodedColumns(table: Table): Table {
  if (bodyOf(table)) return table;
  const rows = table.rows;
  const named = new Set(table.columns);
  for (let k = 0; k < rows.length; k++) for (const key in rows[k]) if (!named.has(key)) return table;
  const columns: Record<string, ColumnCells> = {};
  for (const key of table.columns) {
    const cells = new Array<Cell | undefined>(rows.length);
    for (let k = 0; k < rows.length; k++) cells[k] = rows[k][key];
    columns[key] = codeColumn(cells) ?? cells;
  }
  return columnTable(table.key, table.columns.slice(), new ColumnRows(rows.length, columns));
}
