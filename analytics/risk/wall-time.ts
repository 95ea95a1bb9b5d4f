/**
 * Wall-clock date and minute of a row in the book's time zone, by string arithmetic only.
 * Plain 'YYYY-MM-DD HH:mm[:ss]' text is already a wall time in the book's zone and is read
 * as written. Only text with an explicit offset ('Z', '+08:00') names an instant; it is
 * converted with Intl in the book's zone, never with the host's getHours/getDay. A date
 * without a time gives minute -1 ("time unknown").
 */

export interface WallTime {
  /** 'YYYY-MM-DD' in the book's zone. */
  date: string;
  /** Minutes after midnight, or -1 when the row has no time of day. */
  minute: number;
}

const LOCAL = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/;
const WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})$/i;
const TIME_ONLY = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Read a row's date and time of day.
 * @param dateCell the Date cell ('YYYY-MM-DD', a local datetime, or an ISO instant with offset)
 * @param timeCell an optional Time cell ('HH:mm[:ss]', a datetime, or a fraction of a day)
 * @param timeZone the book's IANA zone
 * @returns the wall time, or undefined when the date cannot be read
 * @example wallTimeOf('2024-06-03T14:30:00Z', null, 'Asia/Shanghai') // { date: '2024-06-03', minute: 1350 }
 */
export function wallTimeOf(
  dateCell: unknown,
  timeCell: unknown,
  timeZone: string,
): WallTime | undefined {
  const date = String(dateCell ?? '').trim();
  const time = typeof timeCell === 'number' ? timeCell : String(timeCell ?? '').trim();

  // Step 1: an instant with an offset, in either cell
  if (WITH_OFFSET.test(date)) return instantInZone(date, timeZone);
  if (typeof time === 'string' && WITH_OFFSET.test(time)) return instantInZone(time, timeZone);

  // Step 2: local wall time in the date cell
  const m = LOCAL.exec(date);
  if (!m) return undefined;
  if (m[2] !== undefined) return { date: m[1], minute: Number(m[2]) * 60 + Number(m[3]) };

  // Step 3: a separate time cell (text or Excel's fraction of a day)
  if (typeof time === 'number') {
    return time >= 0 && time < 1
      ? { date: m[1], minute: Math.floor(time * 1440 + 1e-6) }
      : { date: m[1], minute: -1 };
  }
  const t = TIME_ONLY.exec(time);
  if (t) return { date: m[1], minute: Number(t[1]) * 60 + Number(t[2]) };
  const dt = LOCAL.exec(time);
  if (dt && dt[2] !== undefined) return { date: m[1], minute: Number(dt[2]) * 60 + Number(dt[3]) };
  return { date: m[1], minute: -1 };
}

function instantInZone(text: string, timeZone: string): WallTime | undefined {
  const ms = Date.parse(text.replace(' ', 'T').replace(/\s+/g, ''));
  if (!Number.isFinite(ms)) return undefined;
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(ms))) parts[p.type] = p.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}
