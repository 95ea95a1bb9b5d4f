/**
 * Text likeness for the matcher's fuzzy evidence: counterparty names, descriptions and
 * references that differ by a typo. Inputs are already normalised (ledger-columns.ts).
 * Character bigrams suit Chinese names, where one character often is a word.
 */

/**
 * Dice coefficient over character bigrams (single characters for one-character texts).
 * @returns 0 (nothing shared or either side empty) … 1 (same text)
 * @example textSimilarity('测试客户甲', '测试客户甲贸易') // 0.8
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
  return typoDistance(a, b) <= 1;
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

// Optimal string alignment distance (Damerau without repeated edits), stopped early past 1.
function typoDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    rows[i][0] = i;
  }
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2][j - 2] + 1);
      rows[i][j] = v;
      best = Math.min(best, v);
    }
    if (best > 1) return best;
  }
  return rows[a.length][b.length];
}
