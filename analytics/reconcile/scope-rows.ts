/**
 * The rows of one side of a reconciliation that are in scope, read by their place in scope:
 * row objects, or positions in a table held as columns (whose rows are never made). What
 * the steps around the matcher read of a row (its id, status, texts for an item) is a cell
 * or two, so neither form needs the other.
 */
import { cellAt, type ColumnCells, type ColumnRows } from '../book/column-rows';
import { codedReader, isCoded } from '../book/coded-cells';
import type { Cell, Row } from '../book/types';

export interface ScopeRows {
  readonly length: number;
  /** The cell of the k-th row in scope under `key` (undefined when the row has none). */
  cell(k: number, key: string): Cell | undefined;
  /** The cells under `key`, by place in scope: for reading one column of many rows. */
  column(key: string): (k: number) => Cell | undefined;
}

/** Rows in scope given as objects. */
export function rowList(rows: readonly Row[]): ScopeRows {
  return { length: rows.length, cell: (k, key) => rows[k][key], column: (key) => (k) => rows[k][key] };
}

/** Rows in scope given as their positions in `body` (a table's columns, without a head of row objects). */
export function bodyRows(body: ColumnRows, positions: ArrayLike<number>): ScopeRows {
  const columns = new Map<string, ColumnCells | undefined>();
  return {
    length: positions.length,
    cell(k, key) {
      let c = columns.get(key);
      if (c === undefined && !columns.has(key)) columns.set(key, (c = body.cellsOf(key)));
      return c === undefined ? undefined : cellAt(c, positions[k]);
    },
    column(key) {
      const c = body.cellsOf(key);
      if (c === undefined) return () => undefined;
      if (isCoded(c)) {
        const read = codedReader(c);
        return (k) => read(positions[k]);
      }
      return (k) => cellAt(c, positions[k]);
    },
  };
}

/** The rows of `rows` at `picked` (places in `rows`), in that order. */
export function pickScope(rows: ScopeRows, picked: readonly number[]): ScopeRows {
  return {
    length: picked.length,
    cell: (k, key) => rows.cell(picked[k], key),
    column: (key) => {
      const read = rows.column(key);
      return (k) => read(picked[k]);
    },
  };
}
