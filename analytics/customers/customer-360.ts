/**
 * Everything the archive knows about one customer as of a date: the balance (opening +
 * inflow − outflow of the customer's entries, reversals included so a 红字冲销 pair nets
 * out) with its running history and month ends, cash settled per counter account (the
 * receivable/payable side a cash journal can show), recent entries, open exceptions,
 * communications with follow-ups due, and feedback with a satisfaction score. Merged
 * customers count under their survivor, so asking for either id gives the same view.
 */
import { Decimal, ZERO, amountText, parseAmount } from '../money';
import { rowsOf, text } from '../book/book';
import type { Book, Row } from '../book/types';
import { t } from '../book/types';
import { fail } from '../util/error';
import type { Problem } from '../util/problem';
import { compareEntries } from '../journal/entry-order';
import { customerMergeMap } from './merge-map';
import { averageScore } from './satisfaction-summary';

export interface CustomerBalanceLine {
  date: string;
  entryId: string;
  voucher: string;
  accountId: string;
  summary: string;
  inflow: string;
  outflow: string;
  /** Running customer balance after this entry. */
  balance: string;
  status: string;
  /** The id the entry was recorded under (a merged id shows here). */
  customerId: string;
}

export interface CustomerMonth {
  period: string;
  inflow: string;
  outflow: string;
  closing: string;
}

export interface CounterAccountFlow {
  counterAccount: string;
  side: 'receivable' | 'payable' | 'other';
  inflow: string;
  outflow: string;
  /** inflow − outflow */
  net: string;
}

export interface Customer360 {
  customerId: string;
  /** Set when the id asked for was merged into `customerId`. */
  resolvedFrom?: string;
  /** Every id counted: the customer and those merged into it. */
  mergedIds: string[];
  asOf: string;
  customer: Row;
  openingBalance: string;
  inflow: string;
  outflow: string;
  /** openingBalance + inflow − outflow, as of `asOf`. */
  balance: string;
  creditLimit: string | null;
  history: CustomerBalanceLine[];
  months: CustomerMonth[];
  byCounterAccount: CounterAccountFlow[];
  /** Last 10 entries, newest first. */
  recent: CustomerBalanceLine[];
  openExceptions: Row[];
  /** Newest first. */
  communications: Row[];
  /** Open communications whose follow-up date has come. */
  followUpsDue: Row[];
  feedback: Row[];
  satisfaction: { count: number; average: string | null; latest: number | null };
  problems: Problem[];
}

const RECEIVABLE = /应收|预付|其他应收|备用金/;
const PAYABLE = /应付|预收|其他应付/;
const OPEN_EXCEPTION = new Set(['open', 'reviewing', 'escalated', '']);
const RECENT = 10;

/**
 * Build the 360 view of a customer.
 * @param book the book
 * @param customerId the customer (a merged id resolves to its survivor)
 * @param asOf 'YYYY-MM-DD'; entries, communications and feedback after it are left out
 * @throws AnalyticsError `unknown-customer` when the id is not in the archive
 * @example customer360(book, 'C0001', '2024-06-30').balance // '1250.00'
 */
export function customer360(book: Book, customerId: string, asOf: string): Customer360 {
  const mergeMap = customerMergeMap(book);
  const customers = rowsOf(book, 'Customers');
  if (!customers.some((c) => text(c.CustomerId) === customerId))
    fail(
      'unknown-customer',
      t(`客户 ${customerId} 不在客户档案中。`, `Customer ${customerId} is not in the archive.`),
    );
  const id = mergeMap.survivorOf(customerId);
  const group = mergeMap.groupOf(id);
  const inGroup = (v: unknown) => group.includes(text(v));
  const customer = customers.find((c) => text(c.CustomerId) === id)!;
  const problems: Problem[] = mergeMap.problems.slice();

  // Step 1: opening balance of the group (a merged customer's opening counts once, here)
  let opening = ZERO;
  for (const c of customers)
    if (inGroup(c.CustomerId)) opening = opening.plus(amountOr0(c.OpeningBalance));

  // Step 2: walk the group's entries up to asOf
  const entries = rowsOf(book, 'Journal')
    .filter((e) => inGroup(e.CustomerId) && text(e.Date) <= asOf)
    .sort(compareEntries);
  let running = opening;
  let totalIn = ZERO;
  let totalOut = ZERO;
  const history: CustomerBalanceLine[] = [];
  const months = new Map<string, { inflow: Decimal; outflow: Decimal; closing: Decimal }>();
  const flows = new Map<string, { inflow: Decimal; outflow: Decimal }>();
  for (const e of entries) {
    const inflow = amountOr0(e.Inflow);
    const outflow = amountOr0(e.Outflow);
    running = running.plus(inflow).minus(outflow);
    totalIn = totalIn.plus(inflow);
    totalOut = totalOut.plus(outflow);
    history.push(line(e, inflow, outflow, running));
    const period = text(e.Date).slice(0, 7);
    const m = months.get(period) ?? { inflow: ZERO, outflow: ZERO, closing: ZERO };
    months.set(period, {
      inflow: m.inflow.plus(inflow),
      outflow: m.outflow.plus(outflow),
      closing: running,
    });
    const counter = text(e.CounterAccount) || '(未填)';
    const f = flows.get(counter) ?? { inflow: ZERO, outflow: ZERO };
    flows.set(counter, { inflow: f.inflow.plus(inflow), outflow: f.outflow.plus(outflow) });
  }

  // Step 3: exceptions, communications, feedback of the group
  const openExceptions = rowsOf(book, 'Exceptions').filter(
    (x) => inGroup(x.CustomerId) && OPEN_EXCEPTION.has(text(x.Status)),
  );
  const communications = rowsOf(book, 'Communications')
    .filter((c) => inGroup(c.CustomerId) && text(c.Date) <= asOf)
    .sort(newestFirst);
  const followUpsDue = communications.filter(
    (c) => c.Status !== 'done' && text(c.FollowUp) !== '' && text(c.FollowUp) <= asOf,
  );
  const feedback = rowsOf(book, 'Feedback')
    .filter((f) => inGroup(f.CustomerId) && text(f.Date) <= asOf)
    .sort(newestFirst);
  const scored = feedback.filter((f) => validScore(f.Score) !== undefined);

  return {
    customerId: id,
    resolvedFrom: id === customerId ? undefined : customerId,
    mergedIds: group.filter((g) => g !== id),
    asOf,
    customer,
    openingBalance: amountText(opening),
    inflow: amountText(totalIn),
    outflow: amountText(totalOut),
    balance: amountText(running),
    creditLimit: text(customer.CreditLimit) || null,
    history,
    months: [...months].map(([period, m]) => ({
      period,
      inflow: amountText(m.inflow),
      outflow: amountText(m.outflow),
      closing: amountText(m.closing),
    })),
    byCounterAccount: [...flows].map(([counterAccount, f]) => ({
      counterAccount,
      side: RECEIVABLE.test(counterAccount)
        ? 'receivable'
        : PAYABLE.test(counterAccount)
          ? 'payable'
          : 'other',
      inflow: amountText(f.inflow),
      outflow: amountText(f.outflow),
      net: amountText(f.inflow.minus(f.outflow)),
    })),
    recent: history.slice(-RECENT).reverse(),
    openExceptions,
    communications,
    followUpsDue,
    feedback,
    satisfaction: {
      count: scored.length,
      average: averageScore(scored.map((f) => validScore(f.Score)!)),
      latest: scored.length ? validScore(scored[0].Score)! : null,
    },
    problems,
  };
}

/** A feedback score 1–5, or undefined when the cell holds anything else. */
export function validScore(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : Number(text(v));
  return text(v) !== '' && Number.isInteger(n) && n >= 1 && n <= 5 ? n : undefined;
}

function line(e: Row, inflow: Decimal, outflow: Decimal, balance: Decimal): CustomerBalanceLine {
  return {
    date: text(e.Date),
    entryId: text(e.EntryId),
    voucher: text(e.Voucher),
    accountId: text(e.AccountId),
    summary: text(e.Summary),
    inflow: inflow.isZero() ? '' : amountText(inflow),
    outflow: outflow.isZero() ? '' : amountText(outflow),
    balance: amountText(balance),
    status: text(e.Status),
    customerId: text(e.CustomerId),
  };
}

function amountOr0(v: unknown): Decimal {
  const r = parseAmount(v, { blank: 'zero' });
  return r.ok ? r.value : ZERO;
}

function newestFirst(a: Row, b: Row): number {
  return text(b.Date).localeCompare(text(a.Date)) || text(b.Id).localeCompare(text(a.Id));
}
