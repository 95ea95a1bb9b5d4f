/**
 * Post the proposals the cashier accepts, singly or in a batch. Each accepted line becomes a
 * posted journal entry linked back to its statement line (Source 'statement:<LineId>') and a
 * confirmed match, so the line is no longer outstanding. Edits the cashier made are recorded
 * in the audit row, which is what rule suggestions learn from. Incomplete proposals (no
 * counter account after edits) are skipped and listed, never posted half-filled.
 */
import { applyChangeSet, closedPeriods } from '../book/apply-change-set';
import { rowsOf, text } from '../book/book';
import { t, type Book, type CommandContext, type CommandResult, type Message, type Row } from '../book/types';
import { entryRowHash } from '../audit/entry-hash';
import { nextEntryId, nextVoucher } from '../journal/entry-numbers';
import { recomputeBalances } from '../journal/recompute-balances';
import { fail } from '../util/error';
import { proposalSource } from './unmatched-lines';
import { proposeEntries, type Proposal, type ProposalField } from './propose-entries';
import { appendAll } from '../util/append-all';

export interface AcceptProposalsParams {
  accountId: string;
  period?: string;
  /** Lines to accept; 'all' accepts every complete proposal. */
  lineIds: string[] | 'all';
  /** Field values the cashier changed, by line id. */
  edits?: Record<string, Partial<Record<ProposalField, string>>>;
}

export interface AcceptProposalsSummary extends Record<string, unknown> {
  proposed: number;
  accepted: number;
  skipped: { lineId: string; reason: string }[];
  entryIds: string[];
}

/**
 * Accept proposals and post them.
 * @throws AnalyticsError `unknown-line` when a named line has no open proposal
 */
export function acceptProposals(book: Book, params: AcceptProposalsParams, ctx: CommandContext): CommandResult<AcceptProposalsSummary> {
  const { proposals } = proposeEntries(book, params);
  const wanted = params.lineIds === 'all' ? proposals : pick(proposals, params.lineIds);
  const customers = new Set(rowsOf(book, 'Customers').map((c) => text(c.CustomerId)));
  const closed = closedPeriods(book);

  // Step 1: build entries, numbering as we go so a batch gets consecutive numbers
  const journal = rowsOf(book, 'Journal').slice();
  const entries: Row[] = [];
  const matches: Row[] = [];
  const skipped: AcceptProposalsSummary['skipped'] = [];
  const accepted: { lineId: string; counterparty: string; edits: Record<string, string> }[] = [];
  for (const p of wanted) {
    const edits = params.edits?.[p.lineId] ?? {};
    const value = (f: ProposalField) => edits[f] ?? p.fields[f]?.value ?? '';
    const reason = !value('CounterAccount')
      ? 'no counter account: choose one or add a rule'
      : value('CustomerId') && !customers.has(value('CustomerId'))
        ? `customer ${value('CustomerId')} is not in the archive`
        : closed.has(p.date.slice(0, 7))
          ? `period ${p.date.slice(0, 7)} is closed`
          : undefined;
    if (reason) {
      skipped.push({ lineId: p.lineId, reason });
      continue;
    }
    const entry = toEntry(p, value, journal);
    journal.push(entry);
    entries.push(entry);
    matches.push({ MatchId: `P-${p.lineId}`, Period: p.date.slice(0, 7), AccountId: p.accountId, EntryIds: text(entry.EntryId), LineIds: p.lineId, Rule: 'proposal', Score: 1, Status: 'confirmed' });
    accepted.push({ lineId: p.lineId, counterparty: p.counterparty, edits: Object.fromEntries(Object.entries(edits).filter(([f, v]) => v !== p.fields[f as ProposalField]?.value)) as Record<string, string> });
  }

  // Step 2: balances after the new entries
  const changes: CommandResult['changes'] = entries.length
    ? [
        { table: 'Journal', op: 'append', rows: entries },
        { table: 'Matches', op: 'upsert', rows: matches },
      ]
    : [];
  if (entries.length) appendAll(changes, recomputeBalances(applyChangeSet(book, changes)).changes);

  const messages: Message[] = [
    { level: 'info', event: 'proposals-accepted', text: t(`已过账 ${entries.length} 条建议分录，跳过 ${skipped.length} 条。`, `Posted ${entries.length} proposed entr${entries.length === 1 ? 'y' : 'ies'}; skipped ${skipped.length}.`) },
  ];
  for (const s of skipped) messages.push({ level: 'warn', event: 'proposal-skipped', text: t(`对账单行 ${s.lineId} 未过账: ${zhReason(s.reason)}`, `statement line ${s.lineId} not posted: ${s.reason}`) });

  return {
    changes,
    summary: { proposed: proposals.length, accepted: entries.length, skipped, entryIds: entries.map((e) => text(e.EntryId)) },
    messages,
    exitCode: skipped.length ? 1 : 0,
    audit: entries.length ? { action: 'accept-proposals', target: params.accountId, detail: { period: params.period ?? null, accepted } } : undefined,
  };
}

function pick(proposals: Proposal[], lineIds: string[]): Proposal[] {
  return lineIds.map((id) => proposals.find((p) => p.lineId === id) ?? fail('unknown-line', t(`对账单行 ${id} 没有待处理的建议分录（已入账、已匹配，或不属于该账户/期间）`, `statement line ${id} has no open proposal (already booked, matched, or not in this account/period)`)));
}

function toEntry(p: Proposal, value: (f: ProposalField) => string, journal: Row[]): Row {
  const inflow = !p.amount.startsWith('-');
  const entry: Row = {
    EntryId: nextEntryId(journal),
    Date: p.date,
    Voucher: nextVoucher(journal, p.date),
    AccountId: p.accountId,
    CustomerId: value('CustomerId') || null,
    Summary: value('Summary'),
    CounterAccount: value('CounterAccount'),
    Method: value('Method') || null,
    Reference: value('Reference') || null,
    Inflow: inflow ? p.amount : null,
    Outflow: inflow ? null : p.amount.slice(1),
    Balance: null,
    Status: 'posted',
    ReversalOf: null,
    Source: proposalSource(p.lineId),
    RowHash: null,
  };
  entry.RowHash = entryRowHash(entry);
  return entry;
}

function zhReason(reason: string): string {
  if (reason.startsWith('no counter account')) return '缺少对方科目，请选择或添加规则';
  if (reason.startsWith('customer')) return reason.replace(/customer (.*) is not in the archive/, '客户 $1 不在客户档案中');
  return reason.replace(/period (.*) is closed/, '期间 $1 已结账');
}
