/**
 * Rule hygiene over the statement lines a book holds: rules that never fire, rules shadowed
 * by an earlier rule (every line they match is already taken, or an earlier rule's
 * conditions are a subset of theirs so it always wins), and rules that conflict (they match
 * the same line but would fill a field differently; only the first one acts).
 */
import { rowsOf } from '../book/book';
import type { Book, Row } from '../book/types';
import { ruleMatches } from './find-rule';
import { parseRules, type BankRule } from './parse-rules';
import { canonicalCondition } from './rule-keys';

export interface RuleHygiene {
  neverFires: string[];
  shadowed: { ruleId: string; by: string; why: 'subset' | 'data' }[];
  conflicts: { ruleId: string; with: string; field: string; lines: number }[];
  /** Lines looked at. */
  lines: number;
}

/**
 * Check the book's rules against statement lines.
 * @param lines the lines to test against; defaults to the book's whole Statement table
 */
export function checkRuleHygiene(book: Book, lines: Row[] = rowsOf(book, 'Statement')): RuleHygiene {
  const rules = parseRules(rowsOf(book, 'Rules')).rules.filter((r) => r.enabled);
  const hits = rules.map((r) => lines.map((l, i) => (ruleMatches(r, l) ? i : -1)).filter((i) => i >= 0));

  const neverFires = rules.filter((_, k) => hits[k].length === 0).map((r) => r.ruleId);
  const shadowed: RuleHygiene['shadowed'] = [];
  const conflicts: RuleHygiene['conflicts'] = [];
  rules.forEach((rule, k) => {
    // Shadowed: by a more general earlier rule, or in the data by the earlier rules together.
    const general = rules.slice(0, k).find((e) => isSubset(e, rule));
    if (general) shadowed.push({ ruleId: rule.ruleId, by: general.ruleId, why: 'subset' });
    else if (hits[k].length > 0) {
      const taken = new Set(hits.slice(0, k).flat());
      if (hits[k].every((i) => taken.has(i))) {
        const by = rules.slice(0, k).find((_, e) => hits[e].some((i) => hits[k].includes(i)))!;
        shadowed.push({ ruleId: rule.ruleId, by: by.ruleId, why: 'data' });
      }
    }
    // Conflicts with earlier rules on shared lines.
    for (let e = 0; e < k; e++) {
      const shared = hits[k].filter((i) => hits[e].includes(i)).length;
      if (!shared) continue;
      for (const [field, v] of Object.entries(rule.actions)) {
        const other = rules[e].actions[field as keyof BankRule['actions']];
        if (other !== undefined && other !== v) conflicts.push({ ruleId: rule.ruleId, with: rules[e].ruleId, field, lines: shared });
      }
    }
  });
  return { neverFires, shadowed, conflicts, lines: lines.length };
}

function isSubset(earlier: BankRule, later: BankRule): boolean {
  const mine = new Set(later.conditions.map(canonicalCondition));
  return earlier.conditions.every((c) => mine.has(canonicalCondition(c)));
}
