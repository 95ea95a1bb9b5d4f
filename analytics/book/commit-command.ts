/**
 * Turn a command's result into the next book: apply its changes all or nothing and append
 * the AuditLog row that records it. Hosts (file, Excel, playground) call this, then persist.
 */
import { nextAuditRow } from '../audit/audit-chain';
import { auditHeadChange, headBreak } from '../audit/audit-head';
import { appendedEntries, sealJournal, stampEntryHashes } from '../audit/journal-seal';
import { lastTableSeals, nextTableSeals } from '../audit/table-seal';
import { applyChangeSet, fitSheetCells } from './apply-change-set';
import type { Book, CommandContext, CommandResult, TableChange } from './types';

/**
 * Apply a command result to a book.
 * @returns the new book and the full list of changes written (including the audit row)
 * @throws AnalyticsError `locked` when a change breaks a lock; the input book is untouched
 */
export function commitCommand(book: Book, result: CommandResult, ctx: CommandContext): { book: Book; changes: TableChange[] } {
  const audit = result.audit;
  // Hosts write these changes as they are (the Excel host among them): result sheets cut to fit.
  const changes = stampEntryHashes(result.changes).map((c) => (c.op === 'sheet' ? { ...c, sheet: fitSheetCells(c.sheet) } : c));
  const applied = applyChangeSet(book, changes);
  if (!audit) return { book: applied, changes };

  // The audit row seals the Journal as the command leaves it, so `verify` can tell rows
  // deleted or inserted outside Cashbook (see audit/journal-seal.ts).
  const log = book.tables.AuditLog?.rows ?? [];
  const seal = sealJournal(applied.tables.Journal?.rows ?? [], appendedEntries(changes));
  const last = log[log.length - 1];
  const tableSeals = nextTableSeals(book, applied, changes, last ? lastTableSeals(log) : undefined);
  // A head that disagrees with the log (rows cut off its end) is written into this row, which
  // then takes the Seq after the recorded head: moving the head on must not hide the cut.
  const broken = headBreak(book);
  const detail = { ...audit.detail, seal, tableSeals, ...(broken ? { headBroken: { recorded: broken.recorded, last: broken.last } } : {}) };
  const row = nextAuditRow(last, { at: ctx.now, user: ctx.user, action: audit.action, target: audit.target, detail, seq: broken?.seq });
  // The head goes to Settings too, so rows cut off the end of the log show (audit-head.ts).
  const auditChanges: TableChange[] = [{ table: 'AuditLog', op: 'append', rows: [row] }, auditHeadChange(row)];
  return { book: applyChangeSet(applied, auditChanges), changes: [...changes, ...auditChanges] };
}
