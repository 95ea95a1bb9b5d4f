/**
 * A synthetic cash book for recall tests and the benchmark: seeded, so the same options give
 * the same book. Clean activity is built to be rule-clean by construction (business days,
 * amounts within ±30 % of each customer's typical amount, petty cash below the settlement
 * threshold funded by bank withdrawals, contiguous voucher numbers), and `plant: true` adds
 * one known anomaly per rule (Benford excepted: it is about a whole population and is
 * tested on its own). Customer medians are log-uniform over two decades, so first digits
 * follow Benford's law.
 */
import { seededRandom } from '../util/seeded-random';
import { addDays, weekdayOf } from '../book/dates';
import { emptyBook } from '../book/book';
import type { Book, Row } from '../book/types';
import { fromMinorUnits } from '../money/minor-units';
import { findingId } from './finding-id';
import type { AnomalyFinding } from './types';

export interface SyntheticBookOptions {
  /** Journal entries of clean activity. @default 20000 */
  entries?: number;
  /** Customers. @default 200 */
  customers?: number;
  /** First day. @default '2023-01-02' */
  start?: string;
  /** Calendar days covered. @default 365 */
  days?: number;
  seed?: number;
  /** Add one known anomaly per rule. @default false */
  plant?: boolean;
}

/** A planted anomaly: the rule that should catch it and the entries (or period) it is about. */
export interface PlantedAnomaly {
  rule: string;
  entryIds: string[];
  /** For voucher gaps: the month and sequence the gap is in. */
  period?: string;
}

export interface SyntheticBook {
  book: Book;
  planted: PlantedAnomaly[];
}

export { seededRandom };

interface Draft extends Row {
  EntryId: string;
  Date: string;
}

/**
 * Build a synthetic book.
 * @example makeSyntheticRiskBook({ entries: 1_000_000, customers: 2000, days: 1095, seed: 1 }).book
 */
export function makeSyntheticRiskBook(options: SyntheticBookOptions = {}): SyntheticBook {
  const {
    entries = 20000,
    customers = 200,
    start = '2023-01-02',
    days = 365,
    seed = 1,
    plant = false,
  } = options;
  const random = seededRandom(seed);
  const book = emptyBook('zh-CN');
  const businessDays = Array.from({ length: days }, (_, i) => addDays(start, i)).filter(
    (d) => weekdayOf(d) <= 5,
  );

  // Step 1: customers, each with a direction, a kind and a typical amount (log-uniform 100–10,000 yuan)
  const people = Array.from({ length: customers }, (_, i) => ({
    id: `C${String(i + 1).padStart(5, '0')}`,
    kind: random() < 0.8 ? 'company' : 'person',
    receipts: random() < 0.7,
    medianFen: Math.round(10 ** (4 + 2 * random())),
  }));
  book.tables.Customers!.rows = people.map((p) => ({
    CustomerId: p.id,
    Name: `测试客户${p.id}`,
    Kind: p.kind,
    Status: 'active',
  }));
  book.tables.Accounts!.rows = [
    { AccountId: 'BANK', Name: '基本户', Kind: 'bank', OpeningBalance: '1000000.00' },
    { AccountId: 'CASH', Name: '库存现金', Kind: 'cash', OpeningBalance: '5000.00' },
  ];

  // Step 2: clean customer activity by transfer, and petty cash with withdrawals
  const perDay = new Map<string, Draft[]>();
  const push = (row: Draft) => {
    const list = perDay.get(row.Date);
    if (list) list.push(row);
    else perDay.set(row.Date, [row]);
  };
  const pettyShare = 0.05;
  let n = 0;
  for (; n < entries * (1 - pettyShare); n++) {
    const p = people[Math.floor(random() * people.length)];
    const fen = Math.round(p.medianFen * (0.7 + 0.6 * random()));
    push(
      customerEntry(
        `E${n + 1}`,
        businessDays[Math.floor(random() * businessDays.length)],
        p.id,
        p.receipts ? fen : -fen,
        p.receipts ? '货款' : '采购付款',
      ),
    );
  }
  const pettyDays = businessDays.slice().sort();
  for (; n < entries; n++) {
    const day = pettyDays[Math.floor(random() * pettyDays.length)];
    const fen = 1000 + Math.floor(random() * 89000);
    push({
      EntryId: `E${n + 1}`,
      Date: day,
      AccountId: 'CASH',
      CustomerId: '',
      Summary: PETTY[Math.floor(random() * PETTY.length)],
      CounterAccount: '管理费用',
      Method: '现金',
      Inflow: null,
      Outflow: fromMinorUnits(fen),
      Status: 'posted',
    });
  }

  // Step 3: the planted anomalies
  const planted: PlantedAnomaly[] = [];
  if (plant) plantAnomalies(perDay, people, businessDays, planted);

  // Step 4: day order, cash withdrawals that keep the drawer between 1,000 and 6,000, vouchers
  const rows = finishJournal(perDay, planted);
  book.tables.Journal!.rows = rows;
  return { book, planted };
}

const PETTY = [
  '零星采购',
  '办公用品',
  '快递费',
  '停车费',
  '茶水费',
  '打印费',
  '维修费',
  '市内交通费',
];

function customerEntry(
  id: string,
  date: string,
  customer: string,
  fen: number,
  summary: string,
): Draft {
  return {
    EntryId: id,
    Date: date,
    AccountId: 'BANK',
    CustomerId: customer,
    Summary: summary,
    CounterAccount: fen > 0 ? '应收账款' : '应付账款',
    Method: '转账',
    Inflow: fen > 0 ? fromMinorUnits(fen) : null,
    Outflow: fen < 0 ? fromMinorUnits(-fen) : null,
    Status: 'posted',
  };
}

function finishJournal(perDay: Map<string, Draft[]>, planted: PlantedAnomaly[]): Row[] {
  const rows: Row[] = [];
  let cash = 500_000;
  let withdrawal = 0;
  let month = '';
  let voucher = 0;
  const skip = new Set(planted.filter((p) => p.rule === 'voucher-gap').map((p) => p.period));
  // a reused number: the entry takes the previous entry's number, written without padding
  const reuse = new Map(
    planted.filter((p) => p.rule === 'voucher-reuse').map((p) => [p.entryIds[0], p]),
  );
  let previous: Row | undefined;
  for (const day of [...perDay.keys()].sort()) {
    const today = perDay.get(day)!;
    // withdraw in the morning so the day's petty payments never come out of receipts
    // planted entries (P-…) are left out, so a planted 坐支 day is not covered by a withdrawal
    const pettyOut = today.reduce(
      (s, r) =>
        s +
        (r.AccountId === 'CASH' && r.Outflow && r.EntryId.startsWith('E')
          ? Math.round(Number(r.Outflow) * 100)
          : 0),
      0,
    );
    if (cash - pettyOut < 100_000) {
      const amount = 500_000 - cash + pettyOut;
      withdrawal++;
      today.unshift(
        {
          EntryId: `W${withdrawal}`,
          Date: day,
          AccountId: 'CASH',
          CustomerId: '',
          Summary: '从银行提现',
          CounterAccount: '银行存款',
          Method: '现金',
          Inflow: fromMinorUnits(amount),
          Outflow: null,
          Status: 'posted',
        },
        {
          EntryId: `W${withdrawal}B`,
          Date: day,
          AccountId: 'BANK',
          CustomerId: '',
          Summary: '提现备用',
          CounterAccount: '库存现金',
          Method: '现金支票',
          Inflow: null,
          Outflow: fromMinorUnits(amount),
          Status: 'posted',
        },
      );
    }
    for (const r of today) {
      if (r.AccountId === 'CASH')
        cash += Math.round(Number(r.Inflow ?? 0) * 100) - Math.round(Number(r.Outflow ?? 0) * 100);
      if (day.slice(0, 7) !== month) ((month = day.slice(0, 7)), (voucher = 0));
      const reusing = reuse.get(r.EntryId);
      if (reusing && previous && voucher > 0) {
        r.Voucher = `记-${voucher}`;
        reusing.entryIds = [String(previous.EntryId), r.EntryId];
      } else {
        voucher++;
        if (skip.has(`${month}|${voucher}`)) voucher++;
        r.Voucher = `记-${String(voucher).padStart(4, '0')}`;
      }
      rows.push(r);
      previous = r;
    }
  }
  return rows;
}

function plantAnomalies(
  perDay: Map<string, Draft[]>,
  people: { id: string; kind: string; receipts: boolean; medianFen: number }[],
  days: string[],
  planted: PlantedAnomaly[],
): void {
  const add = (row: Draft) => {
    const list = perDay.get(row.Date) ?? [];
    list.push(row);
    perDay.set(row.Date, list);
  };
  const at = (share: number) => days[Math.floor(days.length * share)];
  const company = people.find((p) => p.kind === 'company')!;
  const person = people.find((p) => p.kind === 'person') ?? company;
  const cashAt = (
    id: string,
    date: string,
    customer: string,
    fen: number,
    summary: string,
  ): Draft => ({ ...customerEntry(id, date, customer, fen, summary), Method: '现金' });
  // `existing` are clean entries the anomaly is about (a duplicated original); only `rows` are added
  const plantOne = (rule: string, rows: Draft[], existing: Draft[] = []) => {
    rows.forEach(add);
    planted.push({ rule, entryIds: [...existing, ...rows].map((r) => r.EntryId) });
  };

  plantOne('large-value', [cashAt('P-LV', at(0.1), company.id, 8_000_000, '收到现金货款')]);
  plantOne('large-daily', [
    cashAt('P-LD1', at(0.15), company.id, 3_000_000, '收到现金货款'),
    cashAt('P-LD2', at(0.15), company.id, 2_500_000, '收到现金货款'),
  ]);
  plantOne('structuring', [
    cashAt('P-ST1', at(0.2), person.id, 4_800_000, '现金存入'),
    cashAt('P-ST2', addDays(at(0.2), 2), person.id, 4_900_000, '现金存入'),
    cashAt('P-ST3', addDays(at(0.2), 4), person.id, 4_650_000, '现金存入'),
  ]);

  // duplicates copy a real entry: once the same day, once two days later with other words
  const source = perDay.get(at(0.3))!.find((r) => r.CustomerId)!;
  plantOne('duplicate-exact', [{ ...source, EntryId: 'P-DX' }], [source]);
  const source2 = perDay.get(at(0.35))!.find((r) => r.CustomerId && r.EntryId !== source.EntryId)!;
  plantOne(
    'duplicate-near',
    [
      {
        ...source2,
        EntryId: 'P-DN',
        Date: addDays(source2.Date, weekdayOf(source2.Date) <= 3 ? 2 : 0),
        Summary: '重复付款',
      },
    ],
    [source2],
  );

  plantOne('round-amount', [customerEntry('P-RA', at(0.4), company.id, -3_000_000, '咨询服务费')]);
  const saturday = days
    .map((d) => addDays(d, 1))
    .find((d, i) => i > days.length / 2 && weekdayOf(d) === 6)!;
  plantOne('weekend', [customerEntry('P-WE', saturday, company.id, -123_456, '采购付款')]);

  // a customer quiet for 220+ days (only when the book is long enough to show it)
  const dormantStart = days[2];
  const back = days.find((d) => d >= addDays(dormantStart, 220));
  if (back) {
    add(customerEntry('P-DO1', dormantStart, 'DORMANT', 250_000, '货款'));
    add(customerEntry('P-DO2', addDays(dormantStart, 1), 'DORMANT', 260_000, '货款'));
    add(customerEntry('P-DO3', addDays(dormantStart, 3), 'DORMANT', 240_000, '货款'));
    plantOne('dormant-reactivated', [customerEntry('P-DO4', back, 'DORMANT', 255_000, '货款')]);
  }

  plantOne('new-counterparty-large', [
    customerEntry('P-NC', at(0.6), 'NEWCO', -8_000_000, '预付设备款'),
  ]);
  const typical = people.find((p) => !p.receipts) ?? company;
  plantOne('amount-outlier', [
    customerEntry('P-OU', at(0.65), typical.id, -(typical.medianFen * 20 + 37), '采购付款'),
  ]);
  plantOne('cash-over-settlement', [
    {
      ...cashAt('P-CS', at(0.7), '', -250_000, '购买办公设备'),
      AccountId: 'CASH',
      CounterAccount: '固定资产',
    },
  ]);
  plantOne('cash-on-hand-limit', [
    { ...cashAt('P-CH', at(0.75), company.id, 3_012_345, '收到现金货款'), AccountId: 'CASH' },
  ]);
  add({
    ...cashAt(
      'P-CH2',
      addDays(at(0.75), weekdayOf(at(0.75)) === 5 ? 3 : 1),
      '',
      -3_012_345,
      '现金存入银行',
    ),
    AccountId: 'CASH',
    CounterAccount: '银行存款',
  });
  plantOne('cash-sitting', [
    { ...cashAt('P-SI1', at(0.8), company.id, 950_000, '收到现金货款'), AccountId: 'CASH' },
    {
      ...cashAt('P-SI2', at(0.8), '', -900_000, '支付运费'),
      AccountId: 'CASH',
      CounterAccount: '销售费用',
    },
  ]);

  // vouchers: one number skipped in a month, one number written twice
  planted.push({ rule: 'voucher-gap', entryIds: [], period: `${at(0.5).slice(0, 7)}|7` });
  const reused = perDay.get(at(0.55))!.find((r) => r.CustomerId)!;
  planted.push({ rule: 'voucher-reuse', entryIds: [reused.EntryId] });
}

/**
 * Recall of planted anomalies: a planted anomaly counts as found when a finding of its rule
 * covers all its entries (voucher gaps: a gap finding in its month).
 */
export function plantedRecall(
  findings: AnomalyFinding[],
  planted: PlantedAnomaly[],
): { found: PlantedAnomaly[]; missed: PlantedAnomaly[] } {
  const found: PlantedAnomaly[] = [];
  const missed: PlantedAnomaly[] = [];
  for (const p of planted) {
    const hit = findings.some((f) => {
      if (f.rule !== p.rule) return false;
      if (p.rule === 'voucher-gap')
        return f.period?.startsWith(`${p.period!.split('|')[0]}|记|`) ?? false;
      return p.entryIds.every((id) => f.entryIds.includes(id));
    });
    (hit ? found : missed).push(p);
  }
  return { found, missed };
}

/** Distinct finding ids, for counting. */
export function distinctFindings(findings: AnomalyFinding[]): number {
  return new Set(findings.map(findingId)).size;
}
