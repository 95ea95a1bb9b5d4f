/**
 * Weekend and off-hours entries. Times are wall times in the book's zone, read by string
 * arithmetic (wall-time.ts); the weekday comes from the calendar date (weekdayOf), so no
 * host time zone can move a row to another day or hour (case R4).
 * - weekend: the date is a Saturday, Sunday or a `risk.holidays` date, and not a
 *   `risk.extraWorkdays` date (调休). Date-only rows are judged by their date.
 * - off-hours: a business day, with a time of day outside `risk.businessHours`. A row
 *   without a time is "time unknown" and never off-hours.
 * Journal entries and statement lines (Date + Time) are both read.
 */
import { rowsOf, text } from '../../book/book';
import { weekdayOf } from '../../book/dates';
import { t } from '../../book/types';
import { clock, weekdayName, yuan } from '../explain';
import { fenOf } from '../journal-columns';
import { listSetting } from '../risk-input';
import type { AnomalyFinding, RiskInput, RiskRule } from '../types';
import { wallTimeOf } from '../wall-time';

interface TimedRow {
  id: string;
  source: 'journal' | 'statement';
  date: string;
  minute: number;
  customerId: string;
  amountFen: number;
}

export const weekendRule: RiskRule = {
  id: 'weekend',
  title: t('非工作日交易', 'Weekend or holiday entry'),
  settings: ['risk.holidays', 'risk.extraWorkdays', 'risk.businessHours'],
  detect: (input) => detectTiming(input).filter((f) => f.rule === 'weekend'),
};

export const offHoursRule: RiskRule = {
  id: 'off-hours',
  title: t('非营业时间交易', 'Off-hours entry'),
  settings: ['risk.businessHours', 'risk.holidays', 'risk.extraWorkdays'],
  detect: (input) => detectTiming(input).filter((f) => f.rule === 'off-hours'),
};

/** Business hours 'HH:mm-HH:mm' as minutes [start, end]. */
export function parseBusinessHours(value: string): [number, number] {
  const m = /^\s*(\d{1,2}):(\d{2})\s*[-–~至]\s*(\d{1,2}):(\d{2})\s*$/.exec(value);
  return m ? [+m[1] * 60 + +m[2], +m[3] * 60 + +m[4]] : [8 * 60, 20 * 60];
}

const memo = new WeakMap<RiskInput, AnomalyFinding[]>();

function detectTiming(input: RiskInput): AnomalyFinding[] {
  const cached = memo.get(input);
  if (cached) return cached;
  const [start, end] = parseBusinessHours(input.text('risk.businessHours'));
  const holidays = new Set(listSetting(input, 'risk.holidays'));
  const workdays = new Set(listSetting(input, 'risk.extraWorkdays'));
  const weekdayCache = new Map<string, number>();
  const out: AnomalyFinding[] = [];

  const judge = (row: TimedRow) => {
    let weekday = weekdayCache.get(row.date);
    if (weekday === undefined) weekdayCache.set(row.date, (weekday = weekdayOf(row.date)));
    const restDay = !workdays.has(row.date) && (weekday >= 6 || holidays.has(row.date));
    const outside = row.minute >= 0 && (row.minute < start || row.minute > end);
    if (restDay) out.push(finding(row, 'weekend', weekday, outside));
    else if (outside) out.push(finding(row, 'off-hours', weekday, true));
  };

  // journal: decide per day number first, so ordinary weekday rows cost two comparisons
  const { journal } = input;
  const restByDay = new Map<number, boolean>();
  for (let i = 0; i < journal.n; i++) {
    let rest = restByDay.get(journal.day[i]);
    if (rest === undefined) {
      const date = journal.date(i);
      rest = !workdays.has(date) && (weekdayOf(date) >= 6 || holidays.has(date));
      restByDay.set(journal.day[i], rest);
    }
    const m = journal.minute[i];
    if (!rest && (m < 0 || (m >= start && m <= end))) continue;
    const c = journal.customer[i];
    judge({
      id: journal.entryId(i),
      source: 'journal',
      date: journal.date(i),
      minute: m,
      customerId: c >= 0 ? journal.customerIds[c] : '',
      amountFen: journal.amount[i],
    });
  }
  for (const line of rowsOf(input.book, 'Statement')) {
    const w = wallTimeOf(line.Date, line.Time, input.book.timeZone);
    if (!w) continue;
    const amount = fenOf(line.Amount);
    judge({
      id: text(line.LineId),
      source: 'statement',
      date: w.date,
      minute: w.minute,
      customerId: '',
      amountFen: Number.isNaN(amount) ? 0 : amount,
    });
  }
  memo.set(input, out);
  return out;

  function finding(
    row: TimedRow,
    rule: 'weekend' | 'off-hours',
    weekday: number,
    outside: boolean,
  ): AnomalyFinding {
    const day = weekdayName(weekday);
    const when = row.minute >= 0 ? ` ${clock(row.minute)}` : '';
    const what = row.source === 'journal' ? t('分录', 'Entry') : t('对账单行', 'Statement line');
    const hours = `${clock(start)}–${clock(end)}`;
    const zh =
      rule === 'weekend'
        ? `${what['zh-CN']} ${row.id} 发生在非工作日（${row.date} ${day.zh}${when}${outside ? '，且在营业时间之外' : ''}）。`
        : `${what['zh-CN']} ${row.id} 发生在营业时间 ${hours} 之外（${row.date} ${day.zh}${when}，${input.book.timeZone} 时间）。`;
    const en =
      rule === 'weekend'
        ? `${what['en-US']} ${row.id} is on a rest day (${day.en} ${row.date}${when}${outside ? ', also outside business hours' : ''}).`
        : `${what['en-US']} ${row.id} is outside business hours ${hours} (${day.en} ${row.date}${when}, ${input.book.timeZone} time).`;
    return {
      rule,
      severity: 'low',
      entryIds: [row.id],
      customerId: row.customerId,
      amountFen: row.amountFen,
      date: row.date,
      explanation: t(zh, en),
    };
  }
}
