/**
 * Whether a journal entry moves money between the unit's own accounts (提现, 存现, bank to
 * Alipay): its counter account is a monetary-funds subject (1001 库存现金, 1002 银行存款,
 * 1012 其他货币资金, or their English names) or names one of the book's own accounts. Such an
 * entry is a transfer, never income or expense, whichever side of it is looked at.
 */
import { rowsOf, text } from '../book/book';
import type { Book, Row } from '../book/types';

const FUND_SUBJECTS = /^(1001|1002|1012)?\s*(库存现金|银行存款|其他货币资金|现金|cash on hand|cash|bank deposits?|bank|other monetary funds)(\b|[-－—/：:（(]|$)/i;

/**
 * A predicate for one book: true for entries whose counter account is one of the unit's funds.
 * @example internalTransferTest(book)({ CounterAccount: '银行存款-招商银行' }) // true
 */
export function internalTransferTest(book: Book): (entry: Row) => boolean {
  const own = new Set<string>();
  for (const a of rowsOf(book, 'Accounts')) {
    for (const k of [a.AccountId, a.Name]) if (text(k)) own.add(text(k).trim().toLowerCase());
  }
  return (entry) => {
    const counter = text(entry.CounterAccount).trim();
    if (!counter) return false;
    return FUND_SUBJECTS.test(counter) || own.has(counter.toLowerCase());
  };
}
