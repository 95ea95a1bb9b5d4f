/**
 * Voucher number gaps and reuse (case R5). A voucher number such as '记-0012', '记字第12号'
 * or '收-0003A' is read as (type, number, suffix); sequences are keyed by the entry's month,
 * the type and the suffix, and numbers compare as integers, so '记-9' is 9 and sorts
 * before '记-0010'.
 * - voucher-gap: a run of numbers missing between the lowest and highest number of a
 *   sequence (from the lowest, so a journal adopted mid-month does not invent gaps).
 * - voucher-reuse: one (month, type, number, suffix) on entries written differently
 *   ('记-9' and '记-0009') or dated differently. Several lines of one voucher, written
 *   alike on one day, are a normal multi-line voucher.
 */
import { t } from '../../book/types';
import type { AnomalyFinding, RiskInput, RiskRule } from '../types';

export interface VoucherNumber {
  type: string;
  number: number;
  suffix: string;
  /** Digits as written, for the padding width of reports. */
  width: number;
}

const VOUCHER = /^\s*([^\d\s\-－—_#]*?)\s*字?\s*[-－—_#]?\s*第?\s*(\d+)\s*号?\s*([A-Za-z]*)\s*$/;

/**
 * Read a voucher number.
 * @returns the parts, or undefined when the text holds no number
 * @example parseVoucher('记-0010A') // { type: '记', number: 10, suffix: 'A', width: 4 }
 */
export function parseVoucher(value: string): VoucherNumber | undefined {
  const m = VOUCHER.exec(value.normalize('NFKC'));
  if (!m) return undefined;
  return {
    type: m[1].replace(/字$/, ''),
    number: Number(m[2]),
    suffix: m[3].toUpperCase(),
    width: m[2].length,
  };
}

export const voucherGapRule: RiskRule = {
  id: 'voucher-gap',
  title: t('凭证号断号', 'Voucher number gap'),
  settings: [],
  detect: (input) => detectVouchers(input).filter((f) => f.rule === 'voucher-gap'),
};

export const voucherReuseRule: RiskRule = {
  id: 'voucher-reuse',
  title: t('凭证号重复使用', 'Voucher number reused'),
  settings: [],
  detect: (input) => detectVouchers(input).filter((f) => f.rule === 'voucher-reuse'),
};

interface Sequence {
  month: string;
  type: string;
  suffix: string;
  width: number;
  /** Rows in the sequence; sorted by number before reporting. */
  rows: number[];
}

const memo = new WeakMap<RiskInput, AnomalyFinding[]>();

function detectVouchers(input: RiskInput): AnomalyFinding[] {
  const cached = memo.get(input);
  if (cached) return cached;
  const out: AnomalyFinding[] = [];
  const { sequences, numbers } = collectSequences(input);
  for (const seq of sequences) {
    const rows = Int32Array.from(seq.rows).sort();
    // stable sort by number through a packed key (number, row): one typed-array sort, no comparator
    const keys = new Float64Array(rows.length);
    for (let k = 0; k < rows.length; k++) keys[k] = numbers[rows[k]] * 2 ** 24 + k;
    keys.sort();
    const sorted = Array.from(keys, (key) => rows[key % 2 ** 24]);
    // runs of rows sharing one number, in number order; rows are copied out only to report
    let from = 0;
    let previousFrom = -1;
    for (let k = 1; k <= sorted.length; k++) {
      if (k < sorted.length && numbers[sorted[k]] === numbers[sorted[from]]) continue;
      if (previousFrom >= 0 && numbers[sorted[from]] - numbers[sorted[previousFrom]] > 1) {
        reportGap(
          input,
          seq,
          numbers,
          sorted.slice(previousFrom, from),
          sorted.slice(from, k),
          out,
        );
      }
      if (k - from > 1) reportReuse(input, seq, numbers[sorted[from]], sorted.slice(from, k), out);
      previousFrom = from;
      from = k;
    }
  }
  memo.set(input, out);
  return out;
}

/** One pass: each row's number and its sequence; texts and months are parsed once each. */
/**
 * The text with its one run of ASCII digits replaced by '#', with that number and its
 * width; undefined when the text has no digits, more than one run, or any character
 * outside printable ASCII, CJK ideographs and '—' (NFKC could change how such a text
 * reads: full-width digits, superscripts), so parseVoucher must read it itself.
 * @example shapeOf('记-0012') // { shape: '记-#', number: 12, width: 4 }
 */
export function shapeOf(text: string): { shape: string; number: number; width: number } | undefined {
  let start = -1;
  let end = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (start < 0) start = i;
      else if (end >= 0) return undefined; // a second run
    } else {
      if (!((c >= 0x20 && c <= 0x7e) || (c >= 0x4e00 && c <= 0x9fff) || c === 0x2014)) return undefined;
      if (start >= 0 && end < 0) end = i;
    }
  }
  if (start < 0) return undefined;
  if (end < 0) end = text.length;
  // Past 15 digits a number is not exact in a double: let the parser decide.
  if (end - start > 15) return undefined;
  return { shape: `${text.slice(0, start)}#${text.slice(end)}`, number: Number(text.slice(start, end)), width: end - start };
}

function collectSequences(input: RiskInput): { sequences: Sequence[]; numbers: Int32Array } {
  const { journal } = input;
  const numbers = new Int32Array(journal.n);
  const parsed = new Map<string, { v: VoucherNumber; key: string; byMonth: Sequence[] } | null>();
  // month slot of each day, so the per-row work is one string lookup and array reads
  let minDay = Infinity;
  for (let i = 0; i < journal.n; i++) if (journal.day[i] < minDay) minDay = journal.day[i];
  const monthSlot: number[] = [];
  const monthNames: string[] = [];
  const slotOf = new Map<string, number>();
  const bySlot: Map<string, Sequence>[] = [];
  const sequences: Sequence[] = [];
  for (let i = 0; i < journal.n; i++) {
    const text = journal.voucher(i);
    if (text === '') continue;
    // Vouchers of one book share a few shapes ('记-#######'): parse each shape once and
    // read the number straight from the digits.
    const shape = shapeOf(text);
    const cacheKey = shape ? shape.shape : text;
    let p = parsed.get(cacheKey);
    if (p === undefined) {
      const v = parseVoucher(text);
      p = v ? { v, key: `${v.type}|${v.suffix}`, byMonth: [] } : null;
      if (shape || parsed.size < 10_000) parsed.set(cacheKey, p);
    }
    if (!p) continue;
    const number = shape ? shape.number : p.v.number;
    const width = shape ? shape.width : p.v.width;
    const d = journal.day[i] - minDay;
    let slot = monthSlot[d];
    if (slot === undefined) {
      const month = journal.date(i).slice(0, 7);
      slot = slotOf.get(month) ?? monthNames.push(month) - 1;
      slotOf.set(month, slot);
      monthSlot[d] = slot;
    }
    let seq: Sequence | undefined = p.byMonth[slot];
    if (!seq) {
      const inMonth = (bySlot[slot] ??= new Map());
      seq = inMonth.get(p.key);
      if (!seq) {
        seq = { month: monthNames[slot], type: p.v.type, suffix: p.v.suffix, width: 0, rows: [] };
        inMonth.set(p.key, seq);
        sequences.push(seq);
      }
      p.byMonth[slot] = seq;
    }
    if (width > seq.width) seq.width = width;
    numbers[i] = number;
    seq.rows.push(i);
  }
  return { sequences, numbers };
}

function reportGap(
  input: RiskInput,
  seq: Sequence,
  numbers: Int32Array,
  beforeRows: number[],
  afterRows: number[],
  out: AnomalyFinding[],
): void {
  const { journal } = input;
  const [before, after] = [numbers[beforeRows[0]], numbers[afterRows[0]]];
  if (after - before <= 1) return;
  const label = `${seq.type}${seq.suffix ? `(${seq.suffix})` : ''}`;
  const first = before + 1;
  const last = after - 1;
  const count = last - first + 1;
  const pad = (n: number) => String(n).padStart(seq.width, '0');
  const missing = count === 1 ? pad(first) : `${pad(first)}–${pad(last)}`;
  out.push({
    rule: 'voucher-gap',
    severity: 'medium',
    entryIds: [...beforeRows, ...afterRows].map((r) => journal.entryId(r)),
    period: `${seq.month}|${seq.type}|${seq.suffix}|${first}-${last}`,
    customerId: '',
    amountFen: 0,
    date: journal.date(afterRows[0]),
    explanation: t(
      `${label}字 ${seq.month} 缺 ${missing}, ${count} 个（前后凭证 ${pad(before)}、${pad(after)}）。请确认是否作废或漏记。`,
      `Voucher sequence ${label} ${seq.month} is missing ${missing} (${count} number${count > 1 ? 's' : ''}, between ${pad(before)} and ${pad(after)}). Check whether they were voided or not recorded.`,
    ),
  });
}

function reportReuse(
  input: RiskInput,
  seq: Sequence,
  number: number,
  rows: number[],
  out: AnomalyFinding[],
): void {
  const { journal } = input;
  const texts = new Set(rows.map((r) => journal.voucher(r)));
  const dates = new Set(rows.map((r) => journal.date(r)));
  if (texts.size < 2 && dates.size < 2) return;
  const written = [...texts].join('、');
  out.push({
    rule: 'voucher-reuse',
    severity: 'medium',
    entryIds: rows.map((r) => journal.entryId(r)),
    period: `${seq.month}|${seq.type}|${seq.suffix}|${number}`,
    customerId: '',
    amountFen: 0,
    date: journal.date(rows[0]),
    explanation: t(
      `凭证号 ${seq.type}字 ${seq.month} 第 ${number} 号被 ${rows.length} 笔分录使用（写法：${written}；日期：${[...dates].join('、')}），疑似重号。`,
      `Voucher ${seq.type} ${seq.month} number ${number} is used by ${rows.length} entries (written ${written}; dated ${[...dates].join(', ')}): possible reused number.`,
    ),
  });
}
