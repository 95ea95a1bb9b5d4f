/**
 * `cashbook risk <book.xlsx> [--rules a,b] [--json]`: run the risk rules, update the
 * Exceptions table and the escalation sheet. Exit 1 when open exceptions remain.
 */
import { scanRisk } from '../../risk/scan-risk';
import type { CliCommand } from '../command-spec';
import { runOnBook } from '../run-on-book';
import { usageError } from './init';

export const riskCommand: CliCommand = {
  name: 'risk',
  usage: 'cashbook risk <book.xlsx> [--rules a,b] [--json]',
  summary: {
    'zh-CN': '风险扫描：大额、拆分、重复、异常时间、断号、坐支、本福特等',
    'en-US': 'risk scan: large, split, duplicate, off-hours, voucher gaps, cash rules, Benford',
  },
  options: { rules: { type: 'string' } },
  async run(args, io) {
    const [file] = args.positionals;
    if (!file || args.positionals.length > 1) return usageError(io, this.usage);
    const rules =
      typeof args.values.rules === 'string'
        ? args.values.rules
            .split(',')
            .map((r) => r.trim())
            .filter(Boolean)
        : undefined;
    return runOnBook(file, (book, ctx) => scanRisk(book, { rules }, ctx), io, {
      json: Boolean(args.values.json),
    });
  },
};
