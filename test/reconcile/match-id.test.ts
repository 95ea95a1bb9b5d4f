import { joinIds, lastMatchKey, matchId, matchIdOfPair, matchIdOfSerialPair, matchIdOfSorted, pairingKey, sortIds, splitIds } from '../../analytics/reconcile/match-id';
import { serialText } from '../../analytics/book/coded-cells';

describe('match ids', () => {
  // Ids written by earlier versions (which hashed the joined pairing key as one string) must
  // not change, or a re-run would replace every automatic match in a book.
  test.each([
    ['BANK1', ['J1'], ['L1'], 'M-0le84q50ic8y3v'],
    ['BANK-ICBC', ['J0000364'], ['S0000227', 'S0000228'], 'M-11t126m0yf20l7'],
    ['B', ['J3', 'J1', 'J2'], ['S9'], 'M-1fxzlmk1drlxfw'],
    ['现金', [], ['S1'], 'M-1rp5yy10m11i63'],
  ])('%s %j %j → %s', (account, entries, lines, id) => {
    expect(matchId(account, entries, lines)).toBe(id);
  });

  test('order-free: the same rows in another order give the same id', () => {
    expect(matchId('B', ['J1', 'J2', 'J3'], ['S9'])).toBe(matchId('B', ['J3', 'J1', 'J2'], ['S9']));
    expect(matchId('B', ['J1'], ['S1'])).not.toBe(matchId('B', ['S1'], ['J1']));
  });

  test('a pair\'s id made without lists is the id of the same rows given as lists, key included', () => {
    expect(matchIdOfPair('BANK1', 'J1', 'L1')).toBe('M-0le84q50ic8y3v');
    for (const [account, entry, line] of [['现金', 'J0000364', 'S0000227'], ['B', '', 'S1'], ['A,B', 'J|1', 'L 2']]) {
      const id = matchId(account, [entry], [line]);
      const key = lastMatchKey();
      expect(matchIdOfPair(account, entry, line)).toBe(id);
      expect(lastMatchKey()).toBe(key);
    }
  });

  test('ids sorted in place come in the order a plain sort gives, and give the same id', () => {
    const lists = [['S10', 'S2', 'S1'], ['b', 'B', 'a', 'A'], ['收款2', '收款10', 'Z9'], ['\ud83d\ude00x', '\uffffa', 'é'], ['J1', 'J1'], [], ['only']];
    for (const ids of lists) {
      expect(sortIds(ids.slice())).toEqual(ids.slice().sort());
      expect(matchIdOfSorted('BANK1', sortIds(ids.slice()), ['L1'])).toBe(matchId('BANK1', ids, ['L1']));
    }
    expect(matchIdOfSorted('B', ['J1', 'J2', 'J3'], ['S9'])).toBe('M-1fxzlmk1drlxfw');
  });

  test('a pair of ids held as prefix and number gives the id of their texts', () => {
    const cases: [string, number, number, string, number, number][] = [
      ['J', 7, 1, 'S', 7, 2],
      ['J', 7, 1234567, 'S', 7, 0],
      ['bank.csv#', 0, 12, '', 0, 9_007_199_254_740_991],
      ['', 3, 5, '流水', 12, 100_000_000_000],
      ['R', 0, 0, 'R', 0, 10],
    ];
    for (const [ep, ew, e, lp, lw, l] of cases) {
      const id = matchIdOfPair('BANK1', serialText(ep, ew, e), serialText(lp, lw, l));
      const key = lastMatchKey();
      expect(matchIdOfSerialPair('BANK1', ep, ew, e, lp, lw, l)).toBe(id);
      expect(lastMatchKey()).toBe(key);
    }
    expect(serialText('J', 7, 42)).toBe('J0000042');
  });

  test('cells round-trip', () => {
    expect(joinIds(['S2', 'S10', 'S1'])).toBe('S1,S10,S2');
    expect(splitIds(' S1, S10 ,,S2')).toEqual(['S1', 'S10', 'S2']);
    expect(pairingKey(['J2', 'J1'], ['S1'])).toBe('J1,J2|S1');
  });
});
