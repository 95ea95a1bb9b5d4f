/**
 * Run the risk rules over a book and collect their findings, without touching the
 * Exceptions table. This is the hot path the benchmark times.
 */
import type { Book } from '../book/types';
import { t } from '../book/types';
import { fail } from '../util/error';
import type { Problem } from '../util/problem';
import { prepareRiskInput } from './risk-input';
import { RISK_RULES } from './rules';
import type { AnomalyFinding, RiskRule } from './types';

export interface DetectFindingsOptions {
  /** Rule ids to run. @default every rule */
  rules?: string[];
}

export interface DetectFindingsResult {
  findings: AnomalyFinding[];
  rules: RiskRule[];
  /** Journal rows that could not be read and were skipped. */
  problems: Problem[];
  /** Journal entries scanned. */
  entries: number;
}

/**
 * Detect findings.
 * @throws AnalyticsError `unknown-rule` when options.rules names a rule that does not exist
 * @example detectFindings(book, { rules: ['large-value'] }).findings.length
 */
export function detectFindings(
  book: Book,
  options: DetectFindingsOptions = {},
): DetectFindingsResult {
  const rules = selectRules(options.rules);
  const input = prepareRiskInput(book);
  const findings: AnomalyFinding[] = [];
  for (const rule of rules) for (const f of rule.detect(input)) findings.push(f);
  return { findings, rules, problems: input.journal.problems, entries: input.journal.n };
}

/** The rules named, in registry order; all of them when none are named. */
export function selectRules(ids?: string[]): RiskRule[] {
  if (!ids || ids.length === 0) return RISK_RULES.slice();
  const known = new Set(RISK_RULES.map((r) => r.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length)
    fail(
      'unknown-rule',
      t(
        `未知的风险规则：${unknown.join('、')}。可用的规则：${[...known].join('、')}`,
        `Unknown risk rule(s): ${unknown.join(', ')}. Known: ${[...known].join(', ')}`,
      ),
    );
  return RISK_RULES.filter((r) => ids.includes(r.id));
}
