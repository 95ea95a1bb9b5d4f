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
import { sha256Hex } from './audit-chain';

export const HASHED_ENTRY_FIELDS = ['EntryId', 'Date', 'Voucher', 'AccountId', 'CustomerId', 'Summary', 'CounterAccount', 'Method', 'Reference', 'Inflow', 'Outflow', 'ReversalOf', 'Source'] as const;

const AMOUNT_FIELDS = new Set(['Inflow', 'Outflow']);

/**
 * The RowHash a journal entry should carry.
 * @example entryRowHash({ EntryId: 'J1', Date: '2024-04-02', Outflow: '1200' }) === entryRowHash({ EntryId: 'J1', Date: '2024-04-02', Outflow: '1200.00' }) // true
 */
export function entryRowHash(entry: Row): string {
  // The same text canonicalJson gives for the fields as a flat object (keys sorted), built
  // directly: verify hashes every entry of a book, a million of them in a full sheet.
  let body = '{';
  for (let i = 0; i < SORTED_FIELDS.length; i++) {
    const k = SORTED_FIELDS[i];
    const v = entry[k];
    const s = v === null || v === undefined ? '' : String(v);
    body += (i ? ',' : '') + KEY_PREFIX[i] + JSON.stringify(AMOUNT_FIELDS.has(k) ? canonicalAmountText(s) : s);
  }
  return sha256Hex(body + '}');
}

/** True when the entry carries a RowHash equal to the one its fields give. */
export function hasValidRowHash(entry: Row): boolean {
  return typeof entry.RowHash === 'string' && entry.RowHash !== '' && entry.RowHash === entryRowHash(entry);
}

const SORTED_FIELDS: readonly string[] = [...HASHED_ENTRY_FIELDS].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const KEY_PREFIX = SORTED_FIELDS.map((k) => `${JSON.stringify(k)}:`);
// Already canonical: the engine's own amount text, which nearly every entry carries.
const CANONICAL_AMOUNT = /^-?(0|[1-9]\d*)\.\d\d$/;

function canonicalAmountText(s: string): string {
  if (CANONICAL_AMOUNT.test(s) && s !== '-0.00') return s;
  if (s.trim() === '') return '';
  try {
    return canonicalAmount(new Decimal(s.trim()));
  } catch {
    // Not a plain decimal: hash the text as it is, so any change to it still shows.
    return s;
  }
}
