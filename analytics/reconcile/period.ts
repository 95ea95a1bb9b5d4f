/** Checks for the 'YYYY-MM' period and 'YYYY-MM-DD' date parameters of reconciliation commands. */
import { isIsoDate } from '../book/dates';
import { fail } from '../util/error';

/**
 * The period if it is 'YYYY-MM'.
 * @throws AnalyticsError `bad-period`
 */
export function isoPeriod(period: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) fail('bad-period', `Period '${period}' is not YYYY-MM.`);
  return period;
}

/**
 * The date if it is a real 'YYYY-MM-DD' date.
 * @throws AnalyticsError `bad-date`
 */
export function isoDate(date: string, name = 'date'): string {
  if (!isIsoDate(date)) fail('bad-date', `The ${name} '${date}' is not a YYYY-MM-DD date.`);
  return date;
}
