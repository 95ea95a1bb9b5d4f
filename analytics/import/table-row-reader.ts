/**
 * The hot loop of a table-shaped import: one row at a time to a statement line, a skip
 * with its reason, or a rejection naming the line and column. Column-level decisions
 * (decimal mark, day order) are taken before; nothing here guesses per row.
 */
import { t } from '../book/types';
import type { DayOrder } from '../book/parse-date';
import { problem, warning, type Problem } from '../util/problem';
import { absAmount, amountCellText, negateAmount, subtractAmounts } from './amount-cells';
import type { ResolvedColumns } from './resolve-columns';
import {
  cellCurrency,
  cellDate,
  cellDirection,
  cellId,
  cellOptional,
  cellText,
  cellTime,
  overflowingRow,
  type RowWidths,
  type GridCell,
  type GridRow,
} from './table-cells';
import type { ColumnMapping, ParsedLine } from './types';

const CLOSED = /关闭|失败|撤销|closed|failed|cancel+ed|declined|reversed/i;
const OPENING = /期初|上期结余|承前页|opening balance|brought forward/i;
const CLOSING = /期末|本期结余|closing balance|carried forward/i;

/** Reads one row at a time and keeps what it found; the hot loop of a large import. */
export class RowReader {
  lines: ParsedLine[] = [];
  skipped: Problem[] = [];
  problems: Problem[] = [];
  inflows: string[] = [];
  outflows: string[] = [];
  shortRows: number[] = [];
  badBalances: string[] = [];
  timesWithoutSeconds = 0;
  stated: { opening?: string; closing?: string } = {};
  currentRow = 0;

  constructor(
    private file: string,
    private headers: string[],
    private c: ResolvedColumns,
    private mapping: ColumnMapping,
    private mark: '.' | ',',
    private order: DayOrder,
    private date1904: boolean,
    private timeZone = 'Asia/Shanghai',
    private widths: RowWidths = { tolerated: headers.length, usual: headers.length },
  ) {
    this.amountColumns = [c.amount, c.inflow, c.outflow, c.balance].filter((k): k is number => k !== undefined);
  }

  private amountColumns: number[];

  read(row: GridRow): 'undated' | 'done' {
    const { c, file } = this;
    const cells = row.cells;
    this.currentRow = row.line;
    const at = (column?: number) => ({
      file,
      row: row.line,
      column: column === undefined ? undefined : this.headers[column],
    });

    // Date first: a row without one may be a footer, decided after all rows are seen
    const parsed = cellDate(cells[c.date!], this.order, this.date1904, this.timeZone);
    if (!parsed) return 'undated';
    if (cells.length < this.headers.length && cells.length > 1) this.shortRows.push(row.line);
    const overflow = overflowingRow(cells, this.headers, this.widths, this.amountColumns);
    if (overflow) {
      this.problems.push(problem('row-overflows-header', overflow, { file, row: row.line }));
      return 'done';
    }

    // Rows where no money moved
    if (c.status !== undefined) {
      const status = cellText(cells[c.status]);
      if (CLOSED.test(status)) {
        this.skipped.push(
          warning(
            'closed-row',
            t(`已跳过：状态“${status}”表示资金未发生变动`, `Skipped: status '${status}' means the money did not move`),
            at(c.status),
          ),
        );
        return 'done';
      }
    }
    let direction: ReturnType<typeof cellDirection>;
    if (c.direction !== undefined) {
      direction = cellDirection(cells[c.direction]);
      if (direction === undefined) {
        this.problems.push(
          problem(
            'bad-direction',
            t(`“${cellText(cells[c.direction])}”不是可识别的收/支方向（如 收入/支出）`, `'${cellText(cells[c.direction])}' is not a direction such as 收入/支出 or Credit/Debit`),
            at(c.direction),
          ),
        );
        return 'done';
      }
      if (direction === 'neutral') {
        this.skipped.push(
          warning(
            'neutral-row',
            t(`已跳过：“${cellText(cells[c.direction]) || '（空）'}”表示不计收支的划转`, `Skipped: '${cellText(cells[c.direction]) || '(empty)'}' marks a transfer that is neither income nor expense`),
            at(c.direction),
          ),
        );
        return 'done';
      }
    }

    // An opening or closing balance line carries a balance and no amount
    if (this.isBalanceLine(cells)) return 'done';

    // Amount
    const amount = this.readAmount(cells, direction, at);
    if (amount === undefined) return 'done';

    // Everything else
    const line: ParsedLine = { date: parsed.date, amount, row: row.line };
    const time = c.time !== undefined ? cellTime(cells[c.time]) : parsed.time;
    if (time) {
      line.time = time;
      if (time.length === 5) this.timesWithoutSeconds++;
    }
    if (c.valueDate !== undefined)
      line.valueDate = cellDate(cells[c.valueDate], this.order, this.date1904, this.timeZone)?.date;
    line.currency =
      (c.currency !== undefined ? cellCurrency(cells[c.currency]) : undefined) ??
      this.mapping.defaultCurrency;
    if (c.counterparty !== undefined) line.counterparty = cellOptional(cells[c.counterparty]);
    if (c.method !== undefined) line.method = cellOptional(cells[c.method]);
    if (c.counterpartyAccount !== undefined)
      line.counterpartyAccount = this.readId(cells, c.counterpartyAccount, at);
    if (c.reference !== undefined) line.reference = this.readId(cells, c.reference, at);
    if (c.description) line.description = joinDescription(cells, c.description);
    if (c.balance !== undefined) {
      const raw = cells[c.balance];
      const text = cellText(raw).trim();
      if (text !== '' && text !== '-') {
        const b = amountCellText(typeof raw === 'number' ? raw : text, this.mark);
        if (b === undefined) this.badBalances.push(text);
        else line.runningBalance = b;
      }
    }
    this.lines.push(line);
    if (amount.startsWith('-')) this.outflows.push(absAmount(amount));
    else this.inflows.push(amount);
    return 'done';
  }

  private isBalanceLine(cells: GridCell[]): boolean {
    const { c } = this;
    const amountCells = [c.amount, c.inflow, c.outflow].filter((i): i is number => i !== undefined);
    if (!amountCells.every((i) => isBlank(cells[i]))) return false;
    const joined = cells.map(cellText).join(' ');
    const kind = OPENING.test(joined) ? 'opening' : CLOSING.test(joined) ? 'closing' : undefined;
    if (!kind) return false;
    const balance =
      c.balance === undefined
        ? undefined
        : amountCellText(cellText(cells[c.balance]).trim(), this.mark);
    this.skipped.push(
      warning(
        'balance-line',
        t(`${kind === 'opening' ? '期初' : '期末'}余额行${balance ? `（${balance}）` : ''}已留作余额核对，未导入`, `${kind === 'opening' ? 'Opening' : 'Closing'} balance line${balance ? ` (${balance})` : ''} kept for the balance check, not imported`),
        { file: this.file, row: this.currentRow },
      ),
    );
    if (balance !== undefined && !this.stated[kind]) this.stated[kind] = balance;
    return true;
  }

  private readAmount(
    cells: GridCell[],
    direction: string | undefined,
    at: (column?: number) => Partial<Problem>,
  ): string | undefined {
    const { c } = this;
    let amount: string | undefined;
    if (c.amount !== undefined) {
      amount = this.amountAt(cells, c.amount, at, false);
      if (amount === undefined) return undefined;
      if (direction)
        amount = direction === 'out' ? negateAmount(absAmount(amount)) : absAmount(amount);
    } else {
      const inflow = c.inflow !== undefined ? this.amountAt(cells, c.inflow, at, true) : '0.00';
      const outflow = c.outflow !== undefined ? this.amountAt(cells, c.outflow, at, true) : '0.00';
      if (inflow === undefined || outflow === undefined) return undefined;
      const blankIn = c.inflow === undefined || isBlank(cells[c.inflow]);
      const blankOut = c.outflow === undefined || isBlank(cells[c.outflow]);
      if (blankIn && blankOut) {
        this.problems.push(
          problem(
            'no-amount',
            t('收入和支出两个单元格都为空', 'Both the money-in and the money-out cells are empty'),
            at(c.inflow ?? c.outflow),
          ),
        );
        return undefined;
      }
      amount = subtractAmounts(inflow, absAmount(outflow));
    }
    return this.mapping.negate ? negateAmount(amount) : amount;
  }

  private amountAt(
    cells: GridCell[],
    column: number,
    at: (column?: number) => Partial<Problem>,
    blankIsZero: boolean,
  ): string | undefined {
    const raw = cells[column];
    if (isBlank(raw)) {
      if (blankIsZero) return '0.00';
      this.problems.push(
        problem(
          column >= cells.length ? 'short-row' : 'no-amount',
          column >= cells.length
            ? t(
                `该行只有 ${cells.length} 个单元格，表头有 ${this.headers.length} 列，缺少金额`,
                `The row has ${cells.length} cells but the header has ${this.headers.length}; the amount is missing`,
              )
            : t('金额单元格为空', 'The amount cell is empty'),
          at(column),
        ),
      );
      return undefined;
    }
    const value = amountCellText(typeof raw === 'number' ? raw : cellText(raw), this.mark);
    if (value === undefined)
      this.problems.push(problem('bad-amount', t(`“${cellText(raw)}”不是金额`, `'${cellText(raw)}' is not an amount`), at(column)));
    return value;
  }

  private readId(
    cells: GridCell[],
    column: number,
    at: (column?: number) => Partial<Problem>,
  ): string | undefined {
    const id = cellId(cells[column]);
    if (id.lostDigits) {
      this.problems.push(
        warning(
          'long-number-id',
          t(`此账号/编号列中的数字 ${id.lostDigits} 有 16 位或更多，第 15 位之后的数字可能已丢失，因此不用于匹配`, `This account/ID column holds the number ${id.lostDigits} with 16 or more digits; the digits after the 15th may be lost, so it is not used for matching`),
          at(column),
        ),
      );
    }
    // A CSV re-saved by Excel turns long order numbers into 2.02303E+27: the digits are gone
    if (id.value && /^[+-]?\d(\.\d+)?E\+\d+$/i.test(id.value)) {
      this.problems.push(
        warning(
          'long-number-id',
          t(`此账号/编号列中的“${id.value}”是被 Excel 改成科学计数法的数字，原数字已丢失，因此不用于匹配`, `This account/ID column holds '${id.value}', a number Excel shortened to scientific notation; the digits are lost, so it is not used for matching`),
          at(column),
        ),
      );
      return undefined;
    }
    return id.value;
  }
}

/** An empty cell, or one holding a placeholder (-, --, /) for "nothing". */
export function isBlank(v: GridCell): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  const s = v.trim();
  return s === '' || s === '-' || s === '--' || s === '/';
}

function joinDescription(cells: GridCell[], columns: number[]): string | undefined {
  const parts: string[] = [];
  for (const i of columns) {
    const s = cellText(cells[i]).trim();
    if (s !== '' && s !== '/' && s !== '-' && !parts.includes(s)) parts.push(s);
  }
  return parts.length ? parts.join(' ') : undefined;
}
