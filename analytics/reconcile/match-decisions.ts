/**
 * The user's word on matches: confirm an automatic match, reject it, or add one by hand.
 * Each is a small command of its own; they share this file because they are three faces of
 * one decision and share its checks. reconcileAccount honours them on every re-run.
 */
import { rowsOf, text } from '../book/book';
import { isoPeriod } from './period';
import { t, type Book, type CommandContext, type CommandResult, type Message, type Row } from '../book/types';
import { fail } from '../util/error';
import { fen } from './ledger-columns';
import { joinIds, matchId, splitIds } from './match-id';
import { fromMinorUnits } from '../money/minor-units';

export interface MatchDecisionParams {
  matchId: string;
}

export interface AddManualMatchParams {
  accountId: string;
  period: string;
  entryIds: string[];
  lineIds: string[];
}

/**
 * Confirm a match: a re-run keeps it exactly as it is.
 * @throws AnalyticsError `unknown-match`
 */
export function confirmMatch(book: Book, params: MatchDecisionParams, _ctx?: CommandContext): CommandResult {
  return decide(book, params.matchId, 'confirmed');
}

/**
 * Reject a match: its rows become outstanding again and the same pairing is never proposed again.
 * @throws AnalyticsError `unknown-match`
 */
export function rejectMatch(book: Book, params: MatchDecisionParams, _ctx?: CommandContext): CommandResult {
  return decide(book, params.matchId, 'rejected');
}

/**
 * Match entries and lines by hand (rule `manual`, status confirmed). Automatic matches that
 * used any of these rows are removed; a confirmed match on them is an error.
 * @throws AnalyticsError `unknown-entry`, `unknown-line`, `row-already-matched`, `bad-period`
 */
export function addManualMatch(book: Book, params: AddManualMatchParams, _ctx?: CommandContext): CommandResult {
  const { accountId, entryIds, lineIds } = params;
  const period = isoPeriod(params.period);
  if (entryIds.length + lineIds.length < 2 || !entryIds.length || !lineIds.length) fail('bad-match', t('一条对账匹配至少需要一笔分录和一行对账单。', 'A match needs at least one entry and one statement line.'));

  // Step 1: every row exists in this account
  const entries = new Map(rowsOf(book, 'Journal').filter((r) => text(r.AccountId) === accountId).map((r) => [text(r.EntryId), r]));
  const lines = new Map(rowsOf(book, 'Statement').filter((r) => text(r.AccountId) === accountId).map((r) => [text(r.LineId), r]));
  for (const id of entryIds) if (!entries.has(id)) fail('unknown-entry', t(`分录 '${id}' 不属于账户 ${accountId}。`, `Entry '${id}' is not in account ${accountId}.`));
  for (const id of lineIds) if (!lines.has(id)) fail('unknown-line', t(`对账单行 '${id}' 不属于账户 ${accountId}。`, `Statement line '${id}' is not in account ${accountId}.`));

  // Step 2: automatic matches on these rows give way; confirmed ones do not
  const wanted = new Set([...entryIds.map((i) => 'e:' + i), ...lineIds.map((i) => 'l:' + i)]);
  const displaced: string[] = [];
  for (const m of rowsOf(book, 'Matches')) {
    if (text(m.AccountId) !== accountId || text(m.Status) === 'rejected') continue;
    const rows = [...splitIds(m.EntryIds).map((i) => 'e:' + i), ...splitIds(m.LineIds).map((i) => 'l:' + i)];
    if (!rows.some((k) => wanted.has(k))) continue;
    if (text(m.Status) === 'confirmed') fail('row-already-matched', t(`对账匹配 ${m.MatchId} 已确认，且已占用其中部分行；请先拒绝该匹配。`, `Match ${m.MatchId} is confirmed and already uses some of these rows; reject it first.`));
    displaced.push(text(m.MatchId));
  }

  // Step 3: the new row, and what it leaves unexplained
  const id = matchId(accountId, entryIds, lineIds);
  const residual = lineIds.reduce((s, i) => s + fen(lines.get(i)!.Amount), 0) - entryIds.reduce((s, i) => s + fen(entries.get(i)!.Inflow) - fen(entries.get(i)!.Outflow), 0);
  const row: Row = { MatchId: id, Period: period, AccountId: accountId, EntryIds: joinIds(entryIds), LineIds: joinIds(lineIds), Rule: 'manual', Score: 1, Status: 'confirmed' };
  const messages: Message[] = [{ level: 'info', event: 'match-added', text: t(`已手工匹配 ${id}。`, `Matched by hand as ${id}.`) }];
  if (residual !== 0) {
    const d = fromMinorUnits(residual);
    messages.push({ level: 'warn', event: 'match-residual', text: t(`对账单与日记账相差 ${d}，将作为未达账项列示。`, `Statement and journal differ by ${d}; it will be listed as an outstanding item.`) });
  }
  return {
    changes: [...(displaced.length ? [{ table: 'Matches' as const, op: 'delete' as const, ids: displaced }] : []), { table: 'Matches', op: 'upsert', rows: [row] }],
    summary: { matchId: id, displaced, residual: fromMinorUnits(residual) },
    messages,
    exitCode: residual === 0 ? 0 : 1,
    audit: { action: 'match-add', target: id, detail: { accountId, period, entryIds, lineIds, displaced } },
  };
}

function decide(book: Book, id: string, status: 'confirmed' | 'rejected'): CommandResult {
  const row = rowsOf(book, 'Matches').find((m) => text(m.MatchId) === id);
  if (!row) fail('unknown-match', t(`对账匹配 '${id}' 不在对账匹配表中。`, `Match '${id}' is not in the Matches table.`));
  const verb = status === 'confirmed' ? t('已确认', 'Confirmed') : t('已拒绝', 'Rejected');
  return {
    changes: [{ table: 'Matches', op: 'upsert', rows: [{ MatchId: id, Status: status }] }],
    summary: { matchId: id, status, before: text(row.Status) },
    messages: [{ level: 'info', event: `match-${status}`, text: t(`${verb['zh-CN']}匹配 ${id}。`, `${verb['en-US']} match ${id}.`) }],
    exitCode: 0,
    audit: { action: status === 'confirmed' ? 'match-confirm' : 'match-reject', target: id, detail: { before: text(row.Status), entryIds: text(row.EntryIds), lineIds: text(row.LineIds) } },
  };
}
