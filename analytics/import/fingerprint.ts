/**
 * Fingerprints for statement lines: a hash of account, date, amount and reference (or,
 * with no reference, the counterparty), plus the line's occurrence index among identical
 * lines of its file. Two genuine identical payments in one file get indexes 0 and 1 and
 * both stay; importing the same or an overlapping file again gives the same fingerprints,
 * so the multiset of lines already held decides what is new. The hash is 64-bit FNV-1a:
 * fast and stable, not a security measure.
 */
import type { ParsedLine } from './types';

const PLACEHOLDER = new Set(['', '/', '-', '--', 'NONREF', 'NOTPROVIDED']);

/** The identity of a line before its occurrence index: account|date|amount|reference. */
export function lineKey(accountId: string, line: ParsedLine): string {
  const ref = line.reference && !PLACEHOLDER.has(line.reference) ? `r:${line.reference}` : `c:${line.counterparty ?? ''}`;
  return `${accountId}|${line.date}|${line.amount}|${ref}`;
}

/**
 * Fingerprint each line of one file, in file order.
 * @param accountId the account the lines are imported into
 * @param lines the file's lines
 * @returns one 16-hex-digit fingerprint per line
 * @example fingerprintLines('A', [x, x]) // two different fingerprints for two identical lines
 */
export function fingerprintLines(accountId: string, lines: readonly ParsedLine[]): string[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    const key = lineKey(accountId, line);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return fnv1a64(`${key}#${n}`);
  });
}

/** 64-bit FNV-1a over UTF-16 code units, as 16 hex digits. */
export function fnv1a64(text: string): string {
  // Two 32-bit halves; the prime 0x100000001b3 is 2^40 + 0x1b3
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < text.length; i++) {
    h0 ^= text.charCodeAt(i);
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3;
    const t2 = h2 * 0x1b3 + (h0 << 8);
    const t3 = h3 * 0x1b3 + (h1 << 8);
    const c1 = t1 + (t0 >>> 16);
    h0 = t0 & 0xffff;
    const c2 = t2 + (c1 >>> 16);
    h1 = c1 & 0xffff;
    h3 = (t3 + (c2 >>> 16)) & 0xffff;
    h2 = c2 & 0xffff;
  }
  return [h3, h2, h1, h0].map((h) => h.toString(16).padStart(4, '0')).join('');
}
