/**
 * A Matches id-list column (EntryIds or LineIds) whose one-row cells are held as the row's
 * id number: the ledgers' ids are held as numbers (a serial column), so a million matches
 * of one entry and one line need no id text made until the cell is read (written, say).
 */
import { CodedCells } from '../book/coded-cells';
import type { Cell } from '../book/types';
import { serialCodeText, type SerialCode } from './ledger-columns';

export class IdListCells extends CodedCells {
  /**
   * @param texts each match's cell as text, where `rows` has no row for it
   * @param rows each match's one row (its id in `code`), or −1 for the text
   */
  constructor(
    private readonly texts: readonly (string | undefined)[],
    private readonly rows: Int32Array,
    private readonly code: SerialCode,
    readonly length: number,
  ) {
    super();
  }

  at(k: number): Cell | undefined {
    const row = this.rows[k];
    return row >= 0 ? serialCodeText(this.code, row) : this.texts[k];
  }
}
