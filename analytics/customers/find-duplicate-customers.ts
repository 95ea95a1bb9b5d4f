/**
 * Possible duplicate customers: the same tax id, the same phone, or a name that is the
 * same once full-width/half-width forms, case, spaces, brackets and separators are
 * normalised ('测试（北京）科技有限公司' = '测试(北京)科技 有限公司'). Words are never
 * dropped or guessed: 有限公司 and 有限责任公司 are different legal forms, so different
 * companies. Merged customers are left out; they are already someone else.
 */
import { rowsOf, text } from '../book/book';
import type { Book, Row } from '../book/types';
import { compareIds } from '../journal/entry-order';
import { validateCreditCode } from './credit-code';
import { validatePhone } from './validate-phone';

export type DuplicateReason = 'tax-id' | 'phone' | 'name';

export interface DuplicateCustomers {
  /** The two customer ids, in archive order. */
  ids: [string, string];
  reasons: DuplicateReason[];
}

/**
 * The name with width, case, spaces, brackets and separators normalised.
 * @example normaliseCustomerName('测试（北京） 科技有限公司') // '测试北京科技有限公司'
 */
export function normaliseCustomerName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s()[\]{}【】〔〕〈〉《》「」『』<>·・.,，、。\-_'"“”‘’]/g, '');
}

/**
 * Find pairs of customers that may be the same.
 * @param book the book whose Customers to compare
 * @param candidate when given, only pairs of this (not yet added) row with the archive
 * @returns pairs with the reasons they match (tax id, phone, name order), each pair once, by id
 * @example findDuplicateCustomers(book) // [{ ids: ['C0001', 'C0009'], reasons: ['phone', 'name'] }]
 */
export function findDuplicateCustomers(book: Book, candidate?: Row): DuplicateCustomers[] {
  const archive = rowsOf(book, 'Customers').filter((c) => c.Status !== 'merged');
  const pairs = new Map<string, DuplicateCustomers>();
  const seen = new Map<string, string[]>();

  const note = (reason: DuplicateReason, key: string, id: string, compareOnly: boolean) => {
    if (key === '') return;
    const k = `${reason}:${key}`;
    for (const other of seen.get(k) ?? []) {
      if (other === id) continue;
      const pairKey = `${other}\u0000${id}`;
      const pair = pairs.get(pairKey) ?? { ids: [other, id] as [string, string], reasons: [] };
      if (!pair.reasons.includes(reason)) pair.reasons.push(reason);
      pairs.set(pairKey, pair);
    }
    if (!compareOnly) seen.set(k, (seen.get(k) ?? []).concat(id));
  };

  // The candidate is compared against the archive only; without one, every row against those before it.
  const keyed = (row: Row) =>
    [
      ['tax-id', taxKey(row.TaxId)],
      ['phone', phoneKey(row.Phone)],
      ['name', normaliseCustomerName(text(row.Name))],
    ] as [DuplicateReason, string][];
  for (const row of archive) {
    const id = text(row.CustomerId);
    for (const [reason, key] of keyed(row)) note(reason, key, id, false);
  }
  if (candidate) {
    pairs.clear();
    const id = text(candidate.CustomerId) || '(new)';
    for (const [reason, key] of keyed(candidate)) note(reason, key, id, true);
  }
  return [...pairs.values()].sort(
    (a, b) => compareIds(a.ids[0], b.ids[0]) || compareIds(a.ids[1], b.ids[1]),
  );
}

function taxKey(v: unknown): string {
  const s = text(v).trim();
  if (s === '') return '';
  const check = validateCreditCode(s);
  return check.ok ? check.value : s.toUpperCase().replace(/\s/g, '');
}

function phoneKey(v: unknown): string {
  const s = text(v).trim();
  if (s === '') return '';
  const check = validatePhone(s);
  return check.ok ? check.value : s.replace(/\D/g, '');
}
