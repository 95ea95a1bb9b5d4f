/**
 * The workbook schema: the single source of truth for every table Cashbook keeps.
 * Each table lives on its own sheet as one Excel table with a fixed name. Columns have a
 * stable key and a header in each language; reading accepts either header, writing uses
 * the book's language. Templates, validation, readers and writers all derive from here.
 */

export type Lang = 'zh-CN' | 'en-US';

/** How a column's cells are typed in the engine and written to Excel. */
export type ColumnType =
  | 'text' // free text; written as a string cell, never a formula
  | 'id' // identifiers, account/card/voucher numbers: always text, never a number
  | 'date' // 'YYYY-MM-DD', a calendar date in the book's time zone
  | 'datetime' // 'YYYY-MM-DD HH:mm:ss' local wall time in the book's time zone
  | 'amount' // canonical decimal text, e.g. '-1200.00'; written as a number cell
  | 'integer'
  | 'number'
  | 'enum'
  | 'json' // JSON text
  | 'boolean';

export interface ColumnDef {
  key: string;
  header: Record<Lang, string>;
  type: ColumnType;
  /** Allowed values of an enum column. */
  values?: readonly string[];
  required?: boolean;
}

export interface TableDef {
  key: TableKey;
  /** Excel table name (ASCII, stable across languages). */
  tableName: string;
  sheet: Record<Lang, string>;
  /** Column that identifies a row; used for upserts. */
  idColumn?: string;
  columns: readonly ColumnDef[];
}

export const TABLE_KEYS = [
  'Customers',
  'Accounts',
  'Journal',
  'Statement',
  'Matches',
  'Reconciliation',
  'Exceptions',
  'Communications',
  'Feedback',
  'Periods',
  'AuditLog',
  'Rules',
  'Settings',
  'Notebook',
  'OpeningItems',
] as const;
export type TableKey = (typeof TABLE_KEYS)[number];

const c = (key: string, zh: string, en: string, type: ColumnType = 'text', extra: Partial<ColumnDef> = {}): ColumnDef => ({
  key,
  header: { 'zh-CN': zh, 'en-US': en },
  type,
  ...extra,
});

export const ENTRY_STATUSES = ['posted', 'reversal', 'reversed'] as const;
export const EXCEPTION_STATUSES = ['open', 'reviewing', 'escalated', 'resolved', 'dismissed'] as const;
export const MATCH_STATUSES = ['auto', 'confirmed', 'rejected'] as const;
export const ACCOUNT_KINDS = ['cash', 'bank', 'alipay', 'wechat', 'other'] as const;

export const OUTSTANDING_KINDS = ['bankReceivedNotBooked', 'bankPaidNotBooked', 'bookReceivedNotOnBank', 'bookPaidNotOnBank'] as const;

export const SCHEMA: Record<TableKey, TableDef> = {
  Customers: {
    key: 'Customers',
    tableName: 'Customers',
    sheet: { 'zh-CN': '客户档案', 'en-US': 'Customers' },
    idColumn: 'CustomerId',
    columns: [
      c('CustomerId', '客户编号', 'Customer ID', 'id', { required: true }),
      c('Name', '客户名称', 'Name', 'text', { required: true }),
      c('Kind', '类型', 'Kind', 'enum', { values: ['person', 'company'] }),
      c('Contact', '联系人', 'Contact'),
      c('Phone', '电话', 'Phone', 'id'),
      c('Email', '邮箱', 'Email'),
      c('Address', '地址', 'Address'),
      c('TaxId', '统一社会信用代码', 'Tax ID', 'id'),
      c('BankAccount', '银行账号', 'Bank account', 'id'),
      c('CreditLimit', '信用额度', 'Credit limit', 'amount'),
      c('OpeningBalance', '期初余额', 'Opening balance', 'amount'),
      c('Status', '状态', 'Status', 'enum', { values: ['active', 'inactive', 'stub', 'merged'] }),
      c('Owner', '负责人', 'Owner'),
      c('Notes', '备注', 'Notes'),
    ],
  },
  Accounts: {
    key: 'Accounts',
    tableName: 'Accounts',
    sheet: { 'zh-CN': '账户', 'en-US': 'Accounts' },
    idColumn: 'AccountId',
    columns: [
      c('AccountId', '账户编号', 'Account ID', 'id', { required: true }),
      c('Name', '账户名称', 'Name', 'text', { required: true }),
      c('Kind', '类型', 'Kind', 'enum', { values: ACCOUNT_KINDS }),
      c('Institution', '开户机构', 'Institution'),
      c('AccountNo', '账号', 'Account no.', 'id'),
      c('Currency', '币种', 'Currency'),
      c('OpeningBalance', '期初余额', 'Opening balance', 'amount'),
      c('OpeningDate', '期初日期', 'Opening date', 'date'),
    ],
  },
  Journal: {
    key: 'Journal',
    tableName: 'Journal',
    sheet: { 'zh-CN': '日记账', 'en-US': 'Journal' },
    idColumn: 'EntryId',
    columns: [
      c('EntryId', '分录编号', 'Entry ID', 'id', { required: true }),
      c('Date', '日期', 'Date', 'date', { required: true }),
      c('Voucher', '凭证号', 'Voucher', 'id'),
      c('AccountId', '账户编号', 'Account ID', 'id', { required: true }),
      c('CustomerId', '客户编号', 'Customer ID', 'id'),
      c('Summary', '摘要', 'Summary'),
      c('CounterAccount', '对方科目', 'Counter account'),
      c('Method', '结算方式', 'Method'),
      c('Reference', '票据号', 'Reference', 'id'),
      c('Inflow', '收入', 'Inflow', 'amount'),
      c('Outflow', '支出', 'Outflow', 'amount'),
      c('Balance', '余额', 'Balance', 'amount'),
      c('Status', '状态', 'Status', 'enum', { values: ENTRY_STATUSES }),
      c('ReversalOf', '冲销分录', 'Reversal of', 'id'),
      c('Source', '来源', 'Source'),
      c('RowHash', '行哈希', 'Row hash', 'id'),
    ],
  },
  Statement: {
    key: 'Statement',
    tableName: 'Statement',
    sheet: { 'zh-CN': '对账单', 'en-US': 'Statement' },
    idColumn: 'LineId',
    columns: [
      c('LineId', '行编号', 'Line ID', 'id', { required: true }),
      c('AccountId', '账户编号', 'Account ID', 'id', { required: true }),
      c('Date', '交易日期', 'Date', 'date', { required: true }),
      c('Time', '交易时间', 'Time'),
      c('ValueDate', '起息日', 'Value date', 'date'),
      c('Amount', '金额', 'Amount', 'amount', { required: true }),
      c('Currency', '币种', 'Currency'),
      c('Counterparty', '对方户名', 'Counterparty'),
      c('CounterpartyAccount', '对方账号', 'Counterparty account', 'id'),
      c('Reference', '流水号', 'Reference', 'id'),
      c('Description', '摘要', 'Description'),
      c('Method', '结算方式', 'Method'),
      c('RunningBalance', '余额', 'Running balance', 'amount'),
      c('Source', '来源', 'Source'),
      c('Fingerprint', '指纹', 'Fingerprint', 'id'),
    ],
  },
  Matches: {
    key: 'Matches',
    tableName: 'Matches',
    sheet: { 'zh-CN': '对账匹配', 'en-US': 'Matches' },
    idColumn: 'MatchId',
    columns: [
      c('MatchId', '匹配编号', 'Match ID', 'id', { required: true }),
      c('Period', '期间', 'Period', 'text'),
      c('AccountId', '账户编号', 'Account ID', 'id'),
      c('EntryIds', '分录编号', 'Entry IDs', 'text'),
      c('LineIds', '对账单行', 'Line IDs', 'text'),
      c('Rule', '规则', 'Rule'),
      c('Score', '得分', 'Score', 'number'),
      c('Status', '状态', 'Status', 'enum', { values: MATCH_STATUSES }),
    ],
  },
  Reconciliation: {
    key: 'Reconciliation',
    tableName: 'Reconciliation',
    sheet: { 'zh-CN': '余额调节表', 'en-US': 'Reconciliation' },
    columns: [
      c('AccountId', '账户编号', 'Account ID', 'id', { required: true }),
      c('Period', '期间', 'Period', 'text', { required: true }),
      c('BookBalance', '企业日记账余额', 'Book balance', 'amount'),
      c('BankBalance', '银行对账单余额', 'Bank balance', 'amount'),
      c('BankReceivedNotBooked', '银行已收企业未收', 'Bank received, not booked', 'amount'),
      c('BankPaidNotBooked', '银行已付企业未付', 'Bank paid, not booked', 'amount'),
      c('BookReceivedNotOnBank', '企业已收银行未收', 'Booked receipt, not on bank', 'amount'),
      c('BookPaidNotOnBank', '企业已付银行未付', 'Booked payment, not on bank', 'amount'),
      c('AdjustedBook', '调节后企业余额', 'Adjusted book balance', 'amount'),
      c('AdjustedBank', '调节后银行余额', 'Adjusted bank balance', 'amount'),
      c('Difference', '差额', 'Difference', 'amount'),
      c('PreparedAt', '编制时间', 'Prepared at', 'datetime'),
    ],
  },
  Exceptions: {
    key: 'Exceptions',
    tableName: 'Exceptions',
    sheet: { 'zh-CN': '异常', 'en-US': 'Exceptions' },
    idColumn: 'FindingId',
    columns: [
      c('FindingId', '发现编号', 'Finding ID', 'id', { required: true }),
      c('Rule', '规则', 'Rule'),
      c('Severity', '严重程度', 'Severity', 'enum', { values: ['low', 'medium', 'high'] }),
      c('EntryIds', '分录编号', 'Entry IDs', 'text'),
      c('CustomerId', '客户编号', 'Customer ID', 'id'),
      c('Amount', '金额', 'Amount', 'amount'),
      c('Date', '日期', 'Date', 'date'),
      c('Explanation', '说明', 'Explanation'),
      c('Status', '状态', 'Status', 'enum', { values: EXCEPTION_STATUSES }),
      c('Assignee', '处理人', 'Assignee'),
      c('Notes', '备注', 'Notes'),
      c('FirstSeen', '首次发现', 'First seen', 'datetime'),
      c('LastSeen', '最近发现', 'Last seen', 'datetime'),
      c('Active', '仍然触发', 'Still firing', 'boolean'),
    ],
  },
  Communications: {
    key: 'Communications',
    tableName: 'Communications',
    sheet: { 'zh-CN': '沟通记录', 'en-US': 'Communications' },
    idColumn: 'Id',
    columns: [
      c('Id', '编号', 'ID', 'id', { required: true }),
      c('CustomerId', '客户编号', 'Customer ID', 'id', { required: true }),
      c('Date', '日期', 'Date', 'date'),
      c('Channel', '渠道', 'Channel'),
      c('Topic', '主题', 'Topic'),
      c('Summary', '内容摘要', 'Summary'),
      c('FollowUp', '跟进日期', 'Follow-up', 'date'),
      c('Status', '状态', 'Status', 'enum', { values: ['open', 'done'] }),
    ],
  },
  Feedback: {
    key: 'Feedback',
    tableName: 'Feedback',
    sheet: { 'zh-CN': '客户反馈', 'en-US': 'Feedback' },
    idColumn: 'Id',
    columns: [
      c('Id', '编号', 'ID', 'id', { required: true }),
      c('CustomerId', '客户编号', 'Customer ID', 'id', { required: true }),
      c('Date', '日期', 'Date', 'date'),
      c('Score', '评分', 'Score', 'integer'),
      c('Category', '类别', 'Category'),
      c('Text', '内容', 'Text'),
      c('Response', '回复', 'Response'),
      c('RespondedOn', '回复日期', 'Responded on', 'date'),
      c('Status', '状态', 'Status', 'enum', { values: ['open', 'answered', 'closed'] }),
    ],
  },
  Periods: {
    key: 'Periods',
    tableName: 'Periods',
    sheet: { 'zh-CN': '会计期间', 'en-US': 'Periods' },
    idColumn: 'Period',
    columns: [
      c('Period', '期间', 'Period', 'text', { required: true }),
      c('Status', '状态', 'Status', 'enum', { values: ['open', 'closed'] }),
      c('ClosedAt', '结账时间', 'Closed at', 'datetime'),
      c('ClosedBy', '结账人', 'Closed by'),
      c('ClosingBalances', '期末余额', 'Closing balances', 'json'),
      c('OverrideReason', '强制结账原因', 'Override reason'),
    ],
  },
  AuditLog: {
    key: 'AuditLog',
    tableName: 'AuditLog',
    sheet: { 'zh-CN': '审计日志', 'en-US': 'AuditLog' },
    idColumn: 'Seq',
    columns: [
      c('Seq', '序号', 'Seq', 'integer', { required: true }),
      c('At', '时间', 'At', 'datetime'),
      c('User', '用户', 'User'),
      c('Action', '操作', 'Action'),
      c('Target', '对象', 'Target'),
      c('Detail', '详情', 'Detail', 'json'),
      c('PrevHash', '前一哈希', 'Previous hash', 'id'),
      c('Hash', '哈希', 'Hash', 'id'),
    ],
  },
  Rules: {
    key: 'Rules',
    tableName: 'Rules',
    sheet: { 'zh-CN': '记账规则', 'en-US': 'Rules' },
    idColumn: 'RuleId',
    columns: [
      c('RuleId', '规则编号', 'Rule ID', 'id', { required: true }),
      c('Order', '顺序', 'Order', 'integer'),
      c('Enabled', '启用', 'Enabled', 'boolean'),
      c('Conditions', '条件', 'Conditions', 'json'),
      c('Summary', '摘要', 'Summary'),
      c('CounterAccount', '对方科目', 'Counter account'),
      c('CustomerId', '客户编号', 'Customer ID', 'id'),
      c('Method', '结算方式', 'Method'),
    ],
  },
  Settings: {
    key: 'Settings',
    tableName: 'Settings',
    sheet: { 'zh-CN': '设置', 'en-US': 'Settings' },
    idColumn: 'Key',
    columns: [c('Key', '键', 'Key', 'id', { required: true }), c('Value', '值', 'Value')],
  },
  Notebook: {
    key: 'Notebook',
    tableName: 'Notebook',
    sheet: { 'zh-CN': '分析笔记', 'en-US': 'Notebook' },
    idColumn: 'CellId',
    columns: [
      c('CellId', '单元编号', 'Cell ID', 'id', { required: true }),
      c('Kind', '类型', 'Kind'),
      c('Title', '标题', 'Title'),
      c('Params', '参数', 'Params', 'json'),
      c('OutputSheet', '输出工作表', 'Output sheet'),
      c('LastRun', '最近运行', 'Last run', 'datetime'),
    ],
  },
  OpeningItems: {
    key: 'OpeningItems',
    tableName: 'OpeningItems',
    sheet: { 'zh-CN': '期初未达账项', 'en-US': 'OpeningItems' },
    idColumn: 'ItemId',
    columns: [
      c('ItemId', '编号', 'Item ID', 'id', { required: true }),
      c('AccountId', '账户编号', 'Account ID', 'id', { required: true }),
      c('AsOf', '截至日期', 'As of', 'date', { required: true }),
      c('Kind', '类型', 'Kind', 'enum', { values: OUTSTANDING_KINDS, required: true }),
      c('Date', '发生日期', 'Date', 'date'),
      c('Amount', '金额', 'Amount', 'amount', { required: true }),
      c('Reference', '票据号', 'Reference', 'id'),
      c('Description', '摘要', 'Description'),
      c('Status', '状态', 'Status', 'enum', { values: ['open', 'cleared'] }),
      c('ClearedBy', '核销行', 'Cleared by', 'id'),
    ],
  },
};

/** The table definition for a key. */
export function tableDef(key: TableKey): TableDef {
  return SCHEMA[key];
}

/** Find the table whose sheet name (either language) or table name is `name`. */
export function tableForSheet(name: string): TableDef | undefined {
  return Object.values(SCHEMA).find((t) => t.sheet['zh-CN'] === name || t.sheet['en-US'] === name || t.tableName === name);
}

/** Find the column a header names: the key itself or its header in either language, ignoring case and spaces. */
export function columnForHeader(table: TableDef, header: string): ColumnDef | undefined {
  const h = normaliseHeader(header);
  return table.columns.find(
    (col) => normaliseHeader(col.key) === h || normaliseHeader(col.header['zh-CN']) === h || normaliseHeader(col.header['en-US']) === h,
  );
}

export function normaliseHeader(h: string): string {
  return h.replace(/[\s\ufeff\u3000]/g, '').toLowerCase();
}
