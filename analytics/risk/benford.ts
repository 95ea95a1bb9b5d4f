/**
 * Benford digit tests (first, second, first-two digits) with Nigrini's MAD conformity
 * levels. Digits come from the decimal string of the integer fen amount, never from
 * logarithms (Math.log(1000)/Math.LN10 is 2.9999999999999996), so 0.30 is 30 fen → 3 and
 * 1000.00 → 1. A lone significant digit is padded with 0 for the first-two digits (0.05 →
 * 50). Zero has no significant digit and is excluded. The population for the test is
 * amounts ≥ 10 yuan by absolute value (Nigrini); what was left out is counted (case R1).
 * Expected proportions: first P(d) = log10(1 + 1/d); first-two P(dd) = log10(1 + 1/dd);
 * second P(d) = Σ_{k=1..9} log10(1 + 1/(10k + d)) (case R2).
 */

export type DigitTest = 'first' | 'second' | 'first-two';
export type Conformity = 'close' | 'acceptable' | 'marginal' | 'nonconformity';

/** Nigrini (2012), Table 7.1: MAD upper bounds for close, acceptable, marginal conformity. */
export const MAD_LEVELS: Record<DigitTest, [number, number, number]> = {
  first: [0.006, 0.012, 0.015],
  second: [0.008, 0.01, 0.012],
  'first-two': [0.0012, 0.0018, 0.0022],
};

export interface LeadingDigits {
  first: number;
  second: number;
  firstTwo: number;
}

/**
 * Leading digits of an amount in fen (sign ignored).
 * @returns the digits, or undefined for zero or a non-integer
 * @example leadingDigits(30) // { first: 3, second: 0, firstTwo: 30 }
 */
export function leadingDigits(fen: number): LeadingDigits | undefined {
  if (!Number.isSafeInteger(fen) || fen === 0) return undefined;
  const s = String(Math.abs(fen));
  const first = s.charCodeAt(0) - 48;
  const second = s.length > 1 ? s.charCodeAt(1) - 48 : 0;
  return { first, second, firstTwo: first * 10 + second };
}

/** The digit values a test counts: 1–9, 0–9 or 10–99. */
export function digitsOf(test: DigitTest): number[] {
  const [lo, hi] = test === 'first' ? [1, 9] : test === 'second' ? [0, 9] : [10, 99];
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

/**
 * Benford's expected proportion of a digit value under a test.
 * @example expectedProportion('second', 0) // 0.11967926…
 */
export function expectedProportion(test: DigitTest, digit: number): number {
  if (test !== 'second') return Math.log10(1 + 1 / digit);
  let p = 0;
  for (let k = 1; k <= 9; k++) p += Math.log10(1 + 1 / (10 * k + digit));
  return p;
}

export interface BenfordPopulation {
  /** Absolute amounts in fen that enter the test. */
  amounts: number[];
  /** Left out because below the minimum (but not zero). */
  belowMinimum: number;
  zero: number;
  /** Negative amounts included by absolute value. */
  negatives: number;
}

/**
 * Choose the amounts a Benford test runs on.
 * @param amountsFen signed amounts in fen
 * @param minimumFen smallest absolute amount included. @default 1000 (10 yuan)
 */
export function benfordPopulation(
  amountsFen: ArrayLike<number>,
  minimumFen = 1000,
): BenfordPopulation {
  const out: BenfordPopulation = { amounts: [], belowMinimum: 0, zero: 0, negatives: 0 };
  for (let i = 0; i < amountsFen.length; i++) {
    const a = amountsFen[i];
    if (a === 0) out.zero++;
    else if (Math.abs(a) < minimumFen) out.belowMinimum++;
    else {
      if (a < 0) out.negatives++;
      out.amounts.push(Math.abs(a));
    }
  }
  return out;
}

export interface DigitRow {
  digit: number;
  count: number;
  observed: number;
  expected: number;
  /** Nigrini's z-statistic with continuity correction. */
  z: number;
}

export interface BenfordResult {
  test: DigitTest;
  n: number;
  rows: DigitRow[];
  /** Mean absolute deviation of observed from expected proportions. */
  mad: number;
  chiSquare: number;
  conformity: Conformity;
}

/**
 * Run one digit test over amounts in fen (all are counted; choose them with benfordPopulation).
 * @returns counts, proportions, z per digit, MAD, χ² and the conformity level; with n = 0
 * every proportion and statistic is 0 (callers check n against their minimum first)
 */
export function benfordTest(amountsFen: ArrayLike<number>, test: DigitTest): BenfordResult {
  const firstTwo = new Float64Array(100);
  for (let i = 0; i < amountsFen.length; i++) {
    const d = leadingDigits(amountsFen[i]);
    if (d) firstTwo[d.firstTwo]++;
  }
  return benfordFromFirstTwo(firstTwo, test);
}

/**
 * Run one digit test from counts of first-two digits (index 10–99; a lone digit d counts
 * as d0), the form the scan keeps so three tests share one pass over the amounts.
 */
export function benfordFromFirstTwo(firstTwo: ArrayLike<number>, test: DigitTest): BenfordResult {
  const digits = digitsOf(test);
  const offset = digits[0];
  const counts = new Float64Array(digits.length);
  let n = 0;
  for (let ft = 10; ft <= 99; ft++) {
    const c = firstTwo[ft];
    if (!c) continue;
    counts[(test === 'first' ? Math.floor(ft / 10) : test === 'second' ? ft % 10 : ft) - offset] +=
      c;
    n += c;
  }
  const rows = digits.map((digit, i) =>
    digitRow(digit, counts[i], n, expectedProportion(test, digit)),
  );
  const mad = n ? rows.reduce((s, r) => s + Math.abs(r.observed - r.expected), 0) / rows.length : 0;
  const chiSquare = n
    ? rows.reduce((s, r) => s + (r.count - n * r.expected) ** 2 / (n * r.expected), 0)
    : 0;
  return { test, n, rows, mad, chiSquare, conformity: conformityOf(test, mad) };
}

/** Nigrini's conformity level for a MAD. */
export function conformityOf(test: DigitTest, mad: number): Conformity {
  const [close, acceptable, marginal] = MAD_LEVELS[test];
  return mad <= close
    ? 'close'
    : mad <= acceptable
      ? 'acceptable'
      : mad <= marginal
        ? 'marginal'
        : 'nonconformity';
}

function digitRow(digit: number, count: number, n: number, expected: number): DigitRow {
  if (n === 0) return { digit, count, observed: 0, expected, z: 0 };
  const observed = count / n;
  const diff = Math.abs(observed - expected);
  const correction = 1 / (2 * n);
  const z =
    (diff - (correction < diff ? correction : 0)) / Math.sqrt((expected * (1 - expected)) / n);
  return { digit, count, observed, expected, z };
}
