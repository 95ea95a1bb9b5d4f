/**
 * The matcher: pairs journal entries with statement lines of one account, in passes from
 * the surest rule to the loosest, each pass seeing only what the earlier ones left.
 *  1. exact-reference: same amount to the fen and the same reference (票据号 = 流水号).
 *  2. exact-date: same amount, same date, names not contradicting.
 *  3. date-window: same amount within ±windowDays, nearest date and best name first.
 *     Rules 1–3 only compare rows of equal amount: both sides are sorted by (amount, date)
 *     and merged once, each run of one amount given the three in turn (what three passes
 *     over every run would leave), so the work is linear after the sort (no pairwise scan).
 *  4. fee-netted: the bank amount is the entry less a small fee; the fee is left as a residual.
 *  5. fuzzy: equal amounts further apart in date (up to fuzzyWindowDays) when the names or a
 *     mistyped reference say so. It runs before the sums because an equal amount with the
 *     same counterparty is surer than a sum of anonymous rows, which could otherwise take
 *     one of its rows by accident.
 *  6. many-to-one / one-to-many: exact subset sums over leftovers near in date (match-sums.ts).
 * Amounts are integer fen throughout, so sums are exact. Limits: one account, one currency.
 */
import { fail } from '../util/error';
import { t } from '../book/types';
import type { LedgerColumns } from './ledger-columns';
import { matchNettedFees } from './match-fees';
import {
  evidenceOf,
  openOf,
  propose,
  rejectedPair,
  step,
  sortByAmountThenDay,
  stillOpen,
  type MatchProposal,
  type MatchRule,
  type MatchState,
  type MatchStatementOptions,
  textIds,
  referencesOf,
} from './match-state';
import { matchSums } from './match-sums';
import { ProposalLog } from './proposal-log';

export type { MatchProposal, MatchRule, MatchStatementOptions } from './match-state';

/**
 * Match statement lines to journal entries.
 * @param journal journal entries as columns (amount = Inflow − Outflow in fen)
 * @param statement statement lines as columns (signed amount in fen)
 * @param options windows, group sizes, settled rows and rejected pairings
 * @returns proposals in the order found: run by run of one amount for the first three rules
 *   (each run given them in turn), then pass by pass
 * @throws AnalyticsError `bad-option` for a negative window or a group size below 2
 * @example
 * // entry 2024-06-08 +1500.10 and 2024-06-09 +2300.20, line 2024-06-10 +3800.30
 * matchStatement(j, s) // [{ entries: [0, 1], lines: [0], rule: 'many-to-one', residual: 0, … }]
 */
export function matchStatement(journal: LedgerColumns, statement: LedgerColumns, options: MatchStatementOptions = {}): MatchProposal[] {
  const log = matchStatementLog(journal, statement, options);
  const out = new Array<MatchProposal>(log.count);
  for (let k = 0; k < log.count; k++) {
    const entries = Array.from({ length: log.entryCountOf(k) }, (_, x) => log.entryOf(k, x));
    const lines = Array.from({ length: log.lineCountOf(k) }, (_, x) => log.lineOf(k, x));
    out[k] = { entries, lines, rule: log.ruleOf(k), score: log.scoreOf(k), residual: log.residualOf(k) };
  }
  return out;
}

/**
 * Where the matcher runs: in this thread ({@link IN_THIS_THREAD}, the default), or split by
 * sign across two threads (the CLI's, see analytics/cli/two-thread-matcher.ts).
 */
export interface MatcherRunner {
  /** Told how many rows a reconciliation has as it starts, so a helper thread can start early. */
  warmUp?(rows: number): void;
  /**
   * @param meanwhile called on this thread, while the rest are still being found elsewhere,
   *   with the log of the proposals found so far (each time more are in), so the caller can
   *   start on them; the log returned holds them first, in the same order
   */
  match(journal: LedgerColumns, statement: LedgerColumns, options: MatchStatementOptions, meanwhile?: (found: ProposalLog) => void): ProposalLog;
}

export const IN_THIS_THREAD: MatcherRunner = { match: (journal, statement, options) => matchStatementLog(journal, statement, options) };

/** {@link matchStatement}, with the proposals left in their compact log (for a million rows). */
export function matchStatementLog(journal: LedgerColumns, statement: LedgerColumns, options: MatchStatementOptions = {}): ProposalLog {
  const st = initialState(journal, statement, options);
  const timed = (pass: string, run: () => void) => {
    const start = options.timings ? performance.now() : 0;
    run();
    if (options.timings) options.timings[pass] = Math.round(performance.now() - start);
    options.onPass?.(pass, st.proposals);
  };

  // Equal amounts first: exact reference, then same date, then the date window. Both sides
  // are sorted once; later passes only drop the rows taken meanwhile.
  let order: SortedSides = { js: new Uint32Array(0), ss: new Uint32Array(0) };
  timed('sort', () => {
    order = { js: sortByAmountThenDay(st.J, openOf(st, st.J, st.entryUsed), true), ss: sortByAmountThenDay(st.S, openOf(st, st.S, st.lineUsed), true) };
  });
  // The first three rules in one merge: each only pairs rows of one amount, so giving a run
  // of one amount all three in turn leaves what three passes over every run would.
  timed('equal-amounts', () => matchEqualAmounts(st, EQUAL_RULES, order));

  // Then the leftovers: fees netted off, equal amounts with matching names further apart,
  // and last the sums, whose anonymous rows carry the least evidence of all.
  timed('same-party-sums', () => matchSums(st, true));
  timed('fee-netted', () => matchNettedFees(st));
  timed('fuzzy', () => matchEqualAmounts(st, ['fuzzy'], order));
  timed('sums', () => matchSums(st));
  return st.proposals;
}

/** The matcher's state before its first pass, options defaulted (exported for tests). */
export function initialState(J: LedgerColumns, S: LedgerColumns, o: MatchStatementOptions = {}): MatchState {
  const window = o.windowDays ?? 3;
  const maxGroupSize = o.maxGroupSize ?? 4;
  if (!(window >= 0)) fail('bad-option', t(`windowDays 不能小于 0，收到 ${window}`, `windowDays must be 0 or more, not ${window}`));
  if (!(maxGroupSize >= 2)) fail('bad-option', t(`maxGroupSize 不能小于 2，收到 ${maxGroupSize}`, `maxGroupSize must be 2 or more, not ${maxGroupSize}`));
  const entryUsed = o.takenEntries ? o.takenEntries.slice() : new Uint8Array(J.length);
  const lineUsed = o.takenLines ? o.takenLines.slice() : new Uint8Array(S.length);
  const sign = o.onlySign;
  const entries = sign ? setAsideOtherSign(J, entryUsed, sign) : J.length;
  const lines = sign ? setAsideOtherSign(S, lineUsed, sign) : S.length;
  return {
    J,
    S,
    entryUsed,
    lineUsed,
    window,
    maxGroupSize,
    maxGroupCandidates: o.maxGroupCandidates ?? 40,
    maxFee: o.maxFee ?? 5000,
    maxFeeRate: o.maxFeeRate ?? 0.05,
    fuzzyWindow: Math.max(o.fuzzyWindowDays ?? 15, window),
    fuzzyMin: o.fuzzyMinScore ?? 0.6,
    isRejected: o.isRejected,
    proposals: o.log ?? new ProposalLog(entries, lines),
    texts: o.texts ?? textIds(J, S),
    onProgress: o.onProgress,
    steps: 0,
    open: {},
    refs: referencesOf(J, S),
  };
}

// Mark the rows not of `sign` as taken; returns how many rows of `sign` are left.
function setAsideOtherSign(cols: LedgerColumns, used: Uint8Array, sign: 1 | -1): number {
  let n = 0;
  for (let i = 0; i < cols.length; i++) {
    if (cols.amount[i] * sign > 0) n++;
    else used[i] = 1;
  }
  return n;
}

type EqualRule = 'exact-reference' | 'exact-date' | 'date-window' | 'fuzzy';
type SortedSides = { js: Uint32Array; ss: Uint32Array };
const EQUAL_RULES: readonly EqualRule[] = ['exact-reference', 'exact-date', 'date-window'];

// Merge the two sides sorted by amount; each run of equal amounts is given the rules in
// turn, each seeing the rows the ones before left.
function matchEqualAmounts(st: MatchState, rules: readonly EqualRule[], order: SortedSides): void {
  const js = (order.js = stillOpen(order.js, st.entryUsed));
  const ss = (order.ss = stillOpen(order.ss, st.lineUsed));
  let a = 0;
  let b = 0;
  while (a < js.length && b < ss.length) {
    step(st);
    const x = st.J.amount[js[a]];
    const y = st.S.amount[ss[b]];
    if (x < y) a++;
    else if (x > y) b++;
    else {
      let a2 = a + 1;
      while (a2 < js.length && st.J.amount[js[a2]] === x) a2++;
      let b2 = b + 1;
      while (b2 < ss.length && st.S.amount[ss[b2]] === x) b2++;
      if (a2 - a === 1 && b2 - b === 1) matchPair(st, js[a], ss[b], rules);
      else matchRunInTurn(st, js, a, a2, ss, b, b2, rules);
      a = a2;
      b = b2;
    }
  }
}

// The common case at scale: one entry and one line of this amount, under the first rule
// that pairs them.
function matchPair(st: MatchState, j: number, s: number, rules: readonly EqualRule[]): void {
  for (const rule of rules) {
    const score = pairScore(st, j, s, rule);
    if (score > 0 && !rejectedPair(st, j, s)) {
      propose(st, j, s, rule, score);
      return;
    }
  }
}

// A run of several rows a side (js[a … a2), ss[b … b2)) under each rule in turn, each given
// the rows still open.
function matchRunInTurn(st: MatchState, js: Uint32Array, a: number, a2: number, ss: Uint32Array, b: number, b2: number, rules: readonly EqualRule[]): void {
  for (let r = 0; r < rules.length; r++) {
    if (r > 0 && (openIn(js, a, a2, st.entryUsed) === 0 || openIn(ss, b, b2, st.lineUsed) === 0)) return;
    matchRun(st, js, a, a2, ss, b, b2, rules[r]);
  }
}

// How many rows of rows[from … to) are not taken yet.
function openIn(rows: Uint32Array, from: number, to: number, used: Uint8Array): number {
  let n = 0;
  for (let i = from; i < to; i++) if (used[rows[i]] === 0) n++;
  return n;
}

// Several entries and/or lines of one amount: score every admissible pair of open rows, best first.
function matchRun(st: MatchState, js: Uint32Array, a: number, a2: number, ss: Uint32Array, b: number, b2: number, rule: EqualRule): void {
  const pairs = PAIRS;
  pairs.n = 0;
  if (rule === 'exact-reference') referencePairs(st, js, a, a2, ss, b, b2, pairs);
  else nearPairs(st, js, a, a2, ss, b, b2, rule, pairs);
  if (pairs.n === 0) return;
  const order = pairs.bestFirst();
  for (let x = 0; x < pairs.n; x++) {
    step(st);
    const p = order[x];
    const j = pairs.j[p];
    const s = pairs.s[p];
    if (st.entryUsed[j] || st.lineUsed[s] || rejectedPair(st, j, s)) continue;
    propose(st, j, s, rule, pairs.score[p]);
  }
}

/**
 * The scored pairs of one run, in buffers used again run after run: the 1M bench's receipts
 * alone have 131,000 runs of one amount, and a pair object each (with a sorted copy of the
 * list) kept the collector busy.
 */
class PairBuffer {
  n = 0;
  j = new Int32Array(64);
  s = new Int32Array(64);
  score = new Float64Array(64);
  private order = new Int32Array(64);

  push(j: number, s: number, score: number): void {
    if (this.n === this.j.length) this.grow();
    this.j[this.n] = j;
    this.s[this.n] = s;
    this.score[this.n] = score;
    this.n++;
  }

  /** Positions of the pairs, best score first, then by line, then by entry (all pairs differ). */
  bestFirst(): ArrayLike<number> {
    const { n, j, s, score } = this;
    const before = (x: number, y: number) => score[y] - score[x] || s[x] - s[y] || j[x] - j[y];
    if (n > 32) return Array.from({ length: n }, (_, k) => k).sort(before);
    const order = this.order;
    for (let k = 0; k < n; k++) {
      let m = k - 1;
      while (m >= 0 && before(order[m], k) > 0) {
        order[m + 1] = order[m];
        m--;
      }
      order[m + 1] = k;
    }
    return order;
  }

  private grow(): void {
    const size = this.j.length * 2;
    const j = new Int32Array(size);
    const s = new Int32Array(size);
    const score = new Float64Array(size);
    j.set(this.j);
    s.set(this.s);
    score.set(this.score);
    this.j = j;
    this.s = s;
    this.score = score;
    this.order = new Int32Array(size);
  }
}

// One per thread (module); a run is matched to the end before the next begins.
const PAIRS = new PairBuffer();

// Same reference at any date: index the open lines of the run by reference (a short run is
// compared pair by pair: most runs of one amount have two or three rows a side).
function referencePairs(st: MatchState, js: Uint32Array, a: number, a2: number, ss: Uint32Array, b: number, b2: number, pairs: PairBuffer): void {
  const refs = st.refs;
  if (openIn(js, a, a2, st.entryUsed) * openIn(ss, b, b2, st.lineUsed) <= 64) {
    for (let x = a; x < a2; x++) {
      const j = js[x];
      if (!refs.hasJ(j) || st.entryUsed[j]) continue;
      for (let y = b; y < b2; y++) {
        const s = ss[y];
        if (!st.lineUsed[s] && refs.same(j, s)) pairs.push(j, s, pairScore(st, j, s, 'exact-reference'));
      }
    }
    return;
  }
  const byReference = new Map<string | number, number[]>();
  for (let y = b; y < b2; y++) {
    const s = ss[y];
    if (!refs.hasS(s) || st.lineUsed[s]) continue;
    const key = refs.keyS(s);
    const list = byReference.get(key);
    if (list) list.push(s);
    else byReference.set(key, [s]);
  }
  if (byReference.size === 0) return;
  for (let x = a; x < a2; x++) {
    const j = js[x];
    if (st.entryUsed[j] || !refs.hasJ(j)) continue;
    const list = byReference.get(refs.keyJ(j));
    if (list) for (const s of list) pairs.push(j, s, pairScore(st, j, s, 'exact-reference'));
  }
}

function nearPairs(st: MatchState, js: Uint32Array, a: number, a2: number, ss: Uint32Array, b: number, b2: number, rule: EqualRule, pairs: PairBuffer): void {
  const reach = rule === 'fuzzy' ? st.fuzzyWindow : st.window;
  // Both runs are sorted by day, so the lines within reach of an entry form a sliding range.
  let from = b;
  for (let x = a; x < a2; x++) {
    const j = js[x];
    if (st.entryUsed[j]) continue;
    const day = st.J.day[j];
    while (from < b2 && st.S.day[ss[from]] < day - reach) from++;
    for (let k = from; k < b2 && st.S.day[ss[k]] <= day + reach; k++) {
      const s = ss[k];
      if (st.lineUsed[s]) continue;
      step(st);
      const score = pairScore(st, j, s, rule);
      if (score > 0) pairs.push(j, s, score);
    }
  }
}

// Score of pairing entry j with line s under `rule`, or 0 when the rule does not apply.
function pairScore(st: MatchState, j: number, s: number, rule: EqualRule): number {
  const days = Math.abs(st.J.day[j] - st.S.day[s]);
  const closeness = 1 / (1 + days);
  // Cheap checks before the text evidence, which is the costly part at scale.
  if (rule === 'exact-reference') return st.refs.same(j, s) ? 0.98 + 0.02 * closeness : 0;
  if ((rule === 'exact-date' && days !== 0) || (rule === 'date-window' && days > st.window) || days > st.fuzzyWindow) return 0;
  const ev = evidenceOf(st, j, s);
  switch (rule) {
    case 'exact-date':
      return ev.contradicts ? 0 : 0.9 + 0.08 * ev.likeness;
    case 'date-window':
      if (ev.contradicts) return 0;
      return 0.7 + 0.1 * closeness + 0.1 * ev.likeness + (ev.referenceTypo ? 0.05 : 0);
    case 'fuzzy': {
      const strength = ev.referenceTypo ? Math.max(0.8, ev.likeness) : ev.likeness;
      return strength >= st.fuzzyMin && !ev.contradicts ? 0.4 + 0.3 * strength + 0.05 * closeness : 0;
    }
  }
}
