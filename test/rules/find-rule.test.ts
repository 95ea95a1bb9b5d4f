import { findRule } from '../../analytics/rules/find-rule';
import { parseRules } from '../../analytics/rules/parse-rules';
import { line, rule } from './fixtures';

const decide = (rules: ReturnType<typeof rule>[], l: ReturnType<typeof line>) => findRule(parseRules(rules).rules, l)?.ruleId;

describe('findRule', () => {
  it('picks the first matching rule in Order, not in sheet order', () => {
    const rules = [
      rule('LATE', 20, [{ field: 'description', op: 'contains', value: '手续费' }]),
      rule('EARLY', 10, [{ field: 'description', op: 'contains', value: '费' }]),
    ];
    expect(decide(rules, line('2024-01-05', '-5.00', '跨行手续费'))).toBe('EARLY');
  });

  it('skips a rule that is switched off', () => {
    const rules = [
      rule('OFF', 1, [{ field: 'description', op: 'contains', value: '利息' }], {}, false),
      rule('ON', 2, [{ field: 'description', op: 'contains', value: '利息' }]),
    ];
    expect(decide(rules, line('2024-01-21', '0.35', '结息 利息'))).toBe('ON');
  });

  it('matches a regex against the folded description', () => {
    const rules = [rule('FEE', 1, [{ field: 'description', op: 'regex', value: '^(跨行|汇款)?手续费$' }])];
    expect(decide(rules, line('2024-01-05', '-5.00', '汇款手续费'))).toBe('FEE');
    expect(decide(rules, line('2024-01-05', '-5.00', '手续费退回'))).toBeUndefined();
  });

  it.each`
    amount        | decided
    ${'-0.01'}    | ${'SMALL'}
    ${'-10.00'}   | ${'SMALL'}
    ${'-10.01'}   | ${undefined}
    ${'10.00'}    | ${undefined}
  `('with amount between 0.01 and 10.00 and sign out, decides $amount as $decided', ({ amount, decided }) => {
    const rules = [rule('SMALL', 1, [{ field: 'amount', op: 'between', value: '0.01', to: '10.00' }, { field: 'sign', op: 'is', value: 'out' }])];
    expect(decide(rules, line('2024-01-05', amount, 'x'))).toBe(decided);
  });

  it('compares full-width text with half-width conditions', () => {
    const rules = [rule('ABC', 1, [{ field: 'counterparty', op: 'contains', value: 'abc公司' }])];
    expect(decide(rules, line('2024-01-05', '100.00', '货款', 'ＡＢＣ公司'))).toBe('ABC');
  });

  it('reports a rule with a regex that does not compile and keeps the others', () => {
    const { rules, problems } = parseRules([rule('BAD', 1, [{ field: 'description', op: 'regex', value: '([' }]), rule('OK', 2, [{ field: 'description', op: 'contains', value: 'x' }])]);
    expect(rules.map((r) => r.ruleId)).toEqual(['OK']);
    expect(problems[0].message).toMatch(/rule BAD: regex/);
  });
});

describe('parseRules on regexes that could run for ever', () => {
  it.each`
    source             | refused
    ${'^(a+)+$'}       | ${true}
    ${'(\\w*)*x'}      | ${true}
    ${'((ab)+c)+'}     | ${true}
    ${'(x{1,5})+'}     | ${true}
    ${'^(跨行|汇款)?手续费$'} | ${false}
    ${'[(]+a+'}        | ${false}
    ${'(ab)+'}         | ${false}
    ${'\\(a+\\)+'}     | ${false}
  `('refuses $source: $refused', ({ source, refused }) => {
    const { problems } = parseRules([rule('R', 1, [{ field: 'description', op: 'regex', value: source }])]);
    expect(problems.length === 1 && /repeats a group that itself repeats/.test(problems[0].message)).toBe(refused);
  });
});
