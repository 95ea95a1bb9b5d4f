/**
 * Follow-up reminders: communications still open whose follow-up date has come, oldest
 * first, with how many days they are overdue and the customer they now count under.
 */
import { rowsOf, text } from '../book/book';
import { daysBetween, isIsoDate } from '../book/dates';
import type { Book } from '../book/types';
import { customerMergeMap } from './merge-map';

export interface FollowUpDue {
  id: string;
  /** The customer the communication counts under (the survivor of a merge). */
  customerId: string;
  /** The id the communication was written under, when it differs. */
  recordedFor?: string;
  name: string;
  date: string;
  followUp: string;
  topic: string;
  summary: string;
  /** 0 on the day, positive after. */
  daysOverdue: number;
}

/**
 * Communications whose follow-up is due on or before `asOf`.
 * @example followUpsDue(book, '2024-06-30') // [{ id: 'M0003', followUp: '2024-06-28', daysOverdue: 2, … }]
 */
export function followUpsDue(book: Book, asOf: string): FollowUpDue[] {
  const mergeMap = customerMergeMap(book);
  const names = new Map(rowsOf(book, 'Customers').map((c) => [text(c.CustomerId), text(c.Name)]));
  return rowsOf(book, 'Communications')
    .filter((c) => c.Status !== 'done' && isIsoDate(text(c.FollowUp)) && text(c.FollowUp) <= asOf)
    .map((c) => {
      const recorded = text(c.CustomerId);
      const customerId = mergeMap.survivorOf(recorded);
      return {
        id: text(c.Id),
        customerId,
        recordedFor: recorded === customerId ? undefined : recorded,
        name: names.get(customerId) ?? '',
        date: text(c.Date),
        followUp: text(c.FollowUp),
        topic: text(c.Topic),
        summary: text(c.Summary),
        daysOverdue: daysBetween(text(c.FollowUp), asOf),
      };
    })
    .sort((a, b) => a.followUp.localeCompare(b.followUp) || a.id.localeCompare(b.id));
}
