/**
 * Amount to display text. With parse-amount.ts, the only conversion point between Decimal and text.
 */
import { Decimal, roundToCents } from './decimal';

export interface FormatAmountOptions {
  /** Decimals to show, rounded half-up. @default 2 */
  places?: number;
  /** Group thousands with `,`. @default true */
  grouping?: boolean;
  /** Prefix such as `¥`. @default '' */
  symbol?: string;
}

/**
 * Format an amount for people.
 * @param amount a Decimal or canonical decimal text
 * @returns text such as `-1,234.56`
 * @example formatAmount(new Decimal('1234.5')) // '1,234.50'
 */
export function formatAmount(amount: Decimal | string, options: FormatAmountOptions = {}): string {
  const { places = 2, grouping = true, symbol = '' } = options;
  const fixed = roundToCents(new Decimal(amount), places).toFixed(places);
  const negative = fixed.startsWith('-') && /[1-9]/.test(fixed);
  const [intPart, frac] = fixed.replace('-', '').split('.');
  const grouped = grouping ? intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : intPart;
  return `${negative ? '-' : ''}${symbol}${grouped}${frac !== undefined ? '.' + frac : ''}`;
}
