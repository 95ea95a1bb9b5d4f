/**
 * `cashbook reconcile <book.xlsx> --account ID --period YYYY-MM [--json]`: match the
 * account's statement to its journal, write Matches, the 余额调节表 row and its sheet.
 * Decisions can be given in the same run and are applied first:
 * `--confirm M-…`, `--reject M-…` (repeatable) and `--match J1,J2=L7` (entries=lines).
 * Exit 1 when the adjusted balances differ.
 */
import { applyChangeSet } from '../../book/apply-change-set';
import type { Book, CommandContext, CommandResult, TableChange } from '../../book/types';
import { addManualMatch, confirmMatch, rejectMatch } from '../../reconcile/match-decisions';
import { reconcileAccount } from '../../reconcile/reconcile-account';
import type { CliCommand } from '../command-spec';
import { runOnBook } from '../run-on-book';
import { usageError } from './init';
import { appendAll } from '../../util/append-all';
import type { MatcherRunner } from '../../reconcile/match-statement';
import { createTwoThreadMatcher } from '../two-thread-matcher';

export const reconcileCommand: CliCommand = {
  name: 'reconcile',
  usage: 'cashbook reconcile <book.xlsx> --account ID --period YYYY-MM [--confirm M-…] [--reject M-…] [--match J1,J2=L7] [--json]',
  summary: { 'zh-CN': '银行对账：自动匹配、未达账项、余额调节表', 'en-US': 'bank reconciliation: matches, outstanding items, reconciliation statement' },
  options: { account: { type: 'string' }, period: { type: 'string' }, confirm: { type: 'string', multiple: true }, reject: { type: 'string', multiple: true }, match: { type: 'string', multiple: true } },
  async run(args, io) {
    const [file] = args.positionals;
    const accountId = args.values.account;
    const period = args.values.period;
    if (!file || args.positionals.length > 1 || typeof accountId !== 'string' || typeof period !== 'string') return usageError(io, this.usage);
    const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);
    const manual = list(args.values.match).map(parseManual);
    if (manual.some((m) => !m)) return usageError(io, this.usage);
    const decisions = [
      ...list(args.values.confirm).map((matchId) => (book: Book, ctx: CommandContext) => confirmMatch(book, { matchId }, ctx)),
      ...list(args.values.reject).map((matchId) => (book: Book, ctx: CommandContext) => rejectMatch(book, { matchId }, ctx)),
      ...manual.map((m) => (book: Book, ctx: CommandContext) => addManualMatch(book, { accountId, period, ...m! }, ctx)),
    ];
    // A large account is matched on two threads; the helper thread is stopped when done.
    const runner = createTwoThreadMatcher();
    runner.warmUpForBook(file);
    try {
      // The matcher reads the ledgers column by column: a large one is never made into rows.
      return await runOnBook(file, (book, ctx) => decideThenReconcile(book, ctx, decisions, accountId, period, runner), io, { json: Boolean(args.values.json), columnar: ['Journal', 'Statement'] });
    } finally {
      runner.close();
    }
  },
};

// Apply each decision in turn, then reconcile on the result; one change set, one audit row.
function decideThenReconcile(book: Book, ctx: CommandContext, decisions: ((b: Book, c: CommandContext) => CommandResult)[], accountId: string, period: string, runner: MatcherRunner): CommandResult {
  const changes: TableChange[] = [];
  const decided: unknown[] = [];
  let current = book;
  for (const decide of decisions) {
    const r = decide(current, ctx);
    appendAll(changes, r.changes);
    decided.push(r.audit);
    current = applyChangeSet(current, r.changes);
  }
  const result = reconcileAccount(current, { accountId, period, runner }, ctx);
  const audit = result.audit && decided.length ? { ...result.audit, detail: { ...result.audit.detail, decisions: decided } } : result.audit;
  return { ...result, changes: changes.concat(result.changes), audit };
}

// 'J1,J2=L7' → entries J1, J2 with line L7.
function parseManual(text: string): { entryIds: string[]; lineIds: string[] } | undefined {
  const [left, right] = text.split('=');
  const ids = (s: string | undefined) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  const entryIds = ids(left);
  const lineIds = ids(right);
  return entryIds.length && lineIds.length ? { entryIds, lineIds } : undefined;
}
