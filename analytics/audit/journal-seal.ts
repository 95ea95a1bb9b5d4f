/**
 * The journal seal: what each AuditLog row records about the Journal as the command left it,
 * so rows deleted or inserted outside Cashbook show up even when each surviving row still
 * matches its own RowHash.
 *
 * Detail.seal = { rows, digest, added? , addedCount }:
 *   rows       number of Journal rows after the command
 *   digest     SHA-256 over the sorted lines "EntryId<TAB>RowHash" of every Journal row;
 *              sorted, so sorting the sheet in Excel is not tampering, but any row added,
 *              removed or re-hashed changes it
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

/** Order-independent digest of the journal's EntryIds and RowHashes. */
export function journalDigest(journal: readonly Row[]): string {
  const lines = journal.map((r) => `${text(r.EntryId)}\t${text(r.RowHash)}`);
  lines.sort();
  return sha256Hex(lines.join('\n'));
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
