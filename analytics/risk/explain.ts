/**
 * Small pieces every explanation uses: amounts in fen shown as yuan with grouping, and
 * the weekday name in each language.
 */
import { fromMinorUnits } from '../money/minor-units';
import { formatAmount } from '../money/format-amount';

/** Fen (possibly half a fen, from a median) as '1,234.56'. */
export function yuan(fen: number): string {
  return formatAmount(fromMinorUnits(Math.round(fen)));
}

/** Whole yuan of a threshold setting, e.g. 50000 → '50,000.00'. */
export function yuanOfSetting(value: number): string {
  return formatAmount(String(value));
}

const ZH_WEEKDAY = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];
const EN_WEEKDAY = [
  '',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

/** Weekday names for ISO weekday 1..7. */
export function weekdayName(isoWeekday: number): { zh: string; en: string } {
  return { zh: ZH_WEEKDAY[isoWeekday], en: EN_WEEKDAY[isoWeekday] };
}

/** 'HH:mm' of minutes after midnight. */
export function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
