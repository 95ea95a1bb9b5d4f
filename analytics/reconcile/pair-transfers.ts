/**
 * Transfers between the unit's own accounts (bank → Alipay, cash deposited at the bank):
 * an outflow in one account and an inflow of the same amount in another, within the date
 * window, that says it is a transfer (its counter account names the other account, or its
 * summary says 转账/划转/提现/存现/调拨/transfer). Each pair is written as one Matches row
 * with rule 'transfer' and both entries, so reports count it once and never as income plus
 * expense; transferEntryIds gives reports that set. A second inflow that would pair with an
 * outflow already paired is reported as a likely double import.
 */
import { numberSetting, rowsOf, text } from '../book/book';
import { t, type Book, type CommandContext, type CommandResult, type Row } from '../book/types';
import { dayNumber, fen, normalizeParty } from './ledger-columns';
import { joinIds, matchId, pairingKey, splitIds } from './match-id';
import { isoPeriod } from './period';
import { appendAll } from '../util/append-all';

const TRANSFER_WORDS = /转账|划转|划款|提现|存现|现金存入|调拨|内部转|transfer|top-?up|withdraw/i;

export interface PairTransfersParams {
  /** 'YYYY-MM': outflows dated in this period are paired. */
  period: string;
}

/**
 * Pair transfers between own accounts for a period.
 * @returns Matches upserts (rule 'transfer'); exit 1 when a likely double import is seen
 * @throws AnalyticsError `bad-period`
 */
export function pairTransfers(book: Book, params: PairTransfersParams, _ctx?: CommandContext): CommandResult {
  const period = isoPeriod(params.period);
  const window = numberSetting(book, 'reconcile.dateWindowDays', 3);
  const accounts = rowsOf(book, 'Accounts');
  const accountWords = new Map(accounts.map((a) => [text(a.AccountId), [normalizeParty(a.AccountId), normalizeParty(a.Name)].filter(Boolean)]));

  // Step 1: what is already paired or rejected
  const taken = new Set<string>();
  const rejected = new Set<string>();
  for (const m of rowsOf(book, 'Matches')) {
    if (text(m.Rule) !== 'transfer') continue;
    if (text(m.Status) === 'rejected') rejected.add(pairingKey(splitIds(m.EntryIds), []));
    else for (const id of splitIds(m.EntryIds)) taken.add(id);
  }

  // Step 2: inflows by amount, then each transfer-like outflow takes the nearest inflow
  const entries = rowsOf(book, 'Journal').filter((e) => text(e.Status) === 'posted' && !taken.has(text(e.EntryId)));
  const inflows = new Map<number, Row[]>();
  for (const e of entries) if (fen(e.Inflow) > 0) inflows.set(fen(e.Inflow), (inflows.get(fen(e.Inflow)) ?? []).concat(e));
  const rows: Row[] = [];
  const doubles: string[] = [];
  const used = new Set<string>();
  for (const out of entries) {
    const amount = fen(out.Outflow);
    if (!(amount > 0) || text(out.Date).slice(0, 7) !== period) continue;
    const candidates = (inflows.get(amount) ?? []).filter((inn) => text(inn.AccountId) !== text(out.AccountId) && Math.abs(dayNumber(text(inn.Date)) - dayNumber(text(out.Date))) <= window && (saysTransfer(out, accountWords.get(text(inn.AccountId))) || saysTransfer(inn, accountWords.get(text(out.AccountId)))));
    const open = candidates.filter((c) => !used.has(text(c.EntryId)) && !rejected.has(pairingKey([text(out.EntryId), text(c.EntryId)], [])));
    if (!open.length) continue;
    open.sort((a, b) => Math.abs(dayNumber(text(a.Date)) - dayNumber(text(out.Date))) - Math.abs(dayNumber(text(b.Date)) - dayNumber(text(out.Date))));
    const inn = open[0];
    used.add(text(inn.EntryId));
    if (open.length > 1 && open.slice(1).some((o) => text(o.AccountId) === text(inn.AccountId))) appendAll(doubles, open.slice(1).map((o) => text(o.EntryId)));
    const ids = [text(out.EntryId), text(inn.EntryId)];
    rows.push({ MatchId: matchId(text(out.AccountId), ids, []), Period: period, AccountId: text(out.AccountId), EntryIds: joinIds(ids), LineIds: '', Rule: 'transfer', Score: 1, Status: 'auto' });
  }
  return {
    changes: rows.length ? [{ table: 'Matches', op: 'upsert', rows }] : [],
    summary: { period, paired: rows.length, pairs: rows.map((r) => r.EntryIds), likelyDoubleImports: doubles },
    messages: [
      { level: 'info', event: 'transfers-paired', text: t(`${period} 配对内部转账 ${rows.length} 笔。`, `${period}: ${rows.length} transfers between own accounts paired.`) },
      ...(doubles.length ? [{ level: 'warn' as const, event: 'transfer-double-import', text: t(`可能重复导入的转入：${doubles.join(', ')}`, `Likely imported twice: ${doubles.join(', ')}`) }] : []),
    ],
    exitCode: doubles.length ? 1 : 0,
    audit: rows.length ? { action: 'pair-transfers', target: period, detail: { paired: rows.length } } : undefined,
  };
}

/** Ids of entries paired as transfers (not rejected): reports leave them out of income and expense. */
export function transferEntryIds(book: Book): Set<string> {
  const out = new Set<string>();
  for (const m of rowsOf(book, 'Matches')) if (text(m.Rule) === 'transfer' && text(m.Status) !== 'rejected') for (const id of splitIds(m.EntryIds)) out.add(id);
  return out;
}

function saysTransfer(e: Row, otherAccount: string[] | undefined): boolean {
  const counter = normalizeParty(e.CounterAccount);
  if (counter && otherAccount?.some((w) => counter.includes(w) || w.includes(counter))) return true;
  return TRANSFER_WORDS.test(`${text(e.Summary)} ${text(e.CounterAccount)} ${text(e.Method)}`);
}
