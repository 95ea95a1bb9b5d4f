/**
 * One account's reconciliation as of a period end, computed without touching the book:
 * which rows are in scope, which are already settled by earlier or user-confirmed matches,
 * what the matcher proposes for the rest, the four kinds of outstanding items, and the
 * 余额调节表 balances. reconcileAccount turns it into changes; closePeriod and the aging
 * review read it directly.
 * Scope: every entry and line of the account dated on or before the period's last day
 * (end of day). Rows of earlier periods still unmatched are carried forward and can clear
 * now; rows dated after the period end are never candidates. A reversed entry and its
 * reversal, both in scope, cancel out and are neither matched nor outstanding.
 */
import { numberSetting, rowsOf, setting, text } from '../book/book';
import { bodyOf, ColumnRows, rowCount } from '../book/column-rows';
import { periodBounds } from '../book/dates';
import type { Book, Row, Table } from '../book/types';
import { toMinorUnits } from '../money/minor-units';
import { fail } from '../util/error';
import { t } from '../book/types';
import { fen, idOf, journalColumns, type BodyColumns, type SerialCode, journalColumnsOfBody, pickRows, statementColumns, statementColumnsOfBody, TextNumbering, type LedgerColumns } from './ledger-columns';
import { bodyRows, pickScope, rowList, type ScopeRows } from './scope-rows';
import { IdListCells } from './id-list-cells';
import { ID_SEPARATOR, lastMatchKey, matchIdOfPair, matchIdOfSerialPair, matchIdOfSorted, pairingKey, sortIds, splitIds } from './match-id';
import { IN_THIS_THREAD, type MatcherRunner, type MatchRule } from './match-statement';
import { bankBalanceAt } from './bank-balance';
import { openingItemsAsOf } from './opening-items';
import { isoPeriod } from './period';
import { appendAll } from '../util/append-all';
import type { ProposalLog } from './proposal-log';

export type OutstandingKind = 'BankReceivedNotBooked' | 'BankPaidNotBooked' | 'BookReceivedNotOnBank' | 'BookPaidNotOnBank';

export const OUTSTANDING_KINDS: readonly OutstandingKind[] = ['BankReceivedNotBooked', 'BankPaidNotBooked', 'BookReceivedNotOnBank', 'BookPaidNotOnBank'];

/** An item that explains part of the gap between book and bank. */
export interface OutstandingItem {
  kind: OutstandingKind;
  /** An unmatched entry or line, the residual (a netted fee) of a match, or an opening item (期初未达账项). */
  source: 'entry' | 'line' | 'match' | 'opening';
  /** EntryId, LineId, MatchId or ItemId. */
  id: string;
  date: string;
  /** Signed, in fen: + raises the balance it adjusts, − lowers it. */
  amount: number;
  /** Counterparty, summary or description, for people. */
  text: string;
  customerId: string;
}

export interface ReconciliationRun {
  accountId: string;
  period: string;
  /** Last day of the period, 'YYYY-MM-DD'. */
  end: string;
  /**
   * New automatic matches for this period as Matches rows (MatchId, Period, AccountId,
   * EntryIds, LineIds, Rule, Score, Status 'auto'), in journal order of their first entry,
   * held as columns: a million matches are a few arrays, not a million objects.
   */
  proposals: ColumnRows;
  /**
   * Matches not written because an earlier one has the same id (the sheets repeat a row id,
   * or ids hold ',' or '|'); their rows are among the items.
   */
  repeatedMatchIds: string[];
  /** Existing automatic matches of this account and period that this run no longer makes. */
  staleMatchIds: string[];
  /** Matches that were already settled (earlier periods, confirmed or hand-made) and kept. */
  keptMatches: number;
  items: OutstandingItem[];
  /** All amounts in fen. */
  bookBalance: number;
  bankBalance: number;
  totals: Record<OutstandingKind, number>;
  counts: Record<OutstandingKind, number>;
  adjustedBook: number;
  adjustedBank: number;
  difference: number;
}

export interface ComputeReconciliationParams {
  accountId: string;
  period: string;
  /** Reconcile as of this date instead of the period's last day (aging review). */
  asOf?: string;
  /** When given, filled with the milliseconds each step and matcher pass took (benchmarks). */
  timings?: Record<string, number>;
  /** Where the matcher runs; this thread when not given. */
  runner?: MatcherRunner;
}

/**
 * Compute one account's reconciliation for a period.
 * @throws AnalyticsError `bad-period` or `unknown-account`
 */
export function computeReconciliation(book: Book, params: ComputeReconciliationParams): ReconciliationRun {
  const { accountId, period } = params;
  isoPeriod(period);
  const account = rowsOf(book, 'Accounts').find((r) => text(r.AccountId) === accountId);
  if (!account) fail('unknown-account', t(`账户 '${accountId}' 不在账户表中。`, `Account '${accountId}' is not in the Accounts table.`));
  const end = params.asOf ?? periodBounds(period).last;

  const timings = params.timings;
  const runner = params.runner ?? IN_THIS_THREAD;
  runner.warmUp?.(rowCount(book.tables.Journal) + rowCount(book.tables.Statement));
  let lap = timings ? performance.now() : 0;
  const timed = (step: string) => {
    if (!timings) return;
    const now = performance.now();
    timings[step] = Math.round(now - lap);
    lap = now;
  };

  // Step 1: rows in scope and the book balance (every status counts: reversals net out)
  // Columns of every row in scope, read in the same pass as the scope is found: the book
  // balance is summed from them, and the matcher gets the open ones.
  const numbering = new TextNumbering();
  const { columns: allJ, rows: entries } = journalInScope(book, numbering, accountId, end);
  const { columns: allS, rows: lines } = statementInScope(book, numbering, accountId, end);
  const opening = fen(account.OpeningBalance);
  let bookBalance = opening;
  for (let j = 0; j < allJ.length; j++) bookBalance += allJ.amount[j];
  // Opening items (期初未达账项) say how the bank's opening differed from the book's when the
  // book was adopted; the lines and entries that later clear them are not candidates.
  const carried = openingItemsAsOf(book, accountId, end);
  const bankBalance = bankBalanceAt(lines, opening + bankOpeningOffset(book, accountId));

  // Step 2: what earlier runs and the user settled
  const prior = priorDecisions(book, accountId, period, entries, lines);

  // Step 3: match the rest
  const cancelled = cancelledReversals(entries);
  const skipEntry = [prior.settled.entries, prior.forced.entries, cancelled, carried.clearingEntries].filter((set) => set.size > 0);
  const skipLine = [prior.settled.lines, prior.forced.lines, carried.clearingLines].filter((set) => set.size > 0);
  const openEntryRows = skipEntry.length ? keptRows(entries, 'EntryId', skipEntry) : undefined;
  const openLineRows = skipLine.length ? keptRows(lines, 'LineId', skipLine) : undefined;
  const openEntries = openEntryRows ? pickScope(entries, openEntryRows) : entries;
  const openLines = openLineRows ? pickScope(lines, openLineRows) : lines;
  const J = openEntryRows ? pickRows(allJ, openEntryRows) : allJ;
  const S = openLineRows ? pickRows(allS, openLineRows) : allS;
  timed('scope-and-columns');
  const rejected = prior.rejected;
  // Each proposal's Matches cells are made as it comes in; its rows are marked used then.
  const entryUsed = new Uint8Array(J.length);
  const lineUsed = new Uint8Array(S.length);
  const items: OutstandingItem[] = [];
  // The Matches sheet lists proposals in the order of their first entry, not the order
  // found: it follows the journal, and one thread or two give the same list. Their cells are
  // made in that order too: a million ids read in the order they lie in memory cost several
  // times less than read scattered. Kept by first entry, as columns (see ColumnRows).
  const idAt = new Array<string | undefined>(J.length);
  const entryIdsAt = new Array<string>(J.length);
  const lineIdsAt = new Array<string>(J.length);
  // Keys of the match ids, kept only when the rows' ids could give two matches one id.
  const keyAt = idsCannotRepeat(J) && idsCannotRepeat(S) ? undefined : new Array<number>(J.length).fill(0);
  // A proposal without an entry (no pass makes one) would follow the rest, in the order found.
  const withoutEntries: number[] = [];
  const proposalAt = new Int32Array(J.length); // first entry → proposal number + 1
  // First entry → its line + 1, when the proposal is that entry with that line alone (most
  // are): noted while the log is read in order, so the cells need not read it again scattered.
  const pairLineAt = new Int32Array(J.length);
  // Ids held as numbers on both sides: a pair's id is hashed from the numbers, and its
  // EntryIds and LineIds cells are kept as the two rows (see IdListCells), not as texts.
  const serial = J.idCode && S.idCode ? { J: J.idCode, S: S.idCode } : undefined;
  let made = 0;
  const rowsUpTo = (log: ProposalLog) => {
    const from = made;
    for (let k = from; k < log.count; k++) {
      if (log.entryCountOf(k) === 0) {
        withoutEntries.push(k);
        continue;
      }
      const j = log.entryOf(k, 0);
      proposalAt[j] = k + 1;
      pairLineAt[j] = log.entryCountOf(k) === 1 && log.lineCountOf(k) === 1 ? log.lineOf(k, 0) + 1 : 0;
    }
    for (let j = 0; j < J.length; j++) {
      if (proposalAt[j] <= from) continue;
      if (pairLineAt[j] > 0) {
        const s = pairLineAt[j] - 1;
        entryUsed[j] = 1;
        lineUsed[s] = 1;
        if (serial) {
          const a = serial.J;
          const b = serial.S;
          idAt[j] = matchIdOfSerialPair(accountId, a.prefix, a.width, a.numbers[j], b.prefix, b.width, b.numbers[s]);
        } else {
          const entryId = J.ids[j];
          const lineId = S.ids[s];
          idAt[j] = matchIdOfPair(accountId, entryId, lineId);
          entryIdsAt[j] = entryId;
          lineIdsAt[j] = lineId;
        }
      } else {
        const [id, entryIds, lineIds] = matchCells(log, proposalAt[j] - 1);
        idAt[j] = id;
        entryIdsAt[j] = entryIds;
        lineIdsAt[j] = lineIds;
      }
      if (keyAt) keyAt[j] = lastMatchKey();
    }
    made = log.count;
  };
  // A million matches: plain loops; the id lists die young.
  const cells: [string, string, string] = ['', '', ''];
  const matchCells = (log: ProposalLog, k: number): [string, string, string] => {
    const entryIds = new Array<string>(log.entryCountOf(k));
    const lineIds = new Array<string>(log.lineCountOf(k));
    for (let x = 0; x < entryIds.length; x++) {
      const j = log.entryOf(k, x);
      entryUsed[j] = 1;
      entryIds[x] = idOf(J, j);
    }
    for (let x = 0; x < lineIds.length; x++) {
      const s = log.lineOf(k, x);
      lineUsed[s] = 1;
      lineIds[x] = idOf(S, s);
    }
    // Sorted once, in place (the lists are this call's own), for both the id and the cells.
    sortIds(entryIds);
    sortIds(lineIds);
    cells[0] = matchIdOfSorted(accountId, entryIds, lineIds);
    cells[1] = entryIds.length === 1 ? entryIds[0] : entryIds.join(ID_SEPARATOR);
    cells[2] = lineIds.length === 1 ? lineIds[0] : lineIds.join(ID_SEPARATOR);
    return cells;
  };
  const found = runner.match(
    J,
    S,
    {
      windowDays: numberSetting(book, 'reconcile.dateWindowDays', 3),
      maxGroupSize: numberSetting(book, 'reconcile.maxGroupSize', 4),
      maxFee: toMinorUnits(setting(book, 'reconcile.maxFee', '50.00')) || 0,
      fuzzyWindowDays: numberSetting(book, 'reconcile.fuzzyWindowDays', 15),
      timings,
      isRejected: rejected.size === 0 ? undefined : (js, ss) => rejected.has(pairingKey(js.map((j) => idOf(J, j)), ss.map((s) => idOf(S, s)))),
    },
    // While a helper thread finishes its half, this thread makes the rows of its own.
    rowsUpTo,
  );

  lap = timings ? performance.now() : 0;

  // Step 4: outstanding items: unmatched rows, forced rows, residuals of matches
  rowsUpTo(found);
  const residual = (k: number, id: string) => {
    const amount = found.residualOf(k);
    if (amount !== 0) items.push(residualItem(id, amount, text(openLines.cell(found.lineOf(k, 0), 'Date'))));
  };
  const { proposals, repeated } = proposalColumns(found, period, accountId, { proposalAt, pairLineAt, idAt, entryIdsAt, lineIdsAt, keyAt, serial }, withoutEntries, matchCells, residual);
  // A match whose id another has (rows' ids repeated in the sheet, or holding the separators
  // ',' or '|') cannot be told apart from it in Matches: it is not written, and its rows
  // stay outstanding for the cashier to see.
  for (const { k } of repeated) {
    for (let x = 0; x < found.entryCountOf(k); x++) entryUsed[found.entryOf(k, x)] = 0;
    for (let x = 0; x < found.lineCountOf(k); x++) lineUsed[found.lineOf(k, x)] = 0;
  }
  timed('proposals');
  const entryItem = entryItems(openEntries);
  const lineItem = lineItems(openLines);
  for (let j = 0; j < openEntries.length; j++) if (!entryUsed[j] && J.amount[j] !== 0) items.push(entryItem(j, J.amount[j]));
  for (let s = 0; s < openLines.length; s++) if (!lineUsed[s] && S.amount[s] !== 0) items.push(lineItem(s, S.amount[s]));
  if (prior.forced.entries.size) {
    const item = entryItems(entries);
    for (let k = 0; k < entries.length; k++) if (prior.forced.entries.has(text(entries.cell(k, 'EntryId')))) items.push(item(k, fen(entries.cell(k, 'Inflow')) - fen(entries.cell(k, 'Outflow'))));
  }
  if (prior.forced.lines.size) {
    const item = lineItems(lines);
    for (let k = 0; k < lines.length; k++) if (prior.forced.lines.has(text(lines.cell(k, 'LineId')))) items.push(item(k, fen(lines.cell(k, 'Amount'))));
  }
  appendAll(items, prior.residuals);
  for (const o of carried.open) items.push(openingItem(o));
  items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  timed('items');

  // Step 5: the 余额调节表
  const totals = { BankReceivedNotBooked: 0, BankPaidNotBooked: 0, BookReceivedNotOnBank: 0, BookPaidNotOnBank: 0 };
  const counts = { ...totals };
  for (const it of items) {
    totals[it.kind] += it.amount;
    counts[it.kind] += 1;
  }
  const adjustedBook = bookBalance + totals.BankReceivedNotBooked + totals.BankPaidNotBooked;
  const adjustedBank = bankBalance + totals.BookReceivedNotOnBank + totals.BookPaidNotOnBank;
  // A set of a million ids costs a third of a second: build it only when there is a prior run.
  const freshIds = prior.autoThisPeriod.length ? new Set((proposals.cellsOf('MatchId') as string[]).slice(0, proposals.length)) : undefined;
  return {
    accountId,
    period,
    end,
    proposals,
    repeatedMatchIds: repeated.map((r) => r.id),
    staleMatchIds: freshIds ? prior.autoThisPeriod.filter((id) => !freshIds.has(id)) : [],
    keptMatches: prior.keptThisPeriod,
    items,
    bookBalance,
    bankBalance,
    totals,
    counts,
    adjustedBook,
    adjustedBank,
    difference: adjustedBook - adjustedBank,
  };
}

// The new matches as Matches columns: those with entries in journal order of their first
// entry (their cells made as they came in), then any without (made now by `cellsOf`);
// `kept` is told of each one written. With the matches left out
// because an earlier one has their id (looked for only when there are keys to look by).
function proposalColumns(
  log: ProposalLog,
  period: string,
  accountId: string,
  byEntry: { proposalAt: Int32Array; pairLineAt: Int32Array; idAt: (string | undefined)[]; entryIdsAt: string[]; lineIdsAt: string[]; keyAt: number[] | undefined; serial: { J: SerialCode; S: SerialCode } | undefined },
  withoutEntries: readonly number[],
  cellsOf: (log: ProposalLog, k: number) => readonly [string, string, string],
  kept: (k: number, id: string) => void,
): { proposals: ColumnRows; repeated: { k: number; id: string }[] } {
  const n = log.count;
  // The cells by first entry are moved down into proposal order in their own arrays (a
  // proposal's place is never after its first entry's), not copied into new ones.
  const ids = byEntry.idAt as string[];
  const entryIds = byEntry.entryIdsAt;
  const lineIds = byEntry.lineIdsAt;
  const rules = new Array<string>(n);
  const scores = new Float64Array(n);
  const repeated: { k: number; id: string }[] = [];
  const keyAt = byEntry.keyAt;
  const seen = keyAt ? new IdKeys(n, ids) : undefined;
  // A pair's rows, when its cells are held as the rows' id numbers (−1: as text).
  const serial = byEntry.serial;
  const entryRows = serial ? new Int32Array(n).fill(-1) : undefined;
  const lineRows = serial ? new Int32Array(n).fill(-1) : undefined;
  let p = 0;
  const add = (k: number, id: string, entries: string | undefined, lines: string | undefined, key: number, j = -1) => {
    ids[p] = id;
    if (seen && !seen.add(key, p)) {
      repeated.push({ k, id });
      return;
    }
    entryIds[p] = entries as string;
    lineIds[p] = lines as string;
    if (entries === undefined && entryRows && lineRows) {
      entryRows[p] = j;
      lineRows[p] = byEntry.pairLineAt[j] - 1;
    }
    rules[p] = log.ruleOf(k);
    scores[p] = log.scoreOf(k);
    kept(k, id);
    p++;
  };
  for (let j = 0; j < byEntry.idAt.length; j++) {
    const id = byEntry.idAt[j];
    if (id !== undefined) add(byEntry.proposalAt[j] - 1, id, byEntry.entryIdsAt[j], byEntry.lineIdsAt[j], keyAt ? keyAt[j] : 0, j);
  }
  for (const k of withoutEntries) {
    const [id, entries, lines] = cellsOf(log, k);
    add(k, id, entries, lines, lastMatchKey());
  }
  ids.length = entryIds.length = lineIds.length = p;
  const entryCells = serial && entryRows ? new IdListCells(entryIds, entryRows, serial.J, p) : entryIds;
  const lineCells = serial && lineRows ? new IdListCells(lineIds, lineRows, serial.S, p) : lineIds;
  const proposals = new ColumnRows(p, { MatchId: ids, Period: { every: period }, AccountId: { every: accountId }, EntryIds: entryCells, LineIds: lineCells, Rule: rules, Score: scores, Status: { every: 'auto' } });
  return { proposals, repeated };
}

// Whether a side's ids rule out two matches with one id: each rises above the one before (so
// none repeats; blanks are never matched) and none holds a separator of the id's text. So it
// is in a book whose ids Cashbook gave; a hand-kept sheet may need the check.
function idsCannotRepeat(cols: LedgerColumns): boolean {
  const code = cols.idCode;
  // Held as numbers after one prefix: rising numbers are distinct ids.
  if (code) {
    if (code.prefix.includes(',') || code.prefix.includes('|')) return false;
    let before = -Infinity;
    for (let i = 0; i < code.numbers.length; i++) {
      const n = code.numbers[i];
      if (n !== n) continue;
      if (!(n > before)) return false;
      before = n;
    }
    return true;
  }
  const ids = cols.ids;
  let last = '';
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id === '') continue;
    if (!(id > last)) return false;
    for (let c = 0; c < id.length; c++) {
      const unit = id.charCodeAt(c);
      if (unit === 44 || unit === 124) return false; // ',' and '|'
    }
    last = id;
  }
  return true;
}

// Match ids seen so far, found by their keys (lastMatchKey) in an open-addressed table: a
// million ids are told apart without hashing their text again.
class IdKeys {
  private readonly slots: Int32Array;
  private readonly keys: Int32Array;
  private readonly mask: number;

  constructor(
    capacity: number,
    private readonly ids: readonly string[],
  ) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.keys = new Int32Array(Math.max(capacity, 1));
    this.mask = size - 1;
  }

  /** Add the id at position p (already in `ids`); false when an equal id was added before. */
  add(key: number, p: number): boolean {
    for (let at = key & this.mask; ; at = (at + 1) & this.mask) {
      const held = this.slots[at];
      if (held === 0) {
        this.slots[at] = p + 1;
        this.keys[p] = key;
        return true;
      }
      // Texts are compared only when the keys agree (almost always the same id).
      if (this.keys[held - 1] === key && this.ids[held - 1] === this.ids[p]) return false;
    }
  }
}

// Positions of the rows whose id (as text, blank for none, as the skip sets hold it) is in
// none of the `skip` sets.
function keptRows(rows: ScopeRows, idColumn: string, skip: Set<string>[]): number[] {
  const out: number[] = [];
  const cell = rows.column(idColumn);
  for (let k = 0; k < rows.length; k++) {
    const id = text(cell(k));
    if (!skip.some((set) => set.has(id))) out.push(k);
  }
  return out;
}

/** Ids of entries and of lines. */
interface RowIds {
  entries: Set<string>;
  lines: Set<string>;
}

interface PriorDecisions {
  /** Rows settled by a kept match. */
  settled: RowIds;
  /** Rows in scope that a later period's match clears: outstanding now, not candidates. */
  forced: RowIds;
  rejected: Set<string>;
  residuals: OutstandingItem[];
  autoThisPeriod: string[];
  keptThisPeriod: number;
}

// Whether a row is the account's and dated on or before `end`.
function inScope(accountId: string, end: string): (row: Row) => boolean {
  return (r) => text(r.AccountId) === accountId && text(r.Date) <= end;
}

/** One side's rows in scope: their columns, and the rows for the steps around the matcher. */
interface SideInScope {
  columns: LedgerColumns;
  rows: ScopeRows;
}

function journalInScope(book: Book, numbering: TextNumbering, accountId: string, end: string): SideInScope {
  const names = customerNames(book);
  return sideInScope(
    book.tables.Journal,
    (body) => journalColumnsOfBody(body, names, numbering, { accountId, end }),
    (rows, kept) => journalColumns(rows, names, numbering, { keep: inScope(accountId, end), kept }),
  );
}

function statementInScope(book: Book, numbering: TextNumbering, accountId: string, end: string): SideInScope {
  return sideInScope(
    book.tables.Statement,
    (body) => statementColumnsOfBody(body, numbering, { accountId, end }),
    (rows, kept) => statementColumns(rows, numbering, { keep: inScope(accountId, end), kept }),
  );
}

// A table held as columns is read as it is held (its rows never made); one of row objects
// row by row, the rows in scope listed in `kept`.
function sideInScope(table: Table | undefined, ofBody: (body: ColumnRows) => BodyColumns, ofRows: (rows: readonly Row[], kept: Row[]) => LedgerColumns): SideInScope {
  const body = headlessBody(table);
  if (body) {
    const { columns, kept } = ofBody(body);
    return { columns, rows: bodyRows(body, kept) };
  }
  const all = table?.rows ?? [];
  const kept = new Array<Row>(all.length);
  const columns = ofRows(all, kept);
  return { columns, rows: rowList(kept) };
}

// The columns of a table held as columns without a head of row objects; undefined otherwise.
function headlessBody(table: Table | undefined): ColumnRows | undefined {
  const body = bodyOf(table);
  return body && body.headLength === 0 ? body : undefined;
}

// Sort existing matches of the account into kept, stale, later and rejected.
function priorDecisions(book: Book, accountId: string, period: string, entries: ScopeRows, lines: ScopeRows): PriorDecisions {
  const out: PriorDecisions = { settled: { entries: new Set(), lines: new Set() }, forced: { entries: new Set(), lines: new Set() }, rejected: new Set(), residuals: [], autoThisPeriod: [], keptThisPeriod: 0 };
  const matches = rowsOf(book, 'Matches').filter((m) => text(m.AccountId) === accountId && text(m.Rule) !== 'transfer');
  if (matches.length === 0) return out;
  const entryById = placesById(entries, 'EntryId');
  const lineById = placesById(lines, 'LineId');
  for (const m of matches) {
    const entryIds = splitIds(m.EntryIds);
    const lineIds = splitIds(m.LineIds);
    const status = text(m.Status);
    const matchPeriod = text(m.Period);
    if (status === 'rejected') {
      out.rejected.add(pairingKey(entryIds, lineIds));
      continue;
    }
    if (status !== 'confirmed' && matchPeriod === period) {
      out.autoThisPeriod.push(text(m.MatchId));
      continue;
    }
    // A match counts as settled only when it was made for this period or before and all its
    // rows are dated by the period end; otherwise its rows here are still outstanding.
    const complete = entryIds.every((id) => entryById.has(id)) && lineIds.every((id) => lineById.has(id));
    if (matchPeriod <= period && complete) {
      for (const id of entryIds) out.settled.entries.add(id);
      for (const id of lineIds) out.settled.lines.add(id);
      if (matchPeriod === period) out.keptThisPeriod++;
      const residual = lineIds.reduce((s, id) => s + fen(lines.cell(lineById.get(id)!, 'Amount')), 0) - entryIds.reduce((s, id) => s + fen(entries.cell(entryById.get(id)!, 'Inflow')) - fen(entries.cell(entryById.get(id)!, 'Outflow')), 0);
      if (residual !== 0) {
        const line = lineById.get(lineIds[0]);
        const entry = entryById.get(entryIds[0]);
        const date = line !== undefined ? lines.cell(line, 'Date') : entry !== undefined ? entries.cell(entry, 'Date') : undefined;
        out.residuals.push(residualItem(text(m.MatchId), residual, text(date)));
      }
    } else {
      for (const id of entryIds) if (entryById.has(id)) out.forced.entries.add(id);
      for (const id of lineIds) if (lineById.has(id)) out.forced.lines.add(id);
    }
  }
  return out;
}

// Place in scope of each row by its id (the last, when an id repeats).
function placesById(rows: ScopeRows, idColumn: string): Map<string, number> {
  const out = new Map<string, number>();
  const cell = rows.column(idColumn);
  for (let k = 0; k < rows.length; k++) out.set(text(cell(k)), k);
  return out;
}

// Ids of reversed entries and their reversals when both are in scope.
function cancelledReversals(entries: ScopeRows): Set<string> {
  const out = new Set<string>();
  const reversals: number[] = [];
  const status = entries.column('Status');
  const reversalOf = entries.column('ReversalOf');
  for (let k = 0; k < entries.length; k++) if (text(status(k)) === 'reversal' && text(reversalOf(k)) !== '') reversals.push(k);
  if (reversals.length === 0) return out;
  const ids = placesById(entries, 'EntryId');
  for (const k of reversals) {
    const original = text(entries.cell(k, 'ReversalOf'));
    if (ids.has(original)) {
      out.add(original);
      out.add(text(entries.cell(k, 'EntryId')));
    }
  }
  return out;
}

function customerNames(book: Book): Map<string, string> {
  return new Map(rowsOf(book, 'Customers').map((c) => [text(c.CustomerId), text(c.Name)]));
}

function openingItem(o: Row): OutstandingItem {
  const kind = (text(o.Kind).charAt(0).toUpperCase() + text(o.Kind).slice(1)) as OutstandingKind;
  const amount = fen(o.Amount);
  return {
    kind,
    source: 'opening',
    id: text(o.ItemId),
    date: text(o.Date) || text(o.AsOf),
    amount: kind === 'BankPaidNotBooked' || kind === 'BookPaidNotOnBank' ? -amount : amount,
    text: ['期初未达 opening item', text(o.Reference), text(o.Description)].filter(Boolean).join(' '),
    customerId: '',
  };
}

// What the bank held at adoption beyond the book's opening balance: bank-side items it had
// that the book lacked, less book-side items it had not seen yet.
function bankOpeningOffset(book: Book, accountId: string): number {
  let offset = 0;
  for (const o of rowsOf(book, 'OpeningItems')) {
    if (text(o.AccountId) !== accountId) continue;
    const a = fen(o.Amount);
    const kind = text(o.Kind);
    if (kind === 'bankReceivedNotBooked') offset += a;
    else if (kind === 'bankPaidNotBooked') offset -= a;
    else if (kind === 'bookReceivedNotOnBank') offset -= a;
    else if (kind === 'bookPaidNotOnBank') offset += a;
  }
  return offset;
}

// The item of an unmatched entry, by its place in `rows` (each column read through one reader).
function entryItems(rows: ScopeRows): (k: number, amount: number) => OutstandingItem {
  const [id, date, voucher, summary, reference, customer] = ['EntryId', 'Date', 'Voucher', 'Summary', 'Reference', 'CustomerId'].map((key) => rows.column(key));
  return (k, amount) => ({
    kind: amount > 0 ? 'BookReceivedNotOnBank' : 'BookPaidNotOnBank',
    source: 'entry',
    id: text(id(k)),
    date: text(date(k)),
    amount,
    text: spaced(text(voucher(k)), text(summary(k)), text(reference(k))),
    customerId: text(customer(k)),
  });
}

function lineItems(rows: ScopeRows): (k: number, amount: number) => OutstandingItem {
  const [id, date, party, description, reference] = ['LineId', 'Date', 'Counterparty', 'Description', 'Reference'].map((key) => rows.column(key));
  return (k, amount) => ({
    kind: amount > 0 ? 'BankReceivedNotBooked' : 'BankPaidNotBooked',
    source: 'line',
    id: text(id(k)),
    date: text(date(k)),
    amount,
    text: spaced(text(party(k)), text(description(k)), text(reference(k))),
    customerId: '',
  });
}

// The non-empty texts joined by spaces: an item's words for people (a hundred thousand items
// at scale, so no array per item).
function spaced(a: string, b: string, c: string): string {
  const ab = a === '' ? b : b === '' ? a : a + ' ' + b;
  return ab === '' ? c : c === '' ? ab : ab + ' ' + c;
}

// A match whose statement side differs from its book side (a netted fee): the difference is
// a bank-side item until it is booked.
function residualItem(id: string, residual: number, date: string): OutstandingItem {
  return {
    kind: residual > 0 ? 'BankReceivedNotBooked' : 'BankPaidNotBooked',
    source: 'match',
    id,
    date,
    amount: residual,
    text: residual < 0 ? '银行扣费 / bank fee netted off' : '银行多入账 / bank credited more',
    customerId: '',
  };
}
