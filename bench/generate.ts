/**
 * A seeded generator of cash books for the benchmark: one bank account, a journal of `rows`
 * entries over the twelve months of 2025, a bank statement of about as many lines (~90% of
 * entries appear on the bank, 0–3 days later; some net of a fee, some split in two; the rest
 * stay outstanding, and the bank adds interest and charges of its own), and customers.
 * The same seed and size always give the same book, so Node and pandas see identical data.
 */
import { emptyBook } from '../analytics/book/book';
import { addDays, weekdayOf } from '../analytics/book/dates';
import { DEFAULT_SETTINGS } from '../analytics/book/default-settings';
import type { Book, Row } from '../analytics/book/types';
import { fromMinorUnits } from '../analytics/money/minor-units';
import { seededRandom } from '../analytics/util/seeded-random';

export const BENCH_ACCOUNT = 'BANK1';
export const BENCH_PERIOD = '2025-12';
/** Bump when the generated data changes, so cached inputs are made again. */
export const GENERATOR_VERSION = 2;
const OPENING_FEN = 100_000_000;

const SUMMARIES = ['货款', '服务费', '租金', '工资', '差旅报销', '采购付款', '销售收入', '退款', '咨询费', '水电费'];
const COUNTER_ACCOUNTS = ['应收账款', '应付账款', '主营业务收入', '管理费用', '销售费用', '其他应收款'];
const METHODS = ['转账', '转账', '转账', '网银', '网银', '现金', '支票', 'POS'];
const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴'];
const FIRMS = ['华东贸易', '远航物流', '嘉禾食品', '恒信科技', '新港建材', '明德咨询', '瑞丰纺织', '金桥电子'];

/** A generated book and the statement lines as a bank would export them. */
export interface BenchData {
  book: Book;
}

/**
 * Generate a bench book.
 * @param rows journal entries (the statement gets about as many lines)
 * @param seed PRNG seed
 */
export function generateBook(rows: number, seed = 20251231): Book {
  const rand = seededRandom(seed);
  const book = emptyBook('zh-CN');
  book.tables.Settings!.rows = Object.entries(DEFAULT_SETTINGS).map(([Key, Value]) => ({ Key, Value }));
  book.tables.Accounts!.rows = [{ AccountId: BENCH_ACCOUNT, Name: '基本户', Kind: 'bank', Institution: '中国工商银行', AccountNo: '6222****0001', Currency: 'CNY', OpeningBalance: fromMinorUnits(OPENING_FEN), OpeningDate: '2025-01-01' }];
  const customers = makeCustomers(Math.max(100, Math.floor(rows / 100)), rand);
  book.tables.Customers!.rows = customers;
  const journal = makeJournal(rows, customers, rand);
  book.tables.Journal!.rows = journal;
  book.tables.Statement!.rows = makeStatement(journal, customers, rand);
  return book;
}

function makeCustomers(n: number, rand: () => number): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < n; i++) {
    const company = rand() < 0.6;
    const name = company ? `${FIRMS[i % FIRMS.length]}${i}号有限公司` : `${SURNAMES[i % SURNAMES.length]}客户${i}`;
    out.push({ CustomerId: `C${String(i + 1).padStart(6, '0')}`, Name: name, Kind: company ? 'company' : 'person', Contact: null, Phone: `139${String(10_000_000 + i).slice(-8)}`, Email: null, Address: null, TaxId: null, BankAccount: null, CreditLimit: company ? '100000.00' : null, OpeningBalance: '0.00', Status: 'active', Owner: '出纳', Notes: null });
  }
  return out;
}

function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/**
 * An amount in fen around the customer's usual size (customers differ by a lognormal scale,
 * one customer's amounts vary less), with an occasional round figure.
 */
function amountFen(rand: () => number, scale: number): number {
  if (rand() < 0.01) return (1 + Math.floor(rand() * 20)) * 1_000_000;
  const yuan = scale * Math.exp(0.6 * normal(rand));
  return Math.max(100, Math.min(500_000_000, Math.round(yuan * 100)));
}

function makeJournal(rows: number, customers: Row[], rand: () => number): Row[] {
  const out: Row[] = new Array(rows);
  let balance = OPENING_FEN;
  // Cashiers book on working days; the risk scan flags weekend entries.
  const days = Array.from({ length: 365 }, (_, d) => addDays('2025-01-01', d)).filter((d) => weekdayOf(d) <= 5);
  const scales = customers.map(() => Math.exp(7.5 + 1.2 * normal(rand)));
  for (let i = 0; i < rows; i++) {
    const date = days[Math.floor((i * days.length) / rows)];
    const dup = i > 0 && rand() < 0.003;
    const prev = dup ? out[i - 1] : undefined;
    const c = Math.floor(customers.length * rand() * rand());
    const customer = prev ? String(prev.CustomerId) : String(customers[c].CustomerId);
    const inflow = prev ? prev.Inflow !== null : rand() < 0.55;
    const fen = prev ? Math.round(Number(prev.Inflow ?? prev.Outflow) * 100) : amountFen(rand, scales[c]);
    balance += inflow ? fen : -fen;
    out[i] = {
      EntryId: `J${String(i + 1).padStart(7, '0')}`,
      Date: date,
      Voucher: `记-${String(i + 1).padStart(7, '0')}`,
      AccountId: BENCH_ACCOUNT,
      CustomerId: customer,
      Summary: SUMMARIES[Math.floor(rand() * SUMMARIES.length)],
      CounterAccount: COUNTER_ACCOUNTS[Math.floor(rand() * COUNTER_ACCOUNTS.length)],
      Method: METHODS[Math.floor(rand() * METHODS.length)],
      Reference: rand() < 0.7 ? `R${String(1_000_000_000 + i)}` : null,
      Inflow: inflow ? fromMinorUnits(fen) : null,
      Outflow: inflow ? null : fromMinorUnits(fen),
      Balance: fromMinorUnits(balance),
      Status: 'posted',
      ReversalOf: null,
      Source: `bench#${i + 2}`,
      RowHash: null,
    };
  }
  return out;
}

/** The bank posts on working days: a weekend date moves to the Monday after. */
function workdayFrom(date: string): string {
  const w = weekdayOf(date);
  return w <= 5 ? date : addDays(date, 8 - w);
}

function makeStatement(journal: Row[], customers: Row[], rand: () => number): Row[] {
  const names = new Map(customers.map((c) => [String(c.CustomerId), String(c.Name)]));
  const lines: { date: string; fen: number; ref: string | null; who: string; text: string }[] = [];

  // Step 1: what the bank shows for each entry (or nothing, for outstanding items)
  for (const e of journal) {
    if (rand() >= 0.9) continue;
    const fen = Math.round(Number(e.Inflow ?? e.Outflow) * 100) * (e.Inflow !== null ? 1 : -1);
    const u = rand();
    const lag = u < 0.6 ? 0 : u < 0.85 ? 1 : u < 0.95 ? 2 : 3;
    const date = workdayFrom(addDays(String(e.Date), lag));
    const ref = e.Reference !== null && rand() < 0.8 ? String(e.Reference) : null;
    const who = names.get(String(e.CustomerId)) ?? '';
    const kind = rand();
    if (kind < 0.07 && fen > 10_000) {
      // Net of a bank fee: the line is smaller than the entry by 0.1%, at least 1 yuan.
      const fee = Math.max(100, Math.round(Math.abs(fen) / 1000));
      lines.push({ date, fen: fen > 0 ? fen - fee : fen - fee, ref, who, text: String(e.Summary) });
    } else if (kind < 0.15 && Math.abs(fen) >= 200) {
      const part = Math.round(fen * (0.3 + rand() * 0.4));
      lines.push({ date, fen: part, ref: null, who, text: String(e.Summary) });
      lines.push({ date, fen: fen - part, ref: null, who, text: String(e.Summary) });
    } else {
      lines.push({ date, fen, ref, who, text: String(e.Summary) });
    }
  }

  // Step 2: the bank's own lines: interest in, charges out
  const extra = Math.floor(journal.length * 0.03);
  for (let k = 0; k < extra; k++) {
    const date = addDays('2025-01-01', Math.floor(rand() * 365));
    if (weekdayOf(date) > 5) continue;
    const interest = rand() < 0.4;
    lines.push({ date, fen: interest ? 100 + Math.floor(rand() * 50_000) : -(100 + Math.floor(rand() * 5_000)), ref: null, who: '', text: interest ? '结息' : '手续费' });
  }

  // Step 3: in date order, with ids and a running balance
  lines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let balance = OPENING_FEN;
  return lines.map((l, i) => {
    balance += l.fen;
    return {
      LineId: `S${String(i + 1).padStart(7, '0')}`,
      AccountId: BENCH_ACCOUNT,
      Date: l.date,
      Time: null,
      ValueDate: l.date,
      Amount: fromMinorUnits(l.fen),
      Currency: 'CNY',
      Counterparty: l.who || null,
      CounterpartyAccount: null,
      Reference: l.ref,
      Description: l.text,
      Method: null,
      RunningBalance: fromMinorUnits(balance),
      Source: `bank.csv#${i + 2}`,
      Fingerprint: null,
    };
  });
}
