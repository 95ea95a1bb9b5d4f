/**
 * Learning from the cashier: when accepted proposals for the same counterparty were edited
 * the same way (same field, same new value) at least three times, suggest a rule that does
 * it. The evidence is the AuditLog's accept-proposals rows, so suggestions survive sessions.
 */
import { rowsOf, text } from '../book/book';
import type { Book, Row } from '../book/types';
import { foldText } from './rule-conditions';
import { parseRules } from './parse-rules';

export interface RuleSuggestion {
  counterparty: string;
  field: string;
  value: string;
  /** How many times the cashier made this edit. */
  times: number;
  /** A Rules row ready to dry-run or save. */
  rule: Row;
}

/**
 * Suggest rules from repeated edits.
 * @param minTimes edits needed before a suggestion. @default 3
 */
export function suggestRules(book: Book, minTimes = 3): RuleSuggestion[] {
  const counts = new Map<string, { counterparty: string; field: string; value: string; times: number }>();
  for (const row of rowsOf(book, 'AuditLog')) {
    if (row.Action !== 'accept-proposals') continue;
    const detail = safeJson(text(row.Detail)) as { accepted?: { counterparty?: string; edits?: Record<string, string> }[] };
    for (const a of detail.accepted ?? []) {
      const counterparty = (a.counterparty ?? '').trim();
      if (!counterparty) continue;
      for (const [field, value] of Object.entries(a.edits ?? {})) {
        const key = JSON.stringify([foldText(counterparty), field, value]);
        const c = counts.get(key) ?? { counterparty, field, value, times: 0 };
        c.times++;
        counts.set(key, c);
      }
    }
  }

  // Leave out what an existing rule already does for that counterparty.
  const rules = parseRules(rowsOf(book, 'Rules')).rules;
  const covered = (cp: string, field: string, value: string) =>
    rules.some((r) => r.enabled && (r.actions as Record<string, string>)[field] === value && r.conditions.some((c) => c.field === 'counterparty' && foldText(cp).includes(foldText(c.value))));
  const maxOrder = Math.max(0, ...rules.map((r) => r.order));

  return [...counts.values()]
    .filter((c) => c.times >= minTimes && !covered(c.counterparty, c.field, c.value))
    .sort((a, b) => b.times - a.times)
    .map((c, i) => ({
      ...c,
      rule: { RuleId: `SUGGEST-${i + 1}`, Order: maxOrder + 10 * (i + 1), Enabled: true, Conditions: JSON.stringify([{ field: 'counterparty', op: 'equals', value: c.counterparty }]), [c.field]: c.value },
    }));
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    // A detail that is not JSON records no edits; verify reports tampered audit rows.
    return {};
  }
}
