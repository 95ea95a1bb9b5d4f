/**
 * The sum pass skips its walk over rows without a trade name when their few distinct texts
 * rule out text evidence. The skip must never drop a row hasTextEvidence would accept: for
 * every named row against every unnamed row, in both directions, mayHaveTextEvidence is
 * true whenever hasTextEvidence is.
 */
import { allocateColumns, normalizeParty, normalizeReference, type LedgerColumns } from '../../analytics/reconcile/ledger-columns';
import { hasTextEvidence, mayHaveTextEvidence, poolTexts } from '../../analytics/reconcile/match-state';
import { initialState } from '../../analytics/reconcile/match-statement';

type RowText = [party: string, memo: string, reference: string];

function columns(rows: RowText[]): LedgerColumns {
  const c = allocateColumns(rows.length);
  rows.forEach(([party, memo, reference], i) => {
    c.ids[i] = `R${i}`;
    c.party[i] = normalizeParty(party);
    c.memo[i] = normalizeParty(memo);
    c.reference[i] = normalizeReference(reference);
    c.amount[i] = 100;
  });
  return c;
}

// Named rows (a trade name) and unnamed ones (no name, or a name with no trade name left).
const named: RowText[] = [
  ['华东贸易1号有限公司', '货款', 'R1000000001'],
  ['远航物流', '运费 远航', ''],
  ['嘉禾食品', '结息', 'R1000000002'],
  ['恒信科技', '', ''],
  ['张客户7', '退款', 'R1000000777'],
];
const unnamed: RowText[] = [
  ['', '结息', ''],
  ['', '手续费', ''],
  ['', '货款', ''],
  ['', '远航物流 货款', ''],
  ['', '', 'R1000000002'],
  ['', '', 'R1000000O01'],
  ['', '恒信', ''],
  ['', '', ''],
];

test.each([
  ['unnamed statement lines against named entries', named, unnamed],
  ['unnamed entries against named statement lines', unnamed, named],
])('%s: never false where hasTextEvidence holds', (_n, jRows, sRows) => {
  const J = columns(jRows);
  const S = columns(sRows);
  const st = initialState(J, S);
  const entriesNamed = jRows === named;
  const targets = entriesNamed ? J : S;
  const poolSide = entriesNamed ? S : J;
  const poolRows = Array.from({ length: poolSide.length }, (_, k) => k);
  let held = 0;
  // The whole pool at once, and each row alone (a pool of one).
  for (const rows of [poolRows, ...poolRows.map((k) => [k])]) {
    const texts = poolTexts(st, poolSide, rows, 64)!;
    for (let i = 0; i < targets.length; i++) {
      const evidence = rows.some((k) => (entriesNamed ? hasTextEvidence(st, i, k) : hasTextEvidence(st, k, i)));
      if (evidence) {
        held++;
        expect(mayHaveTextEvidence(st, targets, i, texts)).toBe(true);
      }
    }
  }
  // The cases above include real evidence, and rows the check can rule out.
  expect(held).toBeGreaterThan(4);
  const interest = poolTexts(st, poolSide, [entriesNamed ? 1 : 1], 64)!; // 手续费 only
  expect(mayHaveTextEvidence(st, targets, 3, interest)).toBe(false); // 恒信科技, no memo, no reference
});

test('too many distinct texts: no summary, so every row is checked on its own', () => {
  const rows: RowText[] = Array.from({ length: 70 }, (_, i) => ['', `摘要${i}`, '']);
  const J = columns(named);
  const S = columns(rows);
  const st = initialState(J, S);
  expect(poolTexts(st, S, Array.from({ length: 70 }, (_, k) => k), 64)).toBeUndefined();
  expect(poolTexts(st, S, [0, 1, 2], 64)).toEqual({ memos: expect.any(Array), parties: [], anyReference: false });
});
