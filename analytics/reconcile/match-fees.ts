/**
 * Pass 4: fees netted off. A bank often credits a receipt less its fee (or debits a payment
 * plus its fee) as one line, so the line is a little short of the entry: line = entry − fee
 * with 0 < fee ≤ maxFee and fee ≤ maxFeeRate × |entry|. Such a pair is matched only when
 * the dates are within the window and a reference or a name says it is the same movement;
 * the fee stays as the match's residual and shows as 银行已付企业未付 until it is booked.
 */
import { evidenceOf, openOf, propose, rejectedPair, step, sortByAmountThenDay, stableByDay, type MatchState } from './match-state';

/** Match leftover lines to leftover entries that differ by a netted-off fee. */
export function matchNettedFees(st: MatchState): void {
  const entries = entriesByDayThenAmount(st);
  if (!entries) return;
  const lines = openOf(st, st.S, st.lineUsed);
  for (let x = 0; x < lines.length; x++) {
    const s = lines[x];
    step(st);
    const line = st.S.amount[s];
    let best = -1;
    let bestScore = 0;
    // Only entries dated within the window can pair, so look day by day; within a day the
    // entries are sorted by amount and the fee band is a binary search away.
    for (let d = st.S.day[s] - st.window; d <= st.S.day[s] + st.window; d++) {
      if (d < entries.min || d > entries.max) continue;
      const end = entries.start[d - entries.min + 1];
      for (let k = upperBoundAmount(st, entries.rows, line, entries.start[d - entries.min], end); k < end && st.J.amount[entries.rows[k]] <= line + st.maxFee; k++) {
        const j = entries.rows[k];
        const entry = st.J.amount[j];
        if (st.entryUsed[j] || Math.sign(entry) !== Math.sign(line) || entry - line > st.maxFeeRate * Math.abs(entry)) continue;
        // The evidence (the costly part) is looked at only when even the best could beat the best so far.
        if (bestFeeScore(Math.abs(d - st.S.day[s])) <= bestScore) continue;
        const score = feeScore(st, j, s);
        if (score > bestScore) {
          best = j;
          bestScore = score;
        }
      }
    }
    if (best >= 0 && !rejectedPair(st, best, s)) propose(st, best, s, 'fee-netted', bestScore, line - st.J.amount[best]);
  }
}

// Open entries ordered by day, then amount, with where each day starts.
function entriesByDayThenAmount(st: MatchState): { rows: Uint32Array; start: Uint32Array; min: number; max: number } | undefined {
  const open = openOf(st, st.J, st.entryUsed);
  if (open.length === 0) return undefined;
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < open.length; k++) {
    min = Math.min(min, st.J.day[open[k]]);
    max = Math.max(max, st.J.day[open[k]]);
  }
  const rows = stableByDay(st.J, sortByAmountThenDay(st.J, open), min, max);
  const start = new Uint32Array(max - min + 2);
  for (let k = 0; k < rows.length; k++) start[st.J.day[rows[k]] - min + 1]++;
  for (let d = 0; d <= max - min; d++) start[d + 1] += start[d];
  return { rows, start, min, max };
}

function feeScore(st: MatchState, j: number, s: number): number {
  const days = Math.abs(st.J.day[j] - st.S.day[s]);
  if (days > st.window) return 0;
  const ev = evidenceOf(st, j, s);
  if (ev.contradicts) return 0;
  const strength = ev.sameReference ? 1 : ev.referenceTypo ? 0.8 : ev.likeness;
  return strength >= 0.5 ? scoreOfFee(strength, days) : 0;
}

function scoreOfFee(strength: number, days: number): number {
  return 0.6 + 0.2 * strength + 0.05 / (1 + days);
}

// The most feeScore can give a pair `days` apart (the strongest evidence).
function bestFeeScore(days: number): number {
  return scoreOfFee(1, days);
}

// First position in [lo, hi) whose amount is greater than `amount`.
function upperBoundAmount(st: MatchState, rows: Uint32Array, amount: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (st.J.amount[rows[mid]] <= amount) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
