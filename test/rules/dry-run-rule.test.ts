import { dryRunRule } from '../../analytics/rules/dry-run-rule';
import { isAnalyticsError, type AnalyticsError } from '../../analytics/util/error';
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

  it('says what is wrong with the candidate in Chinese too', () => {
    let thrown: unknown;
    try {
      dryRunRule(book, rule('BAD', 1, [{ field: 'amount', op: 'between', value: '一百', to: '200.00' }]), { months: 6, asOf: '2024-01-31' });
    } catch (e) {
      thrown = e;
    }
    expect(isAnalyticsError(thrown, 'bad-rule')).toBe(true);
    expect((thrown as AnalyticsError).text).toEqual({
      'zh-CN': '试运行的规则无法使用：规则 BAD：金额条件要填写普通金额，如 100.00，但填的是“一百”和“200.00”',
      'en-US': "rule BAD: amount condition needs plain amounts like 100.00, got '一百' and '200.00'",
    });
  });

  it('is not stopped by a broken saved rule whose id contains the candidate\'s', () => {
    const withBroken = makeBook({ lines, rules: [rule('FEE10', 10, [{ field: 'colour', op: 'contains', value: 'x' }])] });
    const result = dryRunRule(withBroken, rule('FEE', 5, [{ field: 'description', op: 'contains', value: '手续费' }], { CounterAccount: '财务费用' }), { months: 6, asOf: '2024-01-31' });
    expect(result.matched).toBe(1);
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
