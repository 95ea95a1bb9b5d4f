/**
 * Text likeness for the matcher's fuzzy evidence: counterparty names, descriptions and
 * references that differ by a typo. Inputs are already normalised (ledger-columns.ts).
 * Character bigrams suit Chinese names, where one character often is a word.
 */

/**
 * Dice coefficient over character bigrams (single characters for one-character texts).
 * @returns 0 (nothing shared or either side empty) … 1 (same text)
 * @example textSimilarity('测试客户甲', '测试客户甲贸易') // 0.833… (one contains the other)
 */
export function textSimilarity(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  if (a === b) return 1;
  if (a.includes(b) || b.includes(a)) return Math.max(0.8, 2 * Math.min(a.length, b.length) / (a.length + b.length));
  const shared = a.length <= 16 && b.length <= 16 ? sharedBigramsShort(a, b) : sharedBigrams(a, b);
  const total = Math.max(1, a.length - 1) + Math.max(1, b.length - 1);
  return (2 * shared) / total;
}

/**
 * True when two non-empty references differ by at most one typo (one character changed,
 * added, dropped, or two neighbours swapped) and are long enough for that to mean something.
 */
export function isReferenceTypo(a: string, b: string): boolean {
  if (a === '' || b === '' || Math.min(a.length, b.length) < 4) return false;
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  return withinOneEdit(a, b);
}

function sharedBigrams(a: string, b: string): number {
  const grams = bigrams(a);
  const other = bigrams(b);
  let shared = 0;
  for (const [g, n] of grams) shared += Math.min(n, other.get(g) ?? 0);
  return shared;
}

// The same count without maps, for short texts (names): each bigram of b used at most once.
function sharedBigramsShort(a: string, b: string): number {
  if (a.length === 1 || b.length === 1) return a.length === 1 ? (b.includes(a) ? 1 : 0) : a.includes(b) ? 1 : 0;
  let taken = 0;
  let shared = 0;
  for (let i = 0; i + 1 < a.length; i++) {
    for (let j = 0; j + 1 < b.length; j++) {
      if ((taken & (1 << j)) === 0 && a.charCodeAt(i) === b.charCodeAt(j) && a.charCodeAt(i + 1) === b.charCodeAt(j + 1)) {
        taken |= 1 << j;
        shared++;
        break;
      }
    }
  }
  return shared;
}

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  if (s.length === 1) out.set(s, 1);
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

// Whether a and b (lengths differing by at most one) are at most one edit apart: one
// character changed, added or dropped, or two neighbours swapped. One linear walk, no table.
function withinOneEdit(a: string, b: string): boolean {
  if (a.length !== b.length) {
    const [short, long] = a.length < b.length ? [a, b] : [b, a];
    let i = 0;
    while (i < short.length && short.charCodeAt(i) === long.charCodeAt(i)) i++;
    // Skip one character of the longer text; the rest must agree.
    for (let k = i; k < short.length; k++) if (short.charCodeAt(k) !== long.charCodeAt(k + 1)) return false;
    return true;
  }
  let i = 0;
  while (i < a.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === a.length) return true;
  // First difference at i: either a single change there, or a swap of i and i + 1.
  const swapped = i + 1 < a.length && a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i);
  for (let k = swapped ? i + 2 : i + 1; k < a.length; k++) if (a.charCodeAt(k) !== b.charCodeAt(k)) return false;
  return true;
}
