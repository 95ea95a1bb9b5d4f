/**
 * Read a table-shaped statement (CSV/TSV/TXT rows, or a worksheet's cells) into statement
 * lines. Steps: find the header row by its names, pick the preset (detected or chosen) and
 * lay the user's mapping over it, take the column-level decisions (decimal mark, day
 * order), then read each row. Rows whose money never moved (closed trades, neutral wallet
 * transfers) and footer lines are skipped and listed; a row that cannot be read is
 * rejected with its line and column; nothing is guessed per row.
 */
import { problem, warning, type Problem } from '../util/problem';
import type { DayOrder } from '../book/parse-date';
import {
  absAmount,
  amountCellText,
  negateAmount,
  subtractAmounts,
  sumAmountTexts,
} from './amount-cells';
import { detectDayOrder, detectDecimalMark } from './column-habits';
import { detectPreset, presetByName, type StatementPreset } from './presets';
import { findHeaderRow, resolveColumns, type ResolvedColumns } from './resolve-columns';
import {
  cellCurrency,
  cellDate,
  cellDirection,
  cellId,
  cellOptional,
  cellText,
  cellTime,
  type GridCell,
} from './table-cells';
import type { ColumnMapping, ParsedLine, ReadStatementOptions, StatementReadResult } from './types';

export interface GridRow {
  /** 1-based line or row number in the source. */
  line: number;
  cells: GridCell[];
}

export interface ReadTableOptions extends ReadStatementOptions {
  format: 'csv' | 'xlsx';
  encoding?: string;
  /** The file's delimiter; a `;` file with no telling amount is read with a decimal comma. */
  delimiter?: string;
  date1904?: boolean;
}

export const DEFAULT_MAX_ROWS = 1_000_000;
const CLOSED = /关闭|失败|撤销|closed|failed|cancel+ed|declined|reversed/i;
const FOOTER = /合计|总计|小计|共计|汇总|统计|total|summary|笔数|导出|结束|end of|^[-=*_]{3,}/i;
const OPENING = /期初|上期结余|承前页|opening balance|brought forward/i;
const CLOSING = /期末|本期结余|closing balance|carried forward/i;
const PREAMBLE_TOTAL = /(收入|支出)\s*[:：]\s*(\d+)\s*笔\s*([\d,.]+)\s*元/g;

/**
 * Read the rows of a table-shaped statement.
 * @param rows the file's rows, header and preamble included
 * @param file the file name, for problems and Source
 * @param options preset, mapping, limits
 * @returns lines, skipped rows and problems
 */
export function readStatementTable(
  rows: readonly GridRow[],
  file: string,
  options: ReadTableOptions,
): StatementReadResult {
  const result: StatementReadResult = {
    file,
    format: options.format,
    encoding: options.encoding,
    lines: [],
    balances: [],
    rowsRead: 0,
    skipped: [],
    problems: [],
  };

  // Step 1: preset and mapping (a saved preset brings its own mapping)
  const chosen = choosePreset(options);
  if ('problem' in chosen) return fileProblem(result, chosen.problem);
  const userMapping: ColumnMapping = { ...chosen.mapping, ...options.mapping };

  // Step 2: header row by its names
  const headerIndex = findHeaderRow(rows, userMapping);
  if (headerIndex < 0) {
    return fileProblem(
      result,
      problem(
        'no-header-row',
        'No header row with a date and an amount column was found in the first 300 lines',
        { file },
      ),
    );
  }
  const headers = rows[headerIndex].cells.map((c) => cellText(c).trim());
  const preamble = rows
    .slice(0, headerIndex)
    .map((r) => r.cells.map(cellText).join(' '))
    .join('\n');
  const preset = chosen.preset ?? detectPreset(headers, preamble);
  const mapping: ColumnMapping = { ...preset.options, ...userMapping };
  result.preset = chosen.name ?? preset.name;
  const { columns, problems } = resolveColumns(headers, preset, mapping, file);
  result.columns = describeColumns(headers, columns);
  if (problems.length) return { ...result, problems };

  // Step 3: limits and column-level decisions
  const body = rows.slice(headerIndex + 1);
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  if (body.length > maxRows) {
    return fileProblem(
      result,
      problem(
        'too-many-rows',
        `The file has ${body.length} data rows; the limit is ${maxRows}. Split the file or raise import.maxRows.`,
        { file },
      ),
    );
  }
  const decisions = decideColumns(body, columns, headers, mapping, options, file);
  result.problems.push(...decisions.problems);

  // Step 4: rows
  const reader = new RowReader(
    file,
    headers,
    columns,
    mapping,
    decisions.mark,
    decisions.order,
    options.date1904 ?? false,
  );
  const undated: number[] = [];
  let lastDated = -1;
  for (let r = 0; r < body.length; r++) {
    const outcome = reader.read(body[r]);
    if (outcome === 'undated') undated.push(r);
    else lastDated = r;
  }
  result.lines = reader.lines;
  if (reader.stated.opening && reader.stated.closing) {
    result.balances.push({
      statement: 0,
      opening: { amount: reader.stated.opening },
      closing: { amount: reader.stated.closing },
    });
  }
  result.skipped = reader.skipped;
  result.problems.push(...reader.problems);

  // Step 5: rows with no date: footers after the last dated row (or named like one), else rejected
  for (const r of undated) {
    const row = body[r];
    const joined = row.cells.map(cellText).join(' ').trim();
    if (r > lastDated || FOOTER.test(joined)) {
      result.skipped.push(
        warning('footer-line', `Footer or summary line skipped: '${joined.slice(0, 80)}'`, {
          file,
          row: row.line,
        }),
      );
      checkFooterTotals(row, reader, columns, decisions.mark, file, result.problems);
    } else {
      const value = cellText(row.cells[columns.date!]);
      result.problems.push(
        problem('bad-date', `'${value}' is not a date`, {
          file,
          row: row.line,
          column: headers[columns.date!],
        }),
      );
    }
  }
  result.rowsRead =
    result.lines.length +
    result.skipped.filter((p) => p.code !== 'footer-line').length +
    result.problems.filter((p) => p.severity === 'error' && p.row !== undefined).length;

  // Step 6: what the file says about itself
  if (preset.preambleTotals) checkPreambleTotals(preamble, reader, file, result.problems);
  if (preset.name === 'alipay' && reader.timesWithoutSeconds > 0) {
    result.problems.push(
      warning(
        'resaved-by-excel',
        'This file looks re-saved by Excel; seconds are missing, so duplicate matching uses minute precision',
        { file },
      ),
    );
  }
  if (reader.shortRows.length) {
    result.problems.push(
      warning(
        'short-rows',
        `${reader.shortRows.length} row(s) have fewer cells than the header (${headers.length}); the missing cells are read as empty: rows ${reader.shortRows.slice(0, 10).join(', ')}`,
        { file },
      ),
    );
  }
  if (reader.badBalances.length) {
    result.problems.push(
      warning(
        'bad-balance',
        `${reader.badBalances.length} balance cell(s) are not amounts (e.g. '${reader.badBalances[0]}'); running balances there are left empty`,
        { file, column: headers[columns.balance!] },
      ),
    );
  }
  return result;
}

function choosePreset(
  options: ReadTableOptions,
): { preset?: StatementPreset; name?: string; mapping: ColumnMapping } | { problem: Problem } {
  if (!options.preset) return { mapping: {} };
  const saved = options.savedPresets?.[options.preset];
  if (saved) {
    const base = saved.base ? presetByName(saved.base) : undefined;
    return {
      preset: base ?? presetByName('generic'),
      name: options.preset,
      mapping: saved.mapping,
    };
  }
  const builtIn = presetByName(options.preset);
  if (!builtIn) return { problem: problem('unknown-preset', `Unknown preset '${options.preset}'`) };
  return { preset: builtIn, mapping: {} };
}

function fileProblem(result: StatementReadResult, p: Problem): StatementReadResult {
  return { ...result, problems: [...result.problems, { ...p, file: result.file }] };
}

function describeColumns(headers: string[], columns: ResolvedColumns): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, idx] of Object.entries(columns)) {
    for (const i of Array.isArray(idx) ? idx : [idx]) out[headers[i as number]] = field;
  }
  return out;
}

function decideColumns(
  body: readonly GridRow[],
  columns: ResolvedColumns,
  headers: string[],
  mapping: ColumnMapping,
  options: ReadTableOptions,
  file: string,
) {
  const problems: Problem[] = [];
  const amountCols = [columns.amount, columns.inflow, columns.outflow].filter(
    (c): c is number => c !== undefined,
  );
  let mark: '.' | ',' = mapping.decimalMark === ',' ? ',' : '.';
  if (!mapping.decimalMark || mapping.decimalMark === 'auto') {
    const values: string[] = [];
    for (const r of body) {
      for (const c of amountCols) {
        const v = r.cells[c];
        if (typeof v === 'string') values.push(v);
      }
    }
    const fallback = options.delimiter === ';' ? ',' : '.';
    const d = detectDecimalMark(values, fallback);
    mark = d.mark;
    const column = headers[amountCols[0]];
    if (d.basis === 'conflict')
      problems.push(
        warning(
          'mixed-decimal-marks',
          `The amount column mixes '.' and ',' as decimal marks; read with '${d.mark}'. Set the decimal mark in the mapping if this is wrong.`,
          { file, column },
        ),
      );
    if (d.basis === 'default' && values.some((v) => /\d[.,]\d{3}(?!\d)/.test(v))) {
      problems.push(
        warning(
          'ambiguous-decimal-mark',
          `Amounts such as '${values.find((v) => /\d[.,]\d{3}(?!\d)/.test(v))}' could use either decimal mark; read with '${d.mark}'. Set the decimal mark in the mapping if this is wrong.`,
          { file, column },
        ),
      );
    }
  }
  const dateValues: string[] = [];
  for (const r of body) {
    const v = r.cells[columns.date!];
    if (typeof v === 'string') dateValues.push(v);
  }
  const od = detectDayOrder(dateValues, mapping.dayOrder ?? 'dmy');
  const order: DayOrder = mapping.dayOrder && od.basis !== 'evidence' ? mapping.dayOrder : od.order;
  if (!mapping.dayOrder && (od.basis === 'default' || od.basis === 'conflict')) {
    problems.push(
      warning(
        'ambiguous-day-order',
        `Dates such as '${dateValues.find((v) => /^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}/.test(v))}' could be day-first or month-first; read as ${order === 'dmy' ? 'day-first' : 'month-first'}. Set the day order in the mapping if this is wrong.`,
        { file, column: headers[columns.date!] },
      ),
    );
  }
  return { mark, order, problems };
}

/** Reads one row at a time and keeps what it found; the hot loop of a large import. */
class RowReader {
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
  ) {}

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
    const parsed = cellDate(cells[c.date!], this.order, this.date1904);
    if (!parsed) return 'undated';
    if (cells.length < this.headers.length && cells.length > 1) this.shortRows.push(row.line);

    // Rows where no money moved
    if (c.status !== undefined) {
      const status = cellText(cells[c.status]);
      if (CLOSED.test(status)) {
        this.skipped.push(
          warning(
            'closed-row',
            `Skipped: status '${status}' means the money did not move`,
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
            `'${cellText(cells[c.direction])}' is not a direction such as 收入/支出 or Credit/Debit`,
            at(c.direction),
          ),
        );
        return 'done';
      }
      if (direction === 'neutral') {
        this.skipped.push(
          warning(
            'neutral-row',
            `Skipped: '${cellText(cells[c.direction]) || '(empty)'}' marks a transfer that is neither income nor expense`,
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
      line.valueDate = cellDate(cells[c.valueDate], this.order, this.date1904)?.date;
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
        `${kind === 'opening' ? 'Opening' : 'Closing'} balance line${balance ? ` (${balance})` : ''} kept for the balance check, not imported`,
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
            'Both the money-in and the money-out cells are empty',
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
            ? `The row has ${cells.length} cells but the header has ${this.headers.length}; the amount is missing`
            : 'The amount cell is empty',
          at(column),
        ),
      );
      return undefined;
    }
    const value = amountCellText(typeof raw === 'number' ? raw : cellText(raw), this.mark);
    if (value === undefined)
      this.problems.push(problem('bad-amount', `'${cellText(raw)}' is not an amount`, at(column)));
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
          `This account/ID column holds the number ${id.lostDigits} with 16 or more digits; the digits after the 15th may be lost, so it is not used for matching`,
          at(column),
        ),
      );
    }
    return id.value;
  }
}

function isBlank(v: GridCell): boolean {
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

// A 合计 footer carrying money-in / money-out totals is checked against the rows read.
function checkFooterTotals(
  row: GridRow,
  reader: RowReader,
  c: ResolvedColumns,
  mark: '.' | ',',
  file: string,
  problems: Problem[],
): void {
  const joined = row.cells.map(cellText).join(' ');
  if (!/合计|总计|total/i.test(joined)) return;
  const pairs: [number | undefined, string[], string][] = [
    [c.inflow, reader.inflows, 'money-in'],
    [c.outflow, reader.outflows, 'money-out'],
  ];
  for (const [col, values, label] of pairs) {
    if (col === undefined || isBlank(row.cells[col])) continue;
    const stated = amountCellText(cellText(row.cells[col]), mark);
    const actual = sumAmountTexts(values);
    if (stated !== undefined && absAmount(stated) !== actual) {
      problems.push(
        warning(
          'footer-total-mismatch',
          `The footer gives a ${label} total of ${stated}; the rows add up to ${actual}`,
          { file, row: row.line },
        ),
      );
    }
  }
}

// Alipay and WeChat bills state 收入：N笔 X元 / 支出：N笔 X元 above the header.
function checkPreambleTotals(
  preamble: string,
  reader: RowReader,
  file: string,
  problems: Problem[],
): void {
  for (const m of preamble.matchAll(PREAMBLE_TOTAL)) {
    const values = m[1] === '收入' ? reader.inflows : reader.outflows;
    const stated = amountCellText(m[3].replace(/,/g, ''), '.');
    const actual = sumAmountTexts(values);
    if (Number(m[2]) !== values.length || stated !== actual) {
      problems.push(
        warning(
          'preamble-total-mismatch',
          `The bill's summary says ${m[1]} ${m[2]} 笔 ${m[3]} 元; the rows read give ${values.length} 笔 ${actual} 元`,
          { file },
        ),
      );
    }
  }
}
