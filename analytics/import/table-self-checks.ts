/**
 * What a table-shaped statement says about itself, checked against its rows: a 合计
 * footer's money-in and money-out totals, and the 收入/支出 summary Alipay and WeChat put
 * above the header. A disagreement is a warning; the rows are kept as read.
 */
import { t } from '../book/types';
import { cellText } from './table-cells';
import { warning, type Problem } from '../util/problem';
import { absAmount, amountCellText, sumAmountTexts } from './amount-cells';
import type { ResolvedColumns } from './resolve-columns';
import { isBlank, type RowReader } from './table-row-reader';
import type { GridRow } from './table-cells';

const PREAMBLE_TOTAL = /(收入|支出)\s*[:：]\s*(\d+)\s*笔\s*([\d,.]+)\s*元/g;

/** A 合计 footer carrying money-in / money-out totals, checked against the rows read. */
export function checkFooterTotals(
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
          t(
            `表尾的${label === 'money-in' ? '收入' : '支出'}合计为 ${stated}，明细加总为 ${actual}`,
            `The footer gives a ${label} total of ${stated}; the rows add up to ${actual}`,
          ),
          { file, row: row.line },
        ),
      );
    }
  }
}

/** Alipay and WeChat bills state 收入：N笔 X元 / 支出：N笔 X元 above the header; checked against the rows. */
export function checkPreambleTotals(
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
          t(
            `账单抬头的汇总为${m[1]} ${m[2]} 笔 ${m[3]} 元，读到的明细为 ${values.length} 笔 ${actual} 元`,
            `The bill's summary says ${m[1]} ${m[2]} 笔 ${m[3]} 元; the rows read give ${values.length} 笔 ${actual} 元`,
          ),
          { file },
        ),
      );
    }
  }
}
