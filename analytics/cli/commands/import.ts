/**
 * `cashbook import <book.xlsx> <file>... --account ID [--into statement|journal]
 * [--preset NAME] [--json]`: read statement files (or an old cash journal) into the book.
 * Exit 0 done, 1 done with rows or balances to review, 2 bad input (nothing written).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importStatement, type StatementFile } from '../../import/import-statement';
import type { CliCommand } from '../command-spec';
import { createLog } from '../log';
import { runOnBook } from '../run-on-book';
import { usageError } from './init';

export const importCommand: CliCommand = {
  name: 'import',
  usage:
    'cashbook import <book.xlsx> <file>... --account ID [--into statement|journal] [--preset NAME] [--all-or-nothing] [--create-account] [--save-preset NAME] [--json]',
  summary: {
    'zh-CN': '导入银行/支付宝/微信对账单，或导入旧的现金日记账',
    'en-US': 'import bank, Alipay or WeChat statements, or adopt an old cash journal',
  },
  options: {
    account: { type: 'string' },
    into: { type: 'string' },
    preset: { type: 'string' },
    'all-or-nothing': { type: 'boolean' },
    'create-account': { type: 'boolean' },
    'save-preset': { type: 'string' },
  },
  async run(args, io) {
    const log = createLog(io);
    const [book, ...inputs] = args.positionals;
    const accountId = args.values.account as string | undefined;
    const into = (args.values.into as string | undefined) ?? 'statement';
    if (!book || inputs.length === 0 || !accountId) return usageError(io, this.usage);
    if (into !== 'statement' && into !== 'journal') {
      log.error('bad-into', {
        'zh-CN': `--into 只能是 statement 或 journal，而不是 ${into}`,
        'en-US': `--into must be statement or journal, not ${into}`,
      });
      return 2;
    }

    // Read the input files first: a missing one stops before the book is touched
    const files: StatementFile[] = [];
    for (const input of inputs) {
      if (!fs.existsSync(input) || !fs.statSync(input).isFile()) {
        log.error('file-not-found', {
          'zh-CN': `找不到文件 ${input}`,
          'en-US': `file not found: ${input}`,
        });
        return 2;
      }
      files.push({ name: path.basename(input), bytes: new Uint8Array(fs.readFileSync(input)) });
    }

    return runOnBook(
      book,
      (b, ctx) =>
        importStatement(
          b,
          files,
          {
            accountId,
            into,
            preset: args.values.preset as string | undefined,
            allOrNothing: Boolean(args.values['all-or-nothing']),
            createAccount: Boolean(args.values['create-account']),
            savePresetAs: args.values['save-preset'] as string | undefined,
          },
          ctx,
        ),
      io,
      { json: Boolean(args.values.json) },
    );
  },
};
