/**
 * Integer minor units (fen, cents) for hot loops over millions of rows: an integer in a
 * double is exact up to 2^53, i.e. ±90 trillion yuan at two decimals. Converting to and
 * from canonical amount text goes through string digits, never through float arithmetic.
 */
import { Decimal } from './decimal';
import { t } from '../book/types';
import { fail } from '../util/error';

/**
 * Canonical amount text (`-1234.56`, `12`, `0.5`) to integer minor units.
 * @returns the integer, or NaN when the text is not a plain decimal or has more than `places` decimals
 * @example toMinorUnits('-1234.56') // -123456
 */
export function toMinorUnits(text: string, places = 2): number {
  const quick = places === 2 ? canonicalFen(text) : NaN;
  if (quick === quick) return quick;
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === '' && !m[3])) return NaN;
  const frac = m[3] ?? '';
  if (frac.length > places && /[1-9]/.test(frac.slice(places))) return NaN;
  const digits = (m[2] || '0') + frac.slice(0, places).padEnd(places, '0');
  const n = Number(digits);
  if (!Number.isSafeInteger(n)) return NaN;
  return m[1] === '-' ? -n : n;
}

// The common case at scale, canonical text with two decimals ('-1234.56'), read digit by
// digit; anything else is NaN here and goes through the general reader.
function canonicalFen(text: string): number {
  const n = text.length;
  if (n < 4 || text.charCodeAt(n - 3) !== 46) return NaN;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  // 1…15 digits: always a safe integer; longer texts take the general path.
  if (i === n - 3 || n - 1 - i > 15) return NaN;
  let v = 0;
  for (; i < n; i++) {
    if (i === n - 3) continue;
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
  }
  return text.charCodeAt(0) === 45 ? -v : v;
}

/** Integer minor units to canonical text with `places` decimals. */
export function fromMinorUnits(units: number, places = 2): string {
  if (!Number.isSafeInteger(units)) fail('bad-minor-units', t(`${units} 不是整数个最小货币单位（分）`, `${units} is not a whole number of minor units`));
  const negative = units < 0;
  const s = Math.abs(units).toString().padStart(places + 1, '0');
  const text = places > 0 ? `${s.slice(0, -places)}.${s.slice(-places)}` : s;
  return negative ? `-${text}` : text;
}

/** Decimal to integer minor units (exact; throws if the amount has finer precision). */
export function decimalToMinorUnits(amount: Decimal, places = 2): number {
  const scaled = amount.times(new Decimal(10).pow(places));
  if (!scaled.isInteger()) fail('sub-cent-amount', t(`金额 ${amount.toString()} 的小数超过 ${places} 位`, `${amount.toString()} has more than ${places} decimals`));
  return scaled.toNumber();
}
