import { allocateColumns } from '../../analytics/reconcile/ledger-columns';
import { sortByAmountThenDay, sortByDay } from '../../analytics/reconcile/match-state';
import { seededRandom } from '../../analytics/util/seeded-random';

// The matcher's linear sorts against a plain comparator sort by (amount, day, row index).
function check(spread: number, seed: number, shuffled = false): void {
  const rand = seededRandom(seed);
  const n = 3000;
  const cols = allocateColumns(n);
  for (let i = 0; i < n; i++) {
    cols.day[i] = 20_000 + Math.floor(rand() * 40);
    cols.amount[i] = Math.round((rand() - 0.5) * spread) || 1;
    if (i % 7 === 0 && i > 0) cols.amount[i] = cols.amount[i - 1]; // ties on amount
  }
  const rows = Uint32Array.from({ length: n }, (_, i) => i).filter((i) => i % 5 !== 3);
  // Rows out of index order take the packed-key sort rather than the radix sort.
  if (shuffled) for (let k = rows.length - 1; k > 0; k--) {
    const m = Math.floor(rand() * (k + 1));
    [rows[k], rows[m]] = [rows[m], rows[k]];
  }
  const expected = Array.from(rows).sort((a, b) => cols.amount[a] - cols.amount[b] || cols.day[a] - cols.day[b] || a - b);
  expect(Array.from(sortByAmountThenDay(cols, rows))).toEqual(expected);
  const byDay = Array.from(rows).sort((a, b) => cols.day[a] - cols.day[b] || a - b);
  expect(Array.from(sortByDay(cols, rows))).toEqual(byDay);
}

test('amounts spanning a few million fen, rows in index order (radix sort, three passes)', () => check(5_000_000, 1));
test('amounts spanning nearly 2^32 fen (radix sort over all 32 bits)', () => check(2 ** 32 - 2, 4));
test('rows out of index order (one packed native sort)', () => check(5_000_000, 5, true));
test('every row of one amount (no radix pass; day order only)', () => check(1, 6));
test('long runs of one amount, in day order within each run', () => check(40, 3));
test('amounts spanning more than 2^32 fen (the general counting sort)', () => check(2 ** 40, 2));
test('sortByDay does not reorder its input', () => {
  const cols = allocateColumns(3);
  cols.day.set([5, 1, 3]);
  const rows = Uint32Array.of(0, 1, 2);
  expect(Array.from(sortByDay(cols, rows))).toEqual([1, 2, 0]);
  expect(Array.from(rows)).toEqual([0, 1, 2]);
});

// Amounts are whole fen; anything else (hand-made columns) must still come back as a sort of
// the rows given, never rows lost or made up (the packed keys would have corrupted them).
test('amounts that are not whole fen take the general sort: every row once, in order', () => {
  for (const [amounts, expected] of [
    [[0.5, 0], [1, 0]],
    [[1.5, 1, 2], [1, 0, 2]],
  ] as const) {
    const cols = allocateColumns(amounts.length);
    cols.amount.splice(0, amounts.length, ...amounts);
    cols.day.fill(19_000);
    const rows = Uint32Array.from(amounts, (_, i) => i);
    expect(Array.from(sortByAmountThenDay(cols, rows))).toEqual(expected);
  }
});
