import fc from 'fast-check';
import { commitCommand } from '../../analytics/book/commit-command';
import { recordEntry } from '../../analytics/journal/record-entry';
import { recomputeBalances } from '../../analytics/journal/recompute-balances';
import { ctx, makeBook } from './journal-book';

// Amounts as whole fen, so the expected total is integer arithmetic, independent of Decimal.
const fenToText = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

describe('recordEntry and recomputeBalances together', () => {
  it('end every account at opening + receipts − payments, to the fen', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 99_999_99 }), fc.integer({ min: 1, max: 28 })), { minLength: 1, maxLength: 25 }), (moves) => {
        let book = makeBook();
        let expected = 0;
        for (const [isIn, fen, day] of moves) {
          const amount = fenToText(fen);
          const date = `2024-06-${String(day).padStart(2, '0')}`;
          book = commitCommand(book, recordEntry(book, { date, accountId: 'BANK', summary: 'x', ...(isIn ? { inflow: amount } : { outflow: amount }) }, ctx), ctx).book;
          expected += isIn ? fen : -fen;
        }
        const { closing, updates } = recomputeBalances(book);
        const sign = expected < 0 ? '-' : '';
        return closing.BANK === sign + fenToText(Math.abs(expected)) && updates.length === 0;
      }),
      { seed: 20240630, numRuns: 60 },
    );
  });
});
