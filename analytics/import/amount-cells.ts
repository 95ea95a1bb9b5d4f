/**
 * Amount cells to canonical text, fast. Most statement amounts are plain (`-18.50`,
 * `1234`); those are rewritten with string operations and summed as integer fen. Anything
 * else (grouping, decimal comma, parentheses, currency signs, CR/DR) goes through the one
 * conversion point, parseAmount.
 */
import { Decimal, parseAmount, toMinorUnits, fromMinorUnits } from '../money';
import { canonicalAmount } from '../book/coerce-cell';

const PLAIN = /^([+-]?)(\d+)(?:\.(\d{1,2}))?$/;

/**
 * One amount cell as canonical text ('-1200.00'), or undefined when it is not an amount.
 * @param raw the cell text (or a number read from a workbook)
 * @param mark the column's decimal mark
 */
export function amountCellText(raw: string | number, mark: '.' | ','): string | undefined {
  if (typeof raw === 'string' && mark === '.') {
    const m = PLAIN.exec(raw);
    if (m) {
      const whole = m[2].replace(/^0+(?=\d)/, '');
      const frac = (m[3] ?? '').padEnd(2, '0');
      const zero = /^0+$/.test(whole) && /^0+$/.test(frac);
      return `${m[1] === '-' && !zero ? '-' : ''}${whole}.${frac}`;
    }
  }
  const r = parseAmount(raw, { decimalMark: mark });
  return r.ok ? canonicalAmount(r.value) : undefined;
}

/** Negate canonical amount text. */
export function negateAmount(text: string): string {
  if (/^-/.test(text)) return text.slice(1);
  return /[1-9]/.test(text) ? `-${text}` : text;
}

/** Absolute value of canonical amount text. */
export function absAmount(text: string): string {
  return text.startsWith('-') ? text.slice(1) : text;
}

/** a − b for canonical amount texts. */
export function subtractAmounts(a: string, b: string): string {
  const fa = toMinorUnits(a);
  const fb = toMinorUnits(b);
  if (Number.isSafeInteger(fa) && Number.isSafeInteger(fb)) return fromMinorUnits(fa - fb);
  return canonicalAmount(new Decimal(a).minus(b));
}

/**
 * Sum canonical amount texts exactly: integer fen while every amount has at most two
 * decimals, Decimal otherwise.
 */
export function sumAmountTexts(texts: readonly string[]): string {
  let fen = 0;
  for (const t of texts) {
    const f = toMinorUnits(t);
    if (!Number.isSafeInteger(f))
      return canonicalAmount(texts.reduce((acc, x) => acc.plus(x), new Decimal(0)));
    fen += f;
  }
  return fromMinorUnits(fen);
}
