/** Checks for the 'YYYY-MM' period and 'YYYY-MM-DD' date parameters of reconciliation commands. */
import { isIsoDate } from '../book/dates';
import { t, type Text } from '../book/types';
import { fail } from '../util/error';

/**
 * The period if it is 'YYYY-MM'.
 * @throws AnalyticsError `bad-period`
 */
export function isoPeriod(period: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) fail('bad-period', t(`期间 '${period}' 不是 YYYY-MM 格式。`, `Period '${period}' is not YYYY-MM.`));
  return period;
}

/**
 * The date if it is a real 'YYYY-MM-DD' date.
 * @param name what the date is, for the message
 * @throws AnalyticsError `bad-date`
 */
export function isoDate(date: string, name: Text = t('日期', 'date')): string {
  if (!isIsoDate(date)) fail('bad-date', t(`${name['zh-CN']} '${date}' 不是 YYYY-MM-DD 格式的日期。`, `The ${name['en-US']} '${date}' is not a YYYY-MM-DD date.`));
  return date;
}
