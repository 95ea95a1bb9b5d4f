/**
 * Reading single cells of a table-shaped statement: text, dates, times, currencies,
 * directions and identifiers. Cells come as text from delimited files and as typed values
 * (numbers, dates) from workbooks.
 */
import { t, type Text } from '../book/types';
import { formatInZone, serialToDate, serialToDateTime } from '../book/dates';
import { parseDate, type DayOrder, type ParsedDate } from '../book/parse-date';

export type GridCell = string | number | boolean | Date | null | undefined;

/** One row of a table-shaped file. */
export interface GridRow {
  /** 1-based line or row number in the source. */
  line: number;
  cells: GridCell[];
}

/** A cell as text ('' when empty). */
export function cellText(v: GridCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 19).replace('T', ' ');
  return String(v);
}

/**
 * A date cell: text in any layout, an Excel serial, or a host Date (read in UTC). A time
 * stamp with an offset (2024-06-03T14:30:00Z) names an instant; it is read as the wall time
 * in `timeZone`, the book's, so 14:30Z is 22:30 in Beijing.
 */
export function cellDate(v: GridCell, order: DayOrder, date1904 = false, timeZone = 'Asia/Shanghai'): ParsedDate | undefined {
  if (typeof v === 'number') {
    if (!(v > 0 && v < 2958466)) return undefined;
    const dt = serialToDateTime(v, date1904);
    const time = dt.slice(11);
    return { date: serialToDate(v, date1904), time: time === '00:00:00' ? undefined : time };
  }
  if (v instanceof Date) {
    const iso = v.toISOString();
    const time = iso.slice(11, 19);
    return { date: iso.slice(0, 10), time: time === '00:00:00' ? undefined : time };
  }
  if (typeof v !== 'string' || v === '') return undefined;
  const instant = OFFSET_STAMP.exec(v);
  if (instant) {
    const ms = Date.parse(v);
    if (Number.isNaN(ms)) return undefined;
    const wall = formatInZone(new Date(ms), timeZone);
    return { date: wall.slice(0, 10), time: wall.slice(11) };
  }
  const fast = isoDateFast(v);
  if (fast) return fast;
  // A date column saved as General by Excel holds serials such as 45292 (1925 to 2119)
  if (/^\d{5}(\.\d+)?$/.test(v) && +v >= 9133 && +v < 80000)
    return cellDate(Number(v), order, date1904);
  return parseDate(v, order);
}

const OFFSET_STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// The common 2024-05-10[ 12:00:00] layout without the general parser's work.
function isoDateFast(s: string): ParsedDate | undefined {
  const m = ISO.exec(s);
  if (!m) return undefined;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (mo < 1 || mo > 12 || d < 1 || d > (mo === 2 && !leap ? 28 : DAYS[mo - 1])) return undefined;
  const date = s.length === 10 ? s : s.slice(0, 10);
  if (m[4] === undefined) return { date };
  if (+m[4] > 23 || +m[5] > 59 || (m[6] !== undefined && +m[6] > 59)) return undefined;
  return { date, time: s.slice(11) };
}

const TIME8 = /^(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;

/** A time-of-day cell: 12:34:56, 9:07, 123456 or 0907. */
export function cellTime(v: GridCell): string | undefined {
  const s = cellText(v).trim();
  if (s.length === 8 && TIME8.test(s)) return s;
  const m = /^(\d{1,2}):?(\d{2})(?::?(\d{2}))?$/.exec(s);
  if (!m) return undefined;
  const [h, min, sec] = [Number(m[1]), Number(m[2]), m[3]];
  if (h > 23 || min > 59 || (sec !== undefined && Number(sec) > 59)) return undefined;
  return `${String(h).padStart(2, '0')}:${m[2]}${sec === undefined ? '' : ':' + sec}`;
}

const CURRENCY_NAMES: Record<string, string> = {
  人民币: 'CNY',
  RMB: 'CNY',
  '¥': 'CNY',
  '￥': 'CNY',
  元: 'CNY',
  港币: 'HKD',
  港元: 'HKD',
  美元: 'USD',
  欧元: 'EUR',
  英镑: 'GBP',
  日元: 'JPY',
};

/** ISO currency code of a cell (人民币 → CNY); undefined for an empty or placeholder cell. */
export function cellCurrency(v: GridCell): string | undefined {
  const s = cellText(v).trim();
  if (s === '' || s === '-' || s === '/' || s === '--') return undefined;
  return CURRENCY_NAMES[s] ?? CURRENCY_NAMES[s.toUpperCase()] ?? s.toUpperCase();
}

export type Direction = 'in' | 'out' | 'neutral';

const IN = new Set(['收入', '收', '贷', '贷方', '存入', '入', 'credit', 'cr', 'c', 'in', '+']);
const OUT = new Set(['支出', '支', '借', '借方', '支取', '出', 'debit', 'dr', 'd', 'out', '-']);
const NEUTRAL = new Set(['不计收支', '/', '', '其他', '中性交易']);

/** What a 收/支, 借/贷 or Credit/Debit cell says; undefined when it says something else. */
export function cellDirection(v: GridCell): Direction | undefined {
  const s = cellText(v).trim().toLowerCase();
  if (IN.has(s)) return 'in';
  if (OUT.has(s)) return 'out';
  if (NEUTRAL.has(s)) return 'neutral';
  return undefined;
}

/** Optional text: '' for empty cells. */
export function cellOptional(v: GridCell): string | undefined {
  const s = cellText(v).trim();
  return s === '' ? undefined : s;
}

/**
 * An identifier cell (account, card, order number) as text. A number with 16 or more digits
 * has already lost the digits after the 15th in Excel, so it is refused, not trusted.
 */
export function cellId(v: GridCell): { value?: string; lostDigits?: string } {
  if (typeof v === 'number') {
    if (Number.isInteger(v) && Math.abs(v) >= 1e15) return { lostDigits: BigInt(v).toString() };
    return { value: Number.isInteger(v) ? BigInt(v).toString() : String(v) };
  }
  const s = cellOptional(v);
  return { value: s };
}

/**
 * A row with more cells than its header: in a CSV this is nearly always a field with an
 * unquoted comma (`ACME Co., Ltd.`, `1,200.00`), which shifts every later cell one column
 * to the right, so the row's amount and direction cannot be trusted. Text past the header's
 * last named column always counts. Empty extra cells (exports that end each line with a
 * delimiter) are allowed up to `tolerated` cells, or one past the header, unless the row
 * shows how it was split: an amount cut at a thousands separator (`1` then `200.00`) or a
 * company suffix cut off its name (` Ltd.`).
 * The split signs are also looked for in a row longer than the file's usual rows, as when
 * every row leaves off an empty last column and the split one fills it.
 * @param widths the file's tolerated and usual row lengths (see rowWidths)
 * @param amountColumns where the row's amounts are, to spot a thousands separator split
 * @returns the message for the row, or undefined when it fits its header
 */
export function overflowingRow(cells: readonly GridCell[], headers: readonly string[], widths: RowWidths = { tolerated: headers.length, usual: headers.length }, amountColumns: readonly number[] = []): Text | undefined {
  const tolerated = widths.tolerated;
  let named = headers.length;
  while (named > 0 && headers[named - 1].trim() === '') named--;
  const widest = Math.max(tolerated, headers.length + 1);
  let reason: Text | undefined;
  for (let i = named; i < cells.length && !reason; i++) if (cellText(cells[i]) !== '') reason = t('最后一列之后还有内容', 'text past its last column');
  if (!reason && cells.length > widest) reason = t('单元格过多', 'too many cells');
  if (!reason && cells.length > Math.min(headers.length, widths.usual)) {
    const split = amountColumns.find((c) => /^-?\d{1,3}$/.test(cellText(cells[c]).trim()) && /^\d{3}(\.\d+)?$/.test(cellText(cells[c + 1]).trim()));
    if (split !== undefined) {
      const [a, b] = [cellText(cells[split]), cellText(cells[split + 1])];
      reason = t(`金额在千位分隔符处被拆开：“${a}”、“${b}”`, `an amount cut at a thousands separator ('${a}', '${b}')`);
    } else if (cells.some((v) => SPLIT_SUFFIX.test(cellText(v)))) reason = t('公司名称在逗号处被拆开', 'a company name cut at its comma');
  }
  if (!reason) return undefined;
  const compared =
    cells.length > named
      ? t(`表头只有 ${named} 列`, `the header has ${named} columns`)
      : t(`文件中的行通常只有 ${widths.usual} 个单元格`, `the file's rows usually have ${widths.usual}`);
  return t(
    `该行有 ${cells.length} 个单元格，但${compared['zh-CN']}（${reason['zh-CN']}）。某个字段里有未加引号的分隔符（如公司名称或“1,200.00”这样的金额中的逗号），使其后的各列错位。请给该字段加上引号或修正该行；此行未导入`,
    `The row has ${cells.length} cells but ${compared['en-US']} (${reason['en-US']}); a field holds an unquoted delimiter (e.g. 'Co., Ltd.' or '1,200.00'), which shifts the later cells. Quote that field or fix the row; nothing of it was imported`,
  );
}

// A cell that is nothing but what follows the comma of 'ACME Trading Co., Ltd.'.
const SPLIT_SUFFIX = /^\s*(ltd|limited|inc|llc|corp|corporation|gmbh|plc|pte|co)\.?\s*$/i;

/** How long a file's rows may be with empty extra cells, and how long they usually are. */
export interface RowWidths {
  tolerated: number;
  usual: number;
}

/**
 * A file's row lengths. `usual` is the most common length of its rows (two or more sharing
 * it, no tie), else the header's. `tolerated` is how many cells a row may have when the
 * extra ones are empty: the header's count, or the usual length when that is longer (some
 * exports, ICBC's among them, end each line with a delimiter the header lacks).
 */
export function rowWidths(rows: readonly { cells: readonly GridCell[] }[], headers: readonly string[]): RowWidths {
  const counts = new Map<number, number>();
  for (const r of rows) if (r.cells.length > 1) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
  let best = headers.length;
  let bestCount = 0;
  let tie = false;
  for (const [width, count] of counts) {
    if (count > bestCount) [best, bestCount, tie] = [width, count, false];
    else if (count === bestCount) tie = true;
  }
  const usual = bestCount >= 2 && !tie ? best : headers.length;
  return { usual, tolerated: Math.max(usual, headers.length) };
}
