/**
 * Rows held column by column. A reconciliation of a million lines proposes close to a
 * million Matches rows; kept as a million objects they all survive to the old generation,
 * and copying and marking them costs more than finding the matches. As a few arrays (and a
 * cell every row shares, such as the period) they cost little, and each consumer that can
 * (the checks before a change is applied, the table seals, the streaming writer) reads them
 * a row at a time. Anything else reads `rows` and gets plain objects, made on first read.
 */
import type { TableKey } from './schema';
import type { Cell, Row, Table, TableChange } from './types';

/** A column of a {@link ColumnRows}: a cell per row, or one cell every row has. */
export type ColumnCells = readonly (Cell | undefined)[] | { every: Cell };

export class ColumnRows {
  /** Column keys, in the order rows made from these columns have them. */
  readonly keys: readonly string[];
  private readonly cells: ColumnCells[];
  private readonly at: Map<string, number>;

  /**
   * @param length number of rows
   * @param columns each column's cells by key, in row order; an array shorter than
   *   `length` is refused, an `undefined` cell is a row without that key
   * @throws RangeError when a column has fewer cells than rows
   */
  constructor(
    readonly length: number,
    columns: Readonly<Record<string, ColumnCells>>,
  ) {
    this.keys = Object.keys(columns);
    this.cells = this.keys.map((k) => columns[k]);
    this.at = new Map(this.keys.map((k, i) => [k, i]));
    this.keys.forEach((k, i) => {
      const c = this.cells[i];
      if (Array.isArray(c) && c.length < length) throw new RangeError(`column ${k} has ${c.length} cells for ${length} rows`);
    });
  }

  /** Rows as columns, with `keys` (default: the keys of the first row) in that order. */
  static fromRows(rows: readonly Row[], keys: readonly string[] = rows.length ? Object.keys(rows[0]) : []): ColumnRows {
    const columns: Record<string, (Cell | undefined)[]> = {};
    for (const key of keys) columns[key] = rows.map((r) => r[key]);
    return new ColumnRows(rows.length, columns);
  }

  /** The cell of row k under `key`; undefined when the row has no such key. */
  cell(k: number, key: string): Cell | undefined {
    const i = this.at.get(key);
    if (i === undefined) return undefined;
    const c = this.cells[i];
    return Array.isArray(c) ? c[k] : (c as { every: Cell }).every;
  }

  /** Row k as a fresh object (keys without a cell left out). */
  row(k: number): Row {
    const out: Row = {};
    for (let i = 0; i < this.keys.length; i++) {
      const c = this.cells[i];
      const v = Array.isArray(c) ? c[k] : (c as { every: Cell }).every;
      if (v !== undefined) out[this.keys[i]] = v;
    }
    return out;
  }

  /** Every row as an object: what a caller that wants `Row[]` gets. */
  toRows(): Row[] {
    const out = new Array<Row>(this.length);
    for (let k = 0; k < this.length; k++) out[k] = this.row(k);
    return out;
  }

  /** These rows followed by `other`'s; a key one side lacks is a row without that key. */
  concat(other: ColumnRows): ColumnRows {
    const keys = [...this.keys, ...other.keys.filter((k) => !this.at.has(k))];
    const columns: Record<string, ColumnCells> = {};
    for (const key of keys) {
      const a = this.cellsOf(key);
      const b = other.cellsOf(key);
      const same = a && b && !Array.isArray(a) && !Array.isArray(b) && Object.is((a as { every: Cell }).every, (b as { every: Cell }).every);
      if (same) columns[key] = a;
      else {
        const out = new Array<Cell | undefined>(this.length + other.length);
        for (let k = 0; k < this.length; k++) out[k] = this.cell(k, key);
        for (let k = 0; k < other.length; k++) out[this.length + k] = other.cell(k, key);
        columns[key] = out;
      }
    }
    return new ColumnRows(this.length + other.length, columns);
  }

  /** The cells of column `key` as held (undefined when there is no such column). */
  cellsOf(key: string): ColumnCells | undefined {
    const i = this.at.get(key);
    return i === undefined ? undefined : this.cells[i];
  }
}

/** A table or change whose rows may still be held as columns. */
interface MaybeColumnar {
  rows: Row[];
  readonly body?: ColumnRows;
}

/**
 * Give `target` a `rows` property made from `body` on first read. From then on the rows are
 * the record (a caller may change them) and `body` is gone, so the two never disagree.
 */
export function holdAsColumns<T extends object>(target: T, body: ColumnRows): T & MaybeColumnar {
  let rows: Row[] | undefined;
  const drop = () => Object.defineProperty(target, 'body', { value: undefined, enumerable: false, writable: false, configurable: true });
  Object.defineProperty(target, 'body', { value: body, enumerable: false, writable: false, configurable: true });
  Object.defineProperty(target, 'rows', {
    enumerable: true,
    configurable: true,
    get() {
      if (!rows) {
        rows = body.toRows();
        drop();
      }
      return rows;
    },
    set(next: Row[]) {
      rows = next;
      drop();
    },
  });
  return target as T & MaybeColumnar;
}

/** The columns of a table or change whose rows were never made; undefined otherwise. */
export function bodyOf(x: { rows: Row[] } | undefined): ColumnRows | undefined {
  return (x as MaybeColumnar | undefined)?.body;
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

/** Row k of a table or change (made afresh when the rows are held as columns). */
export function rowAt(x: { rows: Row[] }, k: number): Row {
  const body = bodyOf(x);
  return body ? body.row(k) : x.rows[k];
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
