/**
 * The audit chain's head kept outside the AuditLog table: every audited command writes the
 * Seq of the row it appended and a tag of its Hash (SHA-256 of a label and the Hash) to
 * Settings `audit.head`. A chain without a secret key cannot show rows cut off its end (the
 * remaining rows still link up), so `verify` compares the last AuditLog row with this head.
 * The tag appears nowhere in the sheets, so pointing the head at an earlier row takes
 * computing a hash, as forging the chain does; copying visible cells is not enough. A
 * journal holding entries Cashbook stamped while the log is empty means the log was wiped.
 */
import { rowsOf } from '../book/book';
import { sha256Hex } from './audit-chain';
import { t, type Book, type Row, type TableChange, type Text } from '../book/types';

export const AUDIT_HEAD_KEY = 'audit.head';

/** The Settings change that records `row` as the chain's head. */
export function auditHeadChange(row: Row): TableChange {
  return { table: 'Settings', op: 'upsert', rows: [{ Key: AUDIT_HEAD_KEY, Value: `${row.Seq}:${headTag(String(row.Hash ?? ''))}` }] };
}

/** The head's tag of an AuditLog Hash. */
export function headTag(hash: string): string {
  return sha256Hex(`cashbook audit head ${hash}`);
}

/**
 * What a command about to be recorded finds when the head and the log disagree: the row it
 * appends keeps that finding (`detail.headBroken`), and takes the Seq after the recorded
 * head, so a cut stays visible after later commands move the head on.
 * @returns undefined when the head matches the log (or neither exists yet)
 */
export function headBreak(book: Book): { recorded: string | null; last: string; seq: number } | undefined {
  const problem = checkAuditHead(book);
  if (!problem) return undefined;
  const audit = rowsOf(book, 'AuditLog');
  const last = audit[audit.length - 1];
  const lastSeq = last ? Number(last.Seq) : 0;
  const recorded = recordedHead(book).trim();
  const headSeq = recorded ? Number(/^(\d+):/.exec(recorded)?.[1] ?? 0) : 0;
  return { recorded: recorded || null, last: last ? `${last.Seq}:${last.Hash}` : '', seq: Math.max(lastSeq, headSeq) + 1 };
}

// The Settings audit.head cell as written ('' when absent).
function recordedHead(book: Book): string {
  const setting = rowsOf(book, 'Settings').find((r) => r.Key === AUDIT_HEAD_KEY);
  return setting?.Value === null || setting?.Value === undefined ? '' : String(setting.Value);
}

/** Problems recorded by commands that ran on a book whose head and log disagreed. */
export function recordedBreaks(book: Book): (AuditHeadProblem & { at: string })[] {
  const out: (AuditHeadProblem & { at: string })[] = [];
  const audit = rowsOf(book, 'AuditLog');
  audit.forEach((row, i) => {
    const detail = String(row.Detail ?? '');
    if (!detail.includes('"headBroken"')) return;
    let found: { recorded?: string | null; last?: string } | undefined;
    try {
      found = (JSON.parse(detail) as { headBroken?: { recorded?: string | null; last?: string } }).headBroken;
    } catch {
      return;
    }
    if (!found) return;
    const seq = String(row.Seq);
    const before = i > 0 ? Number(audit[i - 1].Seq) : 0;
    const headSeq = Number(/^(\d+):/.exec(found.recorded ?? '')?.[1] ?? NaN);
    if (found.recorded && headSeq > before) {
      const ids = Array.from({ length: headSeq - before }, (_, k) => String(before + 1 + k));
      out.push({
        code: 'audit-rows-deleted',
        ids,
        at: seq,
        message: t(
          `审计日志序号 ${ids[0]}–${headSeq} 的行被删除了：序号 ${seq} 的操作运行时发现设置表记录的链头是序号 ${headSeq}，而日志止于 ${before || '（无）'}。`,
          `AuditLog rows Seq ${ids[0]}–${headSeq} were deleted: the command at Seq ${seq} found Settings recording Seq ${headSeq} as the head while the log ended at ${before || '(none)'}.`,
        ),
      });
    } else {
      out.push({
        code: found.recorded ? 'audit-head-mismatch' : 'audit-head-missing',
        at: seq,
        message: t(
          `序号 ${seq} 的操作运行时，设置表中的 ${AUDIT_HEAD_KEY}（${found.recorded ?? '缺失'}）与审计日志最后一行不符：链头或日志曾在 Cashbook 之外被修改。`,
          `When the command at Seq ${seq} ran, Settings ${AUDIT_HEAD_KEY} (${found.recorded ?? 'missing'}) did not match the last AuditLog row: the head or the log had been changed outside Cashbook.`,
        ),
      });
    }
  });
  return out;
}

export interface AuditHeadProblem {
  code: 'audit-rows-deleted' | 'audit-head-mismatch' | 'audit-head-missing';
  /** Seq numbers missing from the end of the log, when the head says how many. */
  ids?: string[];
  message: Text;
}

/**
 * Compare the last AuditLog row with the recorded head.
 * @returns the problem, or undefined when they agree (or the log is empty and no head is kept)
 */
export function checkAuditHead(book: Book): AuditHeadProblem | undefined {
  const audit = rowsOf(book, 'AuditLog');
  const value = recordedHead(book);
  const last = audit[audit.length - 1];
  if (value === '') {
    if (!last) {
      // No log and no head: a new book, unless the journal holds entries Cashbook recorded.
      const stamped = rowsOf(book, 'Journal').filter((r) => r.RowHash !== null && r.RowHash !== undefined && r.RowHash !== '').length;
      if (stamped === 0) return undefined;
      return {
        code: 'audit-rows-deleted',
        message: t(
          `审计日志是空的，而日记账中有 ${stamped} 笔由 Cashbook 记录（带行哈希）的分录：审计日志连同设置表中的 ${AUDIT_HEAD_KEY} 被删除了。`,
          `The AuditLog is empty while ${stamped} journal entr${stamped === 1 ? 'y carries' : 'ies carry'} the RowHash Cashbook stamps when it records them: the log was deleted, with Settings ${AUDIT_HEAD_KEY}.`,
        ),
      };
    }
    return {
      code: 'audit-head-missing',
      message: t(
        `设置表中没有 ${AUDIT_HEAD_KEY}（审计链的最新一行）：它被删除了，或此簿由旧版 Cashbook 写成，无法确认审计日志末尾没有被删去行。`,
        `Settings has no ${AUDIT_HEAD_KEY} (the newest row of the audit chain): it was deleted, or an older Cashbook wrote this book, so rows cut off the end of the AuditLog cannot be ruled out.`,
      ),
    };
  }
  const m = /^(\d+):([0-9a-f]{64})$/.exec(value.trim());
  const lastSeq = last ? Number(last.Seq) : 0;
  const lastHash = last ? String(last.Hash ?? '') : '';
  if (m && Number(m[1]) === lastSeq && m[2] === headTag(lastHash)) return undefined;
  if (m && Number(m[1]) > lastSeq && !audit.some((r) => headTag(String(r.Hash ?? '')) === m[2])) {
    const headSeq = Number(m[1]);
    const ids = Array.from({ length: headSeq - lastSeq }, (_, k) => String(lastSeq + 1 + k));
    return {
      code: 'audit-rows-deleted',
      ids,
      message: t(
        `审计日志的最新 ${ids.length} 行（序号 ${ids[0]}–${headSeq}）被删除了：设置表记录的链头是序号 ${headSeq}，表中最后一行是 ${lastSeq || '（无）'}。这些行记下的操作（及其写入的日记账行）可能一并被删去。`,
        `The newest ${ids.length} AuditLog row(s) (Seq ${ids[0]}–${headSeq}) were deleted: Settings records Seq ${headSeq} as the chain's head, the log ends at ${lastSeq || '(none)'}. What those commands wrote (journal rows included) may have been deleted with them.`,
      ),
    };
  }
  return {
    code: 'audit-head-mismatch',
    message: t(
      `设置表中的 ${AUDIT_HEAD_KEY}（${value}）与审计日志最后一行（序号 ${lastSeq}）不符：链头或日志在 Cashbook 之外被修改。`,
      `Settings ${AUDIT_HEAD_KEY} (${value}) does not match the last AuditLog row (Seq ${lastSeq}): the head or the log was changed outside Cashbook.`,
    ),
  };
}
