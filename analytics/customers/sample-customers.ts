/**
 * Sample customer archive for the demo book: fictional customers (测试客户甲…), their
 * communications and feedback over January–March 2024. Names, e-mails (example.com) and
 * numbers are made up. Credit codes use area code 000000, which no registry issues, with a
 * correct check character, so they pass validation and can never be a real company's.
 * Bank numbers carry a correct Luhn digit. The order matches the demo journal, which
 * refers to customers by position (0 = 测试客户甲 … 7 = 测试客户庚); the ninth customer
 * is a near-duplicate of 测试客户甲 (same phone) for duplicate detection to find.
 */
import type { Row } from '../book/types';
import { creditCodeCheckChar } from './credit-code';
import { passesLuhn } from './validate-bank-account';

export interface SampleCustomerData {
  customers: Row[];
  communications: Row[];
  feedback: Row[];
}

type CustomerTuple = [
  name: string,
  kind: 'company' | 'person',
  contact: string,
  phone: string,
  email: string,
  address: string,
  creditLimit: string | null,
  opening: string | null,
];

// name                       kind       contact   phone             email                        address                        limit        opening
// prettier-ignore
const CUSTOMERS: CustomerTuple[] = [
  ['测试客户甲有限公司',        'company', '王测试', '13000000001',    'jia@example.com',           '测试市一号路 1 号',            '50000.00',  '2000.00'],
  ['测试客户乙贸易有限公司',    'company', '李示例', '021-55550002',   'yi@example.com',            '测试市二号路 2 号',            '200000.00', null],
  ['测试客户丙',                'person',  '测试丙', '13000000003',    'bing@example.com',          '测试市三号路 3 号',            null,        null],
  ['测试客户丁商行',            'company', '赵样例', '0755-55550004',  'ding@example.com',          '测试市四号路 4 号',            '100000.00', '-1500.00'],
  ['测试客户戊服务有限责任公司', 'company', '钱测试', '13000000005',    'wu@example.com',            '测试市五号路 5 号',            '20000.00',  null],
  ['测试供应商丙有限公司',      'company', '孙示例', '010-55550006',   'supplier.bing@example.com', '测试市六号路 6 号',            null,        '-3000.00'],
  ['测试客户己',                'person',  '测试己', '13000000007',    'ji@example.com',            '测试市七号路 7 号',            null,        null],
  ['测试客户庚设备有限公司',    'company', '周样例', '400-555-0008',   'geng@example.com',          '测试市八号路 8 号',            '80000.00',  null],
  ['测试客户甲（华东）',        'company', '王测试', '+86 130 0000 0001', 'jia.east@example.com',   '测试市一号路 1 号 2 楼',       null,        null],
];

/**
 * Build the sample archive.
 * @returns Customers, Communications and Feedback rows, ready to write into a book
 * @example sampleCustomers().customers[0].CustomerId // 'C0001'
 */
export function sampleCustomers(): SampleCustomerData {
  const customers: Row[] = CUSTOMERS.map(
    ([name, kind, contact, phone, email, address, limit, opening], i) => ({
      CustomerId: customerId(i),
      Name: name,
      Kind: kind,
      Contact: contact,
      Phone: phone,
      Email: email,
      Address: address,
      TaxId: kind === 'company' ? fictionalCreditCode(i + 1) : null,
      BankAccount: fictionalCardNumber(i + 1),
      CreditLimit: limit,
      OpeningBalance: opening,
      Status: 'active',
      Owner: '出纳',
      Notes: null,
    }),
  );
  return { customers, communications: communications(), feedback: feedback() };
}

/**
 * A credit code with the registry-unused area code 000000 and a correct check character.
 * @example fictionalCreditCode(1) // '91000000CB0000001' + its check character
 */
export function fictionalCreditCode(n: number): string {
  const body = `91000000CB${String(n).padStart(7, '0')}`;
  return body + creditCodeCheckChar(body)!;
}

function fictionalCardNumber(n: number): string {
  const body = `621700000000${String(n).padStart(6, '0')}`;
  for (let d = 0; d <= 9; d++) if (passesLuhn(body + d)) return body + d;
  return body + '0';
}

function customerId(index: number): string {
  return `C${String(index + 1).padStart(4, '0')}`;
}

type CommunicationTuple = [
  customer: number,
  date: string,
  channel: string,
  topic: string,
  summary: string,
  followUp: string | null,
  status: 'open' | 'done',
];

// customer  date          channel  topic     summary                          follow-up     status
// prettier-ignore
const COMMUNICATIONS: CommunicationTuple[] = [
  [0, '2024-01-05', '电话', '对账',     '核对 2023 年末往来余额',          '2024-01-12', 'done'],
  [0, '2024-02-20', '邮件', '回款',     '提醒 2 月货款到期',                '2024-03-01', 'done'],
  [0, '2024-03-22', '拜访', '合同续签', '商谈二季度供货合同',              '2024-04-10', 'open'],
  [1, '2024-01-18', '微信', '发票',     '客户要求补开 1 月发票',            '2024-01-25', 'done'],
  [1, '2024-02-07', '电话', '大额现金', '说明预付款改走银行转账',          '2024-02-14', 'open'],
  [2, '2024-01-30', '电话', '往来款',   '确认转账汇款用途',                null,         'done'],
  [3, '2024-02-21', '拜访', '付款',     '核对两笔采购款是否重复',          '2024-03-05', 'open'],
  [4, '2024-03-06', '邮件', '重复收款', '3 月 5 日服务费疑似重复收取',      '2024-03-13', 'open'],
  [5, '2024-01-04', '电话', '借款',     '确认归还借款金额',                null,         'done'],
  [6, '2024-03-11', '微信', '周末收款', '补签周末收款收据',                '2024-03-18', 'done'],
  [7, '2024-03-19', '邮件', '设备款',   '寄送设备款付款回单',              '2024-03-29', 'open'],
  [8, '2024-03-25', '电话', '档案',     '华东分部与总部是否同一结算主体',  '2024-04-01', 'open'],
];

type FeedbackTuple = [
  customer: number,
  date: string,
  score: number,
  category: string,
  text: string,
  response: string | null,
  respondedOn: string | null,
  status: 'open' | 'answered' | 'closed',
];

// customer  date          score  category  text                        response                  responded on  status
// prettier-ignore
const FEEDBACK: FeedbackTuple[] = [
  [0, '2024-01-15', 5, '服务', '对账及时准确',               '感谢认可',               '2024-01-16', 'closed'],
  [0, '2024-02-26', 4, '对账', '希望每月提供电子对账单',     '3 月起按月发送',         '2024-02-29', 'answered'],
  [1, '2024-01-22', 3, '发票', '发票开具较慢',               '已调整开票流程',         '2024-01-29', 'answered'],
  [1, '2024-03-08', 4, '服务', '转账到账确认快',             '谢谢',                   '2024-03-08', 'closed'],
  [2, '2024-02-02', 4, '服务', '往来款说明清楚',             '收到',                   '2024-02-05', 'closed'],
  [3, '2024-02-23', 2, '付款', '付款拆成两笔，流程繁琐',     '已说明现金限额规定',     '2024-03-04', 'answered'],
  [4, '2024-03-07', 1, '对账', '服务费被重复收取',           null,                     null,         'open'],
  [5, '2024-01-10', 4, '付款', '借款按时归还',               '感谢配合',               '2024-01-12', 'closed'],
  [6, '2024-03-12', 5, '服务', '周末也能收款很方便',         '谢谢',                   '2024-03-12', 'closed'],
  [7, '2024-03-20', 3, '交付', '回单寄送慢',                 '已改为电子回单',         '2024-03-27', 'answered'],
  [7, '2024-01-26', 4, '价格', '价格合理',                   null,                     null,         'closed'],
];

function communications(): Row[] {
  return COMMUNICATIONS.map(([c, date, channel, topic, summary, followUp, status], i) => ({
    Id: `M${String(i + 1).padStart(4, '0')}`,
    CustomerId: customerId(c),
    Date: date,
    Channel: channel,
    Topic: topic,
    Summary: summary,
    FollowUp: followUp,
    Status: status,
  }));
}

function feedback(): Row[] {
  return FEEDBACK.map(([c, date, score, category, text, response, respondedOn, status], i) => ({
    Id: `F${String(i + 1).padStart(4, '0')}`,
    CustomerId: customerId(c),
    Date: date,
    Score: score,
    Category: category,
    Text: text,
    Response: response,
    RespondedOn: respondedOn,
    Status: status,
  }));
}
