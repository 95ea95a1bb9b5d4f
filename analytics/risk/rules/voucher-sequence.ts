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
  return { type: m[1].replace(/字$/, ''), number: Number(m[2]), suffix: m[3].toUpperCase(), width: m[2].length };
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
  /** number → rows carrying it */
  rows: Map<number, number[]>;
}

const memo = new WeakMap<RiskInput, AnomalyFinding[]>();

function detectVouchers(input: RiskInput): AnomalyFinding[] {
  const cached = memo.get(input);
  if (cached) return cached;
  const out: AnomalyFinding[] = [];
  for (const seq of sequences(input).values()) {
    const numbers = [...seq.rows.keys()].sort((a, b) => a - b);
    reportGaps(input, seq, numbers, out);
    reportReuse(input, seq, numbers, out);
  }
  memo.set(input, out);
  return out;
}

function sequences(input: RiskInput): Map<string, Sequence> {
  const { journal } = input;
  const parsed = new Map<string, VoucherNumber | undefined>();
  const out = new Map<string, Sequence>();
  for (let i = 0; i < journal.n; i++) {
    const text = journal.voucher[i];
    if (text === '') continue;
    let v = parsed.get(text);
    if (!parsed.has(text)) parsed.set(text, (v = parseVoucher(text)));
    if (!v) continue;
    const month = journal.date[i].slice(0, 7);
    const key = `${month}|${v.type}|${v.suffix}`;
    let seq = out.get(key);
    if (!seq) out.set(key, (seq = { month, type: v.type, suffix: v.suffix, width: 0, rows: new Map() }));
    seq.width = Math.max(seq.width, v.width);
    const list = seq.rows.get(v.number);
    if (list) list.push(i);
    else seq.rows.set(v.number, [i]);
  }
  return out;
}

function reportGaps(input: RiskInput, seq: Sequence, numbers: number[], out: AnomalyFinding[]): void {
  const { journal } = input;
  const label = `${seq.type}${seq.suffix ? `(${seq.suffix})` : ''}`;
  for (let k = 1; k < numbers.length; k++) {
    const [before, after] = [numbers[k - 1], numbers[k]];
    if (after - before <= 1) continue;
    const first = before + 1;
    const last = after - 1;
    const count = last - first + 1;
    const pad = (n: number) => String(n).padStart(seq.width, '0');
    const missing = count === 1 ? pad(first) : `${pad(first)}–${pad(last)}`;
    const neighbours = [...seq.rows.get(before)!, ...seq.rows.get(after)!];
    out.push({
      rule: 'voucher-gap',
      severity: 'medium',
      entryIds: neighbours.map((r) => journal.entryId[r]),
      period: `${seq.month}|${seq.type}|${seq.suffix}|${first}-${last}`,
      customerId: '',
      amountFen: 0,
      date: journal.date[seq.rows.get(after)![0]],
      explanation: t(
        `${label}字 ${seq.month} 缺 ${missing}, ${count} 个（前后凭证 ${pad(before)}、${pad(after)}）。请确认是否作废或漏记。`,
        `Voucher sequence ${label} ${seq.month} is missing ${missing} (${count} number${count > 1 ? 's' : ''}, between ${pad(before)} and ${pad(after)}). Check whether they were voided or not recorded.`,
      ),
    });
  }
}

function reportReuse(input: RiskInput, seq: Sequence, numbers: number[], out: AnomalyFinding[]): void {
  const { journal } = input;
  for (const number of numbers) {
    const rows = seq.rows.get(number)!;
    if (rows.length < 2) continue;
    const texts = new Set(rows.map((r) => journal.voucher[r]));
    const dates = new Set(rows.map((r) => journal.date[r]));
    if (texts.size < 2 && dates.size < 2) continue;
    const written = [...texts].join('、');
    out.push({
      rule: 'voucher-reuse',
      severity: 'medium',
      entryIds: rows.map((r) => journal.entryId[r]),
      period: `${seq.month}|${seq.type}|${seq.suffix}|${number}`,
      customerId: '',
      amountFen: 0,
      date: journal.date[rows[0]],
      explanation: t(
        `凭证号 ${seq.type}字 ${seq.month} 第 ${number} 号被 ${rows.length} 笔分录使用（写法：${written}；日期：${[...dates].join('、')}），疑似重号。`,
        `Voucher ${seq.type} ${seq.month} number ${number} is used by ${rows.length} entries (written ${written}; dated ${[...dates].join(', ')}): possible reused number.`,
      ),
    });
  }
}
