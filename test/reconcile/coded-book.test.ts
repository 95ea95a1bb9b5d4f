/**
 * A book whose Journal and Statement are held as coded columns (as `cashbook reconcile`
 * reads a large one) reconciles to exactly what the same book held as rows gives: the same
 * matches with the same ids and cells, the same items, the same balances, on one thread or two.
 */
import { applyChangeSet } from '../../analytics/book/apply-change-set';
import { bodyOf, holdAsCodedColumns } from '../../analytics/book/column-rows';
import { SerialCells } from '../../analytics/book/coded-cells';
import type { Book, Row } from '../../analytics/book/types';
import { createTwoThreadMatcher } from '../../analytics/cli/two-thread-matcher';
import { computeReconciliation, type ReconciliationRun } from '../../analytics/reconcile/compute-reconciliation';
import { confirmMatch, rejectMatch } from '../../analytics/reconcile/match-decisions';
import type { MatcherRunner } from '../../analytics/reconcile/match-statement';
import { reconcileAccount } from '../../analytics/reconcile/reconcile-account';
import { BENCH_ACCOUNT, BENCH_PERIOD, generateBook } from '../../bench/generate';
import { makeSyntheticBook } from './synthetic-book';
import { CTX } from './make-book';

// The same book with its ledgers held as coded columns (the given book is left as it is).
function coded(book: Book): Book {
  const tables = { ...book.tables };
  for (const key of ['Journal', 'Statement'] as const) if (tables[key]) tables[key] = holdAsCodedColumns(tables[key]!);
  return { ...book, tables };
}

// What a run says, in plain values.
function plainRun(run: ReconciliationRun): Record<string, unknown> {
  return { ...run, proposals: run.proposals.toRows() };
}

function expectSameRun(book: Book, params: { accountId: string; period: string; asOf?: string }, runner?: MatcherRunner): ReconciliationRun {
  const byRows = computeReconciliation(book, params);
  const asColumns = coded(book);
  const byColumns = computeReconciliation(asColumns, { ...params, runner });
  expect(plainRun(byColumns)).toEqual(plainRun(byRows));
  // The ledgers were read as columns, never made into rows.
  expect(bodyOf(asColumns.tables.Journal)).toBeDefined();
  expect(bodyOf(asColumns.tables.Statement)).toBeDefined();
  return byRows;
}

// A generated book with what a hand-kept one has: a row without an id, a repeated line id, a
// reference written loosely, a reversal and its original, another account's row, a row dated
// after the period and one without a date.
function messyBook(rows: number, seed: number): Book {
  const book = generateBook(rows, seed);
  const j = book.tables.Journal!.rows;
  const s = book.tables.Statement!.rows;
  const at = (list: Row[], k: number) => list[Math.floor(list.length * k)];
  at(j, 0.1).EntryId = null;
  at(s, 0.2).LineId = at(s, 0.21).LineId;
  at(j, 0.3).Reference = ' r-' + String(at(j, 0.3).Reference ?? '77').slice(1).toLowerCase();
  const original = at(j, 0.4);
  j.push({ ...original, EntryId: 'J9999999', Status: 'reversal', ReversalOf: original.EntryId, Inflow: original.Outflow, Outflow: original.Inflow });
  at(j, 0.5).AccountId = 'CASH';
  at(s, 0.6).Date = '2026-01-03';
  at(s, 0.7).Date = null;
  return book;
}

describe('a book held as coded columns', () => {
  test('a generated book: ids, references, dates and amounts all coded, the same reconciliation', () => {
    const book = generateBook(6000, 3);
    const journal = bodyOf(coded(book).tables.Journal)!;
    for (const key of ['EntryId', 'Reference']) expect(journal.cellsOf(key)).toBeInstanceOf(SerialCells);
    const run = expectSameRun(book, { accountId: BENCH_ACCOUNT, period: BENCH_PERIOD });
    expect(run.proposals.length).toBeGreaterThan(4000);
    expect(run.difference).toBe(0);
  });

  test('a hand-kept book (blank and repeated ids, loose references, reversals, other accounts): the same reconciliation', () => {
    for (const seed of [1, 2, 5]) expectSameRun(messyBook(6000, seed), { accountId: BENCH_ACCOUNT, period: BENCH_PERIOD });
  });

  test('as of a day within the period (the aging review), the same items', () => {
    expectSameRun(generateBook(6000, 4), { accountId: BENCH_ACCOUNT, period: BENCH_PERIOD, asOf: '2025-11-17' });
  });

  test('synthetic books of every kind of event: the same matches and items', () => {
    for (const seed of [11, 12, 13]) {
      const { book } = makeSyntheticBook({ seed, events: 400 });
      expectSameRun(book, { accountId: 'BANK1', period: '2024-06' });
    }
  });

  test('a second run after confirmed and rejected matches keeps the decisions alike', () => {
    let book = generateBook(6000, 6);
    const params = { accountId: BENCH_ACCOUNT, period: BENCH_PERIOD };
    book = applyChangeSet(book, reconcileAccount(book, params, CTX).changes);
    const ids = book.tables.Matches!.rows.map((m) => String(m.MatchId));
    book = applyChangeSet(book, confirmMatch(book, { matchId: ids[3] }, CTX).changes);
    book = applyChangeSet(book, rejectMatch(book, { matchId: ids[10] }, CTX).changes);
    book = applyChangeSet(book, rejectMatch(book, { matchId: ids[200] }, CTX).changes);
    const again = expectSameRun(book, params);
    expect(again.keptMatches).toBe(1);
  });

  test('reconciling and committing leaves the ledgers held as columns', () => {
    const book = coded(generateBook(6000, 8));
    const after = applyChangeSet(book, reconcileAccount(book, { accountId: BENCH_ACCOUNT, period: BENCH_PERIOD }, CTX).changes);
    expect(bodyOf(after.tables.Journal)).toBeDefined();
    expect(bodyOf(after.tables.Statement)).toBeDefined();
    expect(after.tables.Matches!.rows.length).toBeGreaterThan(4000);
  });

  describe('on two threads', () => {
    const runner = createTwoThreadMatcher({ minRows: 0 });
    afterAll(() => runner.close());
    test('references cross to the helper as numbers, and the result is the one thread gives on rows', () => {
      expectSameRun(generateBook(6000, 9), { accountId: BENCH_ACCOUNT, period: BENCH_PERIOD }, runner);
      expect(runner.lastRun).toBe('two-threads');
    });
  });
});
