/**
 * Read a table-shaped statement (CSV/TSV/TXT rows, or a worksheet's cells) into statement
 * lines. Steps: find the header row by its names, pick the preset (detected or chosen) and
 * lay the user's mapping over it, take the column-level decisions (decimal mark, day
 * order), then read each row. Rows whose money never moved (closed trades, neutral wallet
 * transfers) and footer lines are skipped and listed; a row that cannot be read is
 * rejected with its line and column; nothing is guessed per row.
 */
import { t } from '../book/types';
import { problem, warning, type Problem } from '../util/problem';
import type { DayOrder } from '../book/parse-date';
import { cellText, rowWidths, type GridRow } from './table-cells';
import { detectDayOrder, detectDecimalMark } from './column-habits';
import { detectPreset, presetByName, type StatementPreset } from './presets';
import { findHeaderRow, resolveColumns, type ResolvedColumns } from './resolve-columns';
import { RowReader } from './table-row-reader';
import { checkFooterTotals, checkPreambleTotals } from './table-self-checks';
import type { ColumnMapping, ReadStatementOptions, StatementReadResult } from './types';
import { appendAll } from '../util/append-all';

export type { GridRow } from './table-cells';

export interface ReadTableOptions extends ReadStatementOptions {
  format: 'csv' | 'xlsx';
  encoding?: string;
  /** The file's delimiter; a `;` file with no telling amount is read with a decimal comma. */
  delimiter?: string;
  date1904?: boolean;
}

/** Most data rows read from one file unless Settings `import.maxRows` says otherwise. */
export const DEFAULT_MAX_ROWS = 1_000_000;
const FOOTER = /合计|总计|小计|共计|汇总|统计|total|summary|笔数|导出|结束|end of|^[-=*_]{3,}/i;

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
        t(
          '前 300 行中找不到同时含有日期列和金额列的表头行',
          'No header row with a date and an amount column was found in the first 300 lines',
        ),
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
        t(
          `文件有 ${body.length} 行数据，上限为 ${maxRows} 行。请拆分文件，或调高 import.maxRows。`,
          `The file has ${body.length} data rows; the limit is ${maxRows}. Split the file or raise import.maxRows.`,
        ),
        { file },
      ),
    );
  }
  const decisions = decideColumns(body, columns, headers, mapping, options, file);
  appendAll(result.problems, decisions.problems);

  // Step 4: rows
  const reader = new RowReader(
    file,
    headers,
    columns,
    mapping,
    decisions.mark,
    decisions.order,
    options.date1904 ?? false,
    options.timeZone,
    rowWidths(body, headers),
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
  appendAll(result.problems, reader.problems);

  // Step 5: rows with no date: footers after the last dated row (or named like one), else rejected
  for (const r of undated) {
    const row = body[r];
    const joined = row.cells.map(cellText).join(' ').trim();
    if (r > lastDated || FOOTER.test(joined)) {
      result.skipped.push(
        warning(
          'footer-line',
          t(
            `已跳过表尾或汇总行：“${joined.slice(0, 80)}”`,
            `Footer or summary line skipped: '${joined.slice(0, 80)}'`,
          ),
          {
            file,
            row: row.line,
          },
        ),
      );
      checkFooterTotals(row, reader, columns, decisions.mark, file, result.problems);
    } else {
      const value = cellText(row.cells[columns.date!]);
      result.problems.push(
        problem('bad-date', t(`“${value}”不是日期`, `'${value}' is not a date`), {
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
        t(
          '此文件似乎被 Excel 另存过，时间缺少秒，重复判断按分钟精度进行',
          'This file looks re-saved by Excel; seconds are missing, so duplicate matching uses minute precision',
        ),
        { file },
      ),
    );
  }
  if (reader.shortRows.length) {
    result.problems.push(
      warning(
        'short-rows',
        t(
          `有 ${reader.shortRows.length} 行的单元格少于表头的 ${headers.length} 列，缺少的单元格按空值读取：第 ${reader.shortRows.slice(0, 10).join('、')} 行`,
          `${reader.shortRows.length} row(s) have fewer cells than the header (${headers.length}); the missing cells are read as empty: rows ${reader.shortRows.slice(0, 10).join(', ')}`,
        ),
        { file },
      ),
    );
  }
  if (reader.badBalances.length) {
    result.problems.push(
      warning(
        'bad-balance',
        t(
          `有 ${reader.badBalances.length} 个余额单元格不是金额（如“${reader.badBalances[0]}”），这些行的余额留空`,
          `${reader.badBalances.length} balance cell(s) are not amounts (e.g. '${reader.badBalances[0]}'); running balances there are left empty`,
        ),
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
  if (!builtIn)
    return {
      problem: problem(
        'unknown-preset',
        t(`未知的导入预设“${options.preset}”`, `Unknown preset '${options.preset}'`),
      ),
    };
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
          t(
            `金额列同时用了“.”和“,”作小数点，已按“${d.mark}”读取。如有误，请在映射中指定小数点。`,
            `The amount column mixes '.' and ',' as decimal marks; read with '${d.mark}'. Set the decimal mark in the mapping if this is wrong.`,
          ),
          { file, column },
        ),
      );
    if (d.basis === 'default' && values.some((v) => /\d[.,]\d{3}(?!\d)/.test(v))) {
      problems.push(
        warning(
          'ambiguous-decimal-mark',
          t(
            `像“${values.find((v) => /\d[.,]\d{3}(?!\d)/.test(v))}”这样的金额，两种小数点都说得通，已按“${d.mark}”读取。如有误，请在映射中指定小数点。`,
            `Amounts such as '${values.find((v) => /\d[.,]\d{3}(?!\d)/.test(v))}' could use either decimal mark; read with '${d.mark}'. Set the decimal mark in the mapping if this is wrong.`,
          ),
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
        t(
          `像“${dateValues.find((v) => /^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}/.test(v))}”这样的日期，可能是日在前，也可能是月在前，已按${order === 'dmy' ? '日在前' : '月在前'}读取。如有误，请在映射中指定日月顺序。`,
          `Dates such as '${dateValues.find((v) => /^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}/.test(v))}' could be day-first or month-first; read as ${order === 'dmy' ? 'day-first' : 'month-first'}. Set the day order in the mapping if this is wrong.`,
        ),
        { file, column: headers[columns.date!] },
      ),
    );
  }
  return { mark, order, problems };
}
