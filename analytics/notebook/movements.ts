/**
 * Journal entries as cash movements in integer fen, the common input of the built-in
 * cells. Every entry counts, reversals included: a red-ink reversal (红字冲销) carries the
 * negated amount, so an entry and its reversal net to zero in every sum. Amounts with
 * more than two decimals or not canonical are counted as skipped, never guessed.
 */
import { toMinorUnits } from '../money/minor-units';
import { rowsOf, text } from '../book/book';
import type { Book, Row } from '../book/types';
import { internalTransferTest } from '../journal/is-internal-transfer';

export interface Movement {
  entryId: string;
  date: string;
  accountId: string;
  customerId: string;
  method: string;
  counterAccount: string;
  /** posted, reversal (the red-ink entry) or reversed (the entry it cancels). */
  status: string;
  /** Receipts (收入) in fen. */
  inflow: number;
  /** Payments (支出) in fen. */
  outflow: number;
  /** Money moved between the unit's own accounts: neither income nor expense. */
  transfer: boolean;
}

export interface MovementsOptions {
  /** First date included, 'YYYY-MM-DD'. */
  from?: string;
  /** Last date included, 'YYYY-MM-DD'. */
  to?: string;
}

// Parsed journals by their rows array: a notebook run parses the journal once for all its
// cells. Books are never mutated in place (changes make new arrays), so the cache is sound.
const parsed = new WeakMap<readonly unknown[], { movements: Movement[]; skipped: number }>();

/** Journal entries as movements sorted by date then table order, with a count of rows skipped. */
export function journalMovements(
  book: Book,
  options: MovementsOptions = {},
): { movements: Movement[]; skipped: number } {
  const rows = rowsOf(book, 'Journal');
  let all = parsed.get(rows);
  if (!all) parsed.set(rows, (all = parseJournal(rows, internalTransferTest(book))));
  const first = options.from ? firstOnOrAfter(all.movements, options.from) : 0;
  const end = options.to ? firstOnOrAfter(all.movements, nextDay(options.to)) : all.movements.length;
  return { movements: all.movements.slice(first, Math.max(first, end)), skipped: all.skipped };
}

function parseJournal(rows: readonly Row[], isTransfer: (entry: Row) => boolean): { movements: Movement[]; skipped: number } {
  const movements: Movement[] = [];
  let skipped = 0;
  for (const row of rows) {
    const date = text(row.Date).slice(0, 10);
    const inflow = fen(row.Inflow);
    const outflow = fen(row.Outflow);
    if (!isPlainDate(date) || Number.isNaN(inflow) || Number.isNaN(outflow)) {
      skipped++;
      continue;
    }
    movements.push({
      entryId: text(row.EntryId),
      date,
      accountId: text(row.AccountId),
      customerId: text(row.CustomerId),
      method: text(row.Method),
      counterAccount: text(row.CounterAccount),
      status: text(row.Status),
      inflow,
      outflow,
      transfer: isTransfer(row),
    });
  }
  // A stable sort keeps the table order within a day; most journals are already in order.
  if (movements.some((m, i) => i > 0 && m.date < movements[i - 1].date)) {
    movements.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
  return { movements, skipped };
}

/** Index of the first movement dated on or after `date` (binary search over the sorted list). */
function firstOnOrAfter(movements: readonly Movement[], date: string): number {
  let lo = 0;
  let hi = movements.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (movements[mid].date < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A key that sorts after `date` and before the next day, for an inclusive upper bound. */
function nextDay(date: string): string {
  return `${date}\uffff`;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real 'YYYY-MM-DD' calendar date, checked without building a Date per row. */
function isPlainDate(s: string): boolean {
  if (s.length !== 10 || s[4] !== '-' || s[7] !== '-' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]) return false;
  return m !== 2 || d < 29 || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
}

/** Amount cell to fen: empty is 0, anything not a plain decimal is NaN. */
export function fen(value: unknown): number {
  const s = text(value).trim();
  return s === '' ? 0 : toMinorUnits(s);
}

/** 'YYYY-MM', 'YYYY-Qn' or 'YYYY' of a date. */
export function periodKey(date: string, grain: Grain): string {
  if (grain === 'month') return date.slice(0, 7);
  if (grain === 'year') return date.slice(0, 4);
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

export type Grain = 'month' | 'quarter' | 'year';

/** Every period key from `first` to `last` inclusive, so gaps show as zero rows. */
export function periodRange(first: string, last: string, grain: Grain): string[] {
  const out: string[] = [];
  let [y, n] = splitPeriod(first, grain);
  const [ly, ln] = splitPeriod(last, grain);
  const per = grain === 'month' ? 12 : grain === 'quarter' ? 4 : 1;
  while (y < ly || (y === ly && n <= ln)) {
    out.push(
      grain === 'year'
        ? String(y)
        : grain === 'month'
          ? `${y}-${String(n).padStart(2, '0')}`
          : `${y}-Q${n}`,
    );
    n++;
    if (n > per) {
      n = 1;
      y++;
    }
  }
  return out;
}

function splitPeriod(key: string, grain: Grain): [number, number] {
  const y = Number(key.slice(0, 4));
  if (grain === 'year') return [y, 1];
  return [y, Number(grain === 'month' ? key.slice(5, 7) : key.slice(6))];
}

/** The note a cell carries when some entries could not be read. */
export function skippedNote(skipped: number): { 'zh-CN': string; 'en-US': string }[] | undefined {
  if (!skipped) return undefined;
  return [
    {
      'zh-CN': `${skipped} 行金额或日期无法读取，未计入`,
      'en-US': `${skipped} row(s) with an unreadable amount or date were left out`,
    },
  ];
}

/**
 * Income and expense in fen per period key, every period from first to last present.
 * Transfers between the unit's own accounts are left out: they are neither.
 */
export function totalsByPeriod(
  movements: readonly Movement[],
  grain: Grain,
): { period: string; income: number; expense: number }[] {
  if (!movements.length) return [];
  const sums = new Map<string, { income: number; expense: number }>();
  for (const m of movements) {
    if (m.transfer) continue;
    const key = periodKey(m.date, grain);
    const s = sums.get(key) ?? { income: 0, expense: 0 };
    s.income += m.inflow;
    s.expense += m.outflow;
    sums.set(key, s);
  }
  const first = periodKey(movements[0].date, grain);
  const last = periodKey(movements[movements.length - 1].date, grain);
  return periodRange(first, last, grain).map((period) => ({
    period,
    ...(sums.get(period) ?? { income: 0, expense: 0 }),
  }));
}
