/**
 * The journal as columns for the risk scan: one pass over the rows turns every posted
 * entry into typed arrays (day number, signed amount in integer fen, customer and account
 * indexes, cash flag), so each rule runs over numbers instead of row objects and no rule
 * builds a Decimal per row. Reversed entries and their reversals cancel out and are left
 * out; rows whose date or amount cannot be read are counted as problems and skipped.
 */
import { rowsOf, text } from '../book/book';
import { dateToSerial, isIsoDate, serialToDate } from '../book/dates';
import type { Book } from '../book/types';
import { problem, type Problem } from '../util/problem';
import { wallTimeOf } from './wall-time';

export type CustomerKind = 'person' | 'company' | '';

export interface JournalColumns {
  n: number;
  /** Journal row index each column row came from (0-based). */
  rowIndex: Int32Array;
  /** Day number (Excel 1900 serial) of the entry's date in the book's zone. */
  day: Int32Array;
  /** Minutes after midnight, -1 when the entry has no time of day. */
  minute: Int16Array;
  /** Inflow − outflow in integer fen. */
  amount: Float64Array;
  /** Index into customerIds, -1 when the entry names no customer. */
  customer: Int32Array;
  customerIds: string[];
  customerKind: CustomerKind[];
  /** Index into accountIds. */
  account: Int32Array;
  accountIds: string[];
  /** True for accounts of kind cash. */
  accountIsCash: boolean[];
  /** Opening balance of each account in fen (0 when not given). */
  accountOpening: number[];
  /** 1 when the settlement method (or a cash account without a method) is cash. */
  cash: Uint8Array;
  /** 1 when the method names a cross-border payment. */
  crossBorder: Uint8Array;
  /** Text fields are read from the row when a rule needs them, never copied per row. */
  entryId(i: number): string;
  /** 'YYYY-MM-DD' of `day`. */
  date(i: number): string;
  voucher(i: number): string;
  summary(i: number): string;
  counterAccount(i: number): string;
  method(i: number): string;
  problems: Problem[];
}

const CASH_METHOD = /现金|现钞|cash/i;
const CROSS_BORDER = /跨境|境外|cross[- ]?border|swift|international/i;

/**
 * Read the journal into columns.
 * @param book the book; reads Journal, Accounts and Customers
 * @returns the columns; `problems` lists rows that were skipped and why
 */
export function readJournalColumns(book: Book): JournalColumns {
  const rows = rowsOf(book, 'Journal');
  const accounts = indexAccounts(book);
  const customers = indexCustomers(book);
  const n0 = rows.length;
  const cols = allocate(n0);
  const dayCache = new Map<string, number>();
  const methodCache = new Map<string, number>();
  let n = 0;

  for (let i = 0; i < n0; i++) {
    const r = rows[i];
    if (r.Status === 'reversed' || r.Status === 'reversal') continue;

    // Step 1: day number (and time of day, when the cell carries one)
    const rawDate = r.Date;
    let day = typeof rawDate === 'string' ? dayCache.get(rawDate) : undefined;
    let minute = -1;
    if (day === undefined) {
      const w =
        typeof rawDate === 'string' && rawDate.length === 10 && r.Time === undefined
          ? { date: rawDate, minute: -1 }
          : wallTimeOf(rawDate, r.Time, book.timeZone);
      day = w && isIsoDate(w.date) ? dateToSerial(w.date) : NaN;
      minute = w ? w.minute : -1;
      if (typeof rawDate === 'string' && rawDate.length === 10 && r.Time === undefined)
        dayCache.set(rawDate, day);
    }
    if (!Number.isInteger(day)) {
      cols.problems.push(
        problem(
          'bad-date',
          `Journal entry ${text(r.EntryId)}: date '${text(rawDate)}' cannot be read`,
          { sheet: 'Journal', row: i + 2, column: 'Date' },
        ),
      );
      continue;
    }

    // Step 2: signed amount in fen
    const inflow = fenOf(r.Inflow);
    const outflow = fenOf(r.Outflow);
    if (Number.isNaN(inflow) || Number.isNaN(outflow)) {
      const column = Number.isNaN(inflow) ? 'Inflow' : 'Outflow';
      cols.problems.push(
        problem(
          'bad-amount',
          `Journal entry ${text(r.EntryId)}: amount '${text(r[column])}' cannot be read`,
          { sheet: 'Journal', row: i + 2, column },
        ),
      );
      continue;
    }

    // Step 3: who, where, how
    const account = accounts.index(asText(r.AccountId));
    const customerId = asText(r.CustomerId);
    const method = asText(r.Method);
    let flags = methodCache.get(method);
    if (flags === undefined) {
      flags =
        (CASH_METHOD.test(method) ? 1 : 0) |
        (CROSS_BORDER.test(method) ? 2 : 0) |
        (method.trim() === '' ? 4 : 0);
      methodCache.set(method, flags);
    }

    cols.rowIndex[n] = i;
    cols.day[n] = day;
    cols.minute[n] = minute;
    cols.amount[n] = inflow - outflow;
    cols.customer[n] = customerId === '' ? -1 : customers.index(customerId);
    cols.account[n] = account;
    cols.cash[n] = flags & 1 || (flags & 4 && accounts.isCash[account]) ? 1 : 0;
    cols.crossBorder[n] = flags & 2 ? 1 : 0;
    // the voucher is read here, while the row is in cache; the sequence rule reads every one
    cols.voucher[n] = asText(r.Voucher);
    n++;
  }

  const rowIndex = cols.rowIndex.subarray(0, n);
  const day = cols.day.subarray(0, n);
  // named property reads (not row[key]) keep V8's inline caches fast on a million rows
  const dates = new Map<number, string>();
  return {
    n,
    rowIndex,
    day,
    minute: cols.minute.subarray(0, n),
    amount: cols.amount.subarray(0, n),
    customer: cols.customer.subarray(0, n),
    account: cols.account.subarray(0, n),
    cash: cols.cash.subarray(0, n),
    crossBorder: cols.crossBorder.subarray(0, n),
    customerIds: customers.ids,
    customerKind: customers.kinds,
    accountIds: accounts.ids,
    accountIsCash: accounts.isCash,
    accountOpening: accounts.opening,
    entryId: (i) => asText(rows[rowIndex[i]].EntryId),
    date(i) {
      let d = dates.get(day[i]);
      if (d === undefined) dates.set(day[i], (d = serialToDate(day[i])));
      return d;
    },
    voucher: (i) => cols.voucher[i],
    summary: (i) => asText(rows[rowIndex[i]].Summary),
    counterAccount: (i) => asText(rows[rowIndex[i]].CounterAccount),
    method: (i) => asText(rows[rowIndex[i]].Method),
    problems: cols.problems,
  };
}

function asText(v: unknown): string {
  return typeof v === 'string' ? v : text(v);
}

/**
 * A cell holding an amount to integer fen, reading canonical text digit by digit.
 * @returns fen, 0 for an empty cell, NaN when the text is not a plain decimal with at most 2 places
 */
export function fenOf(cell: unknown): number {
  if (cell === null || cell === undefined || cell === '') return 0;
  if (typeof cell === 'number') return Number.isFinite(cell) ? Math.round(cell * 100) : NaN;
  const s = String(cell);
  let i = 0;
  let sign = 1;
  if (s.charCodeAt(0) === 45) ((sign = -1), i++);
  else if (s.charCodeAt(0) === 43) i++;
  let units = 0;
  let places = -1;
  let digits = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 && places < 0) places = 0;
    else if (c >= 48 && c <= 57) {
      if (places >= 2) {
        if (c !== 48) return NaN;
        continue;
      }
      units = units * 10 + (c - 48);
      digits++;
      if (places >= 0) places++;
    } else return NaN;
  }
  if (digits === 0) return NaN;
  for (let p = Math.max(places, 0); p < 2; p++) units *= 10;
  return sign * units;
}

function allocate(n: number) {
  return {
    rowIndex: new Int32Array(n),
    day: new Int32Array(n),
    minute: new Int16Array(n),
    amount: new Float64Array(n),
    customer: new Int32Array(n),
    account: new Int32Array(n),
    cash: new Uint8Array(n),
    crossBorder: new Uint8Array(n),
    voucher: new Array<string>(n),
    problems: [] as Problem[],
  };
}

function indexAccounts(book: Book) {
  const ids: string[] = [];
  const isCash: boolean[] = [];
  const opening: number[] = [];
  const byId = new Map<string, number>();
  const add = (id: string, cash: boolean, open: number) => {
    byId.set(id, ids.length);
    ids.push(id);
    isCash.push(cash);
    opening.push(open);
    return ids.length - 1;
  };
  for (const a of rowsOf(book, 'Accounts')) {
    const open = fenOf(a.OpeningBalance);
    add(text(a.AccountId), a.Kind === 'cash', Number.isNaN(open) ? 0 : open);
  }
  const index = (id: string) => byId.get(id) ?? add(id, /现金|库存|cash/i.test(id), 0);
  return { ids, isCash, opening, index };
}

function indexCustomers(book: Book) {
  const ids: string[] = [];
  const kinds: CustomerKind[] = [];
  const byId = new Map<string, number>();
  const add = (id: string, kind: CustomerKind) => {
    byId.set(id, ids.length);
    ids.push(id);
    kinds.push(kind);
    return ids.length - 1;
  };
  for (const c of rowsOf(book, 'Customers')) {
    const kind = c.Kind === 'person' || c.Kind === 'company' ? c.Kind : '';
    add(text(c.CustomerId), kind);
  }
  return { ids, kinds, index: (id: string) => byId.get(id) ?? add(id, '') };
}
