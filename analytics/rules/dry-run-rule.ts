/**
 * Dry run of a new or changed rule before it is saved: over the statement lines of the
 * last N months, which lines it would decide and how each line's proposed fields change
 * compared with the rules as they stand. Nothing is written.
 */
import { addDays } from '../book/dates';
import { rowsOf, text } from '../book/book';
import type { Book, Row } from '../book/types';
import { t } from '../book/types';
import { fail } from '../util/error';
import { findRule } from './find-rule';
import { parseRules, type BankRule } from './parse-rules';

export interface DryRunChange {
  lineId: string;
  date: string;
  amount: string;
  description: string;
  before: { ruleId?: string } & BankRule['actions'];
  after: { ruleId?: string } & BankRule['actions'];
}

export interface DryRunResult {
  /** Lines looked at (dated within the window). */
  lines: number;
  /** Lines the candidate rule would decide. */
  matched: number;
  changes: DryRunChange[];
}

/**
 * Try a rule without saving it.
 * @param candidate a Rules row (replaces the rule with the same RuleId, if any)
 * @param options months to look back from `asOf` ('YYYY-MM-DD')
 * @throws AnalyticsError `bad-rule` when the candidate does not parse
 */
export function dryRunRule(book: Book, candidate: Row, options: { months: number; asOf: string }): DryRunResult {
  const current = parseRules(rowsOf(book, 'Rules')).rules;
  const others = rowsOf(book, 'Rules').filter((r) => text(r.RuleId) !== text(candidate.RuleId));
  const parsed = parseRules([...others, candidate]);
  // The candidate is the last row parsed; a broken rule elsewhere (even one whose id
  // contains the candidate's) is not the candidate's problem.
  const bad = parsed.problems.find((p) => p.row === others.length + 2);
  if (bad) {
    const detail = bad.text ?? t(bad.message, bad.message);
    fail('bad-rule', t(`试运行的规则无法使用：${detail['zh-CN']}`, detail['en-US']));
  }

  const from = addDays(options.asOf, -Math.round(options.months * 30.44));
  const lines = rowsOf(book, 'Statement').filter((l) => text(l.Date) > from && text(l.Date) <= options.asOf);
  const changes: DryRunChange[] = [];
  let matched = 0;
  for (const line of lines) {
    const before = findRule(current, line);
    const after = findRule(parsed.rules, line);
    if (after?.ruleId === text(candidate.RuleId)) matched++;
    if (before?.ruleId === after?.ruleId && (before === undefined || JSON.stringify(before.actions) === JSON.stringify(after!.actions))) continue;
    changes.push({
      lineId: text(line.LineId),
      date: text(line.Date),
      amount: text(line.Amount),
      description: [text(line.Description), text(line.Counterparty)].filter(Boolean).join(' '),
      before: { ruleId: before?.ruleId, ...before?.actions },
      after: { ruleId: after?.ruleId, ...after?.actions },
    });
  }
  return { lines: lines.length, matched, changes };
}
