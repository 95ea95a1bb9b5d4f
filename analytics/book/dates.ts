/**
 * Calendar dates as plain 'YYYY-MM-DD' text and Excel serial numbers. All arithmetic is on
 * UTC midnights, so no host time zone can shift a date by a day.
 */

const MS_PER_DAY = 86_400_000;
// Serial 0 is 1899-12-30 in the 1900 system (Excel's phantom 1900-02-29 is before any real book).
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** Excel serial (integer part) to 'YYYY-MM-DD'. */
export function serialToDate(serial: number, date1904 = false): string {
  const ms = (date1904 ? EPOCH_1904 : EPOCH_1900) + Math.floor(serial + 1e-9) * MS_PER_DAY;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Excel serial to 'YYYY-MM-DD HH:mm:ss', rounding to the second. */
export function serialToDateTime(serial: number, date1904 = false): string {
  const base = date1904 ? EPOCH_1904 : EPOCH_1900;
  const ms = base + Math.round(serial * 86400) * 1000;
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** 'YYYY-MM-DD' (or with a time) to an Excel serial. */
export function dateToSerial(date: string, date1904 = false): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(date);
  if (!m) return NaN;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  return (ms - (date1904 ? EPOCH_1904 : EPOCH_1900)) / MS_PER_DAY;
}

/** True for a real calendar date in 'YYYY-MM-DD'. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** Days from a to b (b − a) for 'YYYY-MM-DD' dates. */
export function daysBetween(a: string, b: string): number {
  return Math.round((dateToSerial(b) - dateToSerial(a)));
}

/** Add days to a 'YYYY-MM-DD' date. */
export function addDays(date: string, days: number): string {
  return serialToDate(dateToSerial(date) + days);
}

/** 'YYYY-MM' of a date. */
export function periodOf(date: string): string {
  return date.slice(0, 7);
}

/** First and last day of a 'YYYY-MM' period. */
export function periodBounds(period: string): { first: string; last: string } {
  const [y, m] = period.split('-').map(Number);
  const first = `${period}-01`;
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { first, last };
}

/** ISO weekday 1 (Mon) … 7 (Sun) of a calendar date, independent of any time zone. */
export function weekdayOf(date: string): number {
  const d = new Date(dateToSerial(date.slice(0, 10)) * MS_PER_DAY + EPOCH_1900).getUTCDay();
  return d === 0 ? 7 : d;
}

/**
 * A JS Date (an instant) as wall-clock 'YYYY-MM-DD HH:mm:ss' in `timeZone`.
 * Used only for "now" and for instants with an explicit offset, never for plain dates.
 */
export function formatInZone(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/**
 * Days since 1970-01-01 of a date written 'YYYY-MM-DD' (anything after the tenth character
 * is not read), computed from its digits: no Date object, no time zone.
 * @returns the day number, or NaN when the text is not a calendar date
 * @example dayNumber('1970-01-02') // 1
 */
export function dayNumber(date: string): number {
  if (date.length < 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return NaN;
  const y0 = digits(date, 0, 4);
  const m = digits(date, 5, 7);
  const d = digits(date, 8, 10);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y0, m))) return NaN;
  // Civil-to-days over 400-year eras, with March as the first month of the year.
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** 'YYYY-MM-DD' of a day number, the inverse of {@link dayNumber} (years 0000–9999). */
export function dayText(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return String(y).padStart(4, '0') + '-' + (m < 10 ? '0' : '') + m + '-' + (d < 10 ? '0' : '') + d;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// The number the digits s[from … to) write; NaN when one is not a digit.
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}
