/**
 * The demo company's bank rules: what its cashier books the same way every month. They cover
 * the bank-only lines of the bundled January statements (公积金 receipt, electricity bill,
 * interest), so accepting the proposals clears those outstanding items.
 */
import type { Row } from '../book/types';

const rule = (RuleId: string, Order: number, conditions: object[], actions: Row): Row => ({
  RuleId,
  Order,
  Enabled: true,
  Conditions: JSON.stringify(conditions),
  Summary: null,
  CounterAccount: null,
  CustomerId: null,
  Method: null,
  ...actions,
});

export const DEMO_RULES: Row[] = [
  rule('R-FEE', 10, [{ field: 'description', op: 'contains', value: '手续费' }, { field: 'sign', op: 'is', value: 'out' }], { Summary: '银行手续费', CounterAccount: '财务费用-手续费' }),
  rule('R-INTEREST', 20, [{ field: 'description', op: 'regex', value: '结息|利息' }, { field: 'sign', op: 'is', value: 'in' }], { Summary: '活期存款利息', CounterAccount: '财务费用-利息收入' }),
  rule('R-HOUSING-FUND', 30, [{ field: 'counterparty', op: 'contains', value: '住房公积金' }], { Summary: '公积金提取入账', CounterAccount: '其他应付款-住房公积金', Method: '转账' }),
  rule('R-POWER', 40, [{ field: 'counterparty', op: 'contains', value: '电力' }, { field: 'sign', op: 'is', value: 'out' }], { Summary: '支付电费', CounterAccount: '管理费用-水电费', Method: '一网通支付' }),
];
