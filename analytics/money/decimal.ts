/**
 * The project's Decimal: decimal.js with enough precision for any ledger and
 * half-up rounding (四舍五入), the convention of Chinese accounting practice.
 */
import DecimalJs from 'decimal.js';

export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);

/** Sum amounts exactly. */
export function sumAmounts(amounts: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const a of amounts) total = total.plus(a);
  return total;
}

/** Round to the cent (or `places`) with half-up rounding: the only rounding step for money. */
export function roundToCents(amount: Decimal, places = 2): Decimal {
  return amount.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/** Canonical text of an amount: fixed `places` decimals, no grouping, `-` for negatives. */
export function amountText(amount: Decimal, places = 2): string {
  const s = roundToCents(amount, places).toFixed(places);
  return s === '-0.00' || /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}
