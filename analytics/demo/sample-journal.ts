/**
 * The demo company's cash journal, January to March 2024: the cashier's own entries for
 * the bank lines of the bundled CMB and ABC January statements (some booked a day late,
 * some not yet booked, plus a cheque and a deposit the bank has not seen), and three months
 * of customer receipts and payments in cash with planted anomalies for the risk scan.
 * Generated from a fixed seed, so every run gives the same book.
 */
import { Decimal } from '../money/decimal';
import { entryRowHash } from '../audit/entry-hash';
import type { Row } from '../book/types';
import { seededRandom } from '../util/seeded-random';

interface Draft {
  date: string;
  accountId: string;
  customer?: number;
  summary: string;
  counterAccount: string;
  method: string;
  reference?: string;
  inflow?: string;
  outflow?: string;
}

/**
 * Build the sample journal.
 * @param customerIds the archive's customer ids; entries refer to them by position
 * @param openingBalances account id → opening balance text, for the running balance
 * @returns posted Journal rows with EntryId, Voucher, Balance and RowHash filled
 */
export function sampleJournal(customerIds: string[], openingBalances: Record<string, string>): Row[] {
  const drafts = [...januaryBankEntries(), ...generatedActivity(customerIds.length)];
  drafts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  // Step: ids, voucher numbers per month, running balance per account
  const balance = new Map(Object.entries(openingBalances).map(([k, v]) => [k, new Decimal(v)]));
  const voucherSeq = new Map<string, number>();
  return drafts.map((d, i) => {
    const month = d.date.slice(0, 7);
    const seq = (voucherSeq.get(month) ?? 0) + 1;
    voucherSeq.set(month, seq);
    const bal = (balance.get(d.accountId) ?? new Decimal(0)).plus(d.inflow ?? 0).minus(d.outflow ?? 0);
    balance.set(d.accountId, bal);
    const row: Row = {
      EntryId: `J${String(i + 1).padStart(6, '0')}`,
      Date: d.date,
      Voucher: `记-${String(seq).padStart(4, '0')}`,
      AccountId: d.accountId,
      CustomerId: d.customer === undefined ? null : customerIds[d.customer % customerIds.length],
      Summary: d.summary,
      CounterAccount: d.counterAccount,
      Method: d.method,
      Reference: d.reference ?? null,
      Inflow: d.inflow ?? null,
      Outflow: d.outflow ?? null,
      Balance: bal.toFixed(2),
      Status: 'posted',
      ReversalOf: null,
      Source: 'demo',
      RowHash: null,
    };
    row.RowHash = entryRowHash(row);
    return row;
  });
}

// The cashier's entries for the January bank lines. Left unbooked on purpose: CMB 01-01
// 公积金 +1,234.00 and 01-27 电费 −3.00; ABC 01-04 结息 +0.01 (bank rules propose them).
function januaryBankEntries(): Draft[] {
  return [
    { date: '2024-01-01', accountId: 'BANK-CMB', summary: '转账汇款 张三 往来款', counterAccount: '其他应收款', method: '转账', outflow: '1000.00' },
    { date: '2024-01-20', accountId: 'BANK-CMB', summary: '提取备用金 (ATM)', counterAccount: '库存现金', method: 'ATM', outflow: '1000.00' },
    { date: '2024-01-20', accountId: 'CASH', summary: '提取备用金 (ATM)', counterAccount: '银行存款-招商银行', method: 'ATM', inflow: '1000.00' },
    { date: '2024-01-24', accountId: 'BANK-CMB', summary: '抖音电商 办公用品', counterAccount: '管理费用-办公费', method: '快捷支付', outflow: '10.14' },
    { date: '2024-01-30', accountId: 'BANK-CMB', customer: 5, summary: '支票 88 付测试供应商丙货款', counterAccount: '应付账款', method: '支票', reference: '88', outflow: '500.00' },
    { date: '2024-01-31', accountId: 'BANK-CMB', customer: 0, summary: '存入测试客户甲货款 (在途)', counterAccount: '应收账款', method: '转账', inflow: '2000.00' },
    { date: '2024-01-01', accountId: 'BANK-ABC', summary: '转存 哈哈 代测试客户甲付货款', counterAccount: '应收账款', method: '超级网银', inflow: '10000.00' },
    { date: '2024-01-02', accountId: 'BANK-ABC', summary: '财付通 一卡通充值', counterAccount: '管理费用-交通费', method: '电子商务', outflow: '10.00' },
    { date: '2024-01-03', accountId: 'BANK-ABC', summary: '正常还款 归还借款', counterAccount: '短期借款', method: '转账', outflow: '12345.89' },
    ...icbcEntries(),
  ];
}

// The cashier's entries for the ICBC account, February to May 2023: the 04-22 receipt from 李四
// is not booked yet, the 04-25 repayment was booked a day late, and cheque 90 has not cleared.
function icbcEntries(): Draft[] {
  const e = (date: string, summary: string, counterAccount: string, method: string, amount: string, reference?: string): Draft =>
    amount.startsWith('-')
      ? { date, accountId: 'BANK-ICBC', summary, counterAccount, method, reference, outflow: amount.slice(1) }
      : { date, accountId: 'BANK-ICBC', summary, counterAccount, method, reference, inflow: amount };
  return [
    e('2023-02-08', '财付通 微信红包退款', '营业外收入', '财付通', '1.04'),
    e('2023-02-09', '财付通 群收款 聚餐', '管理费用-业务招待费', '财付通', '-24.00'),
    e('2023-02-10', '信用卡合伙人返现', '营业外收入', '转账', '30.00'),
    e('2023-02-20', '跨行汇款 张三', '其他应收款', '手机银行', '-1234.56'),
    e('2023-02-28', '蚂蚁基金赎回到银行', '交易性金融资产', '支付宝', '341.58'),
    e('2023-04-14', 'ABC公司 来款', '应收账款', '转账', '1234.56'),
    e('2023-04-14', '网转 王五', '其他应收款', '手机银行', '-500.00'),
    e('2023-04-20', '银联消费 掌上生活还款', '其他应付款', '银联', '-1234.56'),
    e('2023-04-26', '自动还款 信用卡', '其他应付款', '自动还款', '-1234.56'),
    e('2023-04-28', '支票 90 付测试供应商丙货款', '应付账款', '支票', '-800.00', '90'),
    e('2023-05-02', '麦当劳 消费', '管理费用-业务招待费', '财付通', '-13.40'),
  ];
}

// Three months of cash receipts from customers, small payments, and cash deposited at the
// bank, plus anomalies the risk scan should find (large cash, split just under the
// threshold, a duplicate, an outlier for one customer, a round sum, a weekend entry).
function generatedActivity(customerCount: number): Draft[] {
  const rand = seededRandom(20240101);
  const out: Draft[] = [];
  const money = (min: number, max: number) => (Math.round((min + rand() * (max - min)) * 100) / 100).toFixed(2);
  for (const month of ['2024-01', '2024-02', '2024-03']) {
    for (let day = 2; day <= 28; day += 1 + Math.floor(rand() * 2)) {
      const date = `${month}-${String(day).padStart(2, '0')}`;
      if (isWeekend(date)) continue;
      const c = Math.floor(rand() * Math.min(customerCount, 8));
      out.push({ date, accountId: 'CASH', customer: c, summary: '收货款', counterAccount: '应收账款', method: '现金', inflow: money(300, 3000) });
      if (rand() < 0.5) out.push({ date, accountId: 'CASH', summary: '零星采购', counterAccount: '管理费用', method: '现金', outflow: money(20, 600) });
    }
    out.push({ date: `${month}-25`, accountId: 'CASH', summary: '现金存行', counterAccount: '银行存款-招商银行', method: '现金', outflow: '15000.00' });
    out.push({ date: `${month}-25`, accountId: 'BANK-CMB', summary: '现金存行', counterAccount: '库存现金', method: '现金', inflow: '15000.00' });
  }
  out.push(
    { date: '2024-02-06', accountId: 'CASH', customer: 1, summary: '收测试客户乙预付款 (大额现金)', counterAccount: '预收账款', method: '现金', inflow: '52000.00' },
    { date: '2024-02-15', accountId: 'BANK-CMB', customer: 1, summary: '收测试客户乙货款', counterAccount: '应收账款', method: '转账', inflow: '120000.00' },
    { date: '2024-02-16', accountId: 'BANK-CMB', summary: '提取现金备付采购款', counterAccount: '库存现金', method: '现金支票', reference: '89', outflow: '100000.00' },
    { date: '2024-02-16', accountId: 'CASH', summary: '提取现金备付采购款', counterAccount: '银行存款-招商银行', method: '现金支票', reference: '89', inflow: '100000.00' },
    { date: '2024-02-19', accountId: 'CASH', customer: 3, summary: '付测试客户丁采购款', counterAccount: '应付账款', method: '现金', outflow: '49500.00' },
    { date: '2024-02-20', accountId: 'CASH', customer: 3, summary: '付测试客户丁采购款', counterAccount: '应付账款', method: '现金', outflow: '49800.00' },
    { date: '2024-03-05', accountId: 'CASH', customer: 4, summary: '收测试客户戊服务费', counterAccount: '主营业务收入', method: '现金', inflow: '1880.00' },
    { date: '2024-03-05', accountId: 'CASH', customer: 4, summary: '收测试客户戊服务费', counterAccount: '主营业务收入', method: '现金', inflow: '1880.00' },
    { date: '2024-03-09', accountId: 'CASH', customer: 6, summary: '周末收款', counterAccount: '应收账款', method: '现金', inflow: '960.00' },
    { date: '2024-03-14', accountId: 'CASH', customer: 2, summary: '收测试客户丙货款 (异常大额)', counterAccount: '应收账款', method: '现金', inflow: '45000.00' },
    { date: '2024-03-18', accountId: 'BANK-CMB', customer: 7, summary: '付测试客户庚设备款', counterAccount: '固定资产', method: '转账', outflow: '30000.00' },
  );
  return out;
}

function isWeekend(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number);
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return wd === 0 || wd === 6;
}
