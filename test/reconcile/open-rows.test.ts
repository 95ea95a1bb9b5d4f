/**
 * openOf lists a side's open rows from its last list: it must give exactly what a full
 * scan (openRows) gives after any rows are taken, and each caller its own array.
 */
import { allocateColumns, NO_DAY } from '../../analytics/reconcile/ledger-columns';
import { openOf, openRows } from '../../analytics/reconcile/match-state';
import { initialState } from '../../analytics/reconcile/match-statement';
import { seededRandom } from '../../analytics/util/seeded-random';

function side(n: number, seed: number) {
  const rand = seededRandom(seed);
  const cols = allocateColumns(n);
  for (let i = 0; i < n; i++) {
    cols.ids[i] = `R${i}`;
    cols.day[i] = i % 11 === 4 ? NO_DAY : 20_000 + (i % 30); // rows without a date are never open
    cols.amount[i] = i % 13 === 6 ? 0 : Math.round((rand() - 0.5) * 100_000) || 1; // nor are zero amounts
    cols.party[i] = '';
    cols.memo[i] = '';
    cols.reference[i] = '';
  }
  return cols;
}

function state() {
  return initialState(side(500, 1), side(400, 2));
}

test('after rows are taken, each list is what a full scan gives', () => {
  const st = state();
  const rand = seededRandom(7);
  // By hand: of the first 14 journal rows, 4 has no date and 6 a zero amount.
  expect(Array.from(openOf(st, st.J, st.entryUsed).subarray(0, 12))).toEqual([0, 1, 2, 3, 5, 7, 8, 9, 10, 11, 12, 13]);
  for (let round = 0; round < 6; round++) {
    for (let k = 0; k < 60; k++) {
      st.entryUsed[Math.floor(rand() * st.J.length)] = 1;
      st.lineUsed[Math.floor(rand() * st.S.length)] = 1;
    }
    expect(Array.from(openOf(st, st.J, st.entryUsed))).toEqual(Array.from(openRows(st.J, st.entryUsed)));
    expect(Array.from(openOf(st, st.S, st.lineUsed))).toEqual(Array.from(openRows(st.S, st.lineUsed)));
  }
  st.entryUsed.fill(1);
  expect(openOf(st, st.J, st.entryUsed).length).toBe(0);
});

test('each call gives a fresh array: sorting one in place leaves the next list whole', () => {
  const st = state();
  const first = openOf(st, st.J, st.entryUsed);
  first.reverse();
  first.fill(0, 0, 10);
  expect(Array.from(openOf(st, st.J, st.entryUsed))).toEqual(Array.from(openRows(st.J, st.entryUsed)));
});

test('columns or used flags that are not the state sides are scanned in full', () => {
  const st = state();
  const other = side(50, 3);
  const used = new Uint8Array(50);
  used[0] = 1;
  expect(Array.from(openOf(st, other, used))).toEqual(Array.from(openRows(other, used)));
  // The journal's columns with flags of its own: a scan, not the state's list.
  const mine = new Uint8Array(st.J.length).fill(1);
  mine[2] = 0;
  expect(Array.from(openOf(st, st.J, mine))).toEqual([2]);
  expect(st.open.J).toBeUndefined();
});
