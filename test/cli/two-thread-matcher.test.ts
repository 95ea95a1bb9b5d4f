/**
 * The CLI's two-thread matcher gives exactly what the one-thread matcher gives: the same
 * matches (rows, rule, score), the same outstanding items and balances, on the synthetic
 * hard mix and on a bench book, and when its helper fails it does the helper's half itself.
 */
import { computeReconciliation, type ReconciliationRun } from '../../analytics/reconcile/compute-reconciliation';
import { createTwoThreadMatcher, sideData, type TwoThreadMatcher } from '../../analytics/cli/two-thread-matcher';
import { generateBook, BENCH_ACCOUNT, BENCH_PERIOD } from '../../bench/generate';
import { makeSyntheticBook } from '../reconcile/synthetic-book';
import type { Book } from '../../analytics/book/types';
import * as path from 'node:path';
import { allocateColumns, journalColumns, statementColumns } from '../../analytics/reconcile/ledger-columns';
import { columnsOf } from '../../analytics/cli/match-worker';
import { IN_THIS_THREAD } from '../../analytics/reconcile/match-statement';
import type { ProposalLog } from '../../analytics/reconcile/proposal-log';

// Matches as texts in the order they are written, and everything else of the run.
function outcome(run: ReconciliationRun) {
  const matches = run.proposals.map((p) => `${p.MatchId} ${p.EntryIds}=${p.LineIds} ${p.Rule} ${p.Score}`);
  return { matches, items: run.items, totals: run.totals, counts: run.counts, difference: run.difference };
}

describe('two-thread matcher', () => {
  let runner: TwoThreadMatcher | undefined;
  afterEach(() => runner?.close());

  const cases: [string, () => Book, string, string][] = [
    ['synthetic standard mix', () => makeSyntheticBook({ seed: 7, events: 3000 }).book, 'BANK1', '2024-06'],
    ['bench book, 4,000 entries over a year', () => generateBook(4000, 11), BENCH_ACCOUNT, BENCH_PERIOD],
  ];

  test.each(cases)('%s: the same run as on one thread', (_name, make, accountId, period) => {
    const book = make();
    const one = computeReconciliation(book, { accountId, period });
    runner = createTwoThreadMatcher({ minRows: 0 });
    const two = computeReconciliation(book, { accountId, period, runner });
    expect(runner.lastRun).toBe('two-threads');
    expect(one.proposals.length).toBeGreaterThan(100);
    expect(outcome(two)).toEqual(outcome(one));
    // Receipts and payments each found matches on their own thread.
    expect(new Set(two.proposals.map((p) => p.Rule)).size).toBeGreaterThan(2);
  });

  // A failed helper's half is done on the main thread: a silent one is noticed by its
  // silence (stallMinMs), a bad answer at once.
  test.each([
    ['stays alive but silent', 'helper-that-hangs.js', 99],
    ['dies on its job', 'helper-that-dies.js', 5],
    ['answers with something that is not a log', 'helper-with-bad-reply.js', 8],
  ])('a helper that %s: its half is done here, with the same result', (_what, script, seed) => {
    const book = makeSyntheticBook({ seed, events: 1200 }).book;
    const one = computeReconciliation(book, { accountId: 'BANK1', period: '2024-06' });
    runner = createTwoThreadMatcher({ minRows: 0, stallMinMs: 300, helperScript: path.join(__dirname, 'fixtures', script) });
    const two = computeReconciliation(book, { accountId: 'BANK1', period: '2024-06', runner });
    expect(runner.lastRun).toBe('helper-failed');
    expect(outcome(two)).toEqual(outcome(one));
  });

  test('the caller is handed this thread\'s half while the helper works, as the head of the final log', () => {
    const book = makeSyntheticBook({ seed: 5, events: 2000 }).book;
    const seen: { count: number; rules: string[] }[] = [];
    runner = createTwoThreadMatcher({ minRows: 0 });
    const meanwhile = (log: ProposalLog) => seen.push({ count: log.count, rules: Array.from({ length: log.count }, (_, k) => `${log.ruleOf(k)} ${log.entryOf(k, 0)}`) });
    const J = journalColumns(book.tables.Journal!.rows.filter((r) => r.AccountId === 'BANK1'));
    const S = statementColumns(book.tables.Statement!.rows.filter((r) => r.AccountId === 'BANK1'));
    const log = runner.match(J, S, {}, meanwhile);
    expect(runner.lastRun).toBe('two-threads');
    expect(seen).toHaveLength(1);
    // Both halves found something, and the half handed over leads the final log unchanged.
    expect(seen[0].count).toBeGreaterThan(50);
    expect(log.count - seen[0].count).toBeGreaterThan(50);
    expect(Array.from({ length: seen[0].count }, (_, k) => `${log.ruleOf(k)} ${log.entryOf(k, 0)}`)).toEqual(seen[0].rules);
    // On one thread there is no meanwhile: everything comes back at once.
    const calls: number[] = [];
    expect(IN_THIS_THREAD.match(J, S, {}, (l) => calls.push(l.count)).count).toBe(log.count);
    expect(calls).toEqual([]);
  });

  test('a side crosses to the helper intact: references of its sign, code unit for code unit, and nothing of the other sign', () => {
    const odd = ['', 'TT2024060100017', '\ud800X', '\ufeffLEAD', '票据１２３', 'A\udc00\ud83d\ude00'];
    const cols = allocateColumns(odd.length * 2);
    odd.forEach((r, i) => {
      for (const [k, sign] of [[2 * i, 1], [2 * i + 1, -1]] as const) {
        cols.reference[k] = r;
        cols.amount[k] = sign * (1001 + i);
        cols.day[k] = 20000 + i;
      }
    });
    const transfer: ArrayBuffer[] = [];
    const back = columnsOf(sideData(cols, 1, 1000, transfer));
    expect(back.reference).toEqual(odd.flatMap((r) => [r, '']));
    expect(back.amount).toEqual(cols.amount);
    expect(Array.from(back.day)).toEqual(Array.from(cols.day));
    expect(transfer).toHaveLength(3);
    // Past the limit, the side is not handed over at all.
    expect(() => sideData(cols, 1, 20, [])).toThrow(RangeError);
  });

  test('references longer in all than a helper is handed: matched here, with the same result', () => {
    const book = makeSyntheticBook({ seed: 9, events: 1500 }).book;
    const one = computeReconciliation(book, { accountId: 'BANK1', period: '2024-06' });
    runner = createTwoThreadMatcher({ minRows: 0, maxReferenceChars: 100 });
    const two = computeReconciliation(book, { accountId: 'BANK1', period: '2024-06', runner });
    expect(runner.lastRun).toBe('one-thread');
    expect(outcome(two)).toEqual(outcome(one));
  });

  test('a small account stays on one thread', () => {
    const book = makeSyntheticBook({ seed: 3, events: 200 }).book;
    runner = createTwoThreadMatcher();
    computeReconciliation(book, { accountId: 'BANK1', period: '2024-06', runner });
    expect(runner.lastRun).toBe('one-thread');
  });
});
