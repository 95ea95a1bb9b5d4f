/**
 * `risk`: run the rules and bring the Exceptions table up to date. Each finding is upserted
 * under its stable id; a reviewer's Status, Assignee, Notes and FirstSeen are never
 * overwritten. A finding of a rule that ran but no longer fires is kept with Active = false.
 * The management escalation sheet is rewritten from the updated table.
 */
import type { Book, CommandContext, CommandResult, Message, Row } from '../book/types';
import { t } from '../book/types';
import { rowsOf } from '../book/book';
import { fromMinorUnits } from '../money/minor-units';
import { detectFindings } from './detect-findings';
import { buildEscalationSheet, isOpenException } from './escalation-sheet';
import { findingId } from './finding-id';
import type { AnomalyFinding, Severity } from './types';

export interface ScanRiskOptions {
  /** Rule ids to run. @default every rule */
  rules?: string[];
}

export type ScanRiskSummary = {
  /** Findings firing in this run. */
  findings: number;
  byRule: Record<string, number>;
  bySeverity: Record<Severity, number>;
  /** Exceptions still firing and not resolved or dismissed (all rules). */
  open: number;
  /** Findings seen for the first time. */
  new: number;
  /** Exceptions of the rules run that no longer fire (marked Active = false). */
  noLongerFiring: number;
  entries: number;
  skippedRows: number;
};

/**
 * Scan a book for risk findings and upsert them into Exceptions.
 * @returns the change set (Exceptions upsert + escalation sheet), summary, messages; exit
 * code 1 when open exceptions remain
 * @throws AnalyticsError `unknown-rule` for a rule id that does not exist
 */
export function scanRisk(
  book: Book,
  options: ScanRiskOptions,
  ctx: CommandContext,
): CommandResult<ScanRiskSummary> {
  const detected = detectFindings(book, options);
  const ran = new Set(detected.rules.map((r) => r.id));
  const existing = new Map(rowsOf(book, 'Exceptions').map((r) => [String(r.FindingId), r]));

  // Step 1: one row per finding; reviewer fields only for new ones
  const upserts = new Map<string, Row>();
  let fresh = 0;
  for (const f of detected.findings) {
    const id = findingId(f);
    if (upserts.has(id)) continue;
    const row = findingRow(id, f, book, ctx);
    if (!existing.has(id)) {
      Object.assign(row, { Status: 'open', Assignee: '', Notes: '', FirstSeen: ctx.now });
      fresh++;
    }
    upserts.set(id, row);
  }

  // Step 2: findings of the rules that ran and no longer fire are marked, never deleted
  let gone = 0;
  for (const [id, row] of existing) {
    if (upserts.has(id) || !ran.has(String(row.Rule)) || row.Active === false) continue;
    upserts.set(id, { FindingId: id, Active: false });
    gone++;
  }

  // Step 3: the table as it will be, for the counts and the escalation sheet
  const after = rowsOf(book, 'Exceptions').map((r) => ({
    ...r,
    ...upserts.get(String(r.FindingId)),
  }));
  for (const [id, row] of upserts) if (!existing.has(id)) after.push(row);
  const open = after.filter(isOpenException).length;

  const summary = summarise(
    detected.findings,
    open,
    fresh,
    gone,
    detected.entries,
    detected.problems.length,
  );
  return {
    changes: [
      { table: 'Exceptions', op: 'upsert', rows: [...upserts.values()] },
      { table: 'sheet', op: 'sheet', sheet: buildEscalationSheet(after, ctx.now, book.lang) },
    ],
    summary,
    messages: messages(
      summary,
      detected.problems.map((p) => p.message),
    ),
    exitCode: open > 0 ? 1 : 0,
    audit: {
      action: 'risk',
      target: 'Exceptions',
      detail: {
        rules: options.rules?.length ? [...ran] : 'all',
        findings: summary.findings,
        new: fresh,
        noLongerFiring: gone,
        open,
      },
    },
  };
}

function findingRow(id: string, f: AnomalyFinding, book: Book, ctx: CommandContext): Row {
  return {
    FindingId: id,
    Rule: f.rule,
    Severity: f.severity,
    EntryIds: f.entryIds.join(','),
    CustomerId: f.customerId,
    Amount: fromMinorUnits(Math.round(f.amountFen)),
    Date: f.date,
    Explanation: f.explanation[book.lang],
    LastSeen: ctx.now,
    Active: true,
  };
}

function summarise(
  findings: AnomalyFinding[],
  open: number,
  fresh: number,
  gone: number,
  entries: number,
  skipped: number,
): ScanRiskSummary {
  const byRule: Record<string, number> = {};
  const bySeverity: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
  for (const f of findings) {
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    bySeverity[f.severity]++;
  }
  return {
    findings: findings.length,
    byRule,
    bySeverity,
    open,
    new: fresh,
    noLongerFiring: gone,
    entries,
    skippedRows: skipped,
  };
}

function messages(s: ScanRiskSummary, problems: string[]): Message[] {
  const out: Message[] = [
    {
      level: 'info',
      event: 'risk-scan',
      text: t(
        `扫描 ${s.entries} 笔分录：发现 ${s.findings} 项（高 ${s.bySeverity.high}、中 ${s.bySeverity.medium}、低 ${s.bySeverity.low}），新增 ${s.new} 项，不再触发 ${s.noLongerFiring} 项，待处理 ${s.open} 项。`,
        `Scanned ${s.entries} entries: ${s.findings} findings (high ${s.bySeverity.high}, medium ${s.bySeverity.medium}, low ${s.bySeverity.low}), ${s.new} new, ${s.noLongerFiring} no longer firing, ${s.open} open.`,
      ),
    },
  ];
  for (const p of problems.slice(0, 20))
    out.push({
      level: 'warn',
      event: 'risk-skipped-row',
      text: t(`已跳过：${p}`, `skipped: ${p}`),
    });
  return out;
}
