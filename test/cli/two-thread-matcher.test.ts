/**
 * The CLI's two-thread matcher gives exactly what the one-thread matcher gives: the same
 * matches (rows, rule, score), the same outstanding items and balances, on the synthetic
 * hard mix and on a bench book, and when its helper fails it does the helper's half itself.
 */
import { computeReconciliation, type ReconciliationRun } from '../../analytics/reconcile/compute-reconciliation';
import { createTwoThreadMatcher, type TwoThreadMatcher } from '../../analytics/cli/two-thread-matcher';
import { generateBook, BENCH_ACCOUNT, BENCH_PERIOD } from '../../bench/generate';
import { makeSyntheticBook } from '../reconcile/synthetic-book';
import type { Book } from '../../analytics/book/types';
import * as path from 'node:path';

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

  test('a small account stays on one thread', () => {
    const book = makeSyntheticBook({ seed: 3, events: 200 }).book;
    runner = createTwoThreadMatcher();
    computeReconciliation(book, { accountId: 'BANK1', period: '2024-06', runner });
    expect(runner.lastRun).toBe('one-thread');
  });
});
