/**
 * Reconciliation status: each 余额调节表 row of the Reconciliation table with its
 * balances and whether it ties out. A row ties out when its Difference is exactly 0.00;
 * when Difference is blank it is recomputed as adjusted book − adjusted bank, and a row
 * with neither is reported as incomplete.
 */
import { fromMinorUnits } from '../../money/minor-units';
import { rowsOf, text } from '../../book/book';
import { t, type Row } from '../../book/types';
import type { Params } from '../params';
import { fen } from '../movements';
import type { CellInput, CellOutput } from '../types';

const STATUS = {
  balanced: t('已平衡', 'balanced'),
  difference: t('有差额', 'difference'),
  incomplete: t('未完成', 'incomplete'),
};

/**
 * Reconciliation status table.
 * @param params `{ period?: 'YYYY-MM' }` to show one period (all when absent)
 * @param input the book
 * @returns rows `{ Label, AccountId, Period, BookBalance, BankBalance, Difference, Status }` by period then account,
 *   metrics `balanced`, `difference`, `incomplete` (counts)
 * @example reconciliationStatus({}, input).rows[0] // { AccountId: 'BANK1', Period: '2026-01', Difference: '0.00', Status: 'balanced' }
 */
export function reconciliationStatus(params: Params, input: CellInput): CellOutput {
  const period = typeof params.period === 'string' && params.period ? params.period : undefined;
  const lang = input.book.lang;
  const counts = { balanced: 0, difference: 0, incomplete: 0 };
  const rows: Row[] = rowsOf(input.book, 'Reconciliation')
    .filter((r) => !period || text(r.Period) === period)
    .map((r) => {
      const state = stateOf(r);
      counts[state.status]++;
      return {
        Label: `${text(r.AccountId)} ${text(r.Period)}`,
        AccountId: text(r.AccountId),
        Period: text(r.Period),
        BookBalance: amountOrNull(r.BookBalance),
        BankBalance: amountOrNull(r.BankBalance),
        Difference: state.difference,
        Status: STATUS[state.status][lang],
      };
    })
    .sort((a, b) =>
      a.Period === b.Period ? (a.AccountId < b.AccountId ? -1 : 1) : a.Period < b.Period ? -1 : 1,
    );
  return {
    columns: [
      { key: 'Label', header: t('账户 期间', 'Account period'), type: 'text' },
      { key: 'AccountId', header: t('账户', 'Account'), type: 'id' },
      { key: 'Period', header: t('期间', 'Period'), type: 'text' },
      { key: 'BookBalance', header: t('企业日记账余额', 'Book balance'), type: 'amount' },
      { key: 'BankBalance', header: t('银行对账单余额', 'Bank balance'), type: 'amount' },
      { key: 'Difference', header: t('差额', 'Difference'), type: 'amount' },
      { key: 'Status', header: t('状态', 'Status'), type: 'text' },
    ],
    rows,
    chart: {
      kind: 'column',
      title: t('账面与银行余额', 'Book and bank balances'),
      category: 'Label',
      series: ['BookBalance', 'BankBalance'],
    },
    metrics: (['balanced', 'difference', 'incomplete'] as const).map((k) => ({
      key: k,
      label: STATUS[k],
      value: counts[k],
    })),
  };
}

function stateOf(r: Row): { status: keyof typeof STATUS; difference: string | null } {
  let units = fen(r.Difference);
  if (text(r.Difference).trim() === '') {
    const book = fen(r.AdjustedBook);
    const bank = fen(r.AdjustedBank);
    if (
      text(r.AdjustedBook).trim() === '' ||
      text(r.AdjustedBank).trim() === '' ||
      Number.isNaN(book - bank)
    )
      return { status: 'incomplete', difference: null };
    units = book - bank;
  }
  if (Number.isNaN(units)) return { status: 'incomplete', difference: null };
  return { status: units === 0 ? 'balanced' : 'difference', difference: fromMinorUnits(units) };
}

function amountOrNull(v: unknown): string | null {
  const units = fen(v);
  return text(v).trim() === '' || Number.isNaN(units) ? null : fromMinorUnits(units);
}
