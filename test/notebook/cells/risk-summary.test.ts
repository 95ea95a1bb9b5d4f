// Expected values worked out by hand from the findings below.
import { riskSummary } from '../../../analytics/notebook/cells/risk-summary';
import { inputOf, makeBook } from '../fixtures/make-book';

const book = makeBook({
  Exceptions: [
    { FindingId: 'F1', Rule: 'large-cash',   Severity: 'high',   Status: 'open',      Amount: '60000.00' },
    { FindingId: 'F2', Rule: 'large-cash',   Severity: 'high',   Status: 'resolved',  Amount: '55000.00' },
    { FindingId: 'F3', Rule: 'large-cash',   Severity: 'medium', Status: 'reviewing', Amount: '-52000.00' },
    { FindingId: 'F4', Rule: 'round-amount', Severity: 'low',    Status: 'open',      Amount: '1000.00' },
    { FindingId: 'F5', Rule: 'round-amount', Severity: 'low',    Status: 'dismissed', Amount: '2000.00' },
    { FindingId: 'F6', Rule: 'weekend',      Severity: 'medium', Status: 'escalated', Amount: '300.00' },
  ],
});

describe('riskSummary', () => {
  it('counts open and closed findings per rule with the amount still open', () => {
    const rows = riskSummary({}, inputOf(book)).rows;
    expect(rows.map((r) => [r.Rule, r.Open, r.Closed, r.High, r.Medium, r.Low, r.OpenAmount])).toEqual([
      ['large-cash',   2, 1, 1, 1, 0, '112000.00'],
      ['round-amount', 1, 1, 0, 0, 1, '1000.00'],
      ['weekend',      1, 0, 0, 1, 0, '300.00'],
    ]);
  });

  it('totals open, closed and open high-severity findings', () => {
    const metrics = riskSummary({}, inputOf(book)).metrics ?? [];
    expect(metrics.map((m) => [m.key, m.value])).toEqual([['open', 4], ['closed', 2], ['high', 1]]);
  });
});
