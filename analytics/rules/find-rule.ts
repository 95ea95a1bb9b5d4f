/**
 * First-match-wins: the first enabled rule (in order) whose conditions all hold.
 */
import type { Row } from '../book/types';
import { meetsCondition } from './rule-conditions';
import type { BankRule } from './parse-rules';

/** Whether every condition of `rule` holds for the line (enabled or not). */
export function ruleMatches(rule: BankRule, line: Row): boolean {
  return rule.conditions.every((c, i) => meetsCondition(line, c, rule.compiled[i]));
}

/**
 * The rule that decides a line.
 * @returns the first enabled matching rule, or undefined
 */
export function findRule(rules: readonly BankRule[], line: Row): BankRule | undefined {
  return rules.find((r) => r.enabled && ruleMatches(r, line));
}
