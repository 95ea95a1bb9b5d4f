import { detectFindings } from '../../analytics/risk/detect-findings';
import { benchRiskScan, riskBaselineCsv } from '../../analytics/risk/bench-risk-scan';
import { RISK_RULES } from '../../analytics/risk/rules';
import { makeSyntheticRiskBook, plantedRecall } from '../../analytics/risk/synthetic-book';

// Seeded synthetic books (analytics/risk/synthetic-book.ts): 20,000 clean entries for 200
// customers over one year, plus one planted anomaly per rule (Benford is tested on its own).
describe('risk rules on a synthetic book', () => {
  const planted = makeSyntheticRiskBook({ plant: true, seed: 7 });
  const clean = makeSyntheticRiskBook({ plant: false, seed: 7 });
  const onPlanted = detectFindings(planted.book);
  const onClean = detectFindings(clean.book);

  it('finds every planted anomaly (recall)', () => {
    const { found, missed } = plantedRecall(onPlanted.findings, planted.planted);
    const recall = found.length / planted.planted.length;
    process.stdout.write(
      `risk recall: ${found.length}/${planted.planted.length} = ${(recall * 100).toFixed(1)} %\n`,
    );
    expect(missed).toEqual([]);
    expect(planted.planted.length).toBe(15);
  });

  it('flags few clean entries (false-positive rate below 0.5 %)', () => {
    const flagged = new Set(onClean.findings.flatMap((f) => f.entryIds));
    const rate = flagged.size / onClean.entries;
    process.stdout.write(
      `risk false positives on clean data: ${flagged.size}/${onClean.entries} entries = ${(rate * 100).toFixed(3)} %, ${onClean.findings.length} findings\n`,
    );
    expect(rate).toBeLessThan(0.005);
  });

  it('puts no finding on a clean entry of the planted book except through a planted one', () => {
    const plantedIds = new Set(planted.planted.flatMap((p) => p.entryIds));
    const touchesPlanted = (f: (typeof onPlanted.findings)[number]) =>
      f.entryIds.some((id) => plantedIds.has(id) || id.startsWith('P-')) ||
      plantedRecall([f], planted.planted).found.length > 0;
    const stray = onPlanted.findings.filter((f) => !touchesPlanted(f));
    expect(stray.map((f) => `${f.rule}: ${f.explanation['en-US']}`)).toEqual([]);
  });

  it('builds the same book from the same seed', () => {
    expect(
      makeSyntheticRiskBook({ plant: true, seed: 7 }).book.tables.Journal!.rows.slice(0, 50),
    ).toEqual(planted.book.tables.Journal!.rows.slice(0, 50));
  });
});

describe('benchRiskScan', () => {
  it('times every rule over a small synthetic book and counts their findings', () => {
    const r = benchRiskScan({ entries: 3000, customers: 30, days: 200, seed: 3 });
    expect(Object.keys(r.perRuleMs).sort()).toEqual(RISK_RULES.map((rule) => rule.id).sort());
    expect(r.findings).toBe(Object.values(r.byRule).reduce((s, n) => s + n, 0));
    expect(r.byRule['large-value']).toBeGreaterThanOrEqual(1);
  });

  it('writes the journal for the pandas peer with one line per entry', () => {
    const { book } = makeSyntheticRiskBook({ entries: 500, customers: 10, days: 60, seed: 3 });
    const lines = riskBaselineCsv(book).trimEnd().split('\n');
    expect(lines[0]).toBe('entry_id,day,customer,cash,amount');
    expect(lines).toHaveLength(1 + book.tables.Journal!.rows.length);
  });
});
