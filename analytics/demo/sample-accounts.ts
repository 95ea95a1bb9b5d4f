/**
 * The demo company's accounts. The bundled CMB and ABC statements are public samples whose
 * running balances do not chain (each row's balance was typed independently), so no opening
 * balance agrees with all of them: the ABC opening is the one its 01-03 row implies
 * (1,943.12 after −12,345.89 and −10.00 and +10,000.00 → 4,299.01); the CMB one is chosen
 * so the account never runs negative. The importer reports the broken chains, and their
 * reconciliations show the exact difference. The ICBC export masks its balances, so that
 * account's bank balance is its opening plus its lines, and its reconciliation ties out.
 */
import type { Row } from '../book/types';

export const DEMO_ACCOUNTS: Row[] = [
  { AccountId: 'CASH', Name: '库存现金', Kind: 'cash', Institution: null, AccountNo: null, Currency: 'CNY', OpeningBalance: '8000.00', OpeningDate: '2023-12-31' },
  { AccountId: 'BANK-CMB', Name: '招商银行基本户', Kind: 'bank', Institution: '招商银行', AccountNo: '6214****0001', Currency: 'CNY', OpeningBalance: '5037.66', OpeningDate: '2023-12-31' },
  { AccountId: 'BANK-ABC', Name: '农业银行一般户', Kind: 'bank', Institution: '中国农业银行', AccountNo: '6228****0002', Currency: 'CNY', OpeningBalance: '4299.01', OpeningDate: '2023-12-31' },
  { AccountId: 'BANK-ICBC', Name: '工商银行专户', Kind: 'bank', Institution: '中国工商银行', AccountNo: '1234****9876', Currency: 'CNY', OpeningBalance: '5000.00', OpeningDate: '2023-01-31' },
  { AccountId: 'ALIPAY', Name: '支付宝', Kind: 'alipay', Institution: '支付宝', AccountNo: 'rim***@example.com', Currency: 'CNY', OpeningBalance: '0.00', OpeningDate: '2022-12-31' },
  { AccountId: 'WECHAT', Name: '微信支付', Kind: 'wechat', Institution: '财付通', AccountNo: 'wx***', Currency: 'CNY', OpeningBalance: '0.00', OpeningDate: '2019-07-31' },
];

/** Which bundled statement file the demo imports into which account, and the period it reconciles. */
export const DEMO_STATEMENTS: { file: string; accountId: string; period?: string }[] = [
  { file: 'cn-bank/deg-cmb-debit.csv', accountId: 'BANK-CMB', period: '2024-01' },
  { file: 'cn-bank/deg-abc-debit.csv', accountId: 'BANK-ABC', period: '2024-01' },
  { file: 'cn-bank/deg-icbc-debit-v2.csv', accountId: 'BANK-ICBC', period: '2023-04' },
  { file: 'alipay/deg-alipay-gbk.csv', accountId: 'ALIPAY' },
  { file: 'wechat/deg-wechat.csv', accountId: 'WECHAT' },
];
