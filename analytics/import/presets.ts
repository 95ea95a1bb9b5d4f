/**
 * The preset registry: how each known statement source names its columns. A preset lists,
 * per statement field, the header names it accepts (the first that is present wins), the
 * headers that identify the source, and source habits (day order, which statuses mean the
 * money never moved). The generic preset maps common headers in either language and is the
 * fallback for any file whose header row it can read.
 */
import type { Text } from '../book/types';
import { t } from '../book/types';
import type { ColumnMapping } from './types';

export type MappedField = Exclude<
  keyof ColumnMapping,
  'dayOrder' | 'decimalMark' | 'negate' | 'defaultCurrency'
>;

export interface StatementPreset {
  name: string;
  label: Text;
  /** Header names that must all be present for the preset to be detected. */
  signature: string[];
  /** Text that, when found in the preamble, confirms the source. */
  preambleHint?: RegExp;
  /** Accepted header names per field, best first. */
  columns: Partial<Record<MappedField, string[]>>;
  options?: Pick<ColumnMapping, 'dayOrder' | 'decimalMark' | 'negate' | 'defaultCurrency'>;
  /** Preamble lines giving totals such as 收入：1笔 28.50元, checked against the rows. */
  preambleTotals?: boolean;
}

const DATE = [
  'date',
  'transactiondate',
  'bookingdate',
  'postingdate',
  '交易日期',
  '记账日期',
  '日期',
  '交易时间',
  '入账日期',
  '发生日期',
];
const AMOUNT = [
  'amount',
  'transactionamount',
  '交易金额',
  '金额',
  '发生额',
  '金额(元)',
  '记账金额',
];

/** Every built-in preset; `generic` last, as the fallback. */
export const PRESETS: readonly StatementPreset[] = [
  {
    name: 'alipay',
    label: t('支付宝账单', 'Alipay bill'),
    signature: ['交易时间', '收/支', '交易对方', '金额'],
    preambleHint: /支付宝/,
    preambleTotals: true,
    columns: {
      date: ['交易时间', '交易创建时间', '付款时间'],
      amount: ['金额', '金额(元)'],
      direction: ['收/支'],
      counterparty: ['交易对方'],
      counterpartyAccount: ['对方账号'],
      description: ['商品说明', '商品名称'],
      method: ['收/付款方式'],
      status: ['交易状态'],
      reference: ['交易订单号', '交易号'],
    },
    options: { defaultCurrency: 'CNY' },
  },
  {
    name: 'wechat',
    label: t('微信支付账单', 'WeChat Pay bill'),
    signature: ['交易时间', '交易类型', '收/支', '金额(元)'],
    preambleHint: /微信/,
    preambleTotals: true,
    columns: {
      date: ['交易时间'],
      amount: ['金额(元)', '金额'],
      direction: ['收/支'],
      counterparty: ['交易对方'],
      description: ['商品', '交易类型'],
      method: ['支付方式'],
      status: ['当前状态'],
      reference: ['交易单号'],
    },
    options: { defaultCurrency: 'CNY' },
  },
  {
    name: 'icbc',
    label: t('工商银行借记卡明细', 'ICBC debit card'),
    signature: ['交易日期', '记账金额(收入)', '记账金额(支出)', '交易场所'],
    columns: {
      date: ['交易日期'],
      inflow: ['记账金额(收入)'],
      outflow: ['记账金额(支出)'],
      currency: ['记账币种'],
      description: ['摘要', '交易详情'],
      counterparty: ['对方户名'],
      counterpartyAccount: ['对方账户'],
      balance: ['余额'],
    },
    options: { defaultCurrency: 'CNY' },
  },
  {
    name: 'cmb',
    label: t('招商银行借记卡', 'CMB debit card'),
    signature: ['记账日期', '交易金额', '联机余额'],
    columns: {
      date: ['记账日期'],
      currency: ['货币'],
      amount: ['交易金额'],
      balance: ['联机余额'],
      description: ['交易摘要', '客户摘要'],
      counterparty: ['对手信息'],
    },
    options: { defaultCurrency: 'CNY' },
  },
  {
    name: 'abc',
    label: t('农业银行借记卡', 'ABC debit card'),
    signature: ['交易日期', '交易金额', '本次余额', '日志号'],
    columns: {
      date: ['交易日期'],
      time: ['交易时间'],
      amount: ['交易金额'],
      balance: ['本次余额'],
      counterparty: ['对手信息'],
      reference: ['日志号'],
      method: ['交易渠道'],
      description: ['交易摘要', '交易附言'],
    },
    options: { defaultCurrency: 'CNY' },
  },
  {
    name: 'hsbc-hk',
    label: t('汇丰香港信用卡', 'HSBC HK credit card'),
    signature: ['transactiondate', 'postdate', 'billingamount'],
    columns: {
      date: ['transactiondate'],
      valueDate: ['postdate'],
      amount: ['billingamount'],
      currency: ['billingcurrency'],
      description: ['description'],
      counterparty: ['merchantname'],
      status: ['transactionstatus'],
    },
    options: { dayOrder: 'dmy' },
  },
  {
    name: 'generic',
    label: t('通用表格', 'Generic table'),
    signature: [],
    columns: {
      date: DATE,
      time: ['time', '时间', '交易时间'],
      valueDate: ['valuedate', '起息日', '起息日期'],
      amount: AMOUNT,
      inflow: [
        'credit',
        'creditamount',
        'deposit',
        'deposits',
        'moneyin',
        'paidin',
        'inflow',
        '贷方',
        '贷方金额',
        '贷方发生额',
        '收入',
        '收入金额',
        '收款金额',
        '存入',
      ],
      outflow: [
        'debit',
        'debitamount',
        'withdrawal',
        'withdrawals',
        'moneyout',
        'paidout',
        'outflow',
        '借方',
        '借方金额',
        '借方发生额',
        '支出',
        '支出金额',
        '付款金额',
        '支取',
      ],
      direction: [
        '收/支',
        '收支',
        '借/贷',
        '借贷',
        '借贷标志',
        '收支类型',
        'credit/debit',
        'dr/cr',
        'type',
      ],
      currency: ['currency', 'ccy', '币种', '货币', '交易币种'],
      counterparty: [
        'counterparty',
        'payee',
        'payer',
        'name',
        'merchant',
        '对方户名',
        '对方名称',
        '交易对方',
        '对方',
        '对手信息',
        '收款人',
        '付款人',
      ],
      counterpartyAccount: [
        'counterpartyaccount',
        'account',
        'iban',
        '对方账号',
        '对方账户',
        '对方卡号',
      ],
      reference: [
        'reference',
        'ref',
        'transactionid',
        'id',
        '流水号',
        '交易流水号',
        '交易单号',
        '交易号',
        '凭证号',
        '参考号',
      ],
      description: [
        'description',
        'memo',
        'details',
        'narrative',
        'particulars',
        '摘要',
        '交易摘要',
        '用途',
        '备注',
        '附言',
      ],
      method: ['method', 'channel', '交易渠道', '结算方式', '支付方式'],
      balance: ['balance', 'runningbalance', '余额', '账户余额', '本次余额', '联机余额'],
      status: ['status', '状态', '交易状态'],
    },
  },
];

/** Header text reduced to what identifies it: no spaces, BOM or colons, half-width, lower case. */
export function normaliseColumnName(header: string): string {
  return header
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\ufeff\u3000:]/g, '')
    .toLowerCase();
}

/** A built-in preset by name. */
export function presetByName(name: string): StatementPreset | undefined {
  return PRESETS.find((p) => p.name === name);
}

/**
 * The preset whose signature the header row carries; the generic preset otherwise.
 * @param headers the header row's cells
 * @param preamble the text above the header row
 */
export function detectPreset(headers: readonly string[], preamble = ''): StatementPreset {
  const names = new Set(headers.map(normaliseColumnName));
  const matching = PRESETS.filter(
    (p) => p.signature.length > 0 && p.signature.every((s) => names.has(normaliseColumnName(s))),
  );
  const hinted = matching.find((p) => p.preambleHint?.test(preamble));
  return (
    hinted ??
    matching.sort((a, b) => b.signature.length - a.signature.length)[0] ??
    presetByName('generic')!
  );
}
