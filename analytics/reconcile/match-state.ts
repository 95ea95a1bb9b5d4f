/**
 * What the matcher's passes share: both sides as columns, which rows are already taken,
 * the options, the proposals so far, and the evidence one entry/line pair gives of being
 * the same money movement (reference, counterparty, description).
 */
import type { LedgerColumns } from './ledger-columns';
import { isReferenceTypo, textSimilarity } from './similarity';

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
  isRejected: (entries: readonly number[], lines: readonly number[]) => boolean;
  proposals: MatchProposal[];
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

/** Evidence that entry j and line s are the same movement. */
export function evidenceOf(st: MatchState, j: number, s: number): Evidence {
  const rj = st.J.reference[j];
  const rs = st.S.reference[s];
  const sameReference = rj !== '' && rj === rs;
  const referenceTypo = !sameReference && isReferenceTypo(rj, rs);
  const pj = st.J.party[j];
  const ps = st.S.party[s];
  const party = textSimilarity(pj, ps);
  const likeness = Math.max(
    party,
    textSimilarity(st.J.memo[j], st.S.memo[s]),
    0.9 * textSimilarity(pj, st.S.memo[s]),
    0.9 * textSimilarity(st.J.memo[j], ps),
  );
  const contradicts = pj !== '' && ps !== '' && party < 0.5 && likeness < 0.5 && !sameReference && !referenceTypo;
  return { sameReference, referenceTypo, likeness, contradicts };
}

/** Record a proposal and mark its rows taken. */
export function propose(st: MatchState, entries: number[], lines: number[], rule: MatchRule, score: number, residual = 0): void {
  for (const j of entries) st.entryUsed[j] = 1;
  for (const s of lines) st.lineUsed[s] = 1;
  st.proposals.push({ entries, lines, rule, score: Math.round(score * 1000) / 1000, residual });
}

/** Indices of rows not yet taken with a usable date and a nonzero amount. */
export function openRows(cols: LedgerColumns, used: Uint8Array): Uint32Array {
  let n = 0;
  const out = new Uint32Array(cols.length);
  for (let i = 0; i < cols.length; i++) {
    if (used[i] === 0 && cols.amount[i] !== 0 && Number.isFinite(cols.amount[i]) && Number.isFinite(cols.day[i])) out[n++] = i;
  }
  return out.subarray(0, n);
}

/** Sort row indices by amount, then date, then input order. */
export function sortByAmountThenDay(cols: LedgerColumns, rows: Uint32Array): Uint32Array {
  const { amount, day } = cols;
  return rows.slice().sort((a, b) => amount[a] - amount[b] || day[a] - day[b] || a - b);
}

/** Sort row indices by date, then input order. */
export function sortByDay(cols: LedgerColumns, rows: Uint32Array): Uint32Array {
  const { day } = cols;
  return rows.slice().sort((a, b) => day[a] - day[b] || a - b);
}

/** First position in `rows` (sorted by day) whose day is ≥ `day`. */
export function lowerBoundDay(cols: LedgerColumns, rows: Uint32Array, day: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cols.day[rows[mid]] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
