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
  'reconcile.maxFee': '50.00',
  'reconcile.fuzzyWindowDays': '15',
  'risk.largeCash': '50000',
  'risk.largeTransferPerson': '500000',
  'risk.largeTransferCompany': '2000000',
  'risk.businessHours': '08:00-20:00',
  'cash.onHandLimit': '20000',
  'cash.allowNegative': 'false',
  'import.maxBytes': '52428800',
  'import.maxRows': '1000000',
  'journal.voucherPrefix': '记',
  // Risk control (analytics/risk). Large-value figures follow PBOC Order 2016 No. 3; see
  // analytics/risk/rules/large-value-thresholds.ts for the citation.
  'risk.largeTransferPersonCrossBorder': '200000',
  'risk.structuringBand': '0.1',
  'risk.structuringWindowDays': '7',
  'risk.structuringMinCount': '2',
  'risk.duplicateWindowDays': '3',
  'risk.roundAmountMin': '10000',
  'risk.roundAmountUnit': '10000',
  'risk.holidays': '',
  'risk.extraWorkdays': '',
  'risk.dormantDays': '180',
  'risk.newCounterpartyAmount': '50000',
  'risk.newCounterpartyDays': '30',
  'risk.outlierZ': '3.5',
  'risk.outlierMinHistory': '10',
  'risk.outlierMinFallbackHistory': '3',
  'risk.outlierRatio': '10',
  'risk.benfordMinCount': '300',
  'cash.settlementLimit': '1000',
  'cash.settlementExemptWords': '工资,薪金,劳务,奖金,津贴,差旅,抚恤,福利,备用金,salary,wage,travel',
  'cash.bankWords': '银行存款,存现,提现,取现,缴存,存入银行,bank',
};

/** Settings rows for a new book in `lang`. */
export function defaultSettingRows(lang: Lang): Row[] {
  return Object.entries({ ...DEFAULT_SETTINGS, locale: lang }).map(([Key, Value]) => ({ Key, Value }));
}
