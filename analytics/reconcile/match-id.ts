/**
 * Stable ids for matches and how a match's row lists are written in the Matches table.
 * The id comes from the account and the exact rows, so a re-run that finds the same match
 * writes the same row (upsert), and a different pairing never overwrites a user's decision.
 */
import { serialDigits } from '../book/coded-cells';

/** Separator of ids inside Matches.EntryIds / LineIds. */
export const ID_SEPARATOR = ',';

/** Ids joined for a Matches cell, in sorted order. */
export function joinIds(ids: readonly string[]): string {
  if (ids.length === 1) return ids[0];
  return ids.slice().sort().join(ID_SEPARATOR);
}

/** Ids of a Matches cell. */
export function splitIds(cell: unknown): string[] {
  if (cell === null || cell === undefined) return [];
  return String(cell)
    .split(ID_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The key of a pairing: which entries with which lines, order-free. */
export function pairingKey(entryIds: readonly string[], lineIds: readonly string[]): string {
  return `${joinIds(entryIds)}|${joinIds(lineIds)}`;
}

/**
 * Stable match id: 'M-' and 64 bits of two FNV-1a hashes of account and pairing, in base 36.
 * @example matchId('BANK1', ['J1'], ['L1']) // 'M-…' (same input, same id)
 */
export function matchId(accountId: string, entryIds: readonly string[], lineIds: readonly string[]): string {
  return matchIdOfSorted(accountId, inOrder(entryIds), inOrder(lineIds));
}

/** {@link matchId} of id lists already in sorted order (as {@link sortIds} leaves them). */
export function matchIdOfSorted(accountId: string, entryIds: readonly string[], lineIds: readonly string[]): string {
  startHash(accountId);
  feedIds(entryIds);
  feed('|');
  feedIds(lineIds);
  return idText(hash1 >>> 0, hash2 >>> 0);
}

// The hash of `${accountId}#${pairingKey(entryIds, lineIds)}` is fed piece by piece rather
// than built as one string (a million matches make a million such strings otherwise); this
// starts it and feeds the account.
function startHash(accountId: string): void {
  hash1 = 0x811c9dc5;
  hash2 = 0x01000193 ^ 0x5bd1e995;
  feed(accountId);
  feed('#');
}

/**
 * Sort a short id list in place, in the order `joinIds` writes (code unit by code unit, as
 * Array.prototype.sort without a comparator), without the copy and work array of a sort call.
 */
export function sortIds(ids: string[]): string[] {
  for (let k = 1; k < ids.length; k++) {
    const id = ids[k];
    let m = k - 1;
    while (m >= 0 && ids[m] > id) {
      ids[m + 1] = ids[m];
      m--;
    }
    ids[m + 1] = id;
  }
  return ids;
}

function inOrder(ids: readonly string[]): readonly string[] {
  return ids.length === 1 ? ids : ids.slice().sort();
}

/**
 * {@link matchId} of one entry with one line (the common match), without lists to make.
 * @example matchIdOfPair('BANK1', 'J1', 'L1') === matchId('BANK1', ['J1'], ['L1']) // true
 */
export function matchIdOfPair(accountId: string, entryId: string, lineId: string): string {
  startHash(accountId);
  feed(entryId);
  feed('|');
  feed(lineId);
  return idText(hash1 >>> 0, hash2 >>> 0);
}

/**
 * {@link matchIdOfPair} of ids written as a prefix and a number (in `width` digits, or as it
 * is for 0), fed digit by digit: the same id, without the two id texts.
 */
export function matchIdOfSerialPair(accountId: string, entryPrefix: string, entryWidth: number, entry: number, linePrefix: string, lineWidth: number, line: number): string {
  startHash(accountId);
  feed(entryPrefix);
  feedNumber(entry, entryWidth);
  feed('|');
  feed(linePrefix);
  feedNumber(line, lineWidth);
  return idText(hash1 >>> 0, hash2 >>> 0);
}

// Feeds the digits of a serial number as its text writes them.
const NUMBER_DIGITS = new Uint8Array(16);
function feedNumber(n: number, width: number): void {
  const count = serialDigits(n, width, NUMBER_DIGITS);
  let h1 = hash1;
  let h2 = hash2;
  for (let k = 0; k < count; k++) {
    const c = 48 + NUMBER_DIGITS[k];
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 15);
  }
  hash1 = h1;
  hash2 = h2;
}

/**
 * 30 bits of the id the last {@link matchId} or {@link matchIdOfPair} call made: a key (a small integer) for telling
 * ids apart without reading their text; two equal ids have equal keys.
 */
export function lastMatchKey(): number {
  return hash1 & 0x3fffffff;
}

// Character codes of the base-36 digits, and the id's characters as they are worked out.
const DIGITS = Array.from('0123456789abcdefghijklmnopqrstuvwxyz', (c) => c.charCodeAt(0));
const idChars = [77, 45, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

// 'M-' and each hash as seven base-36 digits (2^32 − 1 is '1z141z3'): the same text as
// toString(36).padStart(7, '0'), made in one string rather than five (a million matches).
function idText(a: number, b: number): string {
  for (let k = 8; k >= 2; k--) {
    const q = Math.floor(a / 36);
    idChars[k] = DIGITS[a - q * 36];
    a = q;
  }
  for (let k = 15; k >= 9; k--) {
    const q = Math.floor(b / 36);
    idChars[k] = DIGITS[b - q * 36];
    b = q;
  }
  const c = idChars;
  return String.fromCharCode(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12], c[13], c[14], c[15]);
}

// The running hash of matchId (module state: matchId is synchronous and not re-entrant).
let hash1 = 0;
let hash2 = 0;

function feed(text: string): void {
  let h1 = hash1;
  let h2 = hash2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 15);
  }
  hash1 = h1;
  hash2 = h2;
}

function feedIds(sorted: readonly string[]): void {
  for (let k = 0; k < sorted.length; k++) {
    if (k > 0) feed(ID_SEPARATOR);
    feed(sorted[k]);
  }
}
