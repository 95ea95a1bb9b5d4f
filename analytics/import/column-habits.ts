/**
 * Decisions taken once per column, never per cell: which character is the decimal mark
 * of an amount column, and whether a date column writes day or month first. A value such
 * as `-3.000` or `01/02/2024` is ambiguous on its own; the other rows of the column
 * decide, and when none can, the caller's choice (or a stated default) applies and the
 * user is told.
 */
import type { DayOrder } from '../book/parse-date';

const PLAIN_DOT = /^[-+]?\d*\.\d{1,2}$/;

export type MarkDecision = { mark: '.' | ','; basis: 'evidence' | 'default' | 'conflict' };
export type OrderDecision = {
  order: DayOrder;
  basis: 'evidence' | 'default' | 'conflict' | 'not-needed';
};

/**
 * Decide the decimal mark of a column from all its values.
 * @param values the column's cell texts
 * @param fallback mark used when every value is ambiguous
 * @example detectDecimalMark(['-3.000', '1.234,56', '-0,50']) // { mark: ',', basis: 'evidence' }
 */
export function detectDecimalMark(
  values: Iterable<string>,
  fallback: '.' | ',' = '.',
): MarkDecision {
  let dot = 0;
  let comma = 0;
  for (const raw of values) {
    // Most cells are plain (-18.50): one cheap test settles them
    if (PLAIN_DOT.test(raw)) {
      dot++;
      continue;
    }
    const s = raw.replace(/[^\d.,]/g, '');
    const lastDot = s.lastIndexOf('.');
    const lastComma = s.lastIndexOf(',');
    if (lastDot >= 0 && lastComma >= 0) {
      if (lastDot > lastComma) dot++;
      else comma++;
    } else if (lastComma >= 0) {
      if (!/^\d{1,3}(,\d{3})+$/.test(s)) comma++;
    } else if (lastDot >= 0) {
      if (!/^\d{1,3}(\.\d{3})+$/.test(s)) dot++;
    }
  }
  if (dot && comma) return { mark: dot >= comma ? '.' : ',', basis: 'conflict' };
  if (dot) return { mark: '.', basis: 'evidence' };
  if (comma) return { mark: ',', basis: 'evidence' };
  return { mark: fallback, basis: 'default' };
}

/**
 * Decide whether `nn/nn/yyyy` dates in a column are day-first or month-first.
 * @param values the column's cell texts
 * @param fallback order used when no value has a part above 12
 * @example detectDayOrder(['01/02/2024', '13/02/2024']) // { order: 'dmy', basis: 'evidence' }
 */
export function detectDayOrder(
  values: Iterable<string>,
  fallback: DayOrder = 'dmy',
): OrderDecision {
  let seen = false;
  let dayFirst = false;
  let monthFirst = false;
  for (const v of values) {
    const m = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})/.exec(v);
    if (!m) continue;
    seen = true;
    // 03.11.2026 is day-first by convention: no region writes month-first with dots
    if (Number(m[1]) > 12 || v.includes('.')) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
  }
  if (!seen) return { order: fallback, basis: 'not-needed' };
  if (dayFirst && monthFirst) return { order: fallback, basis: 'conflict' };
  if (dayFirst) return { order: 'dmy', basis: 'evidence' };
  if (monthFirst) return { order: 'mdy', basis: 'evidence' };
  return { order: fallback, basis: 'default' };
}
