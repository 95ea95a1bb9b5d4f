/**
 * `cashbook cash-count <book.xlsx> --account ID --date YYYY-MM-DD --count 100=12,50=3,0.5=4 [--json]`:
 * record a cash count by denomination, compare it with the cash journal, and log any
 * shortage or overage as an exception. Exit 1 when the count and the book disagree.
 */
import { countCash } from '../../reconcile/count-cash';
import type { CliCommand } from '../command-spec';
import { runOnBook } from '../run-on-book';
import { usageError } from './init';

export const cashCountCommand: CliCommand = {
  name: 'cash-count',
  usage: 'cashbook cash-count <book.xlsx> --account ID --date YYYY-MM-DD --count 100=12,50=3,0.5=4 [--json]',
  summary: { 'zh-CN': '现金盘点：按面额清点并与现金日记账核对', 'en-US': 'cash count by denomination against the cash journal' },
  options: { account: { type: 'string' }, date: { type: 'string' }, count: { type: 'string' } },
  async run(args, io) {
    const [file] = args.positionals;
    const { account, date, count } = args.values;
    if (!file || args.positionals.length > 1 || typeof account !== 'string' || typeof date !== 'string' || typeof count !== 'string') return usageError(io, this.usage);
    const denominations: Record<string, number> = {};
    for (const part of count.split(',').map((p) => p.trim()).filter(Boolean)) {
      const [denomination, pieces] = part.split('=');
      if (!denomination || pieces === undefined || !/^\d+$/.test(pieces.trim())) return usageError(io, this.usage);
      denominations[denomination.trim()] = Number(pieces.trim());
    }
    return runOnBook(file, (book, ctx) => countCash(book, { accountId: account, date, denominations }, ctx), io, { json: Boolean(args.values.json) });
  },
};
