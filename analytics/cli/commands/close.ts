/**
 * `cashbook close <book.xlsx> --period YYYY-MM [--override "reason"]`: close a period when
 * every account reconciles (or with a recorded reason); `--reopen --reason "…"` reopens it.
 * Exit 1 when the close is refused because an account does not tie out.
 */
import { closePeriod, reopenPeriod } from '../../reconcile/close-period';
import type { CliCommand } from '../command-spec';
import { runOnBook } from '../run-on-book';
import { usageError } from './init';
import { createTwoThreadMatcher } from '../two-thread-matcher';

export const closeCommand: CliCommand = {
  name: 'close',
  usage: 'cashbook close <book.xlsx> --period YYYY-MM [--override "reason"] | --reopen --reason "reason"',
  summary: { 'zh-CN': '期末结账（余额调节相符才结账）或反结账', 'en-US': 'close a period (only when reconciled) or reopen it' },
  options: { period: { type: 'string' }, override: { type: 'string' }, reopen: { type: 'boolean' }, reason: { type: 'string' } },
  async run(args, io) {
    const [file] = args.positionals;
    const period = args.values.period;
    if (!file || args.positionals.length > 1 || typeof period !== 'string') return usageError(io, this.usage);
    const json = { json: Boolean(args.values.json) };
    if (args.values.reopen) {
      const reason = args.values.reason;
      if (typeof reason !== 'string') return usageError(io, this.usage);
      return runOnBook(file, (book, ctx) => reopenPeriod(book, { period, reason }, ctx), io, json);
    }
    const overrideReason = typeof args.values.override === 'string' ? args.values.override : undefined;
    const runner = createTwoThreadMatcher();
    runner.warmUpForBook(file);
    try {
      return await runOnBook(file, (book, ctx) => closePeriod(book, { period, overrideReason, runner }, ctx), io, json);
    } finally {
      runner.close();
    }
  },
};
