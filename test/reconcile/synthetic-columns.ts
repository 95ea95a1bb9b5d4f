/**
 * Large synthetic reconciliation inputs as columns, for the 1,000,000 × 1,000,000 benchmark:
 * mostly one-to-one pairs (same day or a few days' lag, half with a shared reference), some
 * netted fees, split payments, combined deposits and items on one side only. Seeded, so
 * every run reconciles the same data. `columnsToCsv` writes the same rows for a pandas baseline.
 */
import { allocateColumns, type LedgerColumns } from '../../analytics/reconcile/ledger-columns';
import { seededRandom } from './synthetic-book';

export interface SyntheticColumns {
  journal: LedgerColumns;
  statement: LedgerColumns;
}

/**
 * About `n` journal entries and `n` statement lines over a year starting at day `firstDay`.
 * @example makeSyntheticColumns(1_000_000).journal.length // ≈ 1,000,000
 */
export function makeSyntheticColumns(n: number, seed = 1, firstDay = 19723 /* 2024-01-01 */): SyntheticColumns {
  const rand = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const J = allocateColumns(Math.ceil(n * 1.05));
  const S = allocateColumns(Math.ceil(n * 1.05));
  let nj = 0;
  let ns = 0;
  const names = Array.from({ length: 5000 }, (_, i) => `客户${i.toString(36)}`);
  const entry = (day: number, amount: number, party: string, ref: string) => {
    J.ids[nj] = `J${nj}`; J.day[nj] = day; J.amount[nj] = amount; J.party[nj] = party; J.reference[nj] = ref; J.memo[nj] = '';
    nj++;
  };
  const line = (day: number, amount: number, party: string, ref: string) => {
    S.ids[ns] = `L${ns}`; S.day[ns] = day; S.amount[ns] = amount; S.party[ns] = party; S.reference[ns] = ref; S.memo[ns] = '';
    ns++;
  };
  while (nj < n - 4 && ns < n - 4) {
    const day = firstDay + int(0, 360);
    const sign = rand() < 0.55 ? 1 : -1;
    const amount = sign * int(100, 10_000_000);
    const party = names[int(0, names.length - 1)];
    const ref = rand() < 0.5 ? String(int(1e9, 9e9)) : '';
    const r = rand();
    if (r < 0.8) {
      entry(day, amount, party, ref);
      line(day + (rand() < 0.6 ? 0 : int(1, 3)), amount, party, ref);
    } else if (r < 0.85) {
      const fee = Math.min(int(50, 2000), Math.floor(Math.abs(amount) * 0.01)) || 1;
      entry(day, Math.abs(amount), party, '');
      line(day, Math.abs(amount) - fee, party, '');
    } else if (r < 0.88) {
      const a = int(100, 500_000);
      const b = int(100, 500_000);
      entry(day, -(a + b), party, '');
      line(day, -a, party, '');
      line(day, -b, party, '');
    } else if (r < 0.91) {
      const a = int(100, 500_000);
      const b = int(100, 500_000);
      entry(day, a, party, '');
      entry(day, b, names[int(0, names.length - 1)], '');
      line(day, a + b, '', '');
    } else if (r < 0.955) entry(day, amount, party, ref);
    else line(day, amount, '', '');
  }
  return { journal: shrink(J, nj), statement: shrink(S, ns) };
}

function shrink(c: LedgerColumns, n: number): LedgerColumns {
  return { length: n, ids: c.ids.slice(0, n), day: c.day.slice(0, n), amount: c.amount.slice(0, n), reference: c.reference.slice(0, n), party: c.party.slice(0, n), memo: c.memo.slice(0, n) };
}

/** The columns as CSV (id,date,amount,reference,party; amount in fen) for a pandas baseline. */
export function columnsToCsv(cols: LedgerColumns): string {
  const lines = ['id,day,amount,reference,party'];
  for (let i = 0; i < cols.length; i++) lines.push(`${cols.ids[i]},${cols.day[i]},${cols.amount[i]},${cols.reference[i]},${cols.party[i]}`);
  return lines.join('\n') + '\n';
}
