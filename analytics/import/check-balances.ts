/**
 * Check the balances a statement states against its lines: opening + sum of lines must
 * equal closing (per statement, same currency), and where lines carry a running balance
 * each must equal the previous one plus the line's amount. Files list newest first as
 * often as oldest first, so the chain is walked in whichever file order breaks less.
 * Mismatches are returned as problems; the lines themselves are not changed.
 */
import { t } from '../book/types';
import { warning, type Problem } from '../util/problem';
import { toMinorUnits } from '../money/minor-units';
import { subtractAmounts, sumAmountTexts } from './amount-cells';
import type { ParsedLine, StatementBalances } from './types';

/**
 * Problems with a statement's balances.
 * @param lines the statement lines read from one file
 * @param balances the balances the file declares
 * @param file the file name, for messages
 */
export function checkStatementBalances(
  lines: readonly ParsedLine[],
  balances: readonly StatementBalances[],
  file: string,
): Problem[] {
  const problems: Problem[] = [];

  // Opening + lines = closing
  for (const b of balances) {
    if (!b.opening || !b.closing) continue;
    const own = lines.filter((l) => (l.statement ?? 0) === b.statement);
    if (b.closing.currency && b.opening.currency && b.closing.currency !== b.opening.currency) {
      problems.push(
        warning(
          'balance-currency',
          t(
            `第 ${b.statement + 1} 份对账单：期初余额的币种是 ${b.opening.currency}，期末余额的币种是 ${b.closing.currency}，未核对`,
            `Statement ${b.statement + 1}: the opening balance is in ${b.opening.currency} but the closing balance is in ${b.closing.currency}; not checked`,
          ),
          { file, row: b.row },
        ),
      );
      continue;
    }
    const moved = sumAmountTexts(own.map((l) => l.amount));
    const expected = sumAmountTexts([b.opening.amount, moved]);
    if (expected !== sumAmountTexts([b.closing.amount])) {
      problems.push(
        warning(
          'closing-balance-mismatch',
          t(
            `第 ${b.statement + 1} 份对账单：期初 ${b.opening.amount} + 本期发生额 ${moved} = ${expected}，但期末余额为 ${b.closing.amount}（相差 ${subtractAmounts(b.closing.amount, expected)}）`,
            `Statement ${b.statement + 1}: opening ${b.opening.amount} + lines ${moved} = ${expected}, but the closing balance is ${b.closing.amount} (difference ${subtractAmounts(b.closing.amount, expected)})`,
          ),
          { file, row: b.row },
        ),
      );
    }
  }

  // Running balance chain
  const withBalance = lines.filter((l) => l.runningBalance !== undefined);
  if (withBalance.length >= 2) {
    const balances = withBalance.map((l) => toMinorUnits(l.runningBalance!));
    const amounts = withBalance.map((l) => toMinorUnits(l.amount));
    const forward = chainBreaks(withBalance, balances, amounts, 1);
    const backward = chainBreaks(withBalance, balances, amounts, -1);
    const breaks = backward.length < forward.length ? backward : forward;
    if (breaks.length) {
      const shown = breaks.slice(0, 10).map((l) => l.row);
      const rows = shown.join(', ');
      problems.push(
        warning(
          'balance-chain-break',
          t(
            `有 ${breaks.length} 笔余额不等于上一笔余额加本笔金额：第 ${shown.join('、')} 行`,
            `${breaks.length} running balance(s) do not follow from the previous balance plus the amount: rows ${rows}`,
          ),
          { file, row: breaks[0].row, column: 'balance' },
        ),
      );
    }
  }
  return problems;
}

function chainBreaks(
  lines: readonly ParsedLine[],
  balances: number[],
  amounts: number[],
  step: 1 | -1,
): ParsedLine[] {
  const out: ParsedLine[] = [];
  const n = lines.length;
  for (let k = 1; k < n; k++) {
    const i = step === 1 ? k : n - 1 - k;
    const p = i - step;
    const prev = lines[p];
    const cur = lines[i];
    if ((prev.currency ?? '') !== (cur.currency ?? '')) continue;
    // Integer fen where both sides allow it, exact text arithmetic otherwise
    const ok = Number.isSafeInteger(balances[p] + amounts[i] + balances[i])
      ? balances[p] + amounts[i] === balances[i]
      : sumAmountTexts([prev.runningBalance!, cur.amount]) ===
        sumAmountTexts([cur.runningBalance!]);
    if (!ok) out.push(cur);
  }
  return out;
}
