/**
 * Pass 5: sums. One statement line may be several entries (a deposit of several receipts,
 * a daily batch credit: many-to-one), or one entry may be several lines (a payment the bank
 * split: one-to-many). Only leftovers take part, and only rows of the same sign near in
 * date: for many-to-one, entries dated from windowDays before the line up to the line's own
 * date (never after it); for one-to-many, lines within ±windowDays of the entry. At most
 * maxGroupCandidates nearest rows are searched for an exact subset sum in integer fen of
 * 2…maxGroupSize rows, so the search is bounded per row whatever the book's size.
 */
import { evidenceOf, isContradicting, lowerBoundDay, openRows, propose, sortByDay, type Evidence, type MatchState } from './match-state';
import { accidentalSumPool, exactSubsets } from './exact-subsets';
import type { LedgerColumns } from './ledger-columns';

/**
 * Match leftover lines to groups of entries, then leftover entries to groups of lines.
 * @param samePartyOnly only groups whose every row names the single row's counterparty: an
 *   exact sum with that evidence is surer than a netted fee, so it runs before that pass
 */
export function matchSums(st: MatchState, samePartyOnly = false): void {
  const t = st.texts;
  const manyToOne: Side = { cols: st.S, used: st.lineUsed, other: st.J, otherUsed: st.entryUsed, after: 0, party: t.sParty, otherParty: t.jParty };
  const oneToMany: Side = { cols: st.J, used: st.entryUsed, other: st.S, otherUsed: st.lineUsed, after: st.window, party: t.jParty, otherParty: t.sParty };
  // Unambiguous sums first, in rounds: each accepted group removes its rows from the other
  // pools, which often leaves a once-ambiguous row with one answer. Then the best of the rest.
  for (const side of [manyToOne, oneToMany]) {
    const hopeless = new Uint8Array(side.cols.length);
    for (let round = 0; round < UNIQUE_ROUNDS && matchSumRound(st, side, true, hopeless, samePartyOnly) > 0; round++);
    matchSumRound(st, side, false, hopeless, samePartyOnly);
  }
}

// Expected accidental exact sums tolerated per search (see accidentalSumPool).
const ACCIDENTAL_SUM_RISK = 0.05;

// Rounds of unambiguous sums before the rest; later rounds rarely add any.
const UNIQUE_ROUNDS = 3;

interface Side {
  /** The side with the single row. */
  cols: LedgerColumns;
  used: Uint8Array;
  /** The side the group is drawn from. */
  other: LedgerColumns;
  otherUsed: Uint8Array;
  /** Days after the single row's date a group member may be (0: never after it). */
  after: number;
  /** Counterparty text ids of each side (0 = none). */
  party: Int32Array;
  otherParty: Int32Array;
}

// One pass over the single side's open rows; returns how many groups it accepted. Rows
// found to have no sum at all are marked in `hopeless` and skipped by later rounds (their
// pools only shrink).
function matchSumRound(st: MatchState, side: Side, uniqueOnly: boolean, hopeless: Uint8Array, samePartyOnly: boolean): number {
  const manyToOne = side.cols === st.S;
  // Candidates by sign, each sorted by day: a row only ever groups with rows of its own sign.
  const open = sortByDay(side.other, openRows(side.other, side.otherUsed));
  const positive = open.filter((k) => side.other.amount[k] > 0);
  const negative = open.filter((k) => side.other.amount[k] < 0);
  const byParty = partyIndex(side.otherParty, open, st.texts.dictionary.length);
  let accepted = 0;
  for (const i of sortByDay(side.cols, openRows(side.cols, side.used))) {
    if (hopeless[i] || (samePartyOnly && side.party[i] === 0)) continue;
    const found = groupsFor(st, side, side.cols.amount[i] > 0 ? positive : negative, byParty, i, samePartyOnly);
    if (found.length === 0) {
      hopeless[i] = 1;
      continue;
    }
    if (uniqueOnly && found.length > 1) continue;
    const best = found[0];
    const entries = manyToOne ? best.rows : [i];
    const lines = manyToOne ? [i] : best.rows;
    if (st.isRejected(entries, lines)) continue;
    propose(st, entries, lines, manyToOne ? 'many-to-one' : 'one-to-many', best.score * (found.length > 1 ? 0.9 : 1));
    accepted++;
  }
  return accepted;
}

// The groups that explain row i. First among the rows naming the same counterparty (a
// payment the bank split, receipts of one customer banked together): few rows, and the
// strongest evidence a sum can have. Then among all admissible rows, from the nearest dates
// outwards: pairs and triples a day at a time (a batch of the same day is the common case,
// and a small pool leaves little room for an accidental sum), then every size up to
// maxGroupSize over the whole window.
function groupsFor(st: MatchState, side: Side, pool: Uint32Array, byParty: PartyIndex, i: number, samePartyOnly: boolean): Subset[] {
  const manyToOne = side.cols === st.S;
  const day = side.cols.day[i];
  const target = side.cols.amount[i];
  const party = side.party[i];
  if (party !== 0) {
    const same = sameParty(side, byParty, party, day - st.window, day + side.after, day, target, st.maxGroupCandidates);
    const found = subsetsOf(side.other, same, target, () => 1, 2, st.maxGroupSize);
    if (found.length || samePartyOnly) return found;
  }
  const seen = new Map<number, Evidence>();
  const evidence = (k: number): Evidence => {
    let ev = seen.get(k);
    if (!ev) seen.set(k, (ev = manyToOne ? evidenceOf(st, k, i) : evidenceOf(st, i, k)));
    return ev;
  };
  const likeness = (k: number) => evidence(k).likeness;
  // A member naming a different counterparty than the single row cannot be part of it.
  const admissible = manyToOne ? (k: number) => !isContradicting(st, k, i) : (k: number) => !isContradicting(st, i, k);
  // One walk over the widest window, nearest first; the pool of a narrower reach is its
  // prefix of rows within that reach (the walk visits them in the same order).
  const widest = nearestOpen(side.other, side.otherUsed, pool, day - st.window, day + side.after, day, target, st.maxGroupCandidates, admissible);
  const near = (reach: number) => widest.filter((k) => Math.abs(side.other.day[k] - day) <= reach);
  // A pool that did not grow since the last reach has nothing new to offer at those sizes.
  let searched: number[] = [];
  for (let reach = 0; reach < st.window; reach++) {
    const candidates = near(reach);
    if (samePool(candidates, searched)) continue;
    const found = subsetsOf(side.other, candidates, target, likeness, 2, Math.min(3, st.maxGroupSize));
    if (found.length) return found;
    searched = candidates;
  }
  return subsetsOf(side.other, widest, target, likeness, samePool(widest, searched) ? 4 : 2, st.maxGroupSize);
}

function samePool(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, k) => x === b[k]);
}

// Up to `limit` open rows dated in [from, to] with the target's sign and a smaller size,
// nearest to `day` first. The walk goes outwards from `day` and stops once it has enough or
// has looked at LOOKS_PER_CANDIDATE × limit rows, so a crowded day (thousands of rows, most
// naming other counterparties) costs a bounded number of looks per row searched.
function nearestOpen(cols: LedgerColumns, used: Uint8Array, byDay: Uint32Array, from: number, to: number, day: number, target: number, limit: number, admissible: (i: number) => boolean): number[] {
  const found: number[] = [];
  let looks = LOOKS_PER_CANDIDATE * limit;
  const size = Math.abs(target);
  const sign = Math.sign(target);
  for (let dist = 0; dist <= Math.max(day - from, to - day) && found.length < limit && looks > 0; dist++) {
    for (const d of dist === 0 ? [day] : [day - dist, day + dist]) {
      if (d < from || d > to) continue;
      for (let k = lowerBoundDay(cols, byDay, d); k < byDay.length && cols.day[byDay[k]] === d && found.length < limit && looks > 0; k++) {
        const i = byDay[k];
        const a = cols.amount[i];
        if (used[i] !== 0 || Math.sign(a) !== sign || Math.abs(a) >= size) continue;
        looks--;
        if (admissible(i)) found.push(i);
      }
    }
  }
  return found;
}

// How many rows of the right sign and size a sum search may look at per candidate it wants.
const LOOKS_PER_CANDIDATE = 4;

/** Open rows of the other side grouped by counterparty id, each group in day order. */
interface PartyIndex {
  /** Group p is rows[start[p]] … rows[start[p + 1] − 1]. */
  start: Uint32Array;
  rows: Uint32Array;
}

function partyIndex(party: Int32Array, byDay: Uint32Array, ids: number): PartyIndex {
  const start = new Uint32Array(ids + 1);
  for (const i of byDay) start[party[i] + 1]++;
  for (let p = 0; p < ids; p++) start[p + 1] += start[p];
  const rows = new Uint32Array(byDay.length);
  const next = start.slice(0, ids);
  for (const i of byDay) rows[next[party[i]]++] = i;
  return { start, rows };
}

// Open rows naming `party`, dated in [from, to], with the target's sign and a smaller size,
// nearest to `day` first, at most `limit`.
function sameParty(side: Side, index: PartyIndex, party: number, from: number, to: number, day: number, target: number, limit: number): number[] {
  const cols = side.other;
  let lo = index.start[party];
  let hi = index.start[party + 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cols.day[index.rows[mid]] < from) lo = mid + 1;
    else hi = mid;
  }
  const found: number[] = [];
  for (let k = lo; k < index.start[party + 1] && cols.day[index.rows[k]] <= to; k++) {
    const r = index.rows[k];
    const a = cols.amount[r];
    if (side.otherUsed[r] === 0 && Math.sign(a) === Math.sign(target) && Math.abs(a) < Math.abs(target)) found.push(r);
  }
  if (found.length <= limit) return found;
  return found.sort((a, b) => Math.abs(cols.day[a] - day) - Math.abs(cols.day[b] - day) || a - b).slice(0, limit);
}

interface Subset {
  rows: number[];
  score: number;
}

/** Exact subsets of `pool` summing to `target`, fewest rows first, best names first. */
function subsetsOf(cols: LedgerColumns, pool: number[], target: number, likeness: (i: number) => number, minSize: number, maxSize: number): Subset[] {
  if (pool.length < 2 || minSize > maxSize) return [];
  const values = pool.map((i) => Math.abs(cols.amount[i]));
  // Nothing to find when even every candidate together falls short.
  if (values.reduce((a, b) => a + b, 0) < Math.abs(target)) return [];
  return exactSubsets(values, Math.abs(target), maxSize, 16, (size) => accidentalSumPool(size, target, ACCIDENTAL_SUM_RISK), minSize)
    .map((positions) => {
      const rows = positions.map((k) => pool[k]).sort((a, b) => a - b);
      return { rows, score: 0.75 + 0.15 * mean(rows.map(likeness)) - 0.02 * (rows.length - 2) };
    })
    .sort((p, q) => q.score - p.score);
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}
