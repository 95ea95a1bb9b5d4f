/**
 * Parse an amount as cashiers and banks write it: grouping separators, decimal comma,
 * parentheses or a trailing minus for negatives, currency signs and codes, full-width
 * digits, CR/DR marks. This is one of the two conversion points between text and Decimal
 * (the other is format-amount.ts). Invalid input is returned as a value, never thrown.
 */
import { Decimal } from './decimal';

export type DecimalMark = '.' | ',' | 'auto';

export interface ParseAmountOptions {
  /** Which character separates the decimals. `auto` decides per value; prefer a column-level
   * decision (see detect-decimal-mark) when values like `1.234` are ambiguous. @default 'auto' */
  decimalMark?: DecimalMark;
  /** Flip the sign after parsing (a "money out is positive" column). @default false */
  negate?: boolean;
  /** What an empty cell means. @default 'invalid' */
  blank?: 'zero' | 'invalid';
}

export type AmountResult = { ok: true; value: Decimal } | { ok: false; reason: string };

const CURRENCY = /^(?:CNY|RMB|USD|HKD|EUR|GBP|JPY|HK\$|US\$|[¥￥$€£元])|(?:CNY|RMB|USD|HKD|EUR|GBP|JPY|元|[¥￥$€£])$/i;

/**
 * Parse one amount.
 * @param input the cell text (a number is accepted as is)
 * @param options decimal mark, sign flip and blank handling
 * @returns `{ ok: true, value }` or `{ ok: false, reason }`
 * @example parseAmount('(¥1,234.50)') // { ok: true, value: Decimal(-1234.5) }
 */
export function parseAmount(input: unknown, options: ParseAmountOptions = {}): AmountResult {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return invalid(String(input));
    // Shortest round-trip text of the double is what the cell showed, e.g. 0.1 not 0.1000000000000000055
    return finish(new Decimal(String(input)), options);
  }
  if (input === null || input === undefined) return blank(options);
  if (typeof input !== 'string') return invalid(String(input));

  let s = toHalfWidth(input).replace(/[\s\u00a0\u200b\ufeff']/g, '');
  if (s === '' || s === '-' || s === '--') return blank(options);

  // Step 1: sign marks around the number
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  const drcr = /^(.*?)(CR|DR|Cr|Dr|贷|借)$/.exec(s);
  if (drcr && drcr[1] !== '') {
    s = drcr[1];
    if (/^(DR|Dr|借)$/.test(drcr[2])) negative = !negative;
  }
  s = stripCurrency(s);
  if (s.startsWith('-') || s.startsWith('−')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  } else if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1);
  }
  s = stripCurrency(s);
  if (/^\(.*\)$/.test(s)) {
    negative = !negative;
    s = s.slice(1, -1);
  }

  // Step 2: separators
  const digits = normaliseSeparators(s, options.decimalMark ?? 'auto');
  if (digits === undefined || !/^\d+(\.\d*)?$|^\.\d+$/.test(digits)) return invalid(input);
  const value = new Decimal(digits.endsWith('.') ? digits.slice(0, -1) : digits);
  return finish(negative ? value.negated() : value, options);
}

/** Parse or return undefined; for callers that report their own problem. */
export function tryParseAmount(input: unknown, options?: ParseAmountOptions): Decimal | undefined {
  const r = parseAmount(input, options);
  return r.ok ? r.value : undefined;
}

function finish(value: Decimal, options: ParseAmountOptions): AmountResult {
  const v = options.negate ? value.negated() : value;
  return { ok: true, value: v.isZero() ? new Decimal(0) : v };
}

function blank(options: ParseAmountOptions): AmountResult {
  return options.blank === 'zero' ? { ok: true, value: new Decimal(0) } : { ok: false, reason: 'empty' };
}

function invalid(text: string): AmountResult {
  return { ok: false, reason: `'${text}' is not an amount` };
}

function stripCurrency(s: string): string {
  let prev;
  do {
    prev = s;
    s = s.replace(CURRENCY, '');
  } while (s !== prev && s !== '');
  return s;
}

function normaliseSeparators(s: string, mark: DecimalMark): string | undefined {
  if (mark === '.') return stripGrouping(s, ',', '.');
  if (mark === ',') return stripGrouping(s, '.', ',')?.replace(',', '.');

  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    return lastComma > lastDot ? normaliseSeparators(s, ',') : normaliseSeparators(s, '.');
  }
  if (lastComma >= 0) {
    // A single comma followed by exactly three digits reads as grouping (1,234); otherwise a decimal comma.
    const grouping = /^\d{1,3}(,\d{3})+$/.test(s);
    return grouping ? s.replace(/,/g, '') : normaliseSeparators(s, ',');
  }
  return s;
}

function stripGrouping(s: string, group: string, decimal: string): string | undefined {
  const parts = s.split(decimal);
  if (parts.length > 2) return undefined;
  const [intPart, frac] = parts;
  if (intPart.includes(group) && !new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(intPart)) return undefined;
  const whole = intPart.split(group).join('');
  return frac === undefined ? whole : `${whole}.${frac}`;
}

/** Full-width digits and punctuation (０-９ ， ． － （ ）) to ASCII. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}
