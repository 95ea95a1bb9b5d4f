/**
 * Open an account in the book (cash box, bank account, Alipay or WeChat wallet) with its
 * opening balance and date. The opening balance is where every running balance and every
 * reconciliation of the account starts, so it is checked as carefully as an entry.
 */
import { rowsOf, text } from '../book/book';
import { isIsoDate } from '../book/dates';
import { ACCOUNT_KINDS } from '../book/schema';
import { t, type Book, type CommandContext, type CommandResult, type Message, type Text } from '../book/types';
import { amountText } from '../money/decimal';
import { parseAmount } from '../money/parse-amount';

export interface AccountDraft {
  accountId: string;
  name: string;
  kind: (typeof ACCOUNT_KINDS)[number];
  institution?: string;
  /** Masked account number, e.g. 6214****0001. */
  accountNo?: string;
  /** ISO 4217 code. @default 'CNY' */
  currency?: string;
  /** @default '0.00' */
  openingBalance?: string;
  /** 'YYYY-MM-DD'; entries may not be dated before it. */
  openingDate: string;
}

/**
 * Add an account.
 * @returns exit 2 with every reason when the draft is refused, else one Accounts append
 * @example addAccount(book, { accountId: 'CASH', name: '库存现金', kind: 'cash', openingBalance: '8000', openingDate: '2023-12-31' }, ctx).exitCode // 0
 */
export function addAccount(book: Book, draft: AccountDraft, _ctx: CommandContext): CommandResult<{ accountId: string }> {
  const reasons: Text[] = [];
  const id = draft.accountId.trim();
  if (!/^[A-Za-z0-9_.-]{1,32}$/.test(id)) reasons.push(t(`账户编号 '${draft.accountId}' 只能用字母、数字、- _ .，最多 32 位`, `account id '${draft.accountId}' may use letters, digits, - _ . and at most 32 characters`));
  if (rowsOf(book, 'Accounts').some((a) => text(a.AccountId) === id)) reasons.push(t(`账户 ${id} 已存在`, `account ${id} already exists`));
  if (!draft.name.trim()) reasons.push(t('账户名称不能为空', 'the account needs a name'));
  if (!ACCOUNT_KINDS.includes(draft.kind)) reasons.push(t(`类型 '${draft.kind}' 应为 ${ACCOUNT_KINDS.join('/')}`, `kind '${draft.kind}' must be one of ${ACCOUNT_KINDS.join(', ')}`));
  const currency = (draft.currency ?? 'CNY').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) reasons.push(t(`币种 '${draft.currency}' 应为三位字母代码，如 CNY`, `currency '${draft.currency}' must be a three-letter code such as CNY`));
  const opening = parseAmount(draft.openingBalance ?? '0');
  if (!opening.ok) reasons.push(t(`期初余额 '${draft.openingBalance}' 不是金额`, `opening balance '${draft.openingBalance}' is not an amount`));
  else if (opening.value.decimalPlaces() > 2) reasons.push(t(`期初余额 '${draft.openingBalance}' 超过两位小数`, `opening balance '${draft.openingBalance}' has more than two decimals`));
  if (!isIsoDate(draft.openingDate)) reasons.push(t(`期初日期 '${draft.openingDate}' 不是有效日期`, `opening date '${draft.openingDate}' is not a date`));

  if (reasons.length || !opening.ok) {
    const messages: Message[] = reasons.map((r) => ({ level: 'error', event: 'account-refused', text: r }));
    return { changes: [], summary: { accountId: id }, messages, exitCode: 2 };
  }
  const row = {
    AccountId: id,
    Name: draft.name.trim(),
    Kind: draft.kind,
    Institution: draft.institution ?? null,
    AccountNo: draft.accountNo ?? null,
    Currency: currency,
    OpeningBalance: amountText(opening.value),
    OpeningDate: draft.openingDate,
  };
  return {
    changes: [{ table: 'Accounts', op: 'append', rows: [row] }],
    summary: { accountId: id },
    messages: [{ level: 'info', event: 'account-added', text: t(`已开设账户 ${id}（${row.Name}），期初余额 ${row.OpeningBalance}`, `Opened account ${id} (${row.Name}) with opening balance ${row.OpeningBalance}`) }],
    exitCode: 0,
    audit: { action: 'add-account', target: id, detail: row },
  };
}
