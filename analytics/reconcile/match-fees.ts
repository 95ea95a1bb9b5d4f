/**
 * Pass 4: fees netted off. A bank often credits a receipt less its fee (or debits a payment
 * plus its fee) as one line, so the line is a little short of the entry: line = entry − fee
 * with 0 < fee ≤ maxFee and fee ≤ maxFeeRate × |entry|. Such a pair is matched only when
 * the dates are within the window and a reference or a name says it is the same movement;
 * the fee stays as the match's residual and shows as 银行已付企业未付 until it is booked.
 */
import { evidenceOf, openRows, propose, sortByAmountThenDay, type MatchState } from './match-state';

/** Match leftover lines to leftover entries that differ by a netted-off fee. */
export function matchNettedFees(st: MatchState): void {
  const js = sortByAmountThenDay(st.J, openRows(st.J, st.entryUsed));
  const ss = openRows(st.S, st.lineUsed);
  for (const s of ss) {
    const line = st.S.amount[s];
    // The entry lies in (line, line + maxFee]: more than the line by at most the fee.
    let k = upperBoundAmount(st, js, line);
    let best = -1;
    let bestScore = 0;
    for (; k < js.length && st.J.amount[js[k]] <= line + st.maxFee; k++) {
      const j = js[k];
      const entry = st.J.amount[j];
      if (st.entryUsed[j] || Math.sign(entry) !== Math.sign(line) || entry - line > st.maxFeeRate * Math.abs(entry)) continue;
      const score = feeScore(st, j, s);
      if (score > bestScore) {
        best = j;
        bestScore = score;
      }
    }
    if (best >= 0 && !st.isRejected([best], [s])) propose(st, [best], [s], 'fee-netted', bestScore, line - st.J.amount[best]);
  }
}

function feeScore(st: MatchState, j: number, s: number): number {
  const days = Math.abs(st.J.day[j] - st.S.day[s]);
  if (days > st.window) return 0;
  const ev = evidenceOf(st, j, s);
  if (ev.contradicts) return 0;
  const strength = ev.sameReference ? 1 : ev.referenceTypo ? 0.8 : ev.likeness;
  return strength >= 0.5 ? 0.6 + 0.2 * strength + 0.05 / (1 + days) : 0;
}

// First position whose amount is greater than `amount`.
function upperBoundAmount(st: MatchState, rows: Uint32Array, amount: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (st.J.amount[rows[mid]] <= amount) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
