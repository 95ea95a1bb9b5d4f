/**
 * Sums. One statement line may be several entries (a deposit of several receipts, a daily
 * batch credit: many-to-one), or one entry may be several lines (a payment the bank split:
 * one-to-many). Only leftovers take part, and only rows of the same sign near in date: for
 * many-to-one, entries dated from windowDays before the line up to the line's own date
 * (never after it); for one-to-many, lines within ±windowDays of the entry. A row naming a
 * counterparty groups only with rows naming the same one, or naming none but sharing its
 * description or reference; a row naming no one groups with any. At most
 * maxGroupCandidates nearest rows are searched for an exact subset sum in integer fen of
 * 2…maxGroupSize rows, so the search is bounded per row whatever the book's size. */
import { evidenceOf, hasTextEvidence, mayHaveTextEvidence, openOf, step, partyLikeness, poolTexts, propose, sortByDay, type IdColumn, type MatchState, type PoolTexts } from './match-state';
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
  // The pools are built once per side: taken rows are skipped where they are read.
  for (const side of [manyToOne, oneToMany]) {
    const hopeless = new Uint8Array(side.cols.length);
    const pools = poolsOf(st, side, samePartyOnly);
    for (let round = 0; round < UNIQUE_ROUNDS && matchSumRound(st, side, pools, true, hopeless, samePartyOnly) > 0; round++);
    matchSumRound(st, side, pools, false, hopeless, samePartyOnly);
  }
}

// Expected accidental exact sums tolerated per search (see accidentalSumPool).
const ACCIDENTAL_SUM_RISK = 0.05;

// Most distinct texts of a pool without trade names checked at once, before each row's own.
const POOL_TEXTS_CAP = 64;

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
  /** Counterparty name ids of each side (0 = none); rows group by the names' trade names. */
  party: IdColumn;
  otherParty: IdColumn;
}

interface Pools {
  /** Open rows of the single side, by day. */
  targets: Uint32Array;
  /** Open rows of the other side by sign, each by day: a row only groups with its own sign. */
  positive: Uint32Array;
  negative: Uint32Array;
  byParty: PartyIndex;
  /** What the other side's rows without a trade name say, when few texts (see poolTexts). */
  unnamed: PoolTexts | undefined;
}

function poolsOf(st: MatchState, side: Side, samePartyOnly: boolean): Pools {
  const open = sortByDay(side.other, openOf(st, side.other, side.otherUsed));
  const byParty = partyIndex(side.otherParty, st.texts.coreOf, open, st.texts.dictionary.length);
  const targets = sortByDay(side.cols, openOf(st, side.cols, side.used));
  // The same-name search reads only the party index.
  if (samePartyOnly) return { targets, positive: open.subarray(0, 0), negative: open.subarray(0, 0), byParty, unnamed: undefined };
  const unnamed = poolTexts(st, side.other, byParty.rows.subarray(byParty.start[0], byParty.start[1]), POOL_TEXTS_CAP);
  return { targets, positive: open.filter((k) => side.other.amount[k] > 0), negative: open.filter((k) => side.other.amount[k] < 0), byParty, unnamed };
}

// One pass over the single side's open rows; returns how many groups it accepted. Rows
// found to have no sum at all are marked in `hopeless` and skipped by later rounds (their
// pools only shrink).
function matchSumRound(st: MatchState, side: Side, pools: Pools, uniqueOnly: boolean, hopeless: Uint8Array, samePartyOnly: boolean): number {
  const manyToOne = side.cols === st.S;
  let accepted = 0;
  const targets = pools.targets;
  for (let t = 0; t < targets.length; t++) {
    const i = targets[t];
    step(st);
    if (side.used[i] || hopeless[i] || (samePartyOnly && st.texts.coreOf[side.party[i]] === 0)) continue;
    const found = groupsFor(st, side, side.cols.amount[i] > 0 ? pools.positive : pools.negative, pools, i, samePartyOnly);
    if (found.length === 0) {
      hopeless[i] = 1;
      continue;
    }
    // A grouping the user rejected is passed over; the others still compete.
    const sides = (g: Subset) => (manyToOne ? { entries: g.rows, lines: [i] } : { entries: [i], lines: g.rows });
    const usable = found.filter((g) => {
      const { entries, lines } = sides(g);
      return st.isRejected === undefined || !st.isRejected(entries, lines);
    });
    if (usable.length === 0 || (uniqueOnly && usable.length > 1)) continue;
    const { entries, lines } = sides(usable[0]);
    propose(st, entries, lines, manyToOne ? 'many-to-one' : 'one-to-many', usable[0].score * (usable.length > 1 ? 0.9 : 1));
    accepted++;
  }
  return accepted;
}

// The groups that explain row i. A named row groups only with rows naming the same
// counterparty or none at all: a sum of rows naming several parties is a coincidence, not
// evidence. Same-name rows first (a payment the bank split, receipts of one customer banked
// together): few rows, and the strongest evidence a sum can have. Then, nearest dates first,
// pairs and triples a day at a time (a batch of the same day is the common case, and a small
// pool leaves little room for an accidental sum), then every size up to maxGroupSize over
// the whole window.
function groupsFor(st: MatchState, side: Side, pool: Uint32Array, pools: Pools, i: number, samePartyOnly: boolean): Subset[] {
  const byParty = pools.byParty;
  const manyToOne = side.cols === st.S;
  const day = side.cols.day[i];
  const target = side.cols.amount[i];
  // Trade-name id (0 = none): 华为 and 华为技术 group together.
  const party = st.texts.coreOf[side.party[i]];
  const from = day - st.window;
  const to = day + side.after;
  const limit = st.maxGroupCandidates;
  const other = side.other;
  let widest: number[];
  if (party !== 0) {
    // Same trade name, and no region or industry saying another firm (深圳宏达电子 / 杭州宏达物流).
    const sameFirm = manyToOne ? (k: number) => partyLikeness(st.texts, k, i) > 0 : (k: number) => partyLikeness(st.texts, i, k) > 0;
    const same = nearestOpen(other, side.otherUsed, byParty.rows, byParty.start[party], byParty.start[party + 1], from, to, day, target, limit, sameFirm);
    const found = subsetsOf(other, same, target, SAME_NAME, 2, st.maxGroupSize);
    if (found.length || samePartyOnly) return found;
    // A row naming no one joins a named row's group only when its text says it belongs
    // (a description like the other's, or a reference): bank interest and charges do not.
    if (pools.unnamed && !mayHaveTextEvidence(st, side.cols, i, pools.unnamed)) return [];
    const says = manyToOne ? (k: number) => hasTextEvidence(st, k, i) : (k: number) => hasTextEvidence(st, i, k);
    const unnamed = nearestOpen(other, side.otherUsed, byParty.rows, byParty.start[0], byParty.start[1], from, to, day, target, limit, says);
    if (unnamed.length === 0) return [];
    widest = nearestFirst(other, day, same, unnamed, limit);
  } else {
    widest = nearestOpen(other, side.otherUsed, pool, 0, pool.length, from, to, day, target, limit);
  }
  // Made only when a sum is found (most searches find none).
  let seen: Map<number, number> | undefined;
  const likeness = (k: number): number => {
    seen ??= new Map<number, number>();
    let v = seen.get(k);
    if (v === undefined) seen.set(k, (v = (manyToOne ? evidenceOf(st, k, i) : evidenceOf(st, i, k)).likeness));
    return v;
  };
  // A narrower reach's pool is a prefix of `widest` (nearest first), so when no size sums
  // to the target over the whole window, no reach can: most rows searched end here.
  const anywhere = subsetsOf(other, widest, target, likeness, 2, st.maxGroupSize);
  if (anywhere.length === 0) return anywhere;
  const near = (reach: number) => widest.filter((k) => Math.abs(other.day[k] - day) <= reach);
  // A pool that did not grow since the last reach has nothing new to offer at those sizes.
  let searched: number[] = [];
  for (let reach = 0; reach < st.window; reach++) {
    const candidates = near(reach);
    if (samePool(candidates, searched)) continue;
    const found = subsetsOf(other, candidates, target, likeness, 2, Math.min(3, st.maxGroupSize));
    if (found.length) return found;
    searched = candidates;
  }
  // Over the whole window: sizes 2… were searched above (`anywhere`); when the widest pool
  // was already searched for pairs and triples, only 4 and up are left to look at.
  return samePool(widest, searched) ? subsetsOf(other, widest, target, likeness, 4, st.maxGroupSize) : anywhere;
}

// The likeness of rows that all name the row's own counterparty.
const SAME_NAME = () => 1;

function samePool(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, k) => x === b[k]);
}

// Two nearest-first lists merged nearest first (ties: the first list's row), at most `limit`.
function nearestFirst(cols: LedgerColumns, day: number, a: number[], b: number[], limit: number): number[] {
  const out: number[] = [];
  let x = 0;
  let y = 0;
  while (out.length < limit && (x < a.length || y < b.length)) {
    const takeA = y >= b.length || (x < a.length && Math.abs(cols.day[a[x]] - day) <= Math.abs(cols.day[b[y]] - day));
    out.push(takeA ? a[x++] : b[y++]);
  }
  return out;
}

/**
 * Up to `limit` open rows of byDay[lo … hi) (sorted by day) dated in [from, to] with the
 * target's sign and a smaller size (and `accept`ed, when given), nearest to `day` first, a
 * day at a time (earlier day first on a tie). The walk stops once it has enough or has looked
 * at LOOKS_PER_CANDIDATE × limit rows, so a crowded day costs a bounded number of looks.
 * (Exported for tests.)
 */
export function nearestOpen(cols: LedgerColumns, used: Uint8Array, byDay: Uint32Array, lo: number, hi: number, from: number, to: number, day: number, target: number, limit: number, accept?: (row: number) => boolean): number[] {
  const found: number[] = [];
  if (lo >= hi) return found;
  let looks = LOOKS_PER_CANDIDATE * limit;
  // A short window (a customer's own rows, mostly) is cheaper read once and put in walk order
  // than looked up a day at a time. (Plain loops, no closures: this runs for every target of
  // every round.)
  const first = lowerBound(cols, byDay, lo, hi, from);
  let end = first;
  while (end < hi && end - first <= SHORT_WINDOW && cols.day[byDay[end]] <= to) end++;
  if (end - first <= SHORT_WINDOW) {
    const rows = WINDOW_ROWS;
    let n = 0;
    for (let k = first; k < end; k++) if (fits(cols, used, byDay[k], target)) rows[n++] = byDay[k];
    // Walk order: nearer day first, the earlier of two days as near, then position (stable).
    for (let k = 1; k < n; k++) {
      const r = rows[k];
      const far = away(cols, r, day);
      let m = k - 1;
      while (m >= 0 && away(cols, rows[m], day) > far) {
        rows[m + 1] = rows[m];
        m--;
      }
      rows[m + 1] = r;
    }
    for (let k = 0; k < n; k++) {
      if (found.length >= limit || looks <= 0) break;
      looks--;
      if (accept === undefined || accept(rows[k])) found.push(rows[k]);
    }
    return found;
  }
  for (let dist = 0; dist <= Math.max(day - from, to - day) && found.length < limit && looks > 0; dist++) {
    if (dist === 0) looks = lookOnDay(cols, used, byDay, lo, hi, day, target, limit, looks, found, accept);
    else {
      if (day - dist >= from) looks = lookOnDay(cols, used, byDay, lo, hi, day - dist, target, limit, looks, found, accept);
      if (day + dist <= to) looks = lookOnDay(cols, used, byDay, lo, hi, day + dist, target, limit, looks, found, accept);
    }
  }
  return found;
}

// Room for a short window's rows (SHORT_WINDOW + 1 at most), used again by every call.
const WINDOW_ROWS = new Uint32Array(64);

// Whether row r is open, of the target's sign and smaller than it.
function fits(cols: LedgerColumns, used: Uint8Array, r: number, target: number): boolean {
  const a = cols.amount[r];
  return used[r] === 0 && Math.sign(a) === Math.sign(target) && Math.abs(a) < Math.abs(target);
}

// A row's place in walk order from `day`: nearer first, the earlier of two days as near.
function away(cols: LedgerColumns, r: number, day: number): number {
  return 2 * Math.abs(cols.day[r] - day) + (cols.day[r] > day ? 1 : 0);
}

// Add the fitting rows dated `d` to `found`; returns the looks left.
function lookOnDay(cols: LedgerColumns, used: Uint8Array, byDay: Uint32Array, lo: number, hi: number, d: number, target: number, limit: number, looks: number, found: number[], accept: ((row: number) => boolean) | undefined): number {
  for (let k = lowerBound(cols, byDay, lo, hi, d); k < hi && cols.day[byDay[k]] === d && found.length < limit && looks > 0; k++) {
    const r = byDay[k];
    if (!fits(cols, used, r, target)) continue;
    looks--;
    if (accept === undefined || accept(r)) found.push(r);
  }
  return looks;
}

// Rows in a window read at once rather than a day at a time.
const SHORT_WINDOW = 32;

// How many rows of the right sign and size a sum search may look at per candidate it wants.
const LOOKS_PER_CANDIDATE = 4;

// First position in byDay[lo … hi) whose day is ≥ `day`.
function lowerBound(cols: LedgerColumns, byDay: Uint32Array, lo: number, hi: number, day: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cols.day[byDay[mid]] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Open rows of the other side grouped by counterparty id, each group in day order. */
interface PartyIndex {
  /** Group p is rows[start[p]] … rows[start[p + 1] − 1]; group 0 names no counterparty. */
  start: Uint32Array;
  rows: Uint32Array;
}

// Rows by the trade name (coreOf) of their name id (party).
function partyIndex(party: IdColumn, coreOf: Int32Array, byDay: Uint32Array, ids: number): PartyIndex {
  const start = new Uint32Array(ids + 1);
  for (let k = 0; k < byDay.length; k++) start[coreOf[party[byDay[k]]] + 1]++;
  for (let p = 0; p < ids; p++) start[p + 1] += start[p];
  const rows = new Uint32Array(byDay.length);
  const next = start.slice(0, ids);
  for (let k = 0; k < byDay.length; k++) rows[next[coreOf[party[byDay[k]]]]++] = byDay[k];
  return { start, rows };
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
  const found = exactSubsets(values, Math.abs(target), maxSize, 16, (size) => accidentalSumPool(size, target, ACCIDENTAL_SUM_RISK), minSize);
  if (found.length === 0) return [];
  return found
    .map((positions) => {
      const rows = positions.map((k) => pool[k]).sort((a, b) => a - b);
      return { rows, score: 0.75 + 0.15 * mean(rows.map(likeness)) - 0.02 * (rows.length - 2) };
    })
    .sort((p, q) => q.score - p.score);
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}
