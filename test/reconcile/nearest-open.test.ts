/**
 * The sum search's candidate walk: nearest day first (the earlier of two days as near),
 * rows of a day in their order, only open rows of the target's sign and a smaller size, at
 * most `limit` accepted and 4 × limit looked at. Checked against a plain walk written from
 * that rule, on random windows both short (read at once) and crowded (walked a day at a time).
 */
import { allocateColumns } from '../../analytics/reconcile/ledger-columns';
import { nearestOpen } from '../../analytics/reconcile/match-sums';
import { sortByDay } from '../../analytics/reconcile/match-state';
import { seededRandom } from '../../analytics/util/seeded-random';

function plainWalk(day: number[], amount: number[], used: Uint8Array, byDay: number[], from: number, to: number, at: number, target: number, limit: number, accept: (r: number) => boolean): number[] {
  const order: number[] = [];
  for (let dist = 0; dist <= Math.max(at - from, to - at); dist++) {
    const days = dist === 0 ? [at] : [at - dist, at + dist];
    for (const d of days) if (d >= from && d <= to) for (const r of byDay) if (day[r] === d) order.push(r);
  }
  const found: number[] = [];
  let looks = 4 * limit;
  for (const r of order) {
    if (found.length >= limit || looks <= 0) break;
    if (used[r] || Math.sign(amount[r]) !== Math.sign(target) || Math.abs(amount[r]) >= Math.abs(target)) continue;
    looks--;
    if (accept(r)) found.push(r);
  }
  return found;
}

test.each([
  ['short windows', 30, 6],
  ['crowded windows', 400, 4],
])('%s: the same rows in the same order as a plain walk', (_name, n, days) => {
  const rand = seededRandom(n);
  for (let round = 0; round < 200; round++) {
    const cols = allocateColumns(n);
    for (let i = 0; i < n; i++) {
      cols.day[i] = 100 + Math.floor(rand() * days * 3);
      cols.amount[i] = (rand() < 0.2 ? -1 : 1) * (1 + Math.floor(rand() * 1000));
    }
    const used = Uint8Array.from({ length: n }, () => (rand() < 0.2 ? 1 : 0));
    const byDay = sortByDay(cols, Uint32Array.from({ length: n }, (_, i) => i));
    const at = 100 + Math.floor(rand() * days * 3);
    const from = at - Math.floor(rand() * days);
    const to = at + Math.floor(rand() * 2);
    const target = (rand() < 0.2 ? -1 : 1) * 800;
    const limit = 1 + Math.floor(rand() * 12);
    const accept = (r: number) => r % 3 !== 0;
    const got = nearestOpen(cols, used, byDay, 0, n, from, to, at, target, limit, accept);
    expect(got).toEqual(plainWalk(Array.from(cols.day), cols.amount, used, Array.from(byDay), from, to, at, target, limit, accept));
  }
});
