/**
 * Columnar views of the two sides of a reconciliation: journal entries and statement lines
 * as parallel arrays (day numbers in a typed array, integer fen, ids and texts in plain
 * arrays). The matcher only ever reads these, so a million rows cost a few typed arrays
 * rather than a million objects, and no amount is ever a float sum.
 */
import { toMinorUnits } from '../money/minor-units';
import { dayNumber, dayText } from '../book/dates';
import { cellAt, type ColumnRows } from '../book/column-rows';
import { DayCells, DictionaryCells, FenCells, FIRST_DAY, SerialCells, serialText } from '../book/coded-cells';
import type { Cell, Row } from '../book/types';

/** One side of a reconciliation, column by column. Index i of every array is the same row. */
export interface LedgerColumns {
  length: number;
  /** EntryId or LineId. */
  ids: string[];
  /** Days since 1970-01-01 of the row's date; {@link NO_DAY} when it is not a date. */
  day: Int32Array;
  /**
   * Signed amount in integer fen: Inflow − Outflow for entries, Amount for lines. A plain
   * array, on the JS heap: a typed array of a million rows is 8 MB outside it, and every
   * 64 MB of such memory makes V8 mark the whole heap, the book's row objects included.
   */
  amount: number[];
  /** Normalised reference (票据号/流水号); '' when none. */
  reference: string[];
  /** Normalised counterparty name (customer name or 对方户名); '' when none. */
  party: string[];
  /** Normalised free text (摘要/Description); '' when none. */
  memo: string[];
  /**
   * The references as numbers, when each is one prefix and a number (a column held as serial
   * ids): `reference` is then made from them only when read, and the matcher compares the
   * numbers. Equal codes (prefix and width) on both sides mean equal numbers are equal texts.
   */
  referenceCode?: SerialCode;
  /** The ids as numbers, likewise (`ids` made from them only when read; see {@link idOf}). */
  idCode?: SerialCode;
  /**
   * The ids of `party` and `memo` in a {@link TextNumbering}, given as the texts were read, so
   * the matcher need not look every text up again (absent on columns made by hand).
   */
  numbered?: { numbering: TextNumbering; party: ArrayLike<number>; memo: ArrayLike<number> };
}

/** Texts that are one prefix and a number, held as the numbers (NaN: no text, ''). */
export interface SerialCode {
  prefix: string;
  /** Digits the number is padded to; 0 when it is written as it is. */
  width: number;
  numbers: Float64Array;
}

/** The text of row i of a serial code ('' for none). */
export function serialCodeText(code: SerialCode, i: number): string {
  const n = code.numbers[i];
  return n === n ? serialText(code.prefix, code.width, n) : '';
}

/** Distinct texts numbered once (0 is ''), shared by the two sides of a reconciliation. */
export class TextNumbering {
  readonly dictionary: string[] = [''];
  private readonly ids = new Map<string, number>([['', 0]]);

  idOf(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.dictionary.push(text) - 1;
      this.ids.set(text, id);
    }
    return id;
  }
}

// Day numbers of dates live with the book's other date helpers; the matcher's callers find them here too.
export { dayNumber, dayText };

/** A reference reduced to what identifies it: half-width, upper case, no spaces or separators. */
export function normalizeReference(v: unknown): string {
  if (v === null || v === undefined) return '';
  const text = String(v);
  if (isPlainReference(text)) return text;
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\-_/#.:]/g, '')
    .toUpperCase();
}

// Digits and upper-case ASCII letters only: already normalised (the common case at scale).
function isPlainReference(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return true;
}

/** A name or description reduced for comparison: no spaces, punctuation or company suffixes. */
export function normalizeParty(v: unknown): string {
  return v === null || v === undefined ? '' : normalizePartyText(String(v));
}

function normalizePartyText(v: string): string {
  return v
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/有限责任公司|股份有限公司|有限公司|公司|CO\.?,?\s*LTD\.?|LIMITED|LTD\.?|INC\.?/gi, '')
    .replace(/[\s()（）,，.。·\-_]/g, '')
    .toLowerCase();
}

/** The day of a row whose date cell is not a date: such a row is never matched. */
export const NO_DAY = -0x80000000;

/** Empty columns with room for `n` rows. */
export function allocateColumns(n: number): LedgerColumns {
  return {
    length: n,
    ids: new Array<string>(n),
    day: new Int32Array(n),
    amount: new Array<number>(n).fill(0),
    reference: new Array<string>(n),
    party: new Array<string>(n),
    memo: new Array<string>(n),
  };
}

/** The columns of the rows at `positions`, in that order. */
export function pickRows(cols: LedgerColumns, positions: readonly number[]): LedgerColumns {
  const n = cols.numbered;
  const referenceCode = cols.referenceCode;
  const idCode = cols.idCode;
  // Texts held as numbers or as text ids are picked as those, not made.
  const texts = (held: boolean, all: () => string[]) => {
    if (held) return undefined;
    const list = all();
    return positions.map((k) => list[k]);
  };
  const numbers = (code: SerialCode | undefined) => code && { ...code, numbers: Float64Array.from(positions, (k) => code.numbers[k]) };
  return sideColumns({
    length: positions.length,
    day: Int32Array.from(positions, (k) => cols.day[k]),
    amount: positions.map((k) => cols.amount[k]),
    ids: texts(idCode !== undefined, () => cols.ids),
    reference: texts(referenceCode !== undefined, () => cols.reference),
    party: texts(n !== undefined, () => cols.party),
    memo: texts(n !== undefined, () => cols.memo),
    numbered: n && { numbering: n.numbering, party: Int32Array.from(positions, (k) => n.party[k]), memo: Int32Array.from(positions, (k) => n.memo[k]) },
    idCode: numbers(idCode),
    referenceCode: numbers(referenceCode),
  });
}

// Columns with room for `n` rows, their party and memo texts to come from text ids (see
// `finish`); ids and references held as numbers get no text arrays.
function numberedColumns(n: number, withIds = true, withReferences = true): LedgerColumns {
  const out: Partial<LedgerColumns> = { length: n, day: new Int32Array(n), amount: new Array<number>(n).fill(0) };
  if (withIds) out.ids = new Array<string>(n);
  if (withReferences) out.reference = new Array<string>(n);
  return out as LedgerColumns;
}

// What a side's columns hold, texts made from codes or text ids left out.
interface SideParts {
  length: number;
  day: Int32Array;
  amount: number[];
  ids?: string[];
  reference?: string[];
  party?: string[];
  memo?: string[];
  numbered?: LedgerColumns['numbered'];
  idCode?: SerialCode;
  referenceCode?: SerialCode;
}

// The parts of `c` as held, without making a text column it holds as codes or ids.
function partsOf(c: LedgerColumns): SideParts {
  const held = c as Partial<LedgerColumns>;
  return {
    length: c.length,
    day: c.day,
    amount: c.amount,
    numbered: c.numbered,
    idCode: c.idCode,
    referenceCode: c.referenceCode,
    ids: c.idCode ? undefined : held.ids,
    reference: c.referenceCode ? undefined : held.reference,
    party: c.numbered ? undefined : held.party,
    memo: c.numbered ? undefined : held.memo,
  };
}

/**
 * A side's columns with its text columns as accessors that make the texts from codes or text
 * ids when first read. A class, so its fields stay fast properties: an object literal with
 * accessors, or one whose properties are redefined, is held as a dictionary, and every read
 * of `amount` or `day` in the matcher's loops then costs a hash lookup.
 */
class SideColumns implements LedgerColumns {
  length: number;
  day: Int32Array;
  amount: number[];
  numbered: LedgerColumns['numbered'];
  idCode: SerialCode | undefined;
  referenceCode: SerialCode | undefined;
  private idTexts: string[] | undefined;
  private referenceTexts: string[] | undefined;
  private partyTexts: string[] | undefined;
  private memoTexts: string[] | undefined;

  constructor(p: SideParts) {
    this.length = p.length;
    this.day = p.day;
    this.amount = p.amount;
    this.numbered = p.numbered;
    this.idCode = p.idCode;
    this.referenceCode = p.referenceCode;
    this.idTexts = p.ids;
    this.referenceTexts = p.reference;
    this.partyTexts = p.party;
    this.memoTexts = p.memo;
  }

  get ids(): string[] {
    return (this.idTexts ??= this.idCode ? textsOfCode(this.idCode) : []);
  }
  set ids(v: string[]) {
    this.idTexts = v;
    this.idCode = undefined;
  }
  get reference(): string[] {
    return (this.referenceTexts ??= this.referenceCode ? textsOfCode(this.referenceCode) : []);
  }
  set reference(v: string[]) {
    this.referenceTexts = v;
    this.referenceCode = undefined;
  }
  get party(): string[] {
    return (this.partyTexts ??= namesOf(this.numbered, 'party'));
  }
  set party(v: string[]) {
    this.partyTexts = v;
  }
  get memo(): string[] {
    return (this.memoTexts ??= namesOf(this.numbered, 'memo'));
  }
  set memo(v: string[]) {
    this.memoTexts = v;
  }
}

function textsOfCode(code: SerialCode): string[] {
  return Array.from({ length: code.numbers.length }, (_, i) => serialCodeText(code, i));
}

function namesOf(n: LedgerColumns['numbered'], which: 'party' | 'memo'): string[] {
  return n ? Array.from(n[which], (id) => n.numbering.dictionary[id]) : [];
}

function sideColumns(p: SideParts): LedgerColumns {
  return new SideColumns(p);
}

/**
 * Keep only the rows `keep` accepts (read in the same pass as the columns, while each row is
 * at hand), and list them in `kept`, from its start (made as long as the table, say, and
 * cut to the rows kept: one array of a million rows rather than one grown step by step).
 */
export interface RowScope {
  keep: (row: Row) => boolean;
  kept: Row[];
}

/**
 * Journal entries as columns.
 * @param entries Journal rows of one account, or any rows with `scope` saying which to keep
 * @param customerNames CustomerId → customer name, used as the entry's counterparty
 */
export function journalColumns(entries: readonly Row[], customerNames: ReadonlyMap<string, string> = new Map(), numbering?: TextNumbering, scope?: RowScope): LedgerColumns {
  const out = numberedColumns(entries.length);
  const texts = numbering ?? new TextNumbering();
  const normalize = remembered(texts);
  const day = dayOfCell();
  // Text ids in four bytes each (two arrays of a million on the JS heap would be 16 MB more
  // for the collector to trace).
  const partyIds = new Int32Array(entries.length);
  const memoIds = new Int32Array(entries.length);
  // Customer id → text id of its normalised name, so a row costs one lookup, not two.
  const partyOf = new Map<string, number>();
  let i = 0;
  for (let k = 0; k < entries.length; k++) {
    const r = entries[k];
    if (!isKept(scope, r, i)) continue;
    out.ids[i] = rowId(r.EntryId);
    // A row without an id cannot be named in a match: it stays outstanding, to be fixed.
    out.day[i] = out.ids[i] === '' ? NO_DAY : day(r.Date);
    out.amount[i] = fen(r.Inflow) - fen(r.Outflow);
    out.reference[i] = normalizeReference(r.Reference);
    const customer = r.CustomerId === null || r.CustomerId === undefined ? '' : String(r.CustomerId);
    let party = partyOf.get(customer);
    if (party === undefined) {
      party = normalize(customerNames.get(customer) ?? customer);
      if (partyOf.size < 100_000) partyOf.set(customer, party);
    }
    partyIds[i] = party;
    memoIds[i] = normalize(r.Summary);
    i++;
  }
  if (scope) scope.kept.length = i;
  return finish(out, i, texts, partyIds, memoIds);
}

/** Statement lines as columns. */
export function statementColumns(lines: readonly Row[], numbering?: TextNumbering, scope?: RowScope): LedgerColumns {
  const out = numberedColumns(lines.length);
  const texts = numbering ?? new TextNumbering();
  const normalize = remembered(texts);
  const day = dayOfCell();
  const partyIds = new Int32Array(lines.length);
  const memoIds = new Int32Array(lines.length);
  let i = 0;
  for (let k = 0; k < lines.length; k++) {
    const r = lines[k];
    if (!isKept(scope, r, i)) continue;
    out.ids[i] = rowId(r.LineId);
    out.day[i] = out.ids[i] === '' ? NO_DAY : day(r.Date);
    out.amount[i] = fen(r.Amount);
    out.reference[i] = normalizeReference(r.Reference);
    partyIds[i] = normalize(r.Counterparty);
    memoIds[i] = normalize(r.Description);
    i++;
  }
  if (scope) scope.kept.length = i;
  return finish(out, i, texts, partyIds, memoIds);
}

/** Which rows of a table held as columns are in scope: the account's, dated on or before `end`. */
export interface BodyScope {
  accountId: string;
  /** 'YYYY-MM-DD'. */
  end: string;
}

/** Side columns and where their rows are in the table: the k-th is at kept[k]. */
export interface BodyColumns {
  columns: LedgerColumns;
  kept: Int32Array;
}

/**
 * {@link journalColumns} of a table held as columns (with no head of row objects), the rows
 * in `scope` only: what the same rows as objects give, read from the columns as they are
 * held (day numbers and fen straight from coded columns, names once per distinct value).
 */
export function journalColumnsOfBody(body: ColumnRows, customerNames: ReadonlyMap<string, string>, numbering: TextNumbering, scope: BodyScope): BodyColumns {
  const normalize = remembered(numbering);
  const inflow = fenReader(body, 'Inflow');
  const outflow = fenReader(body, 'Outflow');
  const partyOf = new Map<string, number>();
  const party = textIdReader(body, 'CustomerId', (v) => {
    const customer = v === null || v === undefined ? '' : String(v);
    let p = partyOf.get(customer);
    if (p === undefined) {
      p = normalize(customerNames.get(customer) ?? customer);
      if (partyOf.size < 100_000) partyOf.set(customer, p);
    }
    return p;
  });
  return sideOfBody(body, numbering, scope, 'EntryId', (k) => inflow(k) - outflow(k), party, textIdReader(body, 'Summary', normalize));
}

/** {@link statementColumns} of a table held as columns, as {@link journalColumnsOfBody}. */
export function statementColumnsOfBody(body: ColumnRows, numbering: TextNumbering, scope: BodyScope): BodyColumns {
  const normalize = remembered(numbering);
  return sideOfBody(body, numbering, scope, 'LineId', fenReader(body, 'Amount'), textIdReader(body, 'Counterparty', normalize), textIdReader(body, 'Description', normalize));
}

// One side's columns of the rows in scope: each row's id, date, `amount`, reference, and the
// text ids of its name (`party`) and description (`memo`), worked out in that order.
function sideOfBody(body: ColumnRows, numbering: TextNumbering, scope: BodyScope, idKey: string, amount: (k: number) => number, party: (k: number) => number, memo: (k: number) => number): BodyColumns {
  const n = body.length;
  const id = idReader(body, idKey, n);
  const reference = referenceReader(body, n);
  const out = numberedColumns(n, !id.coded, !reference.coded);
  const inScope = scopeTest(body, scope);
  const day = dayReader(body, 'Date');
  const partyIds = new Int32Array(n);
  const memoIds = new Int32Array(n);
  const kept = new Int32Array(n);
  let i = 0;
  for (let k = 0; k < n; k++) {
    if (!inScope(k)) continue;
    kept[i] = k;
    // A row without an id cannot be named in a match: it stays outstanding, to be fixed.
    out.day[i] = id.take(out, k, i) ? day(k) : NO_DAY;
    out.amount[i] = amount(k);
    reference.take(out, k, i);
    partyIds[i] = party(k);
    memoIds[i] = memo(k);
    i++;
  }
  return { columns: finish(out, i, numbering, partyIds, memoIds, id.code(i), reference.code(i)), kept: cut(kept, i) };
}

// A column read into the side's columns, as numbers (coded: `code` gives the first n rows'
// numbers) or as texts (in the columns' own text array).
interface SideReader {
  coded: boolean;
  code(n: number): SerialCode | undefined;
}

// Each kept row's id: as its number when the column holds serial ids. `take` says whether
// the row has one.
function idReader(body: ColumnRows, key: string, n: number): SideReader & { take(out: LedgerColumns, k: number, i: number): boolean } {
  const c = body.cellsOf(key);
  if (c instanceof SerialCells) {
    const numbers = new Float64Array(n);
    const from = c.numbers;
    return {
      coded: true,
      take: (_out, k, i) => (numbers[i] = from[k] < 0 ? NaN : from[k]) === numbers[i],
      code: (kept) => ({ prefix: c.prefix, width: c.width, numbers: cut(numbers, kept) }),
    };
  }
  const cell = cellReader(body, key);
  return {
    coded: false,
    take: (out, k, i) => (out.ids[i] = rowId(cell(k))) !== '',
    code: () => undefined,
  };
}

/** The id of row i ('' for none), made from its number when the ids are held so. */
export function idOf(cols: LedgerColumns, i: number): string {
  return cols.idCode ? serialCodeText(cols.idCode, i) : cols.ids[i];
}

// Each kept row's normalised reference: as its number when the column holds serial ids whose
// prefix normalisation leaves as it is (so the number says the text), else as text.
function referenceReader(body: ColumnRows, n: number): SideReader & { take(out: LedgerColumns, k: number, i: number): void } {
  const c = body.cellsOf('Reference');
  if (c instanceof SerialCells && isPlainReference(c.prefix)) {
    const numbers = new Float64Array(n);
    const from = c.numbers;
    return {
      coded: true,
      take: (_out, k, i) => {
        numbers[i] = from[k] < 0 ? NaN : from[k];
      },
      code: (kept) => ({ prefix: c.prefix, width: c.width, numbers: cut(numbers, kept) }),
    };
  }
  const cell = cellReader(body, 'Reference');
  return {
    coded: false,
    take: (out, k, i) => {
      out.reference[i] = normalizeReference(cell(k));
    },
    code: () => undefined,
  };
}

/** `out` with references held as numbers, their texts made when first read. */
export function withReferenceCode(out: LedgerColumns, code: SerialCode): LedgerColumns {
  return sideColumns({ ...partsOf(out), referenceCode: code, reference: undefined });
}

// A column's cells by position (undefined for a column the table lacks).
function cellReader(body: ColumnRows, key: string): (k: number) => Cell | undefined {
  const c = body.cellsOf(key);
  return c === undefined ? () => undefined : (k) => cellAt(c, k);
}

// Whether row k is the account's and dated on or before the end, as the text comparison of
// the row objects' path says: a blank date is in scope (and never matched).
function scopeTest(body: ColumnRows, scope: BodyScope): (k: number) => boolean {
  const accounts = body.cellsOf('AccountId');
  let isAccount: (k: number) => boolean;
  if (accounts instanceof DictionaryCells) {
    const yes = Uint8Array.from(accounts.values, (v) => (v === null || v === undefined ? '' : String(v)) === scope.accountId ? 1 : 0);
    const codes = accounts.codes;
    isAccount = (k) => yes[codes[k]] === 1;
  } else {
    const cell = cellReader(body, 'AccountId');
    isAccount = (k) => {
      const v = cell(k);
      return (v === null || v === undefined ? '' : String(v)) === scope.accountId;
    };
  }
  const dates = body.cellsOf('Date');
  const endDay = dayNumber(scope.end);
  if (dates instanceof DayCells && endDay === endDay) {
    const days = dates.days;
    // Day numbers below every real date's stand for blank cells, which compare as ''.
    return (k) => isAccount(k) && (days[k] <= endDay || days[k] < FIRST_DAY);
  }
  const date = cellReader(body, 'Date');
  return (k) => {
    if (!isAccount(k)) return false;
    const v = date(k);
    return (v === null || v === undefined ? '' : String(v)) <= scope.end;
  };
}

// A row's day number (NO_DAY when its date is not a date), straight from coded days.
function dayReader(body: ColumnRows, key: string): (k: number) => number {
  const c = body.cellsOf(key);
  if (c instanceof DayCells) {
    const days = c.days;
    return (k) => (days[k] < FIRST_DAY ? NO_DAY : days[k]);
  }
  const cell = cellReader(body, key);
  const day = dayOfCell();
  return (k) => day(cell(k));
}

// A row's amount in fen (0 when blank), straight from coded amounts.
function fenReader(body: ColumnRows, key: string): (k: number) => number {
  const c = body.cellsOf(key);
  if (c instanceof FenCells) {
    const f = c.fen;
    return (k) => (f[k] === f[k] ? f[k] : 0);
  }
  const cell = cellReader(body, key);
  return (k) => fen(cell(k));
}

// A row's text id by `idOf` of its cell; worked out once per distinct value of a dictionary
// column, the first time a row in scope has it (so ids are given in the order rows are read).
function textIdReader(body: ColumnRows, key: string, idOf: (v: Cell | undefined) => number): (k: number) => number {
  const c = body.cellsOf(key);
  if (c instanceof DictionaryCells) {
    const ids = new Int32Array(c.values.length).fill(-1);
    const codes = c.codes;
    return (k) => {
      const code = codes[k];
      let id = ids[code];
      if (id < 0) id = ids[code] = idOf(c.values[code]);
      return id;
    };
  }
  if (c instanceof SerialCells) {
    // Keyed by number, so no text is made for a value seen before.
    const ids = new Map<number, number>();
    const numbers = c.numbers;
    return (k) => {
      let id = ids.get(numbers[k]);
      if (id === undefined) {
        id = idOf(c.at(k));
        if (ids.size < 100_000) ids.set(numbers[k], id);
      }
      return id;
    };
  }
  const cell = cellReader(body, key);
  return (k) => idOf(cell(k));
}

// Whether row r is kept (as the i-th): always without a scope.
function isKept(scope: RowScope | undefined, r: Row, i: number): boolean {
  if (!scope) return true;
  if (!scope.keep(r)) return false;
  scope.kept[i] = r;
  return true;
}

// The columns cut to the `n` rows kept, with their text ids (party and memo texts made from
// them when first read: the matcher reads only the ids, so a million rows need not hold both)
// and the ids and references held as numbers, if so.
function finish(out: LedgerColumns, n: number, numbering: TextNumbering, party: Int32Array, memo: Int32Array, idCode?: SerialCode, referenceCode?: SerialCode): LedgerColumns {
  // Ids and references held as numbers have no text arrays here (see `numberedColumns`).
  const held = out as Partial<LedgerColumns>;
  if (n < out.length) {
    if (held.ids) held.ids.length = n;
    out.amount.length = n;
    if (held.reference) held.reference.length = n;
  }
  return sideColumns({ length: n, day: cut(out.day, n), amount: out.amount, ids: held.ids, reference: held.reference, numbered: { numbering, party: cut(party, n), memo: cut(memo, n) }, idCode, referenceCode });
}

// The first n values: a view when they are most of the array (no second copy for the
// collector to count), a copy when they are few (so the rest can be freed).
function cut<T extends Int32Array | Float64Array>(values: T, n: number): T {
  if (n === values.length) return values;
  return (n >= values.length / 2 ? values.subarray(0, n) : values.slice(0, n)) as T;
}

// A row's id as text; '' for a blank cell (no id).
function rowId(v: unknown): string {
  if (v === null || v === undefined) return '';
  const id = String(v);
  return id.trim() === '' ? '' : id;
}

// Day numbers of date cells; a book runs in date order, so most rows repeat the last date.
function dayOfCell(): (v: unknown) => number {
  let lastText = '';
  let lastDay = NO_DAY;
  return (v) => {
    const text = String(v ?? '');
    if (text !== lastText) {
      lastText = text;
      const day = dayNumber(text);
      // NaN would be stored as 0 (1970-01-01) in the Int32Array, a date that could match.
      lastDay = Number.isNaN(day) ? NO_DAY : day;
    }
    return lastDay;
  };
}

/** Canonical amount text (or a number cell) to fen; blank is 0. Bad text is NaN and never matches. */
export function fen(v: unknown): number {
  if (v === null || v === undefined || v === '') return 0;
  return toMinorUnits(typeof v === 'number' ? v.toFixed(2) : String(v).trim());
}

// Names and descriptions repeat across rows: normalise each distinct text once, and give
// its text id.
function remembered(texts: TextNumbering): (v: unknown) => number {
  const seen = new Map<string, number>();
  return (v) => {
    if (v === null || v === undefined || v === '') return 0;
    const key = String(v);
    let id = seen.get(key);
    if (id === undefined) {
      id = texts.idOf(normalizePartyText(key));
      if (seen.size < 100_000) seen.set(key, id);
    }
    return id;
  };
}

