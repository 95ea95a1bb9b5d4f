/**
 * `cashbook exception <book.xlsx> <FindingId> --status S [--note ..] [--assignee ..]`:
 * review, escalate, resolve or dismiss one finding; the note is appended with date and user.
 */
import { reviewException, type ExceptionStatus } from '../../risk/review-exception';
import type { CliCommand } from '../command-spec';
import { runOnBook } from '../run-on-book';
import { usageError } from './init';

export const exceptionCommand: CliCommand = {
  name: 'exception',
  usage:
    'cashbook exception <book.xlsx> <FindingId> --status open|reviewing|escalated|resolved|dismissed [--note TEXT] [--assignee NAME] [--json]',
  summary: {
    'zh-CN': '处理一项风险异常（复核、上报、解决、排除）',
    'en-US': 'review, escalate, resolve or dismiss a risk finding',
  },
  options: { status: { type: 'string' }, note: { type: 'string' }, assignee: { type: 'string' } },
  async run(args, io) {
    const [file, findingId] = args.positionals;
    const status = args.values.status;
    if (!file || !findingId || typeof status !== 'string' || args.positionals.length > 2)
      return usageError(io, this.usage);
    const options = {
      findingId,
      status: status as ExceptionStatus,
      note: typeof args.values.note === 'string' ? args.values.note : undefined,
      assignee: typeof args.values.assignee === 'string' ? args.values.assignee : undefined,
    };
    return runOnBook(file, (book, ctx) => reviewException(book, options, ctx), io, {
      json: Boolean(args.values.json),
    });
  },
};
