/**
 * `cashbook rules <book.xlsx> [--dry-run '<rule JSON>'] [--months N] [--json]`: rule
 * hygiene (never fires, shadowed, conflicting), suggestions learnt from the cashier's edits,
 * and a dry run of a rule before it is saved. Read-only.
 */
import { t, type Row } from '../../book/types';
import { checkRuleHygiene } from '../../rules/check-rule-hygiene';
import { dryRunRule } from '../../rules/dry-run-rule';
import { suggestRules } from '../../rules/suggest-rules';
import type { CliCommand } from '../command-spec';
import { runOnBook } from '../run-on-book';
import { usageError } from './init';

export const rulesCommand: CliCommand = {
  name: 'rules',
  usage: `cashbook rules <book.xlsx> [--dry-run '{"RuleId":..,"Conditions":..}'] [--months N] [--json]`,
  summary: { 'zh-CN': '检查记账规则（从不触发、被遮蔽、冲突），试运行新规则', 'en-US': 'check bank rules (never fire, shadowed, conflicts); dry-run a new rule' },
  options: { 'dry-run': { type: 'string' }, months: { type: 'string' } },
  async run(args, io) {
    const [file] = args.positionals;
    if (!file) return usageError(io, this.usage);
    const dry = args.values['dry-run'] as string | undefined;
    let candidate: Row | undefined;
    if (dry !== undefined) {
      try {
        candidate = JSON.parse(dry) as Row;
      } catch (e) {
        io.err(`--dry-run: ${(e as Error).message}`);
        return usageError(io, this.usage);
      }
    }
    const months = Number(args.values.months ?? 12);
    return runOnBook(
      file,
      (book, ctx) => {
        const hygiene = checkRuleHygiene(book);
        const suggestions = suggestRules(book);
        const dryRun = candidate ? dryRunRule(book, candidate, { months, asOf: ctx.now.slice(0, 10) }) : undefined;
        const messages = [
          { level: 'info' as const, event: 'rules-checked', text: t(`检查了 ${hygiene.lines} 行对账单。`, `Checked against ${hygiene.lines} statement line(s).`) },
          ...hygiene.neverFires.map((id) => ({ level: 'warn' as const, event: 'rule-never-fires', text: t(`规则 ${id} 从未触发`, `rule ${id} never fires`) })),
          ...hygiene.shadowed.map((s) => ({ level: 'warn' as const, event: 'rule-shadowed', text: t(`规则 ${s.ruleId} 被更早的规则 ${s.by} 遮蔽`, `rule ${s.ruleId} is shadowed by earlier rule ${s.by}`) })),
          ...hygiene.conflicts.map((c) => ({ level: 'warn' as const, event: 'rule-conflict', text: t(`规则 ${c.ruleId} 与 ${c.with} 在 ${c.lines} 行上对 ${c.field} 给出不同值`, `rule ${c.ruleId} and ${c.with} set ${c.field} differently on ${c.lines} line(s)`) })),
          ...suggestions.map((s) => ({ level: 'info' as const, event: 'rule-suggested', text: t(`建议规则: 对方为 ${s.counterparty} 时 ${s.field} = ${s.value}（已手工修改 ${s.times} 次）`, `suggested rule: counterparty ${s.counterparty} → ${s.field} = ${s.value} (edited by hand ${s.times} times)`) })),
        ];
        if (dryRun) messages.push({ level: 'info', event: 'rule-dry-run', text: t(`试运行: 近 ${months} 个月 ${dryRun.lines} 行中命中 ${dryRun.matched} 行，改变 ${dryRun.changes.length} 行。`, `dry run: matches ${dryRun.matched} of ${dryRun.lines} line(s) in the last ${months} months; changes ${dryRun.changes.length}.`) });
        const review = hygiene.neverFires.length + hygiene.shadowed.length + hygiene.conflicts.length;
        return { changes: [], summary: { hygiene, suggestions, dryRun }, messages, exitCode: review ? 1 : 0 };
      },
      io,
      { json: Boolean(args.values.json), readOnly: true },
    );
  },
};
