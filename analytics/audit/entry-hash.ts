/**
 * RowHash of a journal entry: SHA-256 over the canonical text of the fields that make the
 * entry (never the derived Balance, the Status that a reversal flips, or the hash itself).
 * A posted entry edited outside Cashbook no longer matches its RowHash.
 *
 * Amounts are hashed in canonical form ('1200.00'), so an entry hashes the same before and
 * after a trip through an .xlsx file, where the amount is stored as the number 1200.
 */
import { Decimal } from '../money/decimal';
import { canonicalAmount } from '../book/coerce-cell';
import type { Row } from '../book/types';
import { canonicalJson, sha256Hex } from './audit-chain';

export const HASHED_ENTRY_FIELDS = ['EntryId', 'Date', 'Voucher', 'AccountId', 'CustomerId', 'Summary', 'CounterAccount', 'Method', 'Reference', 'Inflow', 'Outflow', 'ReversalOf', 'Source'] as const;

const AMOUNT_FIELDS = new Set(['Inflow', 'Outflow']);

/**
 * The RowHash a journal entry should carry.
 * @example entryRowHash({ EntryId: 'J1', Date: '2024-04-02', Outflow: '1200' }) === entryRowHash({ EntryId: 'J1', Date: '2024-04-02', Outflow: '1200.00' }) // true
 */
export function entryRowHash(entry: Row): string {
  const body: Record<string, string> = {};
  for (const k of HASHED_ENTRY_FIELDS) {
    const v = entry[k];
    const s = v === null || v === undefined ? '' : String(v);
    body[k] = AMOUNT_FIELDS.has(k) ? canonicalAmountText(s) : s;
  }
  return sha256Hex(canonicalJson(body));
}

/** True when the entry carries a RowHash equal to the one its fields give. */
export function hasValidRowHash(entry: Row): boolean {
  return typeof entry.RowHash === 'string' && entry.RowHash !== '' && entry.RowHash === entryRowHash(entry);
}

function canonicalAmountText(s: string): string {
  if (s.trim() === '') return '';
  try {
    return canonicalAmount(new Decimal(s.trim()));
  } catch {
    // Not a plain decimal: hash the text as it is, so any change to it still shows.
    return s;
  }
}
