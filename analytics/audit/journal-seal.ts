/**
 * The journal seal: what each AuditLog row records about the Journal as the command left it,
 * so rows deleted or inserted outside Cashbook show up even when each surviving row still
 * matches its own RowHash.
 *
 * Detail.seal = { rows, digest, added? , addedCount }:
 *   rows       number of Journal rows after the command
 *   digest     the RowHashes of every Journal row added up (see journalDigest); order
 *              does not count, so sorting the sheet in Excel is not tampering, but any row
 *              added, removed or re-hashed changes it
 *   added      EntryIds the command appended, when there are at most MAX_LISTED_IDS of them
 *              (an Excel cell holds 32,767 characters); verify uses them to name rows
 *   addedCount how many EntryIds the command appended
 * Commands that append Journal rows without a RowHash get one stamped here, so every
 * entry written through Cashbook is sealed.
 */
import type { Row, TableChange } from '../book/types';
import { sha256Hex } from './audit-chain';
import { entryRowHash } from './entry-hash';

/** More appended EntryIds than this are counted but not listed in the seal. */
export const MAX_LISTED_IDS = 200;

export interface JournalSeal {
  rows: number;
  digest: string;
  added?: string[];
  addedCount: number;
}

/** The seal of a journal as it is now; `appended` are the rows the command just added. */
export function sealJournal(journal: readonly Row[], appended: readonly Row[] = []): JournalSeal {
  const seal: JournalSeal = { rows: journal.length, digest: journalDigest(journal), addedCount: appended.length };
  if (appended.length <= MAX_LISTED_IDS) seal.added = appended.map((r) => text(r.EntryId));
  return seal;
}

/**
 * Order-independent digest of the journal: the RowHashes added up in four 48-bit lanes
 * (modulo 2^48), as 48 hex digits. Adding keeps a copied row counted (XOR would cancel it),
 * needs no sort and no hashing per row, so sealing a million entries takes milliseconds.
 * A RowHash already covers its EntryId; a row without a well-formed one counts by
 * SHA-256 of its EntryId and whatever it holds, and verify reports it anyway.
 */
export function journalDigest(journal: readonly Row[]): string {
  const lanes = [0, 0, 0, 0];
  for (const r of journal) {
    let h = text(r.RowHash);
    if (!WELL_FORMED_HASH.test(h)) h = sha256Hex(`${text(r.EntryId)}\t${h}`);
    for (let k = 0; k < 4; k++) lanes[k] = (lanes[k] + hexLane(h, k * 12)) % LANE;
  }
  return lanes.map((v) => v.toString(16).padStart(12, '0')).join('');
}

const LANE = 2 ** 48;
const WELL_FORMED_HASH = /^[0-9a-f]{64}$/;

/** The 12 hex digits of `h` from `at` as a number (< 2^48, exact in a double). */
function hexLane(h: string, at: number): number {
  let v = 0;
  for (let i = at; i < at + 12; i++) {
    const c = h.charCodeAt(i);
    v = v * 16 + (c <= 57 ? c - 48 : c - 87);
  }
  return v;
}

/**
 * Give appended Journal rows that lack one their RowHash; other changes pass unchanged.
 * @returns new change objects; the input is not modified
 */
export function stampEntryHashes(changes: readonly TableChange[]): TableChange[] {
  return changes.map((c) => {
    if (c.table !== 'Journal' || c.op !== 'append') return c;
    return { ...c, rows: c.rows.map((r) => (r.RowHash ? r : { ...r, RowHash: entryRowHash(r) })) };
  });
}

/** The Journal rows a set of changes appends. */
export function appendedEntries(changes: readonly TableChange[]): Row[] {
  return changes.flatMap((c) => (c.table === 'Journal' && c.op === 'append' ? c.rows : []));
}

/** The seal stored in an AuditLog row's Detail, if it has one. */
export function sealOf(auditRow: Row): JournalSeal | undefined {
  if (typeof auditRow.Detail !== 'string' || !auditRow.Detail.includes('"seal"')) return undefined;
  let detail: unknown;
  try {
    detail = JSON.parse(auditRow.Detail);
  } catch {
    // A Detail that is not JSON has no seal; verify reports the row through its hash.
    return undefined;
  }
  const j = (detail as { seal?: unknown })?.seal as Partial<JournalSeal> | undefined;
  if (!j || typeof j.rows !== 'number' || typeof j.digest !== 'string') return undefined;
  return { rows: j.rows, digest: j.digest, added: Array.isArray(j.added) ? j.added.map(String) : undefined, addedCount: Number(j.addedCount ?? 0) };
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}
