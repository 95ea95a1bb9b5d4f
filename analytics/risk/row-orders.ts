/**
 * Row orders shared by the rules, each computed once per scan and only when a rule asks:
 * entries grouped by customer (or account) and sorted by day. Both keys are small
 * integers, so the order is two stable counting sorts (O(n)), not a comparison sort.
 */
import type { JournalColumns } from './journal-columns';

export interface RowOrders {
  /** Entries that name a customer, by customer then day then journal order. */
  byCustomerDay(): Int32Array;
  /** All entries by account then day then journal order. */
  byAccountDay(): Int32Array;
  /** All entries by day then journal order. */
  byDay(): Int32Array;
}

/** Lazily computed orders over a journal's columns. */
export function rowOrders(journal: JournalColumns): RowOrders {
  const memo = new Map<string, Int32Array>();
  const once = (key: string, make: () => Int32Array) => () => {
    let v = memo.get(key);
    if (!v) memo.set(key, (v = make()));
    return v;
  };
  return {
    byCustomerDay: once('customer', () =>
      sortByGroupAndDay(journal, journal.customer, journal.customerIds.length),
    ),
    byAccountDay: once('account', () =>
      sortByGroupAndDay(journal, journal.account, journal.accountIds.length),
    ),
    byDay: once('day', () => sortByGroupAndDay(journal, new Int32Array(journal.n), 1)),
  };
}

/** Rows with group ≥ 0, ordered by group then day (stable): counting sort by day, then by group. */
function sortByGroupAndDay(journal: JournalColumns, group: Int32Array, groups: number): Int32Array {
  const { n, day } = journal;
  if (n === 0) return new Int32Array(0);
  let minDay = day[0];
  let maxDay = day[0];
  for (let i = 1; i < n; i++) {
    if (day[i] < minDay) minDay = day[i];
    else if (day[i] > maxDay) maxDay = day[i];
  }

  // Step 1: by day
  const dayStart = new Int32Array(maxDay - minDay + 2);
  for (let i = 0; i < n; i++) dayStart[day[i] - minDay + 1]++;
  for (let b = 1; b < dayStart.length; b++) dayStart[b] += dayStart[b - 1];
  const byDay = new Int32Array(n);
  for (let i = 0; i < n; i++) byDay[dayStart[day[i] - minDay]++] = i;

  // Step 2: by group, stable, dropping rows without a group
  const groupStart = new Int32Array(groups + 1);
  let kept = 0;
  for (let i = 0; i < n; i++) if (group[i] >= 0) (groupStart[group[i] + 1]++, kept++);
  for (let b = 1; b <= groups; b++) groupStart[b] += groupStart[b - 1];
  const out = new Int32Array(kept);
  for (let k = 0; k < n; k++) {
    const row = byDay[k];
    const g = group[row];
    if (g >= 0) out[groupStart[g]++] = row;
  }
  return out;
}

/**
 * Walk the runs of equal `group` in an ordered row list.
 * @example forEachRun(order, journal.customer, (from, to) => ...) // order[from..to) share a customer
 */
export function forEachRun(
  order: Int32Array,
  group: ArrayLike<number>,
  visit: (from: number, to: number) => void,
): void {
  let from = 0;
  for (let k = 1; k <= order.length; k++) {
    if (k === order.length || group[order[k]] !== group[order[from]]) {
      if (k > from) visit(from, k);
      from = k;
    }
  }
}
