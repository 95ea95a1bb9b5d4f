/**
 * Parse a calendar date (optionally with a time of day) as statements write it:
 * 2026-11-03, 2026/11/3, 2026.11.03, 03.11.2026, 20261103, 2026年11月3日, 03/11/2026
 * (day-first or month-first as told), with an optional HH:mm[:ss] after it. The result is
 * plain text; no Date object is made, so no time zone can shift it.
 */
import { isIsoDate } from './dates';
import { toHalfWidth } from '../money/parse-amount';

export type DayOrder = 'ymd' | 'dmy' | 'mdy';

export interface ParsedDate {
  /** 'YYYY-MM-DD' */
  date: string;
  /** 'HH:mm:ss' or 'HH:mm' when the input had a time of day; undefined when it had none. */
  time?: string;
}

/**
 * Parse one date.
 * @param input text such as '2026/11/3 9:07'
 * @param order how to read dd/mm/yyyy-like layouts where the year comes last. @default 'dmy'
 * @returns the date, or undefined when the text is not a real date in a known layout
 * @example parseDate('03.11.2026') // { date: '2026-11-03' }
 */
export function parseDate(input: string, order: DayOrder = 'dmy'): ParsedDate | undefined {
  const s = toHalfWidth(input).trim().replace(/\s+/g, ' ');
  const m = /^(.*?)(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?$/.exec(s);
  if (!m) return undefined;
  const date = parseDatePart(m[1].trim(), order);
  if (!date) return undefined;
  if (m[2] === undefined) return { date };
  const [h, min, sec] = [Number(m[2]), Number(m[3]), m[4] === undefined ? undefined : Number(m[4])];
  if (h > 23 || min > 59 || (sec !== undefined && sec > 59)) return undefined;
  const time = `${pad(h)}:${pad(min)}${sec === undefined ? '' : ':' + pad(sec)}`;
  return { date, time };
}

function parseDatePart(s: string, order: DayOrder): string | undefined {
  let y: number, mo: number, d: number;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) [y, mo, d] = [+m[1], +m[2], +m[3]];
  else if ((m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s))) [y, mo, d] = [+m[1], +m[2], +m[3]];
  else if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s))) {
    [y, mo, d] = order === 'mdy' ? [+m[3], +m[1], +m[2]] : [+m[3], +m[2], +m[1]];
  } else return undefined;
  const iso = `${y}-${pad(mo)}-${pad(d)}`;
  return isIsoDate(iso) ? iso : undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
