/**
 * Matcher precision and recall on synthetic books with known truth, beside a plain
 * exact-amount-and-same-date baseline computed on the same books. A predicted match counts
 * as right only when its entries and lines are exactly a true group.
 */
import { text } from '../../analytics/book/book';
import type { Book, Row } from '../../analytics/book/types';
import { computeReconciliation } from '../../analytics/reconcile/compute-reconciliation';
import { pairingKey, splitIds } from '../../analytics/reconcile/match-id';
import { makeSyntheticBook, type TruthGroup } from './synthetic-book';

interface Score {
  precision: number;
  recall: number;
  predicted: number;
  correct: number;
}

const idLists = (p: Row) => ({ entryIds: splitIds(p.EntryIds), lineIds: splitIds(p.LineIds) });

function score(predicted: { entryIds: string[]; lineIds: string[] }[], truth: TruthGroup[]): Score {
  const truthKeys = new Set(truth.map((t) => pairingKey(t.entries, t.lines)));
  const correct = predicted.filter((p) => truthKeys.has(pairingKey(p.entryIds, p.lineIds))).length;
  return { precision: correct / Math.max(1, predicted.length), recall: correct / truth.length, predicted: predicted.length, correct };
}

// The baseline: equal amount to the cent on the same date, first come first served.
function baselineMatches(book: Book): { entryIds: string[]; lineIds: string[] }[] {
  const open = new Map<string, string[]>();
  for (const l of book.tables.Statement!.rows) {
    const key = `${text(l.Date)}|${Number(l.Amount).toFixed(2)}`;
    open.set(key, (open.get(key) ?? []).concat(text(l.LineId)));
  }
  const out: { entryIds: string[]; lineIds: string[] }[] = [];
  for (const e of book.tables.Journal!.rows) {
    const amount = e.Inflow ? Number(e.Inflow) : -Number(e.Outflow);
    const waiting = open.get(`${text(e.Date)}|${amount.toFixed(2)}`);
    const line = waiting?.shift();
    if (line) out.push({ entryIds: [text(e.EntryId)], lineIds: [line] });
  }
  return out;
}

const pct = (x: number) => `${(100 * x).toFixed(2)}%`;

describe('matchStatement quality on the standard synthetic mix', () => {
  const results = [20240601, 7, 99].map((seed) => {
    const { book, truth } = makeSyntheticBook({ seed, events: 2000 });
    const run = computeReconciliation(book, { accountId: 'BANK1', period: '2024-06' });
    return { seed, truth, matcher: score(run.proposals.toRows().map(idLists), truth), baseline: score(baselineMatches(book), truth), proposals: run.proposals };
  });

  it('reports precision and recall beside the exact-amount-and-date baseline', () => {
    const table = results.map((r) =>
      `seed ${String(r.seed).padEnd(9)} truth ${r.truth.length}  matcher P ${pct(r.matcher.precision)} R ${pct(r.matcher.recall)}  ` +
      `baseline P ${pct(r.baseline.precision)} R ${pct(r.baseline.recall)}`,
    );
    // A harder mix, reported and not asserted: combined deposits of receipts up to 2 days old.
    const hard = makeSyntheticBook({ seed: 20240601, events: 2000, depositSpreadDays: 2 });
    const hardRun = computeReconciliation(hard.book, { accountId: 'BANK1', period: '2024-06' });
    const h = score(hardRun.proposals.toRows().map(idLists), hard.truth);
    const hb = score(baselineMatches(hard.book), hard.truth);
    table.push(`hard mix (deposits spread 2 days)  matcher P ${pct(h.precision)} R ${pct(h.recall)}  baseline P ${pct(hb.precision)} R ${pct(hb.recall)}`);
    process.stdout.write(`\nmatcher quality (standard mix, 2000 events per book)\n${table.join('\n')}\n`);
    for (const r of results) expect(r.matcher.recall).toBeGreaterThan(r.baseline.recall);
  });

  it('reaches at least 99.5% precision', () => {
    for (const r of results) expect(r.matcher.precision).toBeGreaterThanOrEqual(0.995);
  });

  it('reaches at least 98% recall', () => {
    for (const r of results) expect(r.matcher.recall).toBeGreaterThanOrEqual(0.98);
  });
});
