/**
 * Proposals, not silent posting: each statement line with no journal entry becomes a
 * proposed entry. Its fields come from the first matching bank rule, then from the
 * recognised customer, then from the line itself, and every field says where it came from,
 * so the cashier can see why before accepting.
 */
import { rowsOf, text } from '../book/book';
import type { Book, Row, Text } from '../book/types';
import { t } from '../book/types';
import { toMinorUnits, fromMinorUnits } from '../money/minor-units';
import type { Problem } from '../util/problem';
import { findRule } from './find-rule';
import { parseRules } from './parse-rules';
import { indexCustomers, recognizeCustomer } from './recognize-customer';
import { unmatchedLines } from './unmatched-lines';

export type ProposalField = 'Summary' | 'CounterAccount' | 'CustomerId' | 'Method' | 'Reference';

export interface ProposedValue {
  value: string;
  /** 'rule:<RuleId>', 'customer:account', 'customer:name' or 'statement'. */
  from: string;
}

export interface Proposal {
  lineId: string;
  accountId: string;
  date: string;
  /** Canonical amount text; positive for money in. */
  amount: string;
  counterparty: string;
  description: string;
  fields: Partial<Record<ProposalField, ProposedValue>>;
  /** Rule that decided the line, if any. */
  ruleId?: string;
  /** True when no rule and no customer match filled the counter account: needs the cashier. */
  needsReview: boolean;
}

export interface ProposeEntriesParams {
  accountId: string;
  /** 'YYYY-MM'; every period when absent. */
  period?: string;
}

/**
 * Propose journal entries for the account's unbooked statement lines.
 * @returns proposals in statement order and problems with the Rules table
 */
export function proposeEntries(book: Book, params: ProposeEntriesParams): { proposals: Proposal[]; problems: Problem[] } {
  const { rules, problems } = parseRules(rowsOf(book, 'Rules'));
  const index = indexCustomers(rowsOf(book, 'Customers'));
  const proposals = unmatchedLines(book, params.accountId, params.period).map((line) => proposeOne(line, rules, index));
  return { proposals, problems };
}

function proposeOne(line: Row, rules: ReturnType<typeof parseRules>['rules'], index: ReturnType<typeof indexCustomers>): Proposal {
  const fields: Proposal['fields'] = {};
  const rule = findRule(rules, line);

  // Step 1: the rule's actions win
  if (rule) {
    for (const [k, v] of Object.entries(rule.actions)) fields[k as ProposalField] = { value: v, from: `rule:${rule.ruleId}` };
  }

  // Step 2: the customer recognised from the counterparty
  if (!fields.CustomerId) {
    const m = recognizeCustomer(index, line);
    if (m) fields.CustomerId = { value: m.customerId, from: `customer:${m.by}` };
  }

  // Step 3: what the line itself says
  const description = text(line.Description);
  const counterparty = text(line.Counterparty);
  if (!fields.Summary) fields.Summary = { value: [description, counterparty].filter(Boolean).join(' ') || text(line.Reference), from: 'statement' };
  if (!fields.Method && text(line.Method)) fields.Method = { value: text(line.Method), from: 'statement' };
  if (text(line.Reference)) fields.Reference = { value: text(line.Reference), from: 'statement' };

  return {
    lineId: text(line.LineId),
    accountId: text(line.AccountId),
    date: text(line.Date),
    amount: fromMinorUnits(toMinorUnits(text(line.Amount))),
    counterparty,
    description,
    fields,
    ruleId: rule?.ruleId,
    needsReview: !fields.CounterAccount,
  };
}

/** One line describing a proposal for logs and the CLI. */
export function describeProposal(p: Proposal): Text {
  const src = p.ruleId ? `rule ${p.ruleId}` : p.fields.CustomerId ? `customer ${p.fields.CustomerId.value}` : 'statement';
  const zhSrc = p.ruleId ? `规则 ${p.ruleId}` : p.fields.CustomerId ? `客户 ${p.fields.CustomerId.value}` : '对账单';
  return t(
    `${p.date} ${p.amount} ${p.fields.Summary?.value ?? ''} → ${p.fields.CounterAccount?.value ?? '(待定对方科目)'}（来自${zhSrc}）`,
    `${p.date} ${p.amount} ${p.fields.Summary?.value ?? ''} → ${p.fields.CounterAccount?.value ?? '(counter account to choose)'} (from ${src})`,
  );
}
