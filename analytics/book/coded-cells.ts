/**
 * A column of a large table held as numbers rather than a million strings: dates as day
 * numbers, amounts as fen, ids as a number after a fixed prefix, repeated texts as codes
 * into their distinct values. A cell is made back from its number only when read.
 *
 * Why: a book of a million journal lines and a million statement lines held as row objects
 * of text is some 700 MB of the JS heap, and every full collection in a later command marks
 * all of it. pandas holds such columns as typed arrays; so do these.
 *
 * Every coding is exact: a column is coded only when each of its cells is in the one form its
 * coding gives back (`codeColumn` checks every cell), so reading a cell always returns the
 * text that was there. Anything else stays a plain array of cells.
 */
import { fromMinorUnits } from '../money/minor-units';
import { dayNumber, dayText } from './dates';
import type { Cell } from './types';

// Codes standing for a null cell and for a row without the key (an undefined cell).
const NULL = -0x80000000;
const ABSENT = -0x7fffffff;

/** The day number of 0000-01-01: a day code below it stands for a blank cell (null or absent). */
export const FIRST_DAY = -719528;

/** A coded column: its length, and each cell made on demand. */
export abstract class CodedCells {
  abstract readonly length: number;
  abstract at(k: number): Cell | undefined;
}

/** Whether a column is coded (rather than an array of cells or one shared cell). */
export function isCoded(c: unknown): c is CodedCells {
  return c instanceof CodedCells;
}

/** Dates 'YYYY-MM-DD' as days since 1970-01-01. */
export class DayCells extends CodedCells {
  private lastDay = NaN;
  private lastText = '';
  constructor(readonly days: Int32Array) {
    super();
  }
  get length(): number {
    return this.days.length;
  }
  at(k: number): Cell | undefined {
    const d = this.days[k];
    if (d === NULL) return null;
    if (d === ABSENT) return undefined;
    // Books run in date order: most reads repeat the last date.
    if (d !== this.lastDay) {
      this.lastDay = d;
      this.lastText = dayText(d);
    }
    return this.lastText;
  }
}

/** Amounts with exactly two decimals ('-1234.50') as integer fen. */
export class FenCells extends CodedCells {
  /**
   * @param fen each row's amount in fen; NaN for none
   * @param absent the rows of those without the key at all (the rest are null cells)
   */
  constructor(
    readonly fen: Float64Array,
    private readonly absent?: ReadonlySet<number>,
  ) {
    super();
  }
  get length(): number {
    return this.fen.length;
  }
  at(k: number): Cell | undefined {
    const v = this.fen[k];
    if (v !== v) return this.absent?.has(k) ? undefined : null;
    return fromMinorUnits(v);
  }
}

/**
 * Ids of one prefix and a number ('J0000001', 'bank.csv#12') as their numbers: written in a
 * fixed number of digits, or (width 0) with no leading zero.
 */
export class SerialCells extends CodedCells {
  constructor(
    readonly prefix: string,
    readonly width: number,
    readonly numbers: Float64Array,
  ) {
    super();
  }
  get length(): number {
    return this.numbers.length;
  }
  at(k: number): Cell | undefined {
    const n = this.numbers[k];
    if (n === NULL) return null;
    if (n === ABSENT) return undefined;
    return serialText(this.prefix, this.width, n);
  }
}

/**
 * The decimal digits of a serial number (a whole number under 2^53) as its text writes them:
 * most significant first, padded with zeros to `width`. Written into `out`; returns how many.
 */
export function serialDigits(n: number, width: number, out: Uint8Array): number {
  let count = 0;
  do {
    const q = Math.floor(n / 10);
    out[count++] = n - q * 10;
    n = q;
  } while (n > 0);
  while (count < width) out[count++] = 0;
  for (let x = 0, y = count - 1; x < y; x++, y--) {
    const d = out[x];
    out[x] = out[y];
    out[y] = d;
  }
  return count;
}

/** The id of a serial number: the prefix, then the number in `width` digits (0: as many as it has). */
export function serialText(prefix: string, width: number, n: number): string {
  return prefix + (width ? String(n).padStart(width, '0') : String(n));
}

/** A column of few distinct values as codes into them. */
export class DictionaryCells extends CodedCells {
  constructor(
    readonly codes: Uint16Array | Int32Array,
    readonly values: readonly (Cell | undefined)[],
  ) {
    super();
  }
  get length(): number {
    return this.codes.length;
  }
  at(k: number): Cell | undefined {
    return this.values[this.codes[k]];
  }
}

/** Most distinct values a dictionary column holds (its codes then fit two bytes). */
export const MAX_DICTIONARY = 0xffff;

/**
 * The column's cells coded, when one coding holds every cell exactly; undefined otherwise.
 * Tried in turn: dates, amounts, a dictionary of up to 4,096 values (names, accounts,
 * methods), serial ids, then a dictionary of up to {@link MAX_DICTIONARY} values.
 */
export function codeColumn(cells: ArrayLike<Cell | undefined>): CodedCells | undefined {
  const first = firstText(cells);
  if (first !== undefined) {
    if (isDateText(first)) {
      const c = codeDays(cells);
      if (c) return c;
    }
    if (fenOf(first) === fenOf(first)) {
      const c = codeFen(cells);
      if (c) return c;
    }
  }
  const few = codeDictionary(cells, 4096);
  if (few) return few;
  if (first !== undefined) {
    const c = codeSerial(cells, first);
    if (c) return c;
  }
  return codeDictionary(cells, MAX_DICTIONARY);
}

function firstText(cells: ArrayLike<Cell | undefined>): string | undefined {
  for (let k = 0; k < cells.length; k++) {
    const v = cells[k];
    if (v === null || v === undefined) continue;
    return typeof v === 'string' ? v : undefined;
  }
  return undefined;
}

function codeDays(cells: ArrayLike<Cell | undefined>): DayCells | undefined {
  const days = new Int32Array(cells.length);
  let lastText = '';
  let lastDay = 0;
  for (let k = 0; k < cells.length; k++) {
    const v = cells[k];
    if (v === null) days[k] = NULL;
    else if (v === undefined) days[k] = ABSENT;
    else if (typeof v !== 'string') return undefined;
    else if (v === lastText) days[k] = lastDay;
    else {
      if (!isDateText(v)) return undefined;
      lastText = v;
      lastDay = days[k] = dayNumber(v);
    }
  }
  return new DayCells(days);
}

function codeFen(cells: ArrayLike<Cell | undefined>): FenCells | undefined {
  const fen = new Float64Array(cells.length);
  const absent = new Set<number>();
  for (let k = 0; k < cells.length; k++) {
    const v = cells[k];
    if (v === null || v === undefined) {
      fen[k] = NaN;
      if (v === undefined) absent.add(k);
      continue;
    }
    if (typeof v !== 'string') return undefined;
    const f = fenOf(v);
    if (f !== f) return undefined;
    fen[k] = f;
  }
  return new FenCells(fen, absent.size ? absent : undefined);
}

function codeSerial(cells: ArrayLike<Cell | undefined>, first: string): SerialCells | undefined {
  let digitsFrom = first.length;
  while (digitsFrom > 0 && isDigit(first.charCodeAt(digitsFrom - 1))) digitsFrom--;
  const digits = first.length - digitsFrom;
  // Up to 15 digits: every such number is exact in a double.
  if (digits === 0 || digits > 15) return undefined;
  const prefix = first.slice(0, digitsFrom);
  // A leading zero says the ids are padded to one width; otherwise they are plain numbers.
  const width = first.charCodeAt(digitsFrom) === 48 && digits > 1 ? digits : 0;
  const numbers = new Float64Array(cells.length);
  for (let k = 0; k < cells.length; k++) {
    const v = cells[k];
    if (v === null) numbers[k] = NULL;
    else if (v === undefined) numbers[k] = ABSENT;
    else if (typeof v !== 'string' || !v.startsWith(prefix)) return undefined;
    else {
      const n = v.length - prefix.length;
      if (width ? n !== width : n < 1 || n > 15 || (n > 1 && v.charCodeAt(prefix.length) === 48)) return undefined;
      let x = 0;
      for (let i = prefix.length; i < v.length; i++) {
        const d = v.charCodeAt(i) - 48;
        if (d < 0 || d > 9) return undefined;
        x = x * 10 + d;
      }
      numbers[k] = x;
    }
  }
  return new SerialCells(prefix, width, numbers);
}

function codeDictionary(cells: ArrayLike<Cell | undefined>, most: number): DictionaryCells | undefined {
  const codeOf = new Map<Cell | undefined, number>();
  const values: (Cell | undefined)[] = [];
  const codes = new Uint16Array(cells.length);
  for (let k = 0; k < cells.length; k++) {
    const v = cells[k];
    let code = codeOf.get(v);
    if (code === undefined) {
      // Map keys tell -0 from 0 no better than ===, and NaN is its own: numbers are left plain.
      if (typeof v === 'number' || values.length === most) return undefined;
      code = values.push(v) - 1;
      codeOf.set(v, code);
    }
    codes[k] = code;
  }
  return new DictionaryCells(codes, values);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Whether the text is a calendar date written 'YYYY-MM-DD' (years 0000–9999), and nothing more. */
export function isDateText(s: string): boolean {
  return s.length === 10 && dayNumber(s) === dayNumber(s);
}

/**
 * Fen of an amount written with exactly two decimals and no needless zero ('-1234.50',
 * '0.05'; not '-0.00', '01.00' or '1.5'): the one form fromMinorUnits gives back. NaN otherwise.
 */
export function fenOf(s: string): number {
  const n = s.length;
  if (n < 4 || s.charCodeAt(n - 3) !== 46) return NaN;
  const negative = s.charCodeAt(0) === 45;
  const from = negative ? 1 : 0;
  const whole = n - 3 - from;
  // 1…13 whole digits, no leading zero but for '0' itself: at most 15 digits in all.
  if (whole < 1 || whole > 13 || (whole > 1 && s.charCodeAt(from) === 48)) return NaN;
  let v = 0;
  for (let i = from; i < n; i++) {
    if (i === n - 3) continue;
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
  }
  if (negative && v === 0) return NaN;
  return negative ? -v : v;
}

/**
 * A reader of a coded column's cells by position: one per kind of coding, so each call site
 * that reads one column sees one kind (the cells of a hundred thousand items, say).
 */
export function codedReader(c: CodedCells): (k: number) => Cell | undefined {
  if (c instanceof DayCells) return (k) => c.at(k);
  if (c instanceof SerialCells) {
    const { prefix, width, numbers } = c;
    return (k) => {
      const n = numbers[k];
      return n >= 0 ? serialText(prefix, width, n) : n === NULL ? null : undefined;
    };
  }
  if (c instanceof DictionaryCells) {
    const { codes, values } = c;
    return (k) => values[codes[k]];
  }
  return (k) => c.at(k);
}
