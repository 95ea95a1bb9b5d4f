/**
 * Build the input every rule reads: the journal as columns, shared orders and settings
 * read from the Settings table with DEFAULT_SETTINGS as the fallback.
 */
import { settingsOf } from '../book/book';
import { DEFAULT_SETTINGS } from '../book/default-settings';
import type { Book } from '../book/types';
import { t } from '../book/types';
import { fail } from '../util/error';
import { readJournalColumns } from './journal-columns';
import { rowOrders } from './row-orders';
import type { RiskInput } from './types';

/**
 * Prepare a book for the rules.
 * @throws AnalyticsError `unknown-setting` when a rule asks for a key with no default
 */
export function prepareRiskInput(book: Book): RiskInput {
  const journal = readJournalColumns(book);
  const settings = settingsOf(book);
  const textSetting = (key: string): string => {
    const v = settings.get(key);
    if (v !== undefined && v.trim() !== '') return v.trim();
    const fallback = DEFAULT_SETTINGS[key];
    if (fallback === undefined)
      fail(
        'unknown-setting',
        t(`风险设置 '${key}' 没有默认值`, `Risk setting '${key}' has no default`),
      );
    return fallback;
  };
  const numberSetting = (key: string): number => {
    const n = Number(textSetting(key));
    return Number.isFinite(n) ? n : Number(DEFAULT_SETTINGS[key]);
  };
  return { book, journal, orders: rowOrders(journal), number: numberSetting, text: textSetting };
}

/** A comma-separated setting as a list of trimmed, non-empty words. */
export function listSetting(input: RiskInput, key: string): string[] {
  return input
    .text(key)
    .split(/[,，;；]/)
    .map((w) => w.trim())
    .filter(Boolean);
}
