/**
 * Synthetic books with known truth for measuring the matcher. A seeded generator writes one
 * bank account's month of journal entries and statement lines from a mix of events (same-day
 * pairs, timing lags, typos in references, netted fees, combined and split deposits, items on
 * one side only, same-amount decoys, long lags with matching names) and records which entries
 * and lines truly belong together.
 */
import { seededRandom } from '../../analytics/util/seeded-random';
import { emptyBook } from '../../analytics/book/book';
import type { Book, Row } from '../../analytics/book/types';
import { fromMinorUnits } from '../../analytics/money/minor-units';
import { dayNumber, dayText } from '../../analytics/reconcile/ledger-columns';

export type EventKind =
  | 'same-day'
  | 'lag'
  | 'reference-typo'
  | 'fee-netted'
  | 'combined-deposit'
  | 'split-payment'
  | 'book-only'
  | 'bank-only'
  | 'decoy'
  | 'long-lag';

/** Share of each kind in the standard mix (weights, need not sum to 1). */
export const STANDARD_MIX: Record<EventKind, number> = {
  'same-day': 30,
  lag: 22,
  'reference-typo': 5,
  'fee-netted': 5,
  'combined-deposit': 7,
  'split-payment': 4,
  'book-only': 6,
  'bank-only': 6,
  decoy: 10,
  'long-lag': 5,
};

export interface TruthGroup {
  entries: string[];
  lines: string[];
  kind: EventKind;
}

export interface SyntheticBook {
  book: Book;
  truth: TruthGroup[];
}

export interface SyntheticOptions {
  seed?: number;
  events?: number;
  mix?: Record<EventKind, number>;
  /** 'YYYY-MM' @default '2024-06' */
  period?: string;
  /** Days before its bank credit a receipt of a combined deposit may be booked. @default 1 */
  depositSpreadDays?: number;
}

export { seededRandom };

const HEADS = ['华', '东', '南', '北', '星', '海', '金', '瑞', '恒', '达', '通', '信', '源', '丰', '泰', '安', '宏', '盛', '嘉', '博', '远', '新', '中', '天'];
const TRADES = ['商贸', '科技', '材料', '电器', '物流', '建材', '食品', '印务', '机电', '纺织'];

/** Build a synthetic book for account BANK1 and its truth. */
export function makeSyntheticBook(options: SyntheticOptions = {}): SyntheticBook {
  const rand = seededRandom(options.seed ?? 20240601);
  const mix = options.mix ?? STANDARD_MIX;
  const period = options.period ?? '2024-06';
  const first = dayNumber(`${period}-01`);
  const last = dayNumber(`${period}-30`);
  const g = new Generator(rand, first, last, options.depositSpreadDays ?? 1);
  const kinds = Object.keys(mix) as EventKind[];
  const total = kinds.reduce((s, k) => s + mix[k], 0);
  for (let i = 0; i < (options.events ?? 2000); i++) {
    let pick = rand() * total;
    const kind = kinds.find((k) => (pick -= mix[k]) < 0) ?? kinds[0];
    g.event(kind);
  }

  const book = emptyBook('zh-CN');
  book.tables.Accounts!.rows.push({ AccountId: 'BANK1', Name: '基本户', Kind: 'bank', Currency: 'CNY', OpeningBalance: '0.00' });
  book.tables.Customers!.rows.push(...g.customers.map((Name, i) => ({ CustomerId: `C${i}`, Name })));
  book.tables.Journal!.rows.push(...g.entries);
  book.tables.Statement!.rows.push(...g.lines);
  return { book, truth: g.truth };
}

class Generator {
  entries: Row[] = [];
  lines: Row[] = [];
  truth: TruthGroup[] = [];
  customers: string[] = [];

  constructor(private rand: () => number, private first: number, private last: number, private spread: number) {
    const seen = new Set<string>();
    while (this.customers.length < 150) {
      const name = this.pick(HEADS) + this.pick(HEADS) + this.pick(TRADES);
      if (!seen.has(name)) this.customers.push(name);
      seen.add(name);
    }
  }

  event(kind: EventKind): void {
    const c = this.int(0, this.customers.length - 1);
    const sign = this.rand() < 0.55 ? 1 : -1;
    const amount = sign * this.amount();
    switch (kind) {
      case 'same-day': {
        const d = this.day(0);
        this.pair(kind, c, amount, d, d, this.ref());
        break;
      }
      case 'lag': {
        const lag = this.int(1, 3);
        const d = this.day(lag);
        this.pair(kind, c, amount, d, d + lag, this.rand() < 0.5 ? this.ref() : undefined);
        break;
      }
      case 'reference-typo': {
        const lag = this.int(0, 3);
        const d = this.day(lag);
        const ref = this.ref();
        this.pair(kind, c, amount, d, d + lag, ref, typo(ref, this.rand));
        break;
      }
      case 'fee-netted': {
        const gross = Math.abs(amount);
        const fee = Math.min(this.int(50, 2000), Math.floor(gross * 0.01));
        const d = this.day(1);
        const e = this.entry(d, gross, c);
        const l = this.line(d + this.int(0, 1), gross - fee, c, undefined);
        this.truth.push({ entries: [e], lines: [l], kind });
        break;
      }
      case 'combined-deposit': {
        const n = this.int(2, 4);
        const d = this.day(0) ;
        const parts = Array.from({ length: n }, () => this.amount() / 10);
        const es = parts.map((p) => this.entry(d - this.int(0, this.spread), Math.round(p), this.int(0, this.customers.length - 1)));
        const l = this.line(d, parts.reduce((s, p) => s + Math.round(p), 0), -1, undefined, '批量入账');
        this.truth.push({ entries: es, lines: [l], kind });
        break;
      }
      case 'split-payment': {
        const n = this.int(2, 3);
        const d = this.day(1);
        const parts = Array.from({ length: n }, () => Math.round(this.amount() / 10));
        const e = this.entry(d, -parts.reduce((s, p) => s + p, 0), c);
        const ls = parts.map((p) => this.line(d + this.int(0, 1), -p, c, undefined));
        this.truth.push({ entries: [e], lines: ls, kind });
        break;
      }
      case 'book-only':
        this.entry(this.day(0), amount, c, this.ref());
        break;
      case 'bank-only':
        this.line(this.day(0), amount, this.rand() < 0.5 ? c : -1, undefined, this.pick(['利息', '手续费', '代扣', '托收']));
        break;
      case 'decoy': {
        // A true pair plus an item of the same amount on one side only, for another customer.
        const lag = this.int(0, 2);
        const d = this.day(lag + 2);
        this.pair(kind, c, amount, d, d + lag);
        const other = (c + this.int(1, this.customers.length - 1)) % this.customers.length;
        if (this.rand() < 0.5) this.entry(d + this.int(0, 2), amount, other);
        else this.line(d + this.int(0, 2), amount, other, undefined);
        break;
      }
      case 'long-lag': {
        const lag = this.int(5, 12);
        const d = this.day(lag);
        this.pair(kind, c, amount, d, d + lag);
        break;
      }
    }
  }

  private pair(kind: EventKind, c: number, amount: number, entryDay: number, lineDay: number, ref?: string, lineRef?: string): void {
    const e = this.entry(entryDay, amount, c, ref);
    const l = this.line(lineDay, amount, c, lineRef ?? (this.rand() < 0.7 ? ref : undefined));
    this.truth.push({ entries: [e], lines: [l], kind });
  }

  private entry(day: number, amount: number, c: number, ref?: string): string {
    const id = `J${this.entries.length + 1}`;
    const d = Math.max(this.first, day);
    this.entries.push({
      EntryId: id, Date: dayText(d), Voucher: `记-${this.entries.length + 1}`, AccountId: 'BANK1', CustomerId: `C${c}`,
      Summary: amount > 0 ? '收货款' : '付货款', Reference: ref ?? null,
      Inflow: amount > 0 ? fromMinorUnits(amount) : null, Outflow: amount < 0 ? fromMinorUnits(-amount) : null, Status: 'posted',
    });
    return id;
  }

  private line(day: number, amount: number, c: number, ref?: string, description?: string): string {
    const id = `L${this.lines.length + 1}`;
    const name = c < 0 ? null : this.customers[c] + (this.rand() < 0.5 ? '有限公司' : '');
    this.lines.push({
      LineId: id, AccountId: 'BANK1', Date: dayText(Math.min(this.last, day)), Amount: fromMinorUnits(amount), Counterparty: name,
      Reference: ref ?? null, Description: description ?? (amount > 0 ? '转账收入' : '转账支出'),
    });
    return id;
  }

  // A day leaving room for `lag` more days inside the period.
  private day(lag: number): number {
    return this.int(this.first + 3, this.last - lag);
  }

  // Amounts in fen: mostly odd cents, some round thousands (real books repeat those).
  private amount(): number {
    if (this.rand() < 0.1) return this.int(1, 50) * 100_000;
    return this.int(1_000, 5_000_000);
  }

  private ref(): string {
    return String(this.int(10_000_000, 99_999_999));
  }

  private int(lo: number, hi: number): number {
    return lo + Math.floor(this.rand() * (hi - lo + 1));
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rand() * xs.length)];
  }
}

// One character changed or two neighbours swapped.
function typo(ref: string, rand: () => number): string {
  const i = Math.floor(rand() * (ref.length - 1));
  if (rand() < 0.5) return ref.slice(0, i) + ref[i + 1] + ref[i] + ref.slice(i + 2);
  const digit = String((Number(ref[i]) + 1 + Math.floor(rand() * 8)) % 10);
  return ref.slice(0, i) + digit + ref.slice(i + 1);
}
