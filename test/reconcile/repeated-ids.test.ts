/**
 * Two matches with one id cannot both be Matches rows: a row names its match by id, and
 * re-runs, confirmations and the seals go by it. Ids repeat when a sheet repeats a row id
 * (a hand-kept journal) or when ids hold the separators the id is made with. The later
 * match is then left out and its rows stay outstanding, said in a warning (found by the red
 * team: the Matches sheet got the same MatchId twice).
 */
import { bodyOf } from '../../analytics/book/column-rows';
import { computeReconciliation } from '../../analytics/reconcile/compute-reconciliation';
import { matchId } from '../../analytics/reconcile/match-id';
import { reconcileAccount } from '../../analytics/reconcile/reconcile-account';
import { makeBook } from './make-book';

const CTX = { now: '2024-07-01 09:00:00', user: 'tester', lang: 'en-US' as const };

test('a journal that repeats an EntryId gets one match under that id; the other pair stays outstanding', () => {
  // J1 twice and L1 twice: the two exact pairs would both be J1 ~ L1.
  const book = makeBook({
    entries: [['J1', '2024-06-03', '+100.00'], ['J1', '2024-06-10', '+100.00'], ['J2', '2024-06-12', '-30.00']],
    lines: [['L1', '2024-06-03', '+100.00'], ['L1', '2024-06-10', '+100.00'], ['L2', '2024-06-12', '-30.00']],
  });
  const run = computeReconciliation(book, { accountId: 'BANK1', period: '2024-06' });
  const id = matchId('BANK1', ['J1'], ['L1']);
  expect(run.proposals.toRows().map((p) => [p.MatchId, p.EntryIds, p.LineIds])).toEqual([
    [id, 'J1', 'L1'],
    [matchId('BANK1', ['J2'], ['L2']), 'J2', 'L2'],
  ]);
  expect(run.repeatedMatchIds).toEqual([id]);
  // The second J1 (06-10) and the second L1 stay outstanding, and explain each other.
  expect(run.items.map((i) => [i.kind, i.id, i.date, i.amount])).toEqual([
    ['BookReceivedNotOnBank', 'J1', '2024-06-10', 10000],
    ['BankReceivedNotBooked', 'L1', '2024-06-10', 10000],
  ]);
  expect(run.difference).toBe(0);
});

test('ids holding the separator cannot make two matches of one id', () => {
  // 'A|B' ~ 'C' and 'A' ~ 'B|C' both hash 'BANK1#A|B|C'.
  const book = makeBook({
    entries: [['A|B', '2024-06-03', '+100.00'], ['A', '2024-06-20', '+55.00']],
    lines: [['C', '2024-06-03', '+100.00'], ['B|C', '2024-06-20', '+55.00']],
  });
  expect(matchId('BANK1', ['A|B'], ['C'])).toBe(matchId('BANK1', ['A'], ['B|C']));
  const run = computeReconciliation(book, { accountId: 'BANK1', period: '2024-06' });
  expect(run.proposals.toRows().map((p) => [p.EntryIds, p.LineIds])).toEqual([['A|B', 'C']]);
  expect(run.items.map((i) => i.id).sort()).toEqual(['A', 'B|C']);
});

test('reconcile says which matches it left out, and asks for review', () => {
  const book = makeBook({ entries: [['J1', '2024-06-03', '+100.00'], ['J1', '2024-06-10', '+100.00']], lines: [['L1', '2024-06-03', '+100.00'], ['L1', '2024-06-10', '+100.00']] });
  const result = reconcileAccount(book, { accountId: 'BANK1', period: '2024-06' }, CTX);
  expect(result.exitCode).toBe(1);
  const warning = result.messages.find((m) => m.event === 'reconcile-repeated-ids')!;
  expect(warning.level).toBe('warn');
  expect(warning.text['en-US']).toBe(`BANK1 2024-06: 1 match(es) not written because another match has the same id (${matchId('BANK1', ['J1'], ['L1'])}): the Journal or Statement repeats a row id, or an id holds ',' or '|'. Their rows stay outstanding; fix the ids and reconcile again.`);
  const upsert = result.changes.find((c) => c.table === 'Matches' && c.op === 'upsert')!;
  expect(bodyOf(upsert as Extract<typeof upsert, { op: 'upsert' }>)!.length).toBe(1);
});
