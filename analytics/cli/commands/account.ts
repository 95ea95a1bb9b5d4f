/**
 * `cashbook account <book.xlsx> --add ID --name NAME --kind cash|bank|alipay|wechat|other
 * --opening-date YYYY-MM-DD [--opening AMOUNT] [--currency CNY] [--institution T] [--number MASKED]`:
 * open an account. Without --add, list the book's accounts.
 */
import { rowsOf } from '../../book/book';
import { t } from '../../book/types';
import { addAccount, type AccountDraft } from '../../journal/add-account';
import type { CliCommand } from '../command-spec';
import { runOnBook } from '../run-on-book';
import { usageError } from './init';

export const accountCommand: CliCommand = {
  name: 'account',
  usage: 'cashbook account <book.xlsx> [--add ID --name NAME --kind cash|bank|alipay|wechat|other --opening-date YYYY-MM-DD [--opening AMOUNT] [--currency CNY] [--institution T] [--number MASKED]] [--json]',
  summary: { 'zh-CN': '开设账户（现金、银行、支付宝、微信）或列出账户', 'en-US': 'open an account (cash, bank, Alipay, WeChat) or list the accounts' },
  options: {
    add: { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string' },
    opening: { type: 'string' },
    'opening-date': { type: 'string' },
    currency: { type: 'string' },
    institution: { type: 'string' },
    number: { type: 'string' },
  },
  async run(args, io) {
    const [file] = args.positionals;
    if (!file || args.positionals.length > 1) return usageError(io, this.usage);
    const v = (k: string) => args.values[k] as string | undefined;
    const json = Boolean(args.values.json);
    if (v('add') === undefined) {
      return runOnBook(
        file,
        (book) => {
          const accounts = rowsOf(book, 'Accounts');
          const messages = accounts.map((a) => ({ level: 'info' as const, event: 'account', text: t(`${a.AccountId}\t${a.Name}\t${a.Kind}\t${a.Currency}\t期初 ${a.OpeningBalance ?? '0.00'}`, `${a.AccountId}\t${a.Name}\t${a.Kind}\t${a.Currency}\topening ${a.OpeningBalance ?? '0.00'}`) }));
          return { changes: [], summary: { accounts }, messages, exitCode: 0 };
        },
        io,
        { json, readOnly: true },
      );
    }
    if (!v('name') || !v('kind') || !v('opening-date')) return usageError(io, this.usage);
    const draft: AccountDraft = {
      accountId: v('add')!,
      name: v('name')!,
      kind: v('kind') as AccountDraft['kind'],
      openingBalance: v('opening'),
      openingDate: v('opening-date')!,
      currency: v('currency'),
      institution: v('institution'),
      accountNo: v('number'),
    };
    return runOnBook(file, (book, ctx) => addAccount(book, draft, ctx), io, { json });
  },
};
