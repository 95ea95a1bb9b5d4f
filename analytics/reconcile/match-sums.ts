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
import type { LedgerColumns } from './ledger-columns';

/** Match leftover lines to groups of entries, then leftover entries to groups of lines. */
export function matchSums(st: MatchState): void {
  matchManyToOne(st);
  matchOneToMany(st);
}

function matchManyToOne(st: MatchState): void {
  const entries = sortByDay(st.J, openRows(st.J, st.entryUsed));
  for (const s of openRows(st.S, st.lineUsed)) {
    const day = st.S.day[s];
    const pool = nearestOpen(st.J, st.entryUsed, entries, day - st.window, day, day, st.S.amount[s], st.maxGroupCandidates);
    const group = bestSubset(st.J, pool, st.S.amount[s], (j) => evidenceOf(st, j, s).likeness, st.maxGroupSize);
    if (group && !st.isRejected(group.rows, [s])) propose(st, group.rows, [s], 'many-to-one', group.score);
  }
}

function matchOneToMany(st: MatchState): void {
  const lines = sortByDay(st.S, openRows(st.S, st.lineUsed));
  for (const j of openRows(st.J, st.entryUsed)) {
    const day = st.J.day[j];
    const pool = nearestOpen(st.S, st.lineUsed, lines, day - st.window, day + st.window, day, st.J.amount[j], st.maxGroupCandidates);
    const group = bestSubset(st.S, pool, st.J.amount[j], (s) => evidenceOf(st, j, s).likeness, st.maxGroupSize);
    if (group && !st.isRejected([j], group.rows)) propose(st, [j], group.rows, 'one-to-many', group.score);
  }
}

// Open rows dated in [from, to] with the target's sign and a smaller size, nearest to `day` first.
function nearestOpen(cols: LedgerColumns, used: Uint8Array, byDay: Uint32Array, from: number, to: number, day: number, target: number, limit: number): number[] {
  const found: number[] = [];
  for (let k = lowerBoundDay(cols, byDay, from); k < byDay.length && cols.day[byDay[k]] <= to; k++) {
    const i = byDay[k];
    const a = cols.amount[i];
    if (used[i] === 0 && Math.sign(a) === Math.sign(target) && Math.abs(a) < Math.abs(target)) found.push(i);
  }
  found.sort((p, q) => Math.abs(cols.day[p] - day) - Math.abs(cols.day[q] - day) || p - q);
  return found.slice(0, limit);
}

interface Subset {
  rows: number[];
  score: number;
}

/**
 * The best exact subset of `pool` summing to `target` (fen): fewest rows first, then the
 * best names. Depth-first with sizes sorted largest first, pruned by what is still reachable.
 */
function bestSubset(cols: LedgerColumns, pool: number[], target: number, likeness: (i: number) => number, maxSize: number): Subset | undefined {
  if (pool.length < 2) return undefined;
  const rows = pool.slice().sort((p, q) => Math.abs(cols.amount[q]) - Math.abs(cols.amount[p]) || p - q);
  const values = rows.map((i) => Math.abs(cols.amount[i]));
  let best: Subset | undefined;

  for (let size = 2; size <= maxSize && !best; size++) {
    const picks: number[] = [];
    const search = (from: number, left: number): void => {
      if (picks.length === size) {
        if (left !== 0) return;
        const group = picks.map((k) => rows[k]);
        const score = 0.75 + 0.15 * mean(group.map(likeness)) - 0.02 * (size - 2);
        if (!best || score > best.score) best = { rows: group, score };
        return;
      }
      const need = size - picks.length;
      for (let k = from; k <= values.length - need; k++) {
        if (values[k] > left) continue;
        // The `need` largest values from k on are the most this branch can still add.
        let reach = 0;
        for (let r = k; r < k + need; r++) reach += values[r];
        if (reach < left) return;
        picks.push(k);
        search(k + 1, left - values[k]);
        picks.pop();
      }
    };
    search(0, Math.abs(target));
  }
  return best;
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}
