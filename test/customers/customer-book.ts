/**
 * A hand-built book for the customer tests. Figures worked out by hand:
 * C0001 opening 500.00, J1 +1,200.00, J2 −300.00, J4 +99.90 reversed by J5 −99.90 → 1,400.00 at 2024-06-30
 * C0002 J6 +800.00 → 800.00;  C0003 opening 100.00, J3 +450.50 → 550.50;  J7 (July) is after the as-of date.
 */
import { emptyBook } from '../../analytics/book/book';
import type { Book, CommandContext, Row } from '../../analytics/book/types';

export const ctx: CommandContext = { now: '2024-06-30 09:00:00', user: 'tester', lang: 'zh-CN' };
export const AS_OF = '2024-06-30';

const customer = (CustomerId: string, Name: string, more: Row = {}): Row => ({
  CustomerId, Name, Kind: 'company', Contact: null, Phone: null, Email: null, Address: null, TaxId: null,
  BankAccount: null, CreditLimit: null, OpeningBalance: null, Status: 'active', Owner: null, Notes: null, ...more,
});

export function makeCustomerBook(): Book {
  const book = emptyBook('zh-CN');
  book.tables.Accounts!.rows.push(
    { AccountId: 'CASH', Name: '库存现金', Kind: 'cash', OpeningBalance: '1000.00', OpeningDate: '2024-01-01' },
    { AccountId: 'BANK', Name: '测试银行', Kind: 'bank', OpeningBalance: '0.00', OpeningDate: '2024-01-01' },
  );
  book.tables.Customers!.rows.push(
    customer('C0001', '测试客户甲', { Phone: '13800138000', TaxId: '91350100M000100Y43', OpeningBalance: '500.00', CreditLimit: '10000.00' }),
    customer('C0002', '测试客户乙', { Phone: '010-65529988', TaxId: '9144030071526726XG' }),
    customer('C0003', '测试客户甲（分部）', { Phone: '+86 138 0013 8000', Email: 'jia@example.com', OpeningBalance: '100.00' }),
    customer('C0004', '测试科技有限公司'),
    customer('C0005', '测试科技有限责任公司'),
    customer('C0006', '测试（北京）贸易 有限公司'),
    customer('C0007', '测试(北京)贸易有限公司', { TaxId: '9144030071526726xg' }),
  );
  const J = (EntryId: string, Date: string, AccountId: string, CustomerId: string | null, Inflow: string | null, Outflow: string | null, CounterAccount: string | null, more: Row = {}): Row => ({
    EntryId, Date, Voucher: null, AccountId, CustomerId, Summary: '测试', CounterAccount, Method: null, Reference: null,
    Inflow, Outflow, Balance: null, Status: 'posted', ReversalOf: null, Source: null, RowHash: null, ...more,
  });
  book.tables.Journal!.rows.push(
    //  id    date          account  customer  inflow      outflow   counter account
    J('J1', '2024-04-02', 'CASH', 'C0001', '1200.00', null,     '应收账款'),
    J('J2', '2024-04-15', 'BANK', 'C0001', null,      '300.00', '预收账款'),
    J('J3', '2024-05-03', 'BANK', 'C0003', '450.50',  null,     '应收账款'),
    J('J4', '2024-05-20', 'CASH', 'C0001', '99.90',   null,     '应收账款', { Status: 'reversed' }),
    J('J5', '2024-05-21', 'CASH', 'C0001', '-99.90',  null,     '应收账款', { Status: 'reversal', ReversalOf: 'J4' }),
    J('J6', '2024-06-10', 'BANK', 'C0002', '800.00',  null,     '主营业务收入'),
    J('J7', '2024-07-05', 'CASH', 'C0001', '50.00',   null,     '应收账款'),
    J('J8', '2024-05-10', 'CASH', null,    null,      '20.00',  '管理费用'),
  );
  book.tables.Exceptions!.rows.push(
    { FindingId: 'X1', Rule: 'large-cash', CustomerId: 'C0001', Status: 'open' },
    { FindingId: 'X2', Rule: 'round-amount', CustomerId: 'C0001', Status: 'resolved' },
    { FindingId: 'X3', Rule: 'duplicate', CustomerId: 'C0003', Status: 'reviewing' },
  );
  book.tables.Communications!.rows.push(
    { Id: 'M1', CustomerId: 'C0001', Date: '2024-06-01', Channel: '电话', Topic: '对账', Summary: '核对四月货款', FollowUp: '2024-06-28', Status: 'open' },
    { Id: 'M2', CustomerId: 'C0001', Date: '2024-06-05', Channel: '邮件', Topic: '报价', Summary: '寄送报价', FollowUp: '2024-07-10', Status: 'open' },
    { Id: 'M3', CustomerId: 'C0003', Date: '2024-05-01', Channel: '拜访', Topic: '回款', Summary: '催收货款', FollowUp: '2024-05-15', Status: 'open' },
    { Id: 'M4', CustomerId: 'C0002', Date: '2024-06-02', Channel: '微信', Topic: '发票', Summary: '补开发票', FollowUp: '2024-06-20', Status: 'done' },
  );
  book.tables.Feedback!.rows.push(
    { Id: 'F1', CustomerId: 'C0001', Date: '2024-04-10', Score: 5, Category: '服务', Text: '满意', Response: '感谢', RespondedOn: '2024-04-12', Status: 'answered' },
    { Id: 'F2', CustomerId: 'C0001', Date: '2024-05-12', Score: 3, Category: '价格', Text: '偏贵', Response: '已说明', RespondedOn: '2024-05-19', Status: 'answered' },
    { Id: 'F3', CustomerId: 'C0003', Date: '2024-05-20', Score: 2, Category: '服务', Text: '响应慢', Response: null, RespondedOn: null, Status: 'open' },
    { Id: 'F4', CustomerId: 'C0002', Date: '2024-06-03', Score: 2, Category: '交付', Text: '延误', Response: '已补发', RespondedOn: '2024-06-04', Status: 'answered' },
    { Id: 'F5', CustomerId: 'C0002', Date: '2024-06-08', Score: 'x', Category: '交付', Text: '?', Response: null, RespondedOn: null, Status: 'closed' },
  );
  return book;
}
