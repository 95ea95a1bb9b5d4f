import { dryRunRule } from '../../analytics/rules/dry-run-rule';
import { line, makeBook, rule } from './fixtures';

describe('dryRunRule', () => {
  const lines = [line('2023-01-05', '-5.00', '手续费'), line('2024-01-05', '-5.00', '手续费'), line('2024-01-10', '-3.00', '电费', '国网电力'), line('2024-01-21', '0.35', '结息')];
  const book = makeBook({ lines, rules: [rule('FEE', 10, [{ field: 'description', op: 'contains', value: '手续费' }], { CounterAccount: '财务费用' })] });

  it('shows the lines a new rule would decide within the window, and nothing outside it', () => {
    const result = dryRunRule(book, rule('POWER', 5, [{ field: 'counterparty', op: 'contains', value: '电力' }], { CounterAccount: '管理费用-电费' }), { months: 6, asOf: '2024-01-31' });
    expect(result.lines).toBe(3);
    expect(result.matched).toBe(1);
    expect(result.changes).toEqual([
      { lineId: lines[2].LineId, date: '2024-01-10', amount: '-3.00', description: '电费 国网电力', before: { ruleId: undefined }, after: { ruleId: 'POWER', CounterAccount: '管理费用-电费' } },
    ]);
  });

  it('shows a changed rule taking lines over with its new counter account', () => {
    const result = dryRunRule(book, rule('FEE', 10, [{ field: 'description', op: 'contains', value: '手续费' }], { CounterAccount: '财务费用-手续费' }), { months: 6, asOf: '2024-01-31' });
    expect(result.changes.map((c) => [c.lineId, c.before.CounterAccount, c.after.CounterAccount])).toEqual([[lines[1].LineId, '财务费用', '财务费用-手续费']]);
  });

  it('refuses a candidate whose conditions do not parse', () => {
    expect(() => dryRunRule(book, rule('BAD', 1, [{ field: 'colour', op: 'contains', value: 'x' }]), { months: 6, asOf: '2024-01-31' })).toThrow(/unknown field 'colour'/);
  });
});

describe('dryRunRule given conditions as a list rather than JSON text', () => {
  it('reads them the same way', () => {
    const lines = [line('2024-01-10', '-3.00', '电费', '国网电力')];
    const book = makeBook({ lines });
    const candidate = { RuleId: 'P', Order: 1, Enabled: true, Conditions: [{ field: 'counterparty', op: 'contains', value: '电力' }] as never, CounterAccount: '管理费用' };
    expect(dryRunRule(book, candidate, { months: 1, asOf: '2024-01-31' }).matched).toBe(1);
  });
});
