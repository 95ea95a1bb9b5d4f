/**
 * Recognise which archived customer a statement line is from or to. First an exact bank
 * account match (digits only), then the normalised name: full-width folded to half-width,
 * brackets unified, spaces removed, case folded. Legal forms are NOT folded together:
 * 有限公司 and 有限责任公司 are different companies. Several customers with the same key
 * give no match, since a guess would post to the wrong customer.
 */
import type { Row } from '../book/types';

export interface CustomerMatch {
  customerId: string;
  /** How it was recognised. */
  by: 'account' | 'name';
}

/** Key of a company or person name for equality. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[【\[{]/g, '(')
    .replace(/[】\]}]/g, ')')
    .toLowerCase();
}

/** Digits of an account number ('6214 **** 0001' keeps its masked stars out). */
export function accountDigits(text: string): string {
  return text.replace(/[^0-9*]/g, '');
}

/** An index of the archive for fast look-ups over many lines. */
export interface CustomerIndex {
  byAccount: Map<string, string[]>;
  byName: Map<string, string[]>;
}

/** Build the look-up index from Customers rows (merged and inactive customers are left out). */
export function indexCustomers(customers: Row[]): CustomerIndex {
  const byAccount = new Map<string, string[]>();
  const byName = new Map<string, string[]>();
  const add = (m: Map<string, string[]>, k: string, id: string) => {
    if (k) m.set(k, [...(m.get(k) ?? []), id]);
  };
  for (const c of customers) {
    if (c.Status === 'merged' || c.Status === 'inactive') continue;
    const id = String(c.CustomerId);
    const acct = accountDigits(String(c.BankAccount ?? ''));
    if (acct.length >= 6 && !acct.includes('*')) add(byAccount, acct, id);
    add(byName, normaliseName(String(c.Name ?? '')), id);
  }
  return { byAccount, byName };
}

/**
 * Recognise the customer of one statement line.
 * @returns the customer and how, or undefined when there is no single confident match
 * @example recognizeCustomer(index, { Counterparty: '测试科技（北京）有限公司' }) // { customerId: 'C001', by: 'name' }
 */
export function recognizeCustomer(index: CustomerIndex, line: Row): CustomerMatch | undefined {
  const counterparty = String(line.Counterparty ?? '');
  // Some banks glue the payer's account number to the name ('某公司1111111111').
  const glued = /^(.*?)(\d{6,})$/.exec(counterparty.trim());
  const accounts = [accountDigits(String(line.CounterpartyAccount ?? '')), glued ? glued[2] : ''].filter((a) => a.length >= 6 && !a.includes('*'));
  for (const a of accounts) {
    const ids = index.byAccount.get(a);
    if (ids && ids.length === 1) return { customerId: ids[0], by: 'account' };
  }
  for (const name of [counterparty, glued ? glued[1] : ''].filter(Boolean)) {
    const ids = index.byName.get(normaliseName(name));
    if (ids && new Set(ids).size === 1) return { customerId: ids[0], by: 'name' };
  }
  return undefined;
}
