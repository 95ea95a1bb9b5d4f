/**
 * RowHash of a journal entry: SHA-256 over the canonical text of the fields that make the
 * entry (never the derived Balance, the Status that a reversal flips, or the hash itself).
 * A posted entry edited outside Cashbook no longer matches its RowHash.
 */
import type { Row } from '../book/types';
import { canonicalJson, sha256Hex } from './audit-chain';

export const HASHED_ENTRY_FIELDS = ['EntryId', 'Date', 'Voucher', 'AccountId', 'CustomerId', 'Summary', 'CounterAccount', 'Method', 'Reference', 'Inflow', 'Outflow', 'ReversalOf', 'Source'] as const;

/** The RowHash a journal entry should carry. */
export function entryRowHash(entry: Row): string {
  const body: Record<string, string> = {};
  for (const k of HASHED_ENTRY_FIELDS) {
    const v = entry[k];
    body[k] = v === null || v === undefined ? '' : String(v);
  }
  return sha256Hex(canonicalJson(body));
}
