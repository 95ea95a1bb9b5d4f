import { applyChangeSet } from '../../analytics/book/apply-change-set';
import type { Book, CommandResult, Row } from '../../analytics/book/types';
import { addManualMatch, confirmMatch, rejectMatch } from '../../analytics/reconcile/match-decisions';
import { reconcileAccount } from '../../analytics/reconcile/reconcile-account';
import { CTX, makeBook } from './make-book';

const PERIOD = { accountId: 'BANK1', period: '2024-06' };

// Entry J1 pairs with L1 (two days apart); J2/L2 pair on the same day; L9 is ten days off J9.
function base(): Book {
  return makeBook({
    entries: [
      ['J1', '2024-06-03', '+1000.00'],
      ['J2', '2024-06-05', '-250.00'],
      ['J9', '2024-06-10', '-777.00'],
    ],
    lines: [
      ['L1', '2024-06-05', '+1000.00'],
      ['L2', '2024-06-05', '-250.00'],
      ['L9', '2024-06-20', '-777.00'],
    ],
  });
}

const apply = (book: Book, r: CommandResult) => applyChangeSet(book, r.changes);
const matches = (book: Book): Row[] => book.tables.Matches!.rows;
const idOf = (book: Book, lineId: string) => String(matches(book).find((m) => m.LineIds === lineId)!.MatchId);

describe('match decisions across re-runs', () => {
  it('writes the same match ids when run twice (upsert, no duplicates)', () => {
    const once = apply(base(), reconcileAccount(base(), PERIOD, CTX));
    const twice = apply(once, reconcileAccount(once, PERIOD, CTX));
    expect(matches(twice).map((m) => m.LineIds)).toEqual(['L1', 'L2']);
  });

  it('never proposes a rejected pairing again', () => {
    let book = apply(base(), reconcileAccount(base(), PERIOD, CTX));
    book = apply(book, rejectMatch(book, { matchId: idOf(book, 'L1') }, CTX));
    const rerun = reconcileAccount(book, PERIOD, CTX);
    book = apply(book, rerun);
    expect(matches(book).filter((m) => m.LineIds === 'L1').map((m) => m.Status)).toEqual(['rejected']);
    expect(rerun.summary.outstanding.bookReceivedNotOnBank.count).toBe(1);
    expect(rerun.summary.outstanding.bankReceivedNotBooked.count).toBe(1);
  });

  it('keeps a confirmed match as it is and counts it as matched', () => {
    let book = apply(base(), reconcileAccount(base(), PERIOD, CTX));
    const id = idOf(book, 'L2');
    book = apply(book, confirmMatch(book, { matchId: id }, CTX));
    const rerun = reconcileAccount(book, PERIOD, CTX);
    const touched = rerun.changes.flatMap((c) => ('rows' in c && c.table === 'Matches' ? c.rows.map((r) => r.MatchId) : 'ids' in c ? c.ids : []));
    expect(touched).not.toContain(id);
    expect(rerun.summary.matched).toBe(2);
  });

  it('keeps a hand-made match that no rule would make', () => {
    let book = apply(base(), reconcileAccount(base(), PERIOD, CTX));
    book = apply(book, addManualMatch(book, { ...PERIOD, entryIds: ['J9'], lineIds: ['L9'] }, CTX));
    const rerun = reconcileAccount(book, PERIOD, CTX);
    expect(rerun.summary.matched).toBe(3);
    expect(rerun.summary.difference).toBe('0.00');
    expect(Object.values(rerun.summary.outstanding).map((o) => o.count)).toEqual([0, 0, 0, 0]);
  });

  it('deletes this period’s automatic match when its rows are matched by hand', () => {
    let book = apply(base(), reconcileAccount(base(), PERIOD, CTX));
    const old = idOf(book, 'L1');
    const manual = addManualMatch(book, { ...PERIOD, entryIds: ['J1'], lineIds: ['L1', 'L2'] }, CTX);
    expect(manual.summary.displaced).toEqual([old, idOf(book, 'L2')]);
    expect(manual.summary.residual).toBe('-250.00');
  });

  it('refuses to confirm a match that does not exist', () => {
    expect(() => confirmMatch(base(), { matchId: 'M-nope' }, CTX)).toThrow("Match 'M-nope' is not in the Matches table.");
  });
});
