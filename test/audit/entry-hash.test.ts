import { canonicalJson, sha256Hex } from '../../analytics/audit/audit-chain';
import { HASHED_ENTRY_FIELDS, entryRowHash } from '../../analytics/audit/entry-hash';
import type { Row } from '../../analytics/book/types';

// The definition the fast path must keep: SHA-256 of canonicalJson over the hashed fields.
function referenceHash(entry: Row, amounts: Record<string, string>): string {
  const body: Record<string, string> = {};
  for (const k of HASHED_ENTRY_FIELDS) body[k] = k in amounts ? amounts[k] : entry[k] === null || entry[k] === undefined ? '' : String(entry[k]);
  return sha256Hex(canonicalJson(body));
}

const base: Row = { EntryId: 'J000001', Date: '2024-04-02', Voucher: '记-0001', AccountId: 'BANK1', CustomerId: null, Summary: '付款 "引号" \\ 测试', CounterAccount: '应付账款', Method: '转账', Reference: '6217001234567891', Inflow: null, Outflow: '1200.00', ReversalOf: null, Source: 'cmb.csv#3' };

describe('entryRowHash', () => {
  it('equals SHA-256 of the canonical JSON of the hashed fields', () => {
    expect(entryRowHash(base)).toBe(referenceHash(base, { Inflow: '', Outflow: '1200.00' }));
  });

  it.each([
    ['1200', '1200.00'],
    ['1200.5', '1200.50'],
    [1200, '1200.00'],
    ['0.125', '0.125'],
    ['-0.00', '0.00'],
  ])('hashes the amount %p as %p', (typed, canonical) => {
    expect(entryRowHash({ ...base, Outflow: typed })).toBe(referenceHash(base, { Inflow: '', Outflow: canonical }));
  });

  it('ignores Balance, Status and RowHash', () => {
    expect(entryRowHash({ ...base, Balance: '9.00', Status: 'reversed', RowHash: 'x' })).toBe(entryRowHash(base));
  });

  it('changes when any hashed field changes', () => {
    for (const k of HASHED_ENTRY_FIELDS) expect(entryRowHash({ ...base, [k]: 'changed' })).not.toBe(entryRowHash(base));
  });
});
