import { emptyBook } from '../../analytics/book/book';
import { internalTransferTest } from '../../analytics/journal/is-internal-transfer';

describe('internalTransferTest', () => {
  const book = emptyBook();
  book.tables.Accounts!.rows = [{ AccountId: 'ALIPAY', Name: '支付宝', Kind: 'alipay' }];
  const isTransfer = internalTransferTest(book);

  it.each`
    counter                   | transfer
    ${'库存现金'}             | ${true}
    ${'银行存款-招商银行'}    | ${true}
    ${'1002 银行存款'}        | ${true}
    ${'其他货币资金—支付宝'}  | ${true}
    ${'ALIPAY'}               | ${true}
    ${'支付宝'}               | ${true}
    ${'Cash on hand'}         | ${true}
    ${'应收账款'}             | ${false}
    ${'现金折扣'}             | ${false}
    ${'财务费用-手续费'}      | ${false}
    ${''}                     | ${false}
  `('reads counter account "$counter" as a transfer: $transfer', ({ counter, transfer }) => {
    expect(isTransfer({ CounterAccount: counter })).toBe(transfer);
  });
});
