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
  return `${accountId}|${line.date}|${line.amount}|${refPart(line)}`;
}

function refPart(line: ParsedLine): string {
  return line.reference && !PLACEHOLDER.has(line.reference)
    ? `r:${line.reference}`
    : `c:${line.counterparty ?? ''}`;
}

/**
 * Fingerprint each line of one file, in file order.
 * @param accountId the account the lines are imported into
 * @param lines the file's lines
 * @returns one 16-hex-digit fingerprint per line
 * @example fingerprintLines('A', [x, x]) // two different fingerprints for two identical lines
 */
export function fingerprintLines(accountId: string, lines: readonly ParsedLine[]): string[] {
  // Occurrences are counted by the key's hash, a short string, so the map stays cheap
  const seen = new Map<string, number>();
  const out = new Array<string>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const key = fnv1a64(accountId, '|', line.date, '|', line.amount, '|', refPart(line));
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    out[i] = fnv1a64(key, '#', String(n));
  }
  return out;
}

/** 64-bit FNV-1a over the UTF-16 code units of the texts, one after the other, as 16 hex digits. */
export function fnv1a64(...texts: string[]): string {
  // Four 16-bit limbs; the prime 0x100000001b3 is 2^40 + 0x1b3, so limb i also gets limb i-2 << 8
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let k = 0; k < texts.length; k++) {
    const text = texts[k];
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
  }
  return hex4(h3) + hex4(h2) + hex4(h1) + hex4(h0);
}

function hex4(h: number): string {
  return (h + 0x10000).toString(16).slice(1);
}
