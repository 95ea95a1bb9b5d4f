/**
 * The matcher's proposals as they are made, kept in typed arrays: a million matches would
 * otherwise be a million objects with two arrays each, all alive until the run ends, and the
 * garbage collector would copy and mark every one of them over a heap already holding the book.
 * Proposal k's rows are rows[first[k] … first[k + 1]): its entries, then its lines.
 */
import type { MatchRule } from './match-state';

/** Rules in a fixed order, so a proposal stores its rule as one byte. */
const RULES: readonly MatchRule[] = ['exact-reference', 'exact-date', 'date-window', 'fee-netted', 'many-to-one', 'one-to-many', 'fuzzy', 'manual', 'transfer'];
const RULE_CODE = new Map(RULES.map((r, k) => [r, k]));
// The rule byte's top bit: this proposal has a residual (most have none, and need no lookup).
const HAS_RESIDUAL = 0x80;

/** A log as plain data, for another thread (see {@link ProposalLog.export}). */
export interface ProposalLogData {
  count: number;
  rule: Uint8Array;
  scores: Uint16Array;
  entryCount: Uint8Array;
  first: Int32Array;
  rows: Int32Array;
  residuals: [number, number][];
  buffers: ArrayBuffer[];
}

export class ProposalLog {
  /** Proposals so far. */
  count = 0;
  private rule: Uint8Array;
  /** Score × 1000: scores are kept to three decimals. */
  private scores: Uint16Array;
  /** Nonzero residuals only (netted fees are a few in a hundred matches). */
  private residuals = new Map<number, number>();
  private entryCount: Uint8Array;
  private first: Int32Array;
  private rows: Int32Array;

  /**
   * @param entries rows on the journal side, @param lines on the statement side: every
   * proposal takes at least one of each and no row twice, so the proposal arrays never have
   * to grow (growing by doubling would allocate as much again in buffers soon thrown away).
   */
  constructor(entries: number, lines: number) {
    const proposals = Math.min(entries, lines) + 1;
    this.rule = new Uint8Array(proposals);
    this.scores = new Uint16Array(proposals);
    this.entryCount = new Uint8Array(proposals);
    this.first = new Int32Array(proposals + 1);
    // Pairs take two rows each; a group takes more rows but leaves fewer proposals, and the
    // rows array grows in the rare book where groups outweigh that.
    this.rows = new Int32Array(Math.min(entries + lines, 2 * proposals) + 16);
  }

  /** Record one proposal; `score` is kept to three decimals. */
  add(entries: readonly number[] | number, lines: readonly number[] | number, rule: MatchRule, score: number, residual: number): void {
    const k = this.count;
    const ne = typeof entries === 'number' ? 1 : entries.length;
    const nl = typeof lines === 'number' ? 1 : lines.length;
    if (k + 1 >= this.rule.length) this.growProposals(); // only when a row is proposed twice
    let at = this.first[k];
    while (at + ne + nl > this.rows.length) this.rows = grown(this.rows, this.rows.length * 2);
    if (typeof entries === 'number') this.rows[at++] = entries;
    else for (let x = 0; x < ne; x++) this.rows[at++] = entries[x];
    if (typeof lines === 'number') this.rows[at++] = lines;
    else for (let x = 0; x < nl; x++) this.rows[at++] = lines[x];
    // Entry counts above 255 do not occur: a group has at most maxGroupSize rows.
    this.entryCount[k] = ne;
    this.rule[k] = RULE_CODE.get(rule)! | (residual !== 0 ? HAS_RESIDUAL : 0);
    this.scores[k] = Math.round(Math.min(1, Math.max(0, score)) * 1000);
    if (residual !== 0) this.residuals.set(k, residual);
    this.first[k + 1] = at;
    this.count = k + 1;
  }

  ruleOf(k: number): MatchRule {
    return RULES[this.rule[k] & ~HAS_RESIDUAL];
  }

  scoreOf(k: number): number {
    return this.scores[k] / 1000;
  }

  /** Statement total − journal total in fen (nonzero only for a netted fee). */
  residualOf(k: number): number {
    return this.rule[k] & HAS_RESIDUAL ? this.residuals.get(k)! : 0;
  }

  entryCountOf(k: number): number {
    return this.entryCount[k];
  }

  lineCountOf(k: number): number {
    return this.first[k + 1] - this.first[k] - this.entryCount[k];
  }

  /** The x-th entry (row index into the journal columns) of proposal k. */
  entryOf(k: number, x: number): number {
    return this.rows[this.first[k] + x];
  }

  /** The x-th line (row index into the statement columns) of proposal k. */
  lineOf(k: number, x: number): number {
    return this.rows[this.first[k] + this.entryCount[k] + x];
  }

  /** The log as plain data for another thread; `buffers` can be transferred, not copied. */
  export(): ProposalLogData {
    const data = { count: this.count, rule: this.rule, scores: this.scores, entryCount: this.entryCount, first: this.first, rows: this.rows, residuals: [...this.residuals] };
    return { ...data, buffers: [this.rule.buffer, this.scores.buffer, this.entryCount.buffer, this.first.buffer, this.rows.buffer] as ArrayBuffer[] };
  }

  /**
   * A log from {@link export}'s data, checked to be whole: every array as long as the count
   * needs, row ranges that go forward, known rules, and a residual for every proposal marked
   * as having one (and for no other).
   * @throws Error 'not a proposal log' otherwise
   */
  static import(data: ProposalLogData): ProposalLog {
    // Checked by tag, not instanceof: arrays from another thread may come from another realm.
    const arrays = [data.rule, data.scores, data.entryCount, data.first, data.rows];
    const kinds = ['Uint8Array', 'Uint16Array', 'Uint8Array', 'Int32Array', 'Int32Array'];
    const isKind = (a: unknown, kind: string) => ArrayBuffer.isView(a) && Object.prototype.toString.call(a) === `[object ${kind}]`;
    const n = data.count;
    const sized = Number.isInteger(n) && n >= 0 && arrays.every((a, i) => isKind(a, kinds[i])) && data.rule.length >= n && data.scores.length >= n && data.entryCount.length >= n && data.first.length > n && Array.isArray(data.residuals);
    if (!sized) throw new Error('not a proposal log');
    // Each array as it came when it is the size `add` expects and its memory is this thread's
    // alone (moved or copied to it); otherwise copied before it is checked, so memory the
    // sender shares cannot change after the check. (A million proposals' arrays copied
    // again would cost a full collection of the book's heap.)
    const log = new ProposalLog(0, 0);
    log.count = n;
    log.rule = fitted(data.rule, n + 1, n);
    log.scores = fitted(data.scores, n + 1, n);
    log.entryCount = fitted(data.entryCount, n + 1, n);
    log.first = fitted(data.first, n + 2, n + 1);
    const rows = log.first[n];
    if (!(log.first[0] === 0 && rows >= 0 && rows <= data.rows.length)) throw new Error('not a proposal log');
    log.rows = fitted(data.rows, Math.max(rows, data.rows.length), rows);
    for (let k = 0; k < n; k++) {
      if (log.first[k + 1] < log.first[k] + log.entryCount[k] || (log.rule[k] & ~HAS_RESIDUAL) >= RULES.length || log.scores[k] > 1000) throw new Error('not a proposal log');
    }
    log.residuals = residualsOf(log.rule, n, data.residuals);
    return log;
  }

  /**
   * Add another log's proposals, from its proposal `from` on, after this one's (room
   * permitting: see the constructor).
   */
  appendFrom(other: ProposalLog, from = 0): void {
    if (!(Number.isInteger(from) && from >= 0 && from <= other.count)) throw new RangeError(`no proposal ${from} in a log of ${other.count}`);
    const k0 = this.count;
    const r0 = this.first[k0];
    const n = other.count - from;
    const o0 = other.first[from];
    const rows = other.first[other.count] - o0;
    while (k0 + n + 1 >= this.rule.length) this.growProposals();
    while (r0 + rows > this.rows.length) this.rows = grown(this.rows, this.rows.length * 2);
    this.rule.set(other.rule.subarray(from, other.count), k0);
    this.scores.set(other.scores.subarray(from, other.count), k0);
    this.entryCount.set(other.entryCount.subarray(from, other.count), k0);
    this.rows.set(other.rows.subarray(o0, o0 + rows), r0);
    for (let k = 1; k <= n; k++) this.first[k0 + k] = r0 + other.first[from + k] - o0;
    // Over a copy: a log appended to itself would otherwise meet the residuals it adds.
    for (const [k, v] of [...other.residuals]) if (k >= from) this.residuals.set(k0 + k - from, v);
    this.count = k0 + n;
  }

  /** Proposals `from` … count − 1 as a log of their own, its arrays no larger than they need. */
  slice(from: number): ProposalLog {
    const part = new ProposalLog(0, 0);
    part.appendFrom(this, from);
    const n = part.count;
    part.rule = part.rule.slice(0, n + 1);
    part.scores = part.scores.slice(0, n + 1);
    part.entryCount = part.entryCount.slice(0, n + 1);
    part.first = part.first.slice(0, n + 2);
    part.rows = part.rows.slice(0, part.first[n]);
    return part;
  }

  /** Whether proposals k0 … k0 + n − 1 here are other's proposals o0 … o0 + n − 1, row for row. */
  sameAs(k0: number, other: ProposalLog, o0: number, n: number): boolean {
    if (k0 + n > this.count || o0 + n > other.count) return false;
    for (let x = 0; x < n; x++) {
      const k = k0 + x;
      const o = o0 + x;
      const size = this.first[k + 1] - this.first[k];
      if (this.rule[k] !== other.rule[o] || this.scores[k] !== other.scores[o] || this.entryCount[k] !== other.entryCount[o] || this.residualOf(k) !== other.residualOf(o)) return false;
      if (size !== other.first[o + 1] - other.first[o]) return false;
      for (let r = 0; r < size; r++) if (this.rows[this.first[k] + r] !== other.rows[other.first[o] + r]) return false;
    }
    return true;
  }

  private growProposals(): void {
    const n = this.rule.length * 2;
    this.rule = grown(this.rule, n);
    this.scores = grown(this.scores, n);
    this.entryCount = grown(this.entryCount, n);
    this.first = grown(this.first, n + 1);
  }
}

// `a` itself when it has `size` values in memory of its own; else a copy of its first `n`
// values in an array of `size`.
function fitted<T extends Uint8Array | Uint16Array | Int32Array>(a: T, size: number, n: number): T {
  const shared = Object.prototype.toString.call(a.buffer) !== '[object ArrayBuffer]';
  return a.length === size && !shared ? a : resized(a.subarray(0, n) as T, size);
}

// Residuals only of proposals marked as having one (by `rule`), each a nonzero whole number
// of fen, and one for every proposal so marked.
function residualsOf(rule: Uint8Array, n: number, pairs: unknown[]): Map<number, number> {
  let marked = 0;
  for (let k = 0; k < n; k++) if (rule[k] & HAS_RESIDUAL) marked++;
  const out = new Map<number, number>();
  for (const pair of pairs) {
    if (!Array.isArray(pair) || pair.length !== 2) throw new Error('not a proposal log');
    const [k, v] = pair as unknown[];
    if (!Number.isInteger(k) || (k as number) < 0 || (k as number) >= n || !(rule[k as number] & HAS_RESIDUAL) || !Number.isSafeInteger(v) || v === 0 || out.has(k as number)) throw new Error('not a proposal log');
    out.set(k as number, v as number);
  }
  if (out.size !== marked) throw new Error('not a proposal log');
  return out;
}

function grown<T extends Uint8Array | Uint16Array | Int32Array>(a: T, n: number): T {
  // An emptied array (a slice of no proposals) grows from a few slots, not from none.
  return resized(a, Math.max(n, 16));
}

// A copy of `a` in a new array of the same kind with room for `size` values.
function resized<T extends Uint8Array | Uint16Array | Int32Array>(a: T, size: number): T {
  const out = new (a.constructor as new (n: number) => T)(size);
  out.set(a);
  return out;
}
