/**
 * Default Settings rows of a new book. Every threshold and tolerance the engine uses is
 * read from Settings with these values as the fallback, so a user can change any of them.
 */
import type { Lang } from './schema';
import type { Row } from './types';

export const DEFAULT_SETTINGS: Record<string, string> = {
  currency: 'CNY',
  locale: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  'reconcile.dateWindowDays': '3',
  'reconcile.maxGroupSize': '4',
  'risk.largeCash': '50000',
  'risk.largeTransferPerson': '500000',
  'risk.largeTransferCompany': '2000000',
  'risk.businessHours': '08:00-20:00',
  'cash.onHandLimit': '20000',
};

/** Settings rows for a new book in `lang`. */
export function defaultSettingRows(lang: Lang): Row[] {
  return Object.entries({ ...DEFAULT_SETTINGS, locale: lang }).map(([Key, Value]) => ({ Key, Value }));
}
