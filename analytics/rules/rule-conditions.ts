/**
 * Conditions of a bank rule and how a statement line is tested against them. A rule's
 * conditions all have to hold (AND). Text is compared after NFKC folding (全角 → 半角) and
 * case folding, so 'ＡＢＣ' contains 'abc'; amounts are compared in integer fen.
 */
import { toMinorUnits } from '../money/minor-units';
import type { Row } from '../book/types';

export const RULE_FIELDS = ['description', 'counterparty', 'counterpartyAccount', 'amount', 'sign', 'method', 'account'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

export const RULE_OPS = ['contains', 'equals', 'regex', 'between', 'is'] as const;
export type RuleOp = (typeof RULE_OPS)[number];

export interface RuleCondition {
  field: RuleField;
  op: RuleOp;
  /** Text, a regex source, an amount ('1000.00'), or for `sign`: 'in' | 'out'. */
  value: string;
  /** Upper bound for `between`. */
  to?: string;
}

/** Statement column each rule field reads. */
const FIELD_COLUMN: Record<Exclude<RuleField, 'sign'>, string> = {
  description: 'Description',
  counterparty: 'Counterparty',
  counterpartyAccount: 'CounterpartyAccount',
  amount: 'Amount',
  method: 'Method',
  account: 'AccountId',
};

/** Fold text for comparison: NFKC (full-width to half-width), lower case, collapsed spaces. */
export function foldText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Whether a statement line meets one condition.
 * @param compiled a regex compiled once per rule for `regex` conditions
 */
export function meetsCondition(line: Row, c: RuleCondition, compiled?: RegExp): boolean {
  if (c.field === 'sign') {
    const fen = toMinorUnits(String(line.Amount ?? ''));
    return c.value === 'in' ? fen > 0 : c.value === 'out' ? fen < 0 : false;
  }
  const raw = line[FIELD_COLUMN[c.field]];
  if (c.field === 'amount') return meetsAmount(String(raw ?? ''), c);
  const text = foldText(raw === null || raw === undefined ? '' : String(raw));
  switch (c.op) {
    case 'contains':
      return text.includes(foldText(c.value));
    case 'equals':
    case 'is':
      return text === foldText(c.value);
    case 'regex':
      return (compiled ?? new RegExp(c.value, 'iu')).test(text);
    default:
      return false;
  }
}

// Amount conditions compare the absolute amount, so a rule reads 'between 0 and 10' for fees
// whichever side of the account they fall on; `sign` says which side.
function meetsAmount(text: string, c: RuleCondition): boolean {
  const fen = Math.abs(toMinorUnits(text));
  if (Number.isNaN(fen)) return false;
  const lo = Math.abs(toMinorUnits(c.value));
  if (c.op === 'between') return fen >= lo && fen <= Math.abs(toMinorUnits(c.to ?? c.value));
  if (c.op === 'equals' || c.op === 'is') return fen === lo;
  return false;
}
