/**
 * Text compared for equality after normalising: full-width to half-width (NFKC), case
 * folded, whitespace and punctuation removed. So '货款-测试公司A' from a rich-text cell
 * equals '货款 - 测试公司a' typed plainly (case E6).
 */

const cache = new Map<string, string>();

/**
 * Normalise a summary or counterparty name for comparison.
 * @example normaliseText('货款－测试公司Ａ ') // '货款测试公司a'
 */
export function normaliseText(value: unknown): string {
  const raw = value === null || value === undefined ? '' : String(value);
  let out = cache.get(raw);
  if (out === undefined) {
    out = raw
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s\p{P}]+/gu, '');
    if (cache.size > 100_000) cache.clear();
    cache.set(raw, out);
  }
  return out;
}
