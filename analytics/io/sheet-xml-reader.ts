/**
 * Scan SpreadsheetML parts as text streams: shared strings, the date-ness of each cell
 * style, and the rows of a worksheet with each cell flattened the way `flattenExcelValue`
 * flattens what ExcelJS hands back (text, number, boolean, Date for date-formatted numbers,
 * formula results, errors). The scanner looks only at `<row>`, `<c>`, `<v>`, `<f>`, `<is>`
 * and `<t>`, which is all the cell data a sheet holds; it keeps at most one chunk plus one
 * unfinished row in memory.
 */
import { StringDecoder } from 'node:string_decoder';
import type { FlatValue } from './excel-value';
import { columnIndex, unescapeXml } from './xml-text';

/** Excel's built-in number formats that show dates or times. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** For each cellXfs index, whether its number format shows a date (ExcelJS's own test). */
export function dateStylesOf(stylesXml: string): boolean[] {
  return stylesWhere(stylesXml, isDateFormat, BUILTIN_DATE_FORMATS);
}

/** For each cellXfs index, whether its number format shows money: two decimals, thousands grouped. */
export function amountStylesOf(stylesXml: string): boolean[] {
  return stylesWhere(stylesXml, (code) => /^#,##0\.00(;|$)/.test(code), new Set([4]));
}

// For each cellXfs index, whether its number format passes `test` (custom formats) or is
// one of `builtin` (Excel's own numbered formats).
function stylesWhere(stylesXml: string, test: (code: string) => boolean, builtin: ReadonlySet<number>): boolean[] {
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b[^>]*?numFmtId="(\d+)"[^>]*?formatCode="([^"]*)"/g)) custom.set(Number(m[1]), unescapeXml(m[2]));
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[1] ?? '';
  const result: boolean[] = [];
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b([^>]*)/g)) {
    const id = Number(/\bnumFmtId="(\d+)"/.exec(m[1])?.[1] ?? 0);
    const code = custom.get(id);
    result.push(code !== undefined ? test(code) : builtin.has(id));
  }
  return result;
}

function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Split a text stream into complete elements named `tag` (with an optional namespace prefix). */
async function* elements(chunks: AsyncIterable<Buffer>, tag: string, prefixHint: RegExp): AsyncGenerator<string[]> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let close: string | undefined;
  for await (const chunk of chunks) {
    carry += decoder.write(chunk);
    if (close === undefined) {
      const m = prefixHint.exec(carry);
      if (!m) continue;
      close = `</${m[1] ?? ''}${tag}>`;
    }
    const cut = carry.lastIndexOf(close);
    if (cut < 0) continue;
    const end = cut + close.length;
    yield [carry.slice(0, end), close];
    carry = carry.slice(end);
  }
  carry += decoder.end();
  if (close !== undefined && carry) yield [carry, close];
}

/** Read the shared string table: each `<si>`'s text runs joined, phonetic runs left out. */
export async function readSharedStrings(chunks: AsyncIterable<Buffer>): Promise<string[]> {
  const strings: string[] = [];
  for await (const [text, close] of elements(chunks, 'si', /<(\w+:)?si[\s>]/)) {
    const prefix = close.slice(2, -3);
    const re = new RegExp(`<${prefix}si\\b[^>]*?(?:/>|>([\\s\\S]*?)</${prefix}si>)`, 'g');
    for (const m of text.matchAll(re)) strings.push(ownCopy(runsText(m[1] ?? '', prefix)));
  }
  return strings;
}

const runPatterns = new Map<string, RegExp>();

function runsText(inner: string, prefix: string): string {
  const body = inner.includes('rPh') ? inner.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '') : inner;
  let re = runPatterns.get(prefix);
  if (!re) runPatterns.set(prefix, (re = new RegExp(`<${prefix}t\\b[^>]*?(?:/>|>([^<]*)</${prefix}t>)`, 'g')));
  let out = '';
  re.lastIndex = 0;
  for (const m of body.matchAll(re)) out += m[1] ?? '';
  return unescapeXml(out);
}

export interface SheetReadOptions {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  /** When given, numbers in money-formatted cells are marked (reading result sheets back). */
  amountStyles?: readonly boolean[];
  date1904: boolean;
}

/** A cell as read, before any column typing. */
export interface SheetCell extends FlatValue {
  /** The value is a number in a date-formatted cell (ExcelJS would hand back a Date). */
  dateStyled?: boolean;
  /** The value is a number in a money-formatted cell (only when `amountStyles` is given). */
  amountStyled?: boolean;
}

export interface SheetRow {
  /** 1-based row number. */
  number: number;
  /** Cells by 1-based column index; holes where the sheet has no cell. */
  cells: (SheetCell | undefined)[];
}

interface Patterns {
  prefix: string;
  row: RegExp;
  cell: RegExp;
  value: RegExp;
  text: RegExp;
}

/** Stream a worksheet's rows in order. */
export async function* readSheetRows(chunks: AsyncIterable<Buffer>, options: SheetReadOptions): AsyncGenerator<SheetRow> {
  let last = 0;
  let re: Patterns | undefined;
  for await (const [text, close] of elements(chunks, 'row', /<(\w+:)?sheetData[\s>]/)) {
    if (!re) re = patterns(close.slice(2, -4));
    re.row.lastIndex = 0;
    for (let m = re.row.exec(text); m; m = re.row.exec(text)) {
      const r = attr(m[1], 'r');
      const n = r === undefined ? last + 1 : Number(r);
      last = n;
      yield { number: n, cells: m[2] ? readCells(m[2], re, options) : [] };
    }
  }
}

function patterns(prefix: string): Patterns {
  return {
    prefix,
    row: new RegExp(`<${prefix}row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${prefix}row>)`, 'g'),
    cell: new RegExp(`<${prefix}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${prefix}c>)`, 'g'),
    value: new RegExp(`<${prefix}v>([^<]*)</${prefix}v>`),
    text: new RegExp(`<${prefix}t\\b[^>]*?(?:/>|>([^<]*)</${prefix}t>)`, 'g'),
  };
}

/** An attribute's value; attributes are separated by white space. */
function attr(attrs: string, name: string): string | undefined {
  let at = attrs.indexOf(` ${name}="`);
  if (at < 0 && /[\t\n\r]/.test(attrs)) at = attrs.search(new RegExp(`\\s${name}="`));
  if (at < 0) return undefined;
  const from = at + name.length + 3;
  return attrs.slice(from, attrs.indexOf('"', from));
}

function readCells(rowXml: string, re: Patterns, options: SheetReadOptions): (SheetCell | undefined)[] {
  const cells: (SheetCell | undefined)[] = [];
  let col = 0;
  re.cell.lastIndex = 0;
  for (let m = re.cell.exec(rowXml); m; m = re.cell.exec(rowXml)) {
    const attrs = m[1];
    const ref = attr(attrs, 'r');
    col = ref ? columnIndex(ref) : col + 1;
    cells[col] = readCell(attrs, m[2] ?? '', re, options);
  }
  return cells;
}

function readCell(attrs: string, inner: string, re: Patterns, options: SheetReadOptions): SheetCell {
  const type = attr(attrs, 't') ?? 'n';
  if (type === 'inlineStr') return { value: ownCopy(inlineText(inner, re)) };
  const v = inner.indexOf(`<${re.prefix}v`) >= 0 ? re.value.exec(inner)?.[1] : undefined;
  if (v === undefined) return inner.indexOf(`<${re.prefix}f`) >= 0 ? { value: null, missingFormulaResult: true } : { value: null };
  switch (type) {
    case 's':
      return { value: options.sharedStrings[Number(v)] ?? null };
    case 'str':
      return { value: ownCopy(unescapeXml(v)) };
    case 'b':
      return { value: Number(v) !== 0 };
    case 'e':
      return { value: null, error: unescapeXml(v) };
    case 'd': {
      const d = new Date(v);
      return { value: Number.isNaN(d.getTime()) ? v : d };
    }
    default: {
      const n = parseFloat(v);
      const s = attr(attrs, 's');
      if (s !== undefined && options.dateStyles[Number(s)] && Number.isFinite(n)) return { value: n, dateStyled: true };
      if (s !== undefined && options.amountStyles?.[Number(s)]) return { value: n, amountStyled: true };
      return { value: n };
    }
  }
}

/** The text of an inline string: one `<t>`, or the runs of rich text joined. */
function inlineText(inner: string, re: Patterns): string {
  const open = `<${re.prefix}t`;
  const first = inner.indexOf(open);
  if (first < 0) return '';
  const close = `</${re.prefix}t>`;
  const end = inner.indexOf(close, first);
  const gt = inner.indexOf('>', first);
  // One plain run is the common case: slice it out without a regular expression.
  if (end >= 0 && gt < end && inner.indexOf(open, end) < 0 && inner[gt - 1] !== '/') return unescapeXml(inner.slice(gt + 1, end));
  return runsText(inner, re.prefix);
}

/** Turn a date-styled number into the Date ExcelJS would give (its own conversion). */
export function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/**
 * A substring of a big chunk keeps the whole chunk alive in V8; values we keep get their own copy.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
