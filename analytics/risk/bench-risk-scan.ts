/**
 * What `npm run bench` calls for the risk scan: build the seeded synthetic book, then time
 * detectFindings over it, rule by rule. Also writes the same journal as a small CSV for the
 * pandas peer (test/risk/fixtures/risk_pandas_baseline.py: large-value, duplicates and
 * robust z-score). Timing uses performance.now(), so it runs in Node and browsers alike.
 */
import { fromMinorUnits } from '../money/minor-units';
import { prepareRiskInput } from './risk-input';
import { RISK_RULES } from './rules';
import { makeSyntheticRiskBook, type SyntheticBookOptions } from './synthetic-book';
import type { Book } from '../book/types';

export interface RiskBenchResult {
  entries: number;
  findings: number;
  /** Building the synthetic book (not part of the scan). */
  buildMs: number;
  /** Reading the journal into columns. */
  columnsMs: number;
  /** Columns plus every rule. */
  scanMs: number;
  perRuleMs: Record<string, number>;
  byRule: Record<string, number>;
  book: Book;
}

/**
 * Time a full risk scan over a synthetic book.
 * @param options book size and seed. @default 1,000,000 entries, 2,000 customers, three years, seed 1, planted anomalies
 * @example benchRiskScan({ entries: 1_000_000 }).scanMs
 */
export function benchRiskScan(options: SyntheticBookOptions = {}): RiskBenchResult {
  const t0 = performance.now();
  const { book } = makeSyntheticRiskBook({
    entries: 1_000_000,
    customers: 2000,
    days: 1095,
    seed: 1,
    plant: true,
    ...options,
  });
  const t1 = performance.now();
  const input = prepareRiskInput(book);
  const t2 = performance.now();
  const perRuleMs: Record<string, number> = {};
  const byRule: Record<string, number> = {};
  let findings = 0;
  for (const rule of RISK_RULES) {
    const start = performance.now();
    const found = rule.detect(input);
    perRuleMs[rule.id] = Math.round(performance.now() - start);
    byRule[rule.id] = found.length;
    findings += found.length;
  }
  const t3 = performance.now();
  return {
    entries: input.journal.n,
    findings,
    buildMs: Math.round(t1 - t0),
    columnsMs: Math.round(t2 - t1),
    scanMs: Math.round(t3 - t1),
    perRuleMs,
    byRule,
    book,
  };
}

/**
 * The journal as CSV for the pandas peer: entry_id, day, customer, cash, amount (yuan text).
 * @example riskBaselineCsv(book).split('\n')[0] // 'entry_id,day,customer,cash,amount'
 */
export function riskBaselineCsv(book: Book): string {
  const input = prepareRiskInput(book);
  const { journal } = input;
  const lines = ['entry_id,day,customer,cash,amount'];
  for (let i = 0; i < journal.n; i++) {
    const c = journal.customer[i];
    lines.push(
      `${journal.entryId(i)},${journal.day[i]},${c >= 0 ? journal.customerIds[c] : ''},${journal.cash[i]},${fromMinorUnits(journal.amount[i])}`,
    );
  }
  return lines.join('\n') + '\n';
}
