/**
 * `cashbook reverse <book.xlsx> ENTRY --reason TEXT [--date YYYY-MM-DD] [--json]`: 红字冲销
 * of a posted entry: a mirror entry with negated amounts; the original is marked reversed.
 */
import { parseDate } from '../../book/parse-date';
import { reverseEntry } from '../../journal/reverse-entry';
import type { CliCommand } from '../command-spec';
import { runOnBook } from '../run-on-book';
import { usageError } from './init';
import { stringValue } from './record';

export const reverseCommand: CliCommand = {
  name: 'reverse',
  usage: 'cashbook reverse <book.xlsx> ENTRY --reason TEXT [--date YYYY-MM-DD] [--json]',
  summary: { 'zh-CN': '红字冲销一笔已记账分录', 'en-US': 'reverse a posted entry (红字冲销)' },
  options: { reason: { type: 'string' }, date: { type: 'string' } },
  async run(args, io) {
    const [file, entryId] = args.positionals;
    const reason = stringValue(args, 'reason');
    if (!file || !entryId || args.positionals.length > 2 || !reason)
      return usageError(io, this.usage);
    const rawDate = stringValue(args, 'date');
    const date = rawDate === undefined ? undefined : (parseDate(rawDate, 'ymd')?.date ?? rawDate);
    return runOnBook(file, (book, ctx) => reverseEntry(book, { entryId, reason, date }, ctx), io, {
      json: Boolean(args.values.json),
    });
  },
};
