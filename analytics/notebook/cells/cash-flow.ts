/**
 * Cash flow by account and settlement method (结算方式): receipts, payments and net flow
 * for each pair. Entries with no method are grouped under a
 * blank method, shown as "(none)".
 */
import { fromMinorUnits } from '../../money/minor-units';
import { t, type Row } from '../../book/types';
import { dateParam, type Params } from '../params';
import { journalMovements, skippedNote } from '../movements';
import type { CellInput, CellOutput } from '../types';

/**
 * Cash flow table.
 * @param params `{ from?, to? }`
 * @param input the book
 * @returns rows `{ Label, AccountId, Method, Receipts, Payments, Net }` ordered by account then method
 * @example cashFlow({}, input).rows[0] // { Label: 'BANK1 · 转账', AccountId: 'BANK1', Method: '转账', ... }
 */
export function cashFlow(params: Params, input: CellInput): CellOutput {
  const { movements, skipped } = journalMovements(input.book, {
    from: dateParam(params, 'from'),
    to: dateParam(params, 'to'),
  });
  const none = input.book.lang === 'zh-CN' ? '(未填)' : '(none)';
  const sums = new Map<
    string,
    { accountId: string; method: string; receipts: number; payments: number }
  >();
  for (const m of movements) {
    const method = m.method || none;
    const key = `${m.accountId}\u0000${method}`;
    const s = sums.get(key) ?? { accountId: m.accountId, method, receipts: 0, payments: 0 };
    s.receipts += m.inflow;
    s.payments += m.outflow;
    sums.set(key, s);
  }
  const rows: Row[] = [...sums.values()]
    .sort((a, b) =>
      a.accountId === b.accountId ? compare(a.method, b.method) : compare(a.accountId, b.accountId),
    )
    .map((s) => ({
      Label: `${s.accountId} · ${s.method}`,
      AccountId: s.accountId,
      Method: s.method,
      Receipts: fromMinorUnits(s.receipts),
      Payments: fromMinorUnits(s.payments),
      Net: fromMinorUnits(s.receipts - s.payments),
    }));
  return {
    columns: [
      { key: 'Label', header: t('账户 · 方式', 'Account · method'), type: 'text' },
      { key: 'AccountId', header: t('账户', 'Account'), type: 'id' },
      { key: 'Method', header: t('结算方式', 'Method'), type: 'text' },
      { key: 'Receipts', header: t('收入', 'Receipts'), type: 'amount' },
      { key: 'Payments', header: t('支出', 'Payments'), type: 'amount' },
      { key: 'Net', header: t('净流量', 'Net'), type: 'amount' },
    ],
    rows,
    chart: {
      kind: 'bar',
      title: t('按账户和结算方式的现金流', 'Cash flow by account and method'),
      category: 'Label',
      series: ['Receipts', 'Payments'],
    },
    notes: skippedNote(skipped),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
