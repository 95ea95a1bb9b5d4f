import { GENESIS_HASH, MAX_DETAIL_CHARS, auditRowHash, nextAuditRow, sha256Hex, canonicalJson } from '../../analytics/audit/audit-chain';

const event = (detail: Record<string, unknown>) => ({ at: '2024-04-30 17:00:00', user: 'cashier', action: 'import', target: 'BANK1', detail });

describe('nextAuditRow', () => {
  it('starts the chain at Seq 1 from the genesis hash', () => {
    const row = nextAuditRow(undefined, event({ added: 3 }));
    expect([row.Seq, row.PrevHash, row.Detail]).toEqual([1, GENESIS_HASH, '{"added":3}']);
    expect(row.Hash).toBe(auditRowHash(row));
  });

  it('links each row to the Hash of the one before', () => {
    const first = nextAuditRow(undefined, event({}));
    const second = nextAuditRow(first, event({}));
    expect([second.Seq, second.PrevHash]).toEqual([2, first.Hash]);
  });

  it('keeps a Detail that would not fit in an Excel cell to its scalar fields and the hash of the whole', () => {
    const lineIds = Array.from({ length: 5000 }, (_, i) => `S-${String(i).padStart(12, '0')}`);
    const detail = { file: 'cmb.csv', added: 5000, lineIds, seal: { rows: 5000, digest: 'ab', addedCount: 0, added: [] } };
    const row = nextAuditRow(undefined, event(detail));
    expect(String(row.Detail).length).toBeLessThanOrEqual(MAX_DETAIL_CHARS);
    expect(JSON.parse(String(row.Detail))).toEqual({
      file: 'cmb.csv', added: 5000, seal: detail.seal, omitted: ['lineIds'],
      fullLength: canonicalJson(detail).length, fullSha256: sha256Hex(canonicalJson(detail)),
    });
  });
});
