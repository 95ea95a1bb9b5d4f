/**
 * Pass 5: sums. One statement line may be several entries (a deposit of several receipts,
 * a daily batch credit: many-to-one), or one entry may be several lines (a payment the bank
 * split: one-to-many). Only leftovers take part, and only rows of the same sign near in
 * date: for many-to-one, entries dated from windowDays before the line up to the line's own
 * date (never after it); for one-to-many, lines within ±windowDays of the entry. At most
 * maxGroupCandidates nearest rows are searched for an exact subset sum in integer fen of
 * 2…maxGroupSize rows, so the search is bounded per row whatever the book's size.
 */
import { evidenceOf, lowerBoundDay, openRows, propose, sortByDay, type MatchState } from './match-state';
import { exactSubsets } from './exact-subsets';
import type { LedgerColumns } from './ledger-columns';

/** Match leftover lines to groups of entries, then leftover entries to groups of lines. */
export function matchSums(st: MatchState): void {
  const manyToOne: Side = { cols: st.S, used: st.lineUsed, other: st.J, otherUsed: st.entryUsed, after: 0 };
  const oneToMany: Side = { cols: st.J, used: st.entryUsed, other: st.S, otherUsed: st.lineUsed, after: st.window };
  // Unambiguous sums first, in rounds: each accepted group removes its rows from the other
  // pools, which often leaves a once-ambiguous row with one answer. Then the best of the rest.
  for (const side of [manyToOne, oneToMany]) {
    while (matchSumRound(st, side, true) > 0);
    matchSumRound(st, side, false);
  }
}

interface Side {
  /** The side with the single row. */
  cols: LedgerColumns;
  used: Uint8Array;
  /** The side the group is drawn from. */
  other: LedgerColumns;
  otherUsed: Uint8Array;
  /** Days after the single row's date a group member may be (0: never after it). */
  after: number;
}

// One pass over the single side's open rows; returns how many groups it accepted.
function matchSumRound(st: MatchState, side: Side, uniqueOnly: boolean): number {
  const manyToOne = side.cols === st.S;
  const pool = sortByDay(side.other, openRows(side.other, side.otherUsed));
  let accepted = 0;
  for (const i of sortByDay(side.cols, openRows(side.cols, side.used))) {
    const day = side.cols.day[i];
    const target = side.cols.amount[i];
    const evidence = manyToOne ? (j: number) => evidenceOf(st, j, i) : (s: number) => evidenceOf(st, i, s);
    const likeness = (k: number) => evidence(k).likeness;
    // A member naming a different counterparty than the single row cannot be part of it.
    const admissible = (k: number) => !evidence(k).contradicts;
    // Widen the date range a day at a time: a batch of the same day is the common case, and
    // a small pool leaves little room for an accidental sum.
    for (let reach = 0; reach <= st.window; reach++) {
      const near = nearestOpen(side.other, side.otherUsed, pool, day - reach, day + Math.min(reach, side.after), day, target, st.maxGroupCandidates, admissible);
      const found = subsetsOf(side.other, near, target, likeness, st.maxGroupSize);
      if (found.length === 0) continue;
      if (uniqueOnly && found.length > 1) break;
      const best = found[0];
      const entries = manyToOne ? best.rows : [i];
      const lines = manyToOne ? [i] : best.rows;
      if (st.isRejected(entries, lines)) break;
      propose(st, entries, lines, manyToOne ? 'many-to-one' : 'one-to-many', best.score * (found.length > 1 ? 0.9 : 1));
      accepted++;
      break;
    }
  }
  return accepted;
}

// Open rows dated in [from, to] with the target's sign and a smaller size, nearest to `day` first.
function nearestOpen(cols: LedgerColumns, used: Uint8Array, byDay: Uint32Array, from: number, to: number, day: number, target: number, limit: number, admissible: (i: number) => boolean): number[] {
  const found: number[] = [];
  for (let k = lowerBoundDay(cols, byDay, from); k < byDay.length && cols.day[byDay[k]] <= to; k++) {
    const i = byDay[k];
    const a = cols.amount[i];
    if (used[i] === 0 && Math.sign(a) === Math.sign(target) && Math.abs(a) < Math.abs(target) && admissible(i)) found.push(i);
  }
  found.sort((p, q) => Math.abs(cols.day[p] - day) - Math.abs(cols.day[q] - day) || p - q);
  return found.slice(0, limit);
}

interface Subset {
  rows: number[];
  score: number;
}

/** Exact subsets of `pool` summing to `target`, fewest rows first, best names first. */
function subsetsOf(cols: LedgerColumns, pool: number[], target: number, likeness: (i: number) => number, maxSize: number): Subset[] {
  if (pool.length < 2) return [];
  const values = pool.map((i) => Math.abs(cols.amount[i]));
  return exactSubsets(values, Math.abs(target), maxSize)
    .map((positions) => {
      const rows = positions.map((k) => pool[k]).sort((a, b) => a - b);
      return { rows, score: 0.75 + 0.15 * mean(rows.map(likeness)) - 0.02 * (rows.length - 2) };
    })
    .sort((p, q) => q.score - p.score);
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}
