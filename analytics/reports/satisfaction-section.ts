/** The customer satisfaction summary (analytics/customers) as a report section: average score by month. */
import { satisfactionSummary } from '../customers/satisfaction-summary';
import { t, type Book } from '../book/types';
import type { ReportSection } from './report-section';

/**
 * Satisfaction by month, with the overall average and response times as headline numbers.
 * @param book the book
 * @returns the section, or undefined when the Feedback table has no scores
 */
export function satisfactionSection(book: Book): ReportSection | undefined {
  const s = satisfactionSummary(book);
  if (!s.overall.count) return undefined;
  return {
    id: 'satisfaction',
    title: t('客户满意度', 'Customer satisfaction'),
    output: {
      columns: [
        { key: 'Period', header: t('月份', 'Month'), type: 'text' },
        { key: 'Count', header: t('评分数', 'Scores'), type: 'integer' },
        { key: 'Average', header: t('平均分', 'Average score'), type: 'number' },
      ],
      rows: s.byMonth.map((m) => ({
        Period: m.period,
        Count: m.count,
        Average: m.average === null ? null : Number(m.average),
      })),
      chart: {
        kind: 'line',
        title: t('月度平均满意度', 'Average score by month'),
        category: 'Period',
        series: ['Average'],
      },
      metrics: [
        { key: 'average', label: t('总体平均分', 'Overall average'), value: s.overall.average },
        { key: 'customers', label: t('参与客户', 'Customers'), value: s.overall.customers },
        {
          key: 'responseDays',
          label: t('平均回复天数', 'Average days to answer'),
          value: s.responseDays.average,
        },
        { key: 'unanswered', label: t('未回复', 'Unanswered'), value: s.responseDays.unanswered },
      ],
    },
  };
}

/** Sections every report includes when their data is present. */
export const DEFAULT_SECTIONS = [satisfactionSection];
