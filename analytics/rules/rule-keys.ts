/** A condition as comparable text: same field, operator and folded value give the same key. */
import { foldText, type RuleCondition } from './rule-conditions';

export function canonicalCondition(c: RuleCondition): string {
  return JSON.stringify([c.field, c.op === 'is' ? 'equals' : c.op, foldText(c.value), c.to ?? null]);
}
