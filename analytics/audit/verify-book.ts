/**
 * Check that a book is what Cashbook wrote: the AuditLog hash chain is whole, every journal
 * entry matches its RowHash, the Journal matches the seal of the last AuditLog row (no rows
 * deleted or inserted outside Cashbook), and every typed Balance equals the recomputed one.
 *
 * Each failure names its rows (sheet row, Seq or EntryId). Approach, per check:
 *  1. AuditLog, row by row in sheet order: a row whose Hash is not SHA-256 of its own fields
 *     was edited; a row that nothing links to while its neighbours link around it was
 *     inserted; a broken link whose PrevHash names a row elsewhere means rows were moved;
 *     a broken link over a gap in Seq means rows were deleted.
 *  2. Journal: RowHash per entry (see entry-hash.ts).
 *  3. Journal against the seal (see journal-seal.ts): row count, digest, and the EntryIds
 *     every command appended, to name rows deleted or inserted.
 *  4. Balances, recomputed by journal/recompute-balances.ts ((Date, EntryId) order).
 *  5. Closed periods: each account's balance at the period end, recomputed from the Journal,
 *     still equals the ClosingBalances the Periods row recorded when the period was closed.
 *  6. The last AuditLog row against the head recorded in Settings (audit-head.ts), so rows
 *     cut off the end of the log show.
 * LIMITATION: the chain has no secret key. Someone who rewrites every later hash, seal and
 * the head with this code can forge a consistent book; the evidence pack prints the head
 * hash so an auditor can anchor it outside the workbook.
 */
import { SCHEMA } from '../book/schema';
import { rowsOf } from '../book/book';
import { periodBounds } from '../book/dates';
import { fromMinorUnits, toMinorUnits } from '../money/minor-units';
import { t, type Book, type Row, type Text } from '../book/types';
import { GENESIS_HASH, auditRowHash } from './audit-chain';
import { checkAuditHead, recordedBreaks } from './audit-head';
import { fnv1a64, lineKey } from '../import/fingerprint';
import { entryRowHash } from './entry-hash';
import { lastTableSeals, SEALED_TABLES, tableDigest, type SealedTable } from './table-seal';
import { journalDigest, sealOf, type JournalSeal } from './journal-seal';
import { recomputeBalances, type BalanceProblem } from '../journal/recompute-balances';

export type IntegrityCode =
  | 'audit-row-edited'
  | 'audit-row-inserted'
  | 'audit-row-moved'
  | 'audit-rows-deleted'
  | 'audit-chain-broken'
  | 'audit-head-mismatch'
  | 'audit-head-missing'
  | 'entry-edited'
  | 'entry-unsealed'
  | 'journal-rows-deleted'
  | 'journal-rows-inserted'
  | 'journal-seal-mismatch'
  | 'balance-mismatch'
  | 'closed-period-changed'
  | 'table-changed';

/** One thing verify found wrong, with the rows it concerns. */
export interface IntegrityFailure {
  code: IntegrityCode;
  table: 'AuditLog' | 'Journal' | SealedTable;
  /** Sheet row (the header is row 1) of the row concerned, when it is still in the sheet. */
  row?: number;
  /** Seq (AuditLog) or EntryId (Journal) of the row concerned. */
  id?: string;
  /** Several rows, e.g. the Seq numbers or EntryIds that were deleted. */
  ids?: string[];
  message: Text;
}

export interface VerifyResult {
  ok: boolean;
  problems: IntegrityFailure[];
}

/**
 * Verify a book's audit trail and journal.
 * @example verifyBook(bookJustWrittenByCashbook) // { ok: true, problems: [] }
 */
export function verifyBook(book: Book): VerifyResult {
  const audit = rowsOf(book, 'AuditLog');
  const journal = rowsOf(book, 'Journal');
  const problems = [
    ...checkAuditChain(audit),
    ...checkEntryHashes(journal),
    ...checkJournalSeal(journal, audit),
    ...checkBalances(book),
    ...checkClosedPeriods(book),
    ...checkTableSeals(book, audit),
  ];
  const head = checkAuditHead(book);
  if (head) problems.push({ ...head, table: 'AuditLog' });
  for (const b of recordedBreaks(book)) problems.push({ code: b.code, ids: b.ids, id: b.at, message: b.message, table: 'AuditLog' });
  return { ok: problems.length === 0, problems };
}

// ── Tables other than the Journal against the last table seals ─────────────────

function checkTableSeals(book: Book, audit: Row[]): IntegrityFailure[] {
  const seals = lastTableSeals(audit);
  if (!seals) return [];
  const out: IntegrityFailure[] = [];
  for (const key of SEALED_TABLES) {
    const sealed = seals[key];
    if (!sealed) continue;
    const rows = rowsOf(book, key);
    if (rows.length === sealed[0] && tableDigest(key, rows) === sealed[1]) continue;
    const sheet = `${SCHEMA[key].sheet['zh-CN']}`;
    const count = rows.length === sealed[0] ? '' : ` (${sealed[0]} → ${rows.length})`;
    // Statement lines carry their own fingerprint of account, date, amount and reference,
    // so the lines whose key fields were edited can be named.
    const edited = key === 'Statement' ? linesNotMatchingFingerprint(rows) : [];
    const named = edited.length ? `：${edited.map((e) => `第 ${e.row} 行（${e.id}）`).join('、')}的日期、金额或参考号与其指纹不符` : '';
    const namedEn = edited.length ? `; the date, amount or reference of ${edited.map((e) => `sheet row ${e.row} (${e.id})`).join(', ')} no longer match their fingerprints` : '';
    out.push({
      code: 'table-changed',
      table: key,
      ...(edited.length ? { ids: edited.map((e) => e.id), row: edited[0].row } : {}),
      message: t(`${sheet} 表在 Cashbook 之外被修改${count ? `（行数 ${sealed[0]} → ${rows.length}）` : ''}：与审计日志最近一次封存不符${named}。`, `The ${key} table was changed outside Cashbook${count}: it no longer matches the seal in the latest AuditLog row${namedEn}.`),
    });
  }
  return out;
}

// Imported lines whose Fingerprint is not the hash of their own key with any occurrence
// index: the key fields were edited. Lines without a fingerprint (entered by hand) are skipped.
function linesNotMatchingFingerprint(rows: readonly Row[]): { row: number; id: string }[] {
  const keyOf = (r: Row) => lineKey(str(r.AccountId), { date: str(r.Date), amount: str(r.Amount), reference: str(r.Reference) || undefined, counterparty: str(r.Counterparty) || undefined, row: 0 });
  const keys = rows.map(keyOf);
  const sameKey = new Map<string, number>();
  for (const key of keys) sameKey.set(key, (sameKey.get(key) ?? 0) + 1);
  const out: { row: number; id: string }[] = [];
  rows.forEach((r, i) => {
    const fp = str(r.Fingerprint);
    if (fp === '') return;
    const key = keys[i];
    // The index counts identical lines within one file, so it stays below the lines of that
    // key held now, plus a margin for lines skipped on import as already held.
    const tries = (sameKey.get(key) ?? 1) + FINGERPRINT_MARGIN;
    for (let n = 0; n < tries; n++) if (fnv1a64(`${key}#${n}`) === fp) return;
    out.push({ row: i + 2, id: str(r.LineId) });
  });
  return out;
}

const FINGERPRINT_MARGIN = 64;

// ── 1. AuditLog chain ──────────────────────────────────────────────────────────

function checkAuditChain(rows: Row[]): IntegrityFailure[] {
  const out: IntegrityFailure[] = [];
  const linkedTo = new Set(rows.map((r) => str(r.PrevHash)));
  const hashAt = new Map(rows.map((r, i) => [str(r.Hash), i]));
  const prevOf = (i: number) => (i === 0 ? GENESIS_HASH : str(rows[i - 1].Hash));
  const inserted = new Set<number>();

  // Inserted: nothing links to it, and the next row links straight over it.
  rows.forEach((r, i) => {
    if (i < rows.length - 1 && !linkedTo.has(str(r.Hash)) && str(rows[i + 1].PrevHash) === prevOf(i)) inserted.add(i);
  });

  rows.forEach((r, i) => {
    const at = { table: 'AuditLog' as const, row: i + 2, id: str(r.Seq) };
    if (inserted.has(i)) {
      out.push({ code: 'audit-row-inserted', ...at, message: t(`审计日志第 ${i + 2} 行（序号 ${at.id}）不在哈希链中：它是在 Cashbook 之外插入的。`, `AuditLog sheet row ${i + 2} (Seq ${at.id}) is not part of the hash chain: it was inserted outside Cashbook.`) });
      return;
    }
    if (auditRowHash(r) !== str(r.Hash)) {
      out.push({ code: 'audit-row-edited', ...at, message: t(`审计日志第 ${i + 2} 行（序号 ${at.id}）的内容与其哈希不符：该行被修改过。`, `AuditLog sheet row ${i + 2} (Seq ${at.id}) does not match its Hash: the row was edited.`) });
    }
    if (str(r.PrevHash) === prevOf(i) || (i > 0 && inserted.has(i - 1) && str(r.PrevHash) === prevOf(i - 1))) return;
    out.push(linkFailure(rows, i, hashAt, at));
  });

  return out;
}

function linkFailure(rows: Row[], i: number, hashAt: Map<string, number>, at: { table: 'AuditLog'; row: number; id: string }): IntegrityFailure {
  const r = rows[i];
  const j = hashAt.get(str(r.PrevHash));
  if (j !== undefined && j !== i - 1) {
    const after = str(rows[j].Seq);
    return { code: 'audit-row-moved', ...at, message: t(`审计日志第 ${at.row} 行（序号 ${at.id}）应紧跟序号 ${after} 之后：行的顺序被改动过。`, `AuditLog sheet row ${at.row} (Seq ${at.id}) belongs right after Seq ${after}: rows were reordered.`) };
  }
  const seq = Number(r.Seq);
  const before = i === 0 ? 0 : Number(rows[i - 1].Seq);
  if (Number.isInteger(seq) && Number.isInteger(before) && seq > before + 1) return deletedFailure(before + 1, seq - 1, at.row, at.id);
  return { code: 'audit-chain-broken', ...at, message: t(`审计日志第 ${at.row} 行（序号 ${at.id}）与上一行的哈希不衔接：上一行的内容或哈希被改动，或有行被删除。`, `AuditLog sheet row ${at.row} (Seq ${at.id}) does not link to the row above: that row's content or Hash was changed, or rows were removed.`) };
}

function deletedFailure(from: number, to: number, row: number, id: string): IntegrityFailure {
  const ids = Array.from({ length: to - from + 1 }, (_, k) => String(from + k));
  const range = from === to ? `${from}` : `${from}–${to}`;
  return { code: 'audit-rows-deleted', table: 'AuditLog', row, id, ids, message: t(`审计日志序号 ${range} 的行已被删除（缺口在第 ${row} 行之前）。`, `AuditLog rows Seq ${range} were deleted (the gap is above sheet row ${row}).`) };
}

// ── 2. Journal RowHash ─────────────────────────────────────────────────────────

function checkEntryHashes(journal: Row[]): IntegrityFailure[] {
  const out: IntegrityFailure[] = [];
  journal.forEach((e, i) => {
    const at = { table: 'Journal' as const, row: i + 2, id: str(e.EntryId) };
    if (!str(e.RowHash)) {
      out.push({ code: 'entry-unsealed', ...at, message: t(`日记账第 ${at.row} 行（分录 ${at.id}）没有行哈希：它不是由 Cashbook 记账的。`, `Journal sheet row ${at.row} (entry ${at.id}) has no RowHash: it was not posted by Cashbook.`) });
    } else if (entryRowHash(e) !== str(e.RowHash)) {
      out.push({ code: 'entry-edited', ...at, message: t(`日记账第 ${at.row} 行（分录 ${at.id}）与其行哈希不符：已记账的分录被修改过。`, `Journal sheet row ${at.row} (entry ${at.id}) does not match its RowHash: the posted entry was edited.`) });
    }
  });
  return out;
}

// ── 3. Journal against the last seal ───────────────────────────────────────────

function checkJournalSeal(journal: Row[], audit: Row[]): IntegrityFailure[] {
  const sealed = lastSeal(audit);
  if (!sealed) return [];
  const { seal, seq } = sealed;
  if (seal.rows === journal.length && seal.digest === journalDigest(journal)) return [];

  // Name the rows when every command listed what it appended.
  const seals = audit.map(sealOf);
  const known = seals.every((s) => s?.added) ? new Set(seals.flatMap((s) => s!.added!)) : undefined;
  const out: IntegrityFailure[] = [];
  if (known) {
    const seen = new Set<string>();
    journal.forEach((e, i) => {
      const id = str(e.EntryId);
      if (!known.has(id) || seen.has(id)) {
        out.push({ code: 'journal-rows-inserted', table: 'Journal', row: i + 2, id, message: t(`日记账第 ${i + 2} 行（分录 ${id}）不是由 Cashbook 添加的：它是在外部插入的。`, `Journal sheet row ${i + 2} (entry ${id}) was not added by Cashbook: it was inserted outside.`) });
      }
      seen.add(id);
    });
    const missing = [...known].filter((id) => !seen.has(id));
    if (missing.length) {
      out.push({ code: 'journal-rows-deleted', table: 'Journal', ids: missing, message: t(`日记账中的分录 ${missing.join(', ')} 已被删除（审计日志序号 ${seq} 记录时仍在）。`, `Journal entries ${missing.join(', ')} were deleted (they were there when AuditLog Seq ${seq} sealed the journal).`) });
    }
  } else if (journal.length !== seal.rows) {
    const n = Math.abs(journal.length - seal.rows);
    const code = journal.length < seal.rows ? 'journal-rows-deleted' : 'journal-rows-inserted';
    out.push({ code, table: 'Journal', message: code === 'journal-rows-deleted' ? t(`日记账比审计日志序号 ${seq} 记录时少 ${n} 行：有行在外部被删除。`, `The Journal has ${n} row(s) fewer than AuditLog Seq ${seq} sealed: rows were deleted outside Cashbook.`) : t(`日记账比审计日志序号 ${seq} 记录时多 ${n} 行：有行在外部被插入。`, `The Journal has ${n} row(s) more than AuditLog Seq ${seq} sealed: rows were inserted outside Cashbook.`) });
  }
  if (!out.length) {
    out.push({ code: 'journal-seal-mismatch', table: 'Journal', message: t(`日记账与审计日志序号 ${seq} 的封存摘要不符：有分录的行哈希在外部被改写。`, `The Journal does not match the seal of AuditLog Seq ${seq}: an entry's RowHash was rewritten outside Cashbook.`) });
  }
  return out;
}

function lastSeal(audit: Row[]): { seal: JournalSeal; seq: string } | undefined {
  for (let i = audit.length - 1; i >= 0; i--) {
    const seal = sealOf(audit[i]);
    if (seal) return { seal, seq: str(audit[i].Seq) };
  }
  return undefined;
}

// ── 4. Balances ────────────────────────────────────────────────────────────────

function checkBalances(book: Book): IntegrityFailure[] {
  const disagreements = recomputeBalances(book).problems.filter((p): p is BalanceProblem => p.code === 'balance-disagrees');
  return disagreements.map((p) => ({
    code: 'balance-mismatch',
    table: 'Journal',
    row: p.row,
    id: p.entryId,
    message: t(`日记账第 ${p.row} 行（分录 ${p.entryId}）的余额为 ${p.found}，重新计算应为 ${p.expected}。`, `Journal sheet row ${p.row} (entry ${p.entryId}) shows Balance ${p.found}; recomputed it is ${p.expected}.`),
  }));
}

// ── 5. Closed periods ──────────────────────────────────────────────────────────

function checkClosedPeriods(book: Book): IntegrityFailure[] {
  const out: IntegrityFailure[] = [];
  const journal = rowsOf(book, 'Journal');
  const opening = new Map(rowsOf(book, 'Accounts').map((a) => [str(a.AccountId), str(a.OpeningBalance)]));
  rowsOf(book, 'Periods').forEach((p, i) => {
    const recorded = str(p.Status) === 'closed' ? parseClosing(str(p.ClosingBalances)) : undefined;
    if (!recorded || !/^\d{4}-\d{2}$/.test(str(p.Period))) return;
    const end = periodBounds(str(p.Period)).last;
    for (const [accountId, amount] of Object.entries(recorded)) {
      let fen = minor(opening.get(accountId) ?? '');
      for (const e of journal) if (str(e.AccountId) === accountId && str(e.Date) <= end) fen += minor(str(e.Inflow)) - minor(str(e.Outflow));
      // An amount that cannot be read makes the comparison unknown, not a finding.
      if (Number.isNaN(fen) || Number.isNaN(minor(amount)) || fen === minor(amount)) continue;
      const now = fromMinorUnits(fen);
      out.push({ code: 'closed-period-changed', table: 'Periods', row: i + 2, id: str(p.Period), message: t(`已结账期间 ${str(p.Period)} 的账户 ${accountId} 结账时期末余额为 ${amount}，按日记账现在是 ${now}：结账后该期间的分录被改动过。`, `Closed period ${str(p.Period)}: account ${accountId} closed at ${amount}, but the Journal now gives ${now}; entries of the closed period were changed after closing.`) });
    }
  });
  return out;
}

function parseClosing(json: string): Record<string, string> | undefined {
  if (!json) return undefined;
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)])) : undefined;
  } catch {
    // Not JSON: nothing recorded to compare against.
    return undefined;
  }
}

function minor(amount: string): number {
  return amount.trim() === '' ? 0 : toMinorUnits(amount.trim());
}

function str(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}
