import { checkRuleHygiene } from '../../analytics/rules/check-rule-hygiene';
import { line, makeBook, rule } from './fixtures';

const lines = [line('2024-01-05', '-5.00', '汇款手续费'), line('2024-01-06', '-8.00', '跨行手续费'), line('2024-01-21', '0.35', '结息')];

describe('checkRuleHygiene', () => {
  it('lists a rule that never fires', () => {
    const book = makeBook({ lines, rules: [rule('RENT', 1, [{ field: 'description', op: 'contains', value: '房租' }])] });
    expect(checkRuleHygiene(book).neverFires).toEqual(['RENT']);
  });

  it('finds a rule shadowed by an earlier, more general one', () => {
    const book = makeBook({
      lines,
      rules: [
        rule('ANYFEE', 1, [{ field: 'description', op: 'contains', value: '手续费' }]),
        rule('XFEE', 2, [{ field: 'description', op: 'contains', value: '手续费' }, { field: 'sign', op: 'is', value: 'out' }]),
      ],
    });
    expect(checkRuleHygiene(book).shadowed).toEqual([{ ruleId: 'XFEE', by: 'ANYFEE', why: 'subset' }]);
  });

  it('finds a rule whose every line is already taken by earlier rules in the data', () => {
    const book = makeBook({
      lines,
      rules: [
        rule('HUIKUAN', 1, [{ field: 'description', op: 'contains', value: '汇款' }]),
        rule('KUAHANG', 2, [{ field: 'description', op: 'contains', value: '跨行' }]),
        rule('SMALL', 3, [{ field: 'amount', op: 'between', value: '1.00', to: '9.00' }]),
      ],
    });
    expect(checkRuleHygiene(book).shadowed).toEqual([{ ruleId: 'SMALL', by: 'HUIKUAN', why: 'data' }]);
  });

  it('reports two rules that set the same field differently on shared lines', () => {
    const book = makeBook({
      lines,
      rules: [
        rule('A', 1, [{ field: 'description', op: 'contains', value: '手续费' }], { CounterAccount: '财务费用' }),
        rule('B', 2, [{ field: 'sign', op: 'is', value: 'out' }], { CounterAccount: '管理费用' }),
      ],
    });
    expect(checkRuleHygiene(book).conflicts).toEqual([{ ruleId: 'B', with: 'A', field: 'CounterAccount', lines: 2 }]);
  });
});
