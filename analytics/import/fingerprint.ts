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
  // Hash the key once; count occurrences by the hash's top 48 bits (a number, so the map
  // stays cheap), then continue the same hash over '#<n>' for the fingerprint.
  const seen = new Map<number, number>();
  const out = new Array<string>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const h = new Fnv();
    h.add(accountId).add('|').add(line.date).add('|').add(line.amount).add('|').add(refPart(line));
    const key = (h.h3 * 0x10000 + h.h2) * 0x10000 + h.h1;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    out[i] = h.add('#').add(String(n)).hex();
  }
  return out;
}

/** 64-bit FNV-1a over the UTF-16 code units of the texts, one after the other, as 16 hex digits. */
export function fnv1a64(...texts: string[]): string {
  const h = new Fnv();
  for (const text of texts) h.add(text);
  return h.hex();
}

// Four 16-bit limbs; the prime 0x100000001b3 is 2^40 + 0x1b3, so limb i also gets limb i-2 << 8.
class Fnv {
  h0 = 0x2325;
  h1 = 0x8422;
  h2 = 0x9ce4;
  h3 = 0xcbf2;

  add(text: string): this {
    let { h0, h1, h2, h3 } = this;
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
    this.h0 = h0;
    this.h1 = h1;
    this.h2 = h2;
    this.h3 = h3;
    return this;
  }

  hex(): string {
    return hex4(this.h3) + hex4(this.h2) + hex4(this.h1) + hex4(this.h0);
  }
}

function hex4(h: number): string {
  return (h + 0x10000).toString(16).slice(1);
}
