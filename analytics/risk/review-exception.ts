/**
 * `exception`: the review workflow on one finding: take it for review, escalate it to
 * management, resolve or dismiss it. Every change appends a dated, signed line to Notes
 * (never rewriting earlier lines) and an AuditLog row; resolving or dismissing needs a note
 * saying why.
 */
import { rowsOf } from '../book/book';
import { EXCEPTION_STATUSES } from '../book/schema';
import type { Book, CommandContext, CommandResult, Row } from '../book/types';
import { t } from '../book/types';
import { fail } from '../util/error';
import { buildEscalationSheet, isOpenException } from './escalation-sheet';

export type ExceptionStatus = (typeof EXCEPTION_STATUSES)[number];

export interface ReviewExceptionOptions {
  findingId: string;
  status: ExceptionStatus;
  assignee?: string;
  note?: string;
}

export type ReviewExceptionSummary = {
  findingId: string;
  from: string;
  to: ExceptionStatus;
  assignee: string;
  open: number;
};

/**
 * Change an exception's status, assignee and notes.
 * @throws AnalyticsError `bad-status` for a status outside open/reviewing/escalated/resolved/dismissed,
 * `unknown-finding` for an id not in Exceptions, `note-required` when resolving or dismissing without a note
 * @example reviewException(book, { findingId: 'F-…', status: 'escalated', note: '金额较大，报财务经理' }, ctx)
 */
export function reviewException(
  book: Book,
  options: ReviewExceptionOptions,
  ctx: CommandContext,
): CommandResult<ReviewExceptionSummary> {
  const { findingId, status, assignee, note } = options;
  if (!(EXCEPTION_STATUSES as readonly string[]).includes(status)) {
    fail(
      'bad-status',
      t(
        `未知的异常状态 '${status}'，请使用以下之一：${EXCEPTION_STATUSES.join('、')}`,
        `Unknown exception status '${status}'; use one of ${EXCEPTION_STATUSES.join(', ')}`,
      ),
    );
  }
  const rows = rowsOf(book, 'Exceptions');
  const current = rows.find((r) => r.FindingId === findingId);
  if (!current)
    fail(
      'unknown-finding',
      t(
        `异常表中没有 FindingId 为 '${findingId}' 的异常`,
        `No exception with FindingId '${findingId}' in the Exceptions table`,
      ),
    );
  if ((status === 'resolved' || status === 'dismissed') && !note?.trim()) {
    fail(
      'note-required',
      t(
        `请说明风险发现 ${findingId} 为何标记为 ${status}：加上 --note 填写复核意见`,
        `Say why finding ${findingId} is ${status}: add --note`,
      ),
    );
  }

  // Step 1: the updated row, with one more line in Notes
  const from = String(current.Status ?? 'open');
  const who = assignee ?? String(current.Assignee ?? '');
  const line = `[${ctx.now} ${ctx.user}] ${from} → ${status}${assignee !== undefined ? ` @${assignee}` : ''}${note?.trim() ? `: ${note.trim()}` : ''}`;
  const previous = String(current.Notes ?? '');
  const update: Row = {
    FindingId: findingId,
    Status: status,
    Assignee: who,
    Notes: previous ? `${previous}\n${line}` : line,
  };

  // Step 2: the escalation sheet from the table as it will be
  const after = rows.map((r) => (r.FindingId === findingId ? { ...r, ...update } : r));
  const open = after.filter(isOpenException).length;
  return {
    changes: [
      { table: 'Exceptions', op: 'upsert', rows: [update] },
      { table: 'sheet', op: 'sheet', sheet: buildEscalationSheet(after, ctx.now, book.lang) },
    ],
    summary: { findingId, from, to: status, assignee: who, open },
    messages: [
      {
        level: 'info',
        event: 'exception-reviewed',
        text: t(
          `异常 ${findingId}：${from} → ${status}${who ? `，处理人 ${who}` : ''}。`,
          `Exception ${findingId}: ${from} → ${status}${who ? `, assigned to ${who}` : ''}.`,
        ),
      },
    ],
    exitCode: 0,
    audit: {
      action: 'exception',
      target: findingId,
      detail: { from, to: status, assignee: who, note: note?.trim() ?? '' },
    },
  };
}
