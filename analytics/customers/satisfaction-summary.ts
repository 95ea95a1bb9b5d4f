/**
 * Customer satisfaction from the Feedback table: the average score (1–5) overall, by month
 * and by category, and how long answers took (days from Date to RespondedOn). Merged
 * customers count under their survivor. Averages are rounded half-up to two decimals.
 */
import { Decimal } from '../money';
import { rowsOf, text } from '../book/book';
import { daysBetween, isIsoDate } from '../book/dates';
import type { Book } from '../book/types';
import { customerMergeMap } from './merge-map';

export interface ScoreGroup {
  count: number;
  /** Two decimals, or null with no scores. */
  average: string | null;
}

export interface SatisfactionSummary {
  overall: ScoreGroup & { customers: number };
  byMonth: (ScoreGroup & { period: string })[];
  byCategory: (ScoreGroup & { category: string; share: string })[];
  responseDays: {
    answered: number;
    unanswered: number;
    average: string | null;
    median: string | null;
    max: number | null;
  };
  /** Rows whose Score is not an integer 1–5 (left out of the averages). */
  badScores: string[];
}

/**
 * Summarise satisfaction.
 * @example satisfactionSummary(book).overall // { count: 12, average: '4.17', customers: 7 }
 */
export function satisfactionSummary(book: Book): SatisfactionSummary {
  const rows = rowsOf(book, 'Feedback');
  const survivorOf = customerMergeMap(book).survivorOf;
  const scores: { period: string; category: string; score: number }[] = [];
  const badScores: string[] = [];
  const customers = new Set<string>();
  const days: number[] = [];
  let unanswered = 0;

  for (const f of rows) {
    const score = Number(text(f.Score));
    if (text(f.Score) === '' || !Number.isInteger(score) || score < 1 || score > 5)
      badScores.push(text(f.Id));
    else
      scores.push({
        period: text(f.Date).slice(0, 7),
        category: text(f.Category) || '其他',
        score,
      });
    customers.add(survivorOf(text(f.CustomerId)));
    const date = text(f.Date);
    const responded = text(f.RespondedOn);
    if (isIsoDate(date) && isIsoDate(responded)) days.push(daysBetween(date, responded));
    else if (text(f.Response) === '' && f.Status !== 'closed') unanswered++;
  }

  const group = (key: 'period' | 'category') => {
    const m = new Map<string, number[]>();
    for (const s of scores) m.set(s[key], (m.get(s[key]) ?? []).concat(s.score));
    // Code-point order, so the same book lists categories the same way on every machine
    return [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  };
  const sorted = days.slice().sort((a, b) => a - b);
  return {
    overall: {
      count: scores.length,
      average: averageScore(scores.map((s) => s.score)),
      customers: customers.size,
    },
    byMonth: group('period').map(([period, s]) => ({
      period,
      count: s.length,
      average: averageScore(s),
    })),
    byCategory: group('category').map(([category, s]) => ({
      category,
      count: s.length,
      average: averageScore(s),
      share: new Decimal(s.length).div(scores.length).times(100).toFixed(1),
    })),
    responseDays: {
      answered: days.length,
      unanswered,
      average: days.length
        ? new Decimal(days.reduce((a, b) => a + b, 0)).div(days.length).toFixed(1)
        : null,
      median: sorted.length ? median(sorted) : null,
      max: sorted.length ? sorted[sorted.length - 1] : null,
    },
    badScores,
  };
}

/** Mean of integer scores to two decimals (half-up), or null for none. */
export function averageScore(scores: number[]): string | null {
  if (scores.length === 0) return null;
  return new Decimal(scores.reduce((a, b) => a + b, 0)).div(scores.length).toFixed(2);
}

function median(sorted: number[]): string {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[mid].toFixed(1)
    : new Decimal(sorted[mid - 1] + sorted[mid]).div(2).toFixed(1);
}
