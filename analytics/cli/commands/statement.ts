/**
 * `cashbook statement <book.xlsx> --customer ID --from YYYY-MM-DD --to YYYY-MM-DD [--letter]`:
 * write the customer's statement sheet; with --letter also the 询证函 as of --to.
 * `cashbook statement <book.xlsx> --aging --as-of YYYY-MM-DD`: the yearly aging review of
 * outstanding items by customer.
 */
import type { CommandResult } from '../../book/types';
import { agingReview } from '../../reconcile/aging-review';
import { confirmationLetter } from '../../reconcile/confirmation-letter';
import { customerStatement } from '../../reconcile/customer-statement';
import type { CliCommand } from '../command-spec';
import { runOnBook } from '../run-on-book';
import { usageError } from './init';

export const statementCommand: CliCommand = {
  name: 'statement',
  usage: 'cashbook statement <book.xlsx> --customer ID --from YYYY-MM-DD --to YYYY-MM-DD [--letter] | --aging --as-of YYYY-MM-DD',
  summary: { 'zh-CN': '客户对账单、询证函、未达账项账龄分析', 'en-US': 'customer statement, confirmation letter, aging of outstanding items' },
  options: { customer: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, letter: { type: 'boolean' }, aging: { type: 'boolean' }, 'as-of': { type: 'string' } },
  async run(args, io) {
    const [file] = args.positionals;
    const v = args.values;
    const json = { json: Boolean(v.json) };
    if (!file || args.positionals.length > 1) return usageError(io, this.usage);
    if (v.aging) {
      const asOf = v['as-of'];
      if (typeof asOf !== 'string') return usageError(io, this.usage);
      return runOnBook(file, (book, ctx) => agingReview(book, { asOf }, ctx), io, json);
    }
    const { customer, from, to } = v;
    if (typeof customer !== 'string' || typeof from !== 'string' || typeof to !== 'string') return usageError(io, this.usage);
    return runOnBook(
      file,
      (book, ctx) => {
        const result = customerStatement(book, { customerId: customer, from, to }, ctx);
        if (!v.letter) return result;
        const letter = confirmationLetter(book, { customerId: customer, asOf: to }, ctx);
        return { ...result, changes: result.changes.concat(letter.changes), messages: result.messages.concat(letter.messages), summary: { ...result.summary, letter: letter.summary } } as CommandResult;
      },
      io,
      json,
    );
  },
};
