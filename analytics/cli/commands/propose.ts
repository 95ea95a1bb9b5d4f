/**
 * `cashbook propose <book.xlsx> --account ID [--period YYYY-MM] [--accept-all] [--json]`:
 * list proposed entries for statement lines with no journal entry (read-only), or post
 * every complete one with --accept-all.
 */
import { t } from '../../book/types';
import { acceptProposals } from '../../rules/accept-proposals';
import { describeProposal, proposeEntries } from '../../rules/propose-entries';
import { problemText } from '../../util/problem';
import type { CliCommand } from '../command-spec';
import { runOnBook } from '../run-on-book';
import { usageError } from './init';

export const proposeCommand: CliCommand = {
  name: 'propose',
  usage: 'cashbook propose <book.xlsx> --account ID [--period YYYY-MM] [--accept-all] [--json]',
  summary: { 'zh-CN': '按记账规则为未入账的对账单行生成建议分录', 'en-US': 'propose journal entries for unbooked statement lines' },
  options: { account: { type: 'string' }, period: { type: 'string' }, 'accept-all': { type: 'boolean' } },
  async run(args, io) {
    const [file] = args.positionals;
    const accountId = args.values.account as string | undefined;
    const period = args.values.period as string | undefined;
    if (!file || !accountId || (period !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(period))) return usageError(io, this.usage);
    const json = Boolean(args.values.json);

    if (args.values['accept-all']) {
      return runOnBook(file, (book, ctx) => acceptProposals(book, { accountId, period, lineIds: 'all' }, ctx), io, { json });
    }
    return runOnBook(
      file,
      (book) => {
        const { proposals, problems } = proposeEntries(book, { accountId, period });
        const messages = [
          ...problems.map((p) => ({ level: 'warn' as const, event: 'bad-rule', text: problemText(p) })),
          { level: 'info' as const, event: 'proposals', text: t(`${accountId} 有 ${proposals.length} 条未入账的对账单行:`, `${accountId} has ${proposals.length} unbooked statement line(s):`) },
          ...proposals.map((p) => ({ level: 'info' as const, event: 'proposal', text: describeProposal(p) })),
        ];
        return { changes: [], summary: { proposals, problems }, messages, exitCode: proposals.length ? 1 : 0 };
      },
      io,
      { json, readOnly: true },
    );
  },
};
