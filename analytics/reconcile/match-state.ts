/**
 * What the matcher's passes share: both sides as columns, which rows are already taken,
 * the options, the proposals so far, and the evidence one entry/line pair gives of being
 * the same money movement (reference, counterparty, description).
 */
import { NO_DAY, TextNumbering, type LedgerColumns, type SerialCode } from './ledger-columns';
import { companyParts } from './company-core';
import { serialDigits } from '../book/coded-cells';
import { lowerBound } from '../util/lower-bound';
import { isReferenceTypo, textSimilarity } from './similarity';
import type { ProposalLog } from './proposal-log';

export type MatchRule =
  | 'exact-reference'
  | 'exact-date'
  | 'date-window'
  | 'fee-netted'
  | 'many-to-one'
  | 'one-to-many'
  | 'fuzzy'
  | 'manual'
  | 'transfer';

/** One proposed match: row indices into the journal and statement columns. */
export interface MatchProposal {
  entries: number[];
  lines: number[];
  rule: MatchRule;
  /** 0…1, how sure the rule is. */
  score: number;
  /** Statement total − journal total in fen; nonzero only when a fee was netted off. */
  residual: number;
}

export interface MatchStatementOptions {
  /** Days a statement line may be away from its entry. @default 3 */
  windowDays?: number;
  /** Most rows on the many side of a sum match. @default 4 */
  maxGroupSize?: number;
  /** Candidates (nearest in date) a sum search looks at for one row. @default 40 */
  maxGroupCandidates?: number;
  /** Largest fee the bank may net off, in fen. @default 5000 (50.00) */
  maxFee?: number;
  /** Largest fee as a share of the entry amount. @default 0.05 */
  maxFeeRate?: number;
  /** Days the fuzzy pass looks across for equal amounts with matching names. @default 15 */
  fuzzyWindowDays?: number;
  /** Least name/description likeness the fuzzy pass accepts. @default 0.6 */
  fuzzyMinScore?: number;
  /** Entries already settled (confirmed or hand matches): 1 = not a candidate. */
  takenEntries?: Uint8Array;
  /** Lines already settled: 1 = not a candidate. */
  takenLines?: Uint8Array;
  /** When given, filled with the milliseconds each pass took (for benchmarks). */
  timings?: Record<string, number>;
  /** A pairing the user rejected; it is never proposed again. */
  isRejected?: (entries: readonly number[], lines: readonly number[]) => boolean;
  /**
   * Only rows of this sign take part. No pass ever pairs a receipt with a payment, so the
   * two signs can be matched apart (on two threads) and give what one run gives.
   */
  onlySign?: 1 | -1;
  /** The columns' text ids when already worked out (a worker thread is sent them). */
  texts?: TextIds;
  /** A log to add the proposals to (room for both signs' proposals, when matching one). */
  log?: ProposalLog;
  /** Called as each pass ends, with the proposals so far (a helper thread sends them on). */
  onPass?: (pass: string, found: ProposalLog) => void;
  /** Called every few thousand steps inside a pass (a sign of life within a long pass). */
  onProgress?: () => void;
}

export interface MatchState {
  J: LedgerColumns;
  S: LedgerColumns;
  entryUsed: Uint8Array;
  lineUsed: Uint8Array;
  window: number;
  maxGroupSize: number;
  maxGroupCandidates: number;
  maxFee: number;
  maxFeeRate: number;
  fuzzyWindow: number;
  fuzzyMin: number;
  /** Absent when the user rejected nothing (the common case: no id lists to build). */
  isRejected?: (entries: readonly number[], lines: readonly number[]) => boolean;
  proposals: ProposalLog;
  /** Names and descriptions as ids into one dictionary (0 = none), for cached likeness. */
  texts: TextIds;
  onProgress?: () => void;
  /** Steps counted for onProgress. */
  steps: number;
  /** Each side's open rows as last listed by {@link openOf}. */
  open: { J?: Uint32Array; S?: Uint32Array };
  /** Both sides' references, as numbers when both are held so. */
  refs: References;
}

/** The references of both sides as the passes compare them. */
export interface References {
  hasJ(j: number): boolean;
  hasS(s: number): boolean;
  /** Whether entry j and line s have one reference (both have one, and they are equal). */
  same(j: number, s: number): boolean;
  /** A key of line s's reference: equal keys, equal references. */
  keyS(s: number): string | number;
  keyJ(j: number): string | number;
  /** {@link isReferenceTypo} of entry j's and line s's references. */
  typo(j: number, s: number): boolean;
}

/** The references of J and S: compared as numbers when both sides hold them in one code. */
export function referencesOf(J: LedgerColumns, S: LedgerColumns): References {
  const a = J.referenceCode;
  const b = S.referenceCode;
  if (a && b && a.prefix === b.prefix && a.width === b.width) return new CodedReferences(a, b);
  return new TextReferences(J.reference, S.reference);
}

class TextReferences implements References {
  constructor(
    private readonly j: readonly string[],
    private readonly s: readonly string[],
  ) {}
  hasJ(j: number): boolean {
    return this.j[j] !== '';
  }
  hasS(s: number): boolean {
    return this.s[s] !== '';
  }
  same(j: number, s: number): boolean {
    const r = this.j[j];
    return r !== '' && r === this.s[s];
  }
  keyS(s: number): string {
    return this.s[s];
  }
  keyJ(j: number): string {
    return this.j[j];
  }
  typo(j: number, s: number): boolean {
    return isReferenceTypo(this.j[j], this.s[s]);
  }
}

// NaN (no reference) equals nothing, itself included.
class CodedReferences implements References {
  private readonly j: Float64Array;
  private readonly s: Float64Array;
  constructor(
    private readonly a: SerialCode,
    private readonly b: SerialCode,
  ) {
    this.j = a.numbers;
    this.s = b.numbers;
  }
  hasJ(j: number): boolean {
    return this.j[j] === this.j[j];
  }
  hasS(s: number): boolean {
    return this.s[s] === this.s[s];
  }
  same(j: number, s: number): boolean {
    return this.j[j] === this.s[s];
  }
  keyS(s: number): number {
    return this.s[s];
  }
  keyJ(j: number): number {
    return this.j[j];
  }
  // isReferenceTypo of the two texts, from their digits: both have the one prefix, so the
  // texts differ only where the digits do, and no text is made for the many pairs compared.
  typo(j: number, s: number): boolean {
    const a = this.j[j];
    const b = this.s[s];
    if (a !== a || b !== b) return false;
    const la = serialDigits(a, this.a.width, DIGITS_A);
    const lb = serialDigits(b, this.a.width, DIGITS_B);
    const prefix = this.a.prefix.length;
    if (Math.min(prefix + la, prefix + lb) < 4) return false;
    if (a === b) return true;
    if (Math.abs(la - lb) > 1) return false;
    return withinOneEditOf(DIGITS_A, la, DIGITS_B, lb);
  }
}

// Digits of a reference number (most significant first), as many as its text has.
const DIGITS_A = new Uint8Array(16);
const DIGITS_B = new Uint8Array(16);

// withinOneEdit (similarity.ts) of two digit strings held as arrays.
function withinOneEditOf(a: Uint8Array, la: number, b: Uint8Array, lb: number): boolean {
  if (la !== lb) {
    const [short, ls, long] = la < lb ? [a, la, b] : [b, lb, a];
    let i = 0;
    while (i < ls && short[i] === long[i]) i++;
    for (let k = i; k < ls; k++) if (short[k] !== long[k + 1]) return false;
    return true;
  }
  let i = 0;
  while (i < la && a[i] === b[i]) i++;
  if (i === la) return true;
  const swapped = i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i];
  for (let k = swapped ? i + 2 : i + 1; k < la; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** Text ids of each row: two bytes each while there are under 65,536 distinct texts. */
export type IdColumn = Uint16Array | Int32Array;

/** Every distinct normalised name/description of both sides numbered once. */
export interface TextIds {
  jParty: IdColumn;
  jMemo: IdColumn;
  sParty: IdColumn;
  sMemo: IdColumn;
  /** Trade name (字号) of each name id, as an id (see company-core.ts). */
  coreOf: Int32Array;
  /** Region and industry words each name id states ('' when none), by name id. */
  region: string[];
  industry: string[];
  /** Text of each id; index 0 is ''. */
  dictionary: string[];
  /** Bigrams of each text hashed onto 32 bits (0 for one-character texts). */
  bigramMask: Int32Array;
  /** A direct-mapped cache of likeness by id pair: names repeat, so most pairs recur (one per thread). */
  cacheA: Int32Array;
  cacheB: Int32Array;
  cacheValue: Float64Array;
}

// 2 MB: the cache's buffers live outside the JS heap, where every 64 MB costs a full GC.
const CACHE_SLOTS = 1 << 17;

// Ids already worked out, in two bytes each while they fit.
function idColumn(ids: ArrayLike<number>): IdColumn {
  let max = 0;
  for (let i = 0; i < ids.length; i++) if (ids[i] > max) max = ids[i];
  if (max <= 0xffff) return Uint16Array.from(ids);
  return ids instanceof Int32Array ? ids : Int32Array.from(ids);
}

/** An empty likeness cache (each thread keeps its own). */
export function likenessCache(): Pick<TextIds, 'cacheA' | 'cacheB' | 'cacheValue'> {
  return { cacheA: new Int32Array(CACHE_SLOTS), cacheB: new Int32Array(CACHE_SLOTS), cacheValue: new Float64Array(CACHE_SLOTS) };
}

/** Number the names and descriptions of both sides. */
export function textIds(J: LedgerColumns, S: LedgerColumns): TextIds {
  // Columns built with one numbering already hold their ids (read as the texts were).
  const numbered = J.numbered && S.numbered && J.numbered.numbering === S.numbered.numbering ? [J.numbered, S.numbered] : undefined;
  const texts = numbered ? numbered[0].numbering : new TextNumbering();
  const dictionary = texts.dictionary;
  const idOf = (text: string) => texts.idOf(text);
  // Ids in two bytes each while they fit (the usual case: names and summaries repeat), so
  // the four columns take half the memory outside the JS heap.
  let wide = false;
  const number = (texts: readonly string[]): IdColumn => {
    if (!wide) {
      const out = new Uint16Array(texts.length);
      let i = 0;
      for (; i < texts.length; i++) {
        const id = idOf(texts[i] ?? '');
        if (id > 0xffff) break;
        out[i] = id;
      }
      if (i === texts.length) return out;
      wide = true;
    }
    const out = new Int32Array(texts.length);
    for (let i = 0; i < texts.length; i++) out[i] = idOf(texts[i] ?? '');
    return out;
  };
  let jParty = numbered ? idColumn(numbered[0].party) : number(J.party);
  let jMemo = numbered ? idColumn(numbered[0].memo) : number(J.memo);
  let sParty = numbered ? idColumn(numbered[1].party) : number(S.party);
  let sMemo = numbered ? idColumn(numbered[1].memo) : number(S.memo);
  if (numbered) wide = dictionary.length > 0x10000;
  // Past 65,535 texts every column is four bytes, so each access site sees one kind.
  if (wide) [jParty, jMemo, sParty, sMemo] = [jParty, jMemo, sParty, sMemo].map((c) => (c instanceof Int32Array ? c : Int32Array.from(c)));
  // Each distinct name's trade name once, then per row through the name's id.
  const coreOf = new Int32Array(dictionary.length);
  const region: string[] = new Array<string>(dictionary.length).fill('');
  const industry: string[] = new Array<string>(dictionary.length).fill('');
  for (let id = 1; id < coreOf.length; id++) {
    const parts = companyParts(dictionary[id]);
    coreOf[id] = idOf(parts.core);
    region[id] = parts.region;
    industry[id] = parts.industry;
  }
  const bigramMask = new Int32Array(dictionary.length);
  dictionary.forEach((t, id) => {
    let mask = 0;
    for (let i = 0; i + 1 < t.length; i++) mask |= 1 << ((t.charCodeAt(i) * 31 + t.charCodeAt(i + 1)) & 31);
    bigramMask[id] = mask;
  });
  return { jParty, jMemo, sParty, sMemo, coreOf, region, industry, dictionary, bigramMask, ...likenessCache() };
}

/**
 * Likeness of entry j's and line s's counterparties: of their trade names, or 0 when both
 * state a region, or both an industry, and these differ (two firms of one trade name).
 */
export function partyLikeness(t: TextIds, j: number, s: number): number {
  const pj = t.jParty[j];
  const ps = t.sParty[s];
  if (pj === 0 || ps === 0) return 0;
  if (!compatible(t.region[pj], t.region[ps]) || !compatible(t.industry[pj], t.industry[ps])) return 0;
  return likenessOfIds(t, t.coreOf[pj], t.coreOf[ps]);
}

// Parts agree when either name leaves them out or one names the other (浙江杭州 / 杭州).
function compatible(a: string, b: string): boolean {
  return a === '' || b === '' || a.includes(b) || b.includes(a);
}

/** textSimilarity of two texts by id. */
function likenessOfIds(t: TextIds, a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  if (a === b) return 1;
  // Texts of two characters or more that share no bigram share nothing (containment
  // included), so the masks settle most unrelated pairs without looking at the text.
  const ma = t.bigramMask[a];
  const mb = t.bigramMask[b];
  if (ma !== 0 && mb !== 0 && (ma & mb) === 0) return 0;
  const slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 15;
  if (t.cacheA[slot] === a && t.cacheB[slot] === b) return t.cacheValue[slot];
  const v = textSimilarity(t.dictionary[a], t.dictionary[b]);
  t.cacheA[slot] = a;
  t.cacheB[slot] = b;
  t.cacheValue[slot] = v;
  return v;
}

/** How strongly an entry and a line look like the same movement, apart from amount and date. */
export interface Evidence {
  sameReference: boolean;
  referenceTypo: boolean;
  /** Best likeness of names and descriptions, 0…1. */
  likeness: number;
  /** Both sides name a counterparty and the names disagree, with no reference to say otherwise. */
  contradicts: boolean;
}

/**
 * Evidence that entry j and line s are the same movement. Names are compared by trade name
 * (上海华联商贸 and 上海华润商贸 are different firms; 华为 and 华为技术 the same). Two named
 * sides whose trade names disagree contradict each other unless a reference, or one side's
 * name in the other's description, says otherwise: alike descriptions ('货款') do not.
 */
export function evidenceOf(st: MatchState, j: number, s: number): Evidence {
  const refs = st.refs;
  const sameReference = refs.same(j, s);
  const referenceTypo = !sameReference && refs.typo(j, s);
  const t = st.texts;
  const pj = t.jParty[j];
  const ps = t.sParty[s];
  const mj = t.jMemo[j];
  const ms = t.sMemo[s];
  const party = partyLikeness(t, j, s);
  const crossed = Math.max(0.9 * likenessOfIds(t, pj, ms), 0.9 * likenessOfIds(t, mj, ps));
  const likeness = Math.max(party, likenessOfIds(t, mj, ms), crossed);
  const contradicts = pj !== 0 && ps !== 0 && party < 0.5 && crossed < 0.5 && !sameReference && !referenceTypo;
  return { sameReference, referenceTypo, likeness, contradicts };
}

/** Whether entry j and line s share a reference (or a typo of one) or a name/description likeness of 0.5 or more. */
export function hasTextEvidence(st: MatchState, j: number, s: number): boolean {
  const t = st.texts;
  const pj = t.jParty[j];
  const ps = t.sParty[s];
  const mj = t.jMemo[j];
  const ms = t.sMemo[s];
  if (partyLikeness(t, j, s) >= 0.5 || likenessOfIds(t, mj, ms) >= 0.5 || 0.9 * likenessOfIds(t, pj, ms) >= 0.5 || 0.9 * likenessOfIds(t, mj, ps) >= 0.5) return true;
  const refs = st.refs;
  return refs.same(j, s) || refs.typo(j, s);
}

/**
 * The texts a pool of rows without a trade name carries: its distinct description and name
 * ids, and whether any row has a reference. Text evidence between a named row and any of
 * them can rest only on these, so one look at them may settle a whole pool (bank interest
 * and charges: thousands of rows, two descriptions).
 */
export interface PoolTexts {
  memos: number[];
  parties: number[];
  anyReference: boolean;
}

/** The texts of `rows` on side `cols` (J or S), or undefined past `cap` distinct texts. */
export function poolTexts(st: MatchState, cols: LedgerColumns, rows: ArrayLike<number>, cap: number): PoolTexts | undefined {
  const memo = cols === st.J ? st.texts.jMemo : st.texts.sMemo;
  const party = cols === st.J ? st.texts.jParty : st.texts.sParty;
  const memos = new Set<number>();
  const parties = new Set<number>();
  let anyReference = false;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    if (memo[r] !== 0) memos.add(memo[r]);
    if (party[r] !== 0) parties.add(party[r]);
    if (cols === st.J ? st.refs.hasJ(r) : st.refs.hasS(r)) anyReference = true;
    if (memos.size + parties.size > cap) return undefined;
  }
  return { memos: [...memos], parties: [...parties], anyReference };
}

/**
 * False when {@link hasTextEvidence} holds between row `i` of `cols` and no row whose texts
 * are `pool` (none of which names a trade name); true when it may.
 */
export function mayHaveTextEvidence(st: MatchState, cols: LedgerColumns, i: number, pool: PoolTexts): boolean {
  const t = st.texts;
  const entry = cols === st.J;
  if (pool.anyReference && (entry ? st.refs.hasJ(i) : st.refs.hasS(i))) return true;
  const m = entry ? t.jMemo[i] : t.sMemo[i];
  const p = entry ? t.jParty[i] : t.sParty[i];
  // The same terms as hasTextEvidence, each with the pool row's text in its place.
  for (const o of pool.memos) {
    if (entry ? likenessOfIds(t, m, o) >= 0.5 || 0.9 * likenessOfIds(t, p, o) >= 0.5 : likenessOfIds(t, o, m) >= 0.5 || 0.9 * likenessOfIds(t, o, p) >= 0.5) return true;
  }
  for (const o of pool.parties) {
    if (entry ? 0.9 * likenessOfIds(t, m, o) >= 0.5 : 0.9 * likenessOfIds(t, o, m) >= 0.5) return true;
  }
  return false;
}

/** Count a step of a pass; every 4,096 steps tell onProgress (when given). */
export function step(st: MatchState): void {
  if (st.onProgress !== undefined && (++st.steps & 0xfff) === 0) st.onProgress();
}

/** Record a proposal and mark its rows taken; a single row may be given as its index. */
export function propose(st: MatchState, entries: readonly number[] | number, lines: readonly number[] | number, rule: MatchRule, score: number, residual = 0): void {
  if (typeof entries === 'number') st.entryUsed[entries] = 1;
  else for (const j of entries) st.entryUsed[j] = 1;
  if (typeof lines === 'number') st.lineUsed[lines] = 1;
  else for (const s of lines) st.lineUsed[s] = 1;
  st.proposals.add(entries, lines, rule, score, residual);
}

/** Whether the user rejected pairing entry j with line s alone. */
export function rejectedPair(st: MatchState, j: number, s: number): boolean {
  return st.isRejected !== undefined && st.isRejected([j], [s]);
}

/** Indices of rows not yet taken with a usable date and a nonzero amount. */
export function openRows(cols: LedgerColumns, used: Uint8Array): Uint32Array {
  // Counted first so the result is no bigger than it needs to be: large typed arrays are
  // memory outside the JS heap, and every 64 MB of it makes V8 mark the whole heap, book included.
  let n = 0;
  for (let i = 0; i < cols.length; i++) if (isOpen(cols, used, i)) n++;
  const out = new Uint32Array(n);
  n = 0;
  for (let i = 0; i < cols.length; i++) if (isOpen(cols, used, i)) out[n++] = i;
  return out;
}

/**
 * {@link openRows} of a side of the state, worked out from the side's last list rather than
 * from every row: rows are only ever taken, never given back, so later passes read the few
 * rows left instead of a million. A fresh array each call (callers sort theirs in place).
 */
export function openOf(st: MatchState, cols: LedgerColumns, used: Uint8Array): Uint32Array {
  const side = cols === st.J && used === st.entryUsed ? 'J' : cols === st.S && used === st.lineUsed ? 'S' : undefined;
  if (side === undefined) return openRows(cols, used);
  const last = st.open[side];
  const open = last ? stillOpen(last, used) : openRows(cols, used);
  st.open[side] = open;
  return open.slice();
}

/** The rows of `rows` not taken yet, compacted in place (the later passes only ever want those). */
export function stillOpen(rows: Uint32Array, used: Uint8Array): Uint32Array {
  let n = 0;
  for (let i = 0; i < rows.length; i++) if (used[rows[i]] === 0) rows[n++] = rows[i];
  return rows.subarray(0, n);
}

function isOpen(cols: LedgerColumns, used: Uint8Array, i: number): boolean {
  return used[i] === 0 && cols.amount[i] !== 0 && Number.isFinite(cols.amount[i]) && cols.day[i] !== NO_DAY;
}

/**
 * Sort row indices by amount, then date, then input order. The usual case is one native
 * sort of packed numeric keys; otherwise linear passes: a stable counting sort by day, then
 * a stable counting sort by the amount's rank among the sorted distinct amounts. A
 * comparator sort of a million indices costs several times more.
 */
export function sortByAmountThenDay(cols: LedgerColumns, rows: Uint32Array, inPlace = false): Uint32Array {
  const packed = packedSort(cols, rows, inPlace ? rows : new Uint32Array(rows.length));
  if (packed) return packed;
  const byDay = sortByDay(cols, rows);
  const amounts = new Float64Array(byDay.length);
  for (let k = 0; k < byDay.length; k++) amounts[k] = cols.amount[byDay[k]];
  const distinct = uniqueSorted(amounts.slice().sort());
  const rank = new Uint32Array(byDay.length);
  for (let k = 0; k < byDay.length; k++) rank[k] = lowerBound(distinct, amounts[k]);
  return countingSort(byDay, rank, distinct.length);
}

// When the amounts are whole fen spanning under 2^32 (≈ 43 million yuan): rows in index order
// (as the matcher lists them) are radix-sorted; others get packed keys, (amount − least
// amount) × 2^21 + row index, an exact integer in a double while every index is under 2^21,
// and one native sort orders by amount, then index (the key holds the row, so `out` may be
// `rows`). Runs of one amount are then put in day order (they are short, and the book is
// mostly in day order already). Otherwise undefined, with `rows` untouched.
function packedSort(cols: LedgerColumns, rows: Uint32Array, out: Uint32Array): Uint32Array | undefined {
  const n = rows.length;
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (let k = 0; k < n; k++) {
    const a = cols.amount[rows[k]];
    if (a < min) min = a;
    if (a > max) max = a;
    if (a !== Math.floor(a)) whole = false;
  }
  if (!(max - min < 2 ** 32) || !whole) return undefined;
  if (isAscending(rows)) return radixByAmount(cols, rows, out, min, max - min);
  if (cols.length >= POSITIONS) return undefined;
  const keys = new Float64Array(n);
  for (let k = 0; k < n; k++) keys[k] = (cols.amount[rows[k]] - min) * POSITIONS + rows[k];
  keys.sort();
  // The row and the amount back out of each key by exact power-of-two arithmetic (no `%`,
  // which is a library call on doubles), and runs of one amount found from the keys in
  // order rather than from amounts read all over the columns.
  const amountOf = (key: number) => Math.floor(key * PER_POSITION);
  for (let k = 0; k < n; k++) out[k] = keys[k] - amountOf(keys[k]) * POSITIONS;
  return dayOrderRuns(cols, out, (k) => amountOf(keys[k]));
}

// Rows given in index order, by amount then index: a stable radix sort of each row's amount
// less the least (under 2^32), a few bits at a time, then runs of one amount put in day order.
// Linear, where a comparison sort of a million keys is not.
function radixByAmount(cols: LedgerColumns, rows: Uint32Array, out: Uint32Array, min: number, range: number): Uint32Array {
  const n = rows.length;
  let keys = new Uint32Array(n);
  for (let k = 0; k < n; k++) keys[k] = cols.amount[rows[k]] - min;
  let order = rows.slice();
  const bits = range === 0 ? 0 : 32 - Math.clz32(range);
  const passes = Math.ceil(bits / RADIX_BITS);
  if (passes > 0) {
    const digit = Math.ceil(bits / passes);
    const mask = 2 ** digit - 1;
    let nextKeys = new Uint32Array(n);
    let nextOrder = new Uint32Array(n);
    const start = new Uint32Array(mask + 2);
    for (let p = 0, shift = 0; p < passes; p++, shift += digit) {
      start.fill(0);
      for (let k = 0; k < n; k++) start[((keys[k] >>> shift) & mask) + 1]++;
      for (let d = 0; d <= mask; d++) start[d + 1] += start[d];
      for (let k = 0; k < n; k++) {
        const at = start[(keys[k] >>> shift) & mask]++;
        nextKeys[at] = keys[k];
        nextOrder[at] = order[k];
      }
      [keys, nextKeys] = [nextKeys, keys];
      [order, nextOrder] = [nextOrder, order];
    }
  }
  out.set(order);
  return dayOrderRuns(cols, out, (k) => keys[k]);
}

// Each run of rows in `out` with one amount (amountAt(k) for the row at k) put in day order.
function dayOrderRuns(cols: LedgerColumns, out: Uint32Array, amountAt: (k: number) => number): Uint32Array {
  for (let a = 0; a < out.length; ) {
    let b = a + 1;
    const amount = amountAt(a);
    while (b < out.length && amountAt(b) === amount) b++;
    if (b - a > 1) dayOrderRun(cols, out, a, b);
    a = b;
  }
  return out;
}

// Bits of the amount sorted per radix pass: a 2,048-slot count stays in the fastest cache.
const RADIX_BITS = 11;

// Rows out[a … b) (in index order) into day order, keeping index order within a day.
function dayOrderRun(cols: LedgerColumns, out: Uint32Array, a: number, b: number): void {
  if (b - a > 32) {
    out.set(Array.from(out.subarray(a, b)).sort((x, y) => cols.day[x] - cols.day[y] || x - y), a);
    return;
  }
  for (let k = a + 1; k < b; k++) {
    const row = out[k];
    let m = k - 1;
    while (m >= a && cols.day[out[m]] > cols.day[row]) {
      out[m + 1] = out[m];
      m--;
    }
    out[m + 1] = row;
  }
}

const POSITIONS = 2 ** 21;
const PER_POSITION = 2 ** -21;

/** Sort row indices by date, then input order (a stable counting sort over the days spanned). */
export function sortByDay(cols: LedgerColumns, rows: Uint32Array): Uint32Array {
  if (rows.length === 0) return rows.slice();
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    if (cols.day[i] < min) min = cols.day[i];
    if (cols.day[i] > max) max = cols.day[i];
  }
  // Sorted by index (a numeric typed-array sort, no comparator), stability keeps ties in input order.
  const ordered = isAscending(rows) ? rows : rows.slice().sort();
  if (max - min > 4 * rows.length + 1024) return ordered.slice().sort((a, b) => cols.day[a] - cols.day[b] || a - b);
  return stableByDay(cols, ordered, min, max);
}

function isAscending(rows: Uint32Array): boolean {
  for (let k = 1; k < rows.length; k++) if (rows[k] < rows[k - 1]) return false;
  return true;
}

/** Rows ordered by day, keeping the given order within a day (rows' days lie in [min, max]). */
export function stableByDay(cols: LedgerColumns, rows: Uint32Array, min: number, max: number): Uint32Array {
  const key = new Uint32Array(rows.length);
  for (let k = 0; k < rows.length; k++) key[k] = cols.day[rows[k]] - min;
  return countingSort(rows, key, max - min + 1);
}

function countingSort(rows: Uint32Array, key: Uint32Array, buckets: number): Uint32Array {
  const start = new Uint32Array(buckets + 1);
  for (let k = 0; k < rows.length; k++) start[key[k] + 1]++;
  for (let b = 0; b < buckets; b++) start[b + 1] += start[b];
  const out = new Uint32Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[start[key[k]]++] = rows[k];
  return out;
}

function uniqueSorted(sorted: Float64Array): Float64Array {
  let n = 0;
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[n++] = sorted[k];
  return sorted.subarray(0, n);
}

