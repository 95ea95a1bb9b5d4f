/**
 * The CLI's two-thread matcher gives exactly what the one-thread matcher gives: the same
 * matches (rows, rule, score), the same outstanding items and balances, on the synthetic
 * hard mix and on a bench book, and when its helper fails it does the helper's half itself.
 */
import { computeReconciliation, type ReconciliationRun } from '../../analytics/reconcile/compute-reconciliation';
import { createTwoThreadMatcher, fileSize, rowsAFileMayHold, sideData, type TwoThreadMatcher } from '../../analytics/cli/two-thread-matcher';
import { generateBook, BENCH_ACCOUNT, BENCH_PERIOD } from '../../bench/generate';
import { makeSyntheticBook } from '../reconcile/synthetic-book';
import type { Book } from '../../analytics/book/types';
import * as path from 'node:path';
import { allocateColumns, journalColumns, statementColumns } from '../../analytics/reconcile/ledger-columns';
import { columnsOf } from '../../analytics/cli/match-worker';
import { IN_THIS_THREAD, type MatcherRunner } from '../../analytics/reconcile/match-statement';
import type { ProposalLog } from '../../analytics/reconcile/proposal-log';

// Matches as texts in the order they are written, and everything else of the run.
function outcome(run: ReconciliationRun) {
  const matches = run.proposals.toRows().map((p) => `${p.MatchId} ${p.EntryIds}=${p.LineIds} ${p.Rule} ${p.Score}`);
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
    expect(new Set(two.proposals.toRows().map((p) => p.Rule)).size).toBeGreaterThan(2);
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

  // Each time the caller is handed the log: its proposals so far, one line per proposal.
  function handedLogs(run: (meanwhile: (log: ProposalLog) => void) => ProposalLog) {
    const lines = (log: ProposalLog, n = log.count) => Array.from({ length: n }, (_, k) => `${log.ruleOf(k)} ${log.scoreOf(k)} ${log.entryOf(k, 0)}/${log.lineOf(k, 0)}`);
    const handed: string[][] = [];
    const final = run((log) => handed.push(lines(log)));
    return { handed, final: lines(final) };
  }

  test('the caller is handed this thread\'s half, then the helper\'s as each pass ends, each time a head of the final log', () => {
    const book = makeSyntheticBook({ seed: 5, events: 2000 }).book;
    const J = journalColumns(book.tables.Journal!.rows.filter((r) => r.AccountId === 'BANK1'));
    const S = statementColumns(book.tables.Statement!.rows.filter((r) => r.AccountId === 'BANK1'));
    // A helper slower than this thread, so its parts come in while this thread waits.
    runner = createTwoThreadMatcher({ minRows: 0, helperScript: path.join(__dirname, 'fixtures', 'helper-that-takes-its-time.js') });
    const { handed, final } = handedLogs((meanwhile) => runner!.match(J, S, {}, meanwhile));
    expect(runner.lastRun).toBe('two-threads');
    // This thread's half, then at least two of the helper's parts (exact and date-window
    // matches come in before the sums), each log growing and a head of the final one.
    expect(handed.length).toBeGreaterThanOrEqual(3);
    handed.forEach((lines, i) => {
      expect(lines).toEqual(final.slice(0, lines.length));
      if (i > 0) expect(lines.length).toBeGreaterThan(handed[i - 1].length);
    });
    // The first hand-over is this thread's sign alone, the rest the helper's.
    const own = handed[0].length;
    const sign = (line: string) => Math.sign(J.amount[Number(line.split(' ')[2].split('/')[0])]);
    expect(new Set(final.slice(0, own).map(sign)).size).toBe(1);
    expect(new Set(final.slice(own).map(sign))).toEqual(new Set([-sign(final[0])]));
    // On one thread nothing is handed over: everything comes back at once.
    const one = handedLogs((meanwhile) => IN_THIS_THREAD.match(J, S, {}, meanwhile));
    expect(one.handed).toEqual([]);
    expect(one.final.length).toBe(final.length);
  });

  test('a helper that dies part-way: the parts it sent stand, the rest of its half is done here, with the same result', () => {
    const book = makeSyntheticBook({ seed: 13, events: 1500 }).book;
    const one = computeReconciliation(book, { accountId: 'BANK1', period: '2024-06' });
    runner = createTwoThreadMatcher({ minRows: 0, stallMinMs: 300, helperScript: path.join(__dirname, 'fixtures', 'helper-that-dies-midway.js') });
    const handed: number[] = [];
    const counting: MatcherRunner = { match: (J, S, o, meanwhile) => runner!.match(J, S, o, (log) => (handed.push(log.count), meanwhile?.(log))) };
    const two = computeReconciliation(book, { accountId: 'BANK1', period: '2024-06', runner: counting });
    expect(runner.lastRun).toBe('helper-failed');
    // This thread's half, then at least one part from the helper before it died.
    expect(handed.length).toBeGreaterThanOrEqual(2);
    expect(outcome(two)).toEqual(outcome(one));
  });

  // A helper's parts are checked before they are added: a spoilt one is a failed helper, and
  // the rest of its half (from the last sound part on) is done here.
  test.each([
    ['sends a part twice', 'helper-that-repeats-a-part.js'],
    ['loses a part on the way', 'helper-that-loses-a-part.js'],
    ['marks a part last without saying how many it sent', 'helper-that-ends-early.js'],
    ['names a row past the end', 'helper-with-a-row-past-the-end.js'],
    ['passes a match off as a user\'s manual one', 'helper-that-claims-a-manual-match.js'],
    ['floods the port with empty parts', 'helper-that-floods.js'],
  ])('a helper that %s: the same result as one thread', (_what, script) => {
    const book = makeSyntheticBook({ seed: 21, events: 1500 }).book;
    const one = computeReconciliation(book, { accountId: 'BANK1', period: '2024-06' });
    runner = createTwoThreadMatcher({ minRows: 0, stallMinMs: 300, waitMs: 20_000, helperScript: path.join(__dirname, 'fixtures', script) });
    const two = computeReconciliation(book, { accountId: 'BANK1', period: '2024-06', runner });
    expect(runner.lastRun).toBe('helper-failed');
    expect(outcome(two)).toEqual(outcome(one));
  });

  test('a helper whose parts this thread\'s own run does not find: the reconciliation stops with an error, not a mix', () => {
    const book = makeSyntheticBook({ seed: 17, events: 1200 }).book;
    runner = createTwoThreadMatcher({ minRows: 0, stallMinMs: 300, helperScript: path.join(__dirname, 'fixtures', 'helper-that-lies.js') });
    expect(() => computeReconciliation(book, { accountId: 'BANK1', period: '2024-06', runner })).toThrow(expect.objectContaining({ code: 'helper-disagreed' }));
    expect(runner.lastRun).toBe('helper-failed');
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
    // Amounts cross in four bytes each while they fit, else in eight, and come back the same.
    expect(sideData(cols, 1, 1000, []).amount).toBeInstanceOf(Int32Array);
    const big = { ...cols, amount: cols.amount.map((a, i) => (i === 0 ? 2 ** 31 : i === 1 ? -(2 ** 40) : i === 2 ? 12.5 : a)) };
    const wide = sideData(big, 1, 1000, []);
    expect(wide.amount).toBeInstanceOf(Float64Array);
    expect(columnsOf(wide).amount).toEqual(big.amount);
    // Past the limit, or with a reference that holds a line break (which would split it in
    // two), the side is not handed over at all.
    expect(() => sideData(cols, 1, 20, [])).toThrow(RangeError);
    cols.reference[2] = 'A\nB';
    expect(() => sideData(cols, 1, 1000, [])).toThrow(/line break/);
  });

  test('references longer in all than a helper is handed: matched here, with the same result', () => {
    const book = makeSyntheticBook({ seed: 9, events: 1500 }).book;
    const one = computeReconciliation(book, { accountId: 'BANK1', period: '2024-06' });
    runner = createTwoThreadMatcher({ minRows: 0, maxReferenceChars: 100 });
    const two = computeReconciliation(book, { accountId: 'BANK1', period: '2024-06', runner });
    expect(runner.lastRun).toBe('one-thread');
    expect(outcome(two)).toEqual(outcome(one));
  });

  test('a command starts the helper early only for a file that may hold a large account', () => {
    // The bench's 1M book: 2,022,154 rows in 170,603,848 bytes (84 bytes a row).
    expect(rowsAFileMayHold(170_603_848)).toBe(5_331_370);
    expect(rowsAFileMayHold(170_603_848)).toBeGreaterThan(2_022_154);
    // The demo book (a few hundred rows, some 60 KB) stays far below the threshold.
    expect(rowsAFileMayHold(60_000)).toBe(1_875);
    expect(fileSize(path.join(__dirname, 'no-such-book.xlsx'))).toBe(0);
    expect(fileSize(__filename)).toBeGreaterThan(1000);
  });

  test('a small account stays on one thread', () => {
    const book = makeSyntheticBook({ seed: 3, events: 200 }).book;
    runner = createTwoThreadMatcher();
    computeReconciliation(book, { accountId: 'BANK1', period: '2024-06', runner });
    expect(runner.lastRun).toBe('one-thread');
  });
});
