/**
 * Undo a merge: the merged customer becomes active again and its "merged into" note is
 * dropped, so its entries, communications and feedback count under it once more. Because
 * a merge never touched journal rows, nothing else needs putting back. Fields the merge
 * filled in on the survivor stay (they are the customer's details either way).
 */
import { rowsOf, text } from '../book/book';
import { t, type Book, type CommandContext, type CommandResult } from '../book/types';
import { refusedCommand, type CustomerCommandSummary } from './add-customer';
import { mergedIntoTarget } from './merge-map';

export interface UnmergeCustomerParams {
  customerId: string;
  reason?: string;
}

/**
 * Unmerge a customer.
 * @returns an upsert of Status and Notes; exit 2 when the customer is not merged
 * @example unmergeCustomer(book, { customerId: 'C0009' }, ctx) // C0009 active again
 */
export function unmergeCustomer(
  book: Book,
  params: UnmergeCustomerParams,
  ctx: CommandContext,
): CommandResult<CustomerCommandSummary> {
  const current = rowsOf(book, 'Customers').find((c) => text(c.CustomerId) === params.customerId);
  if (!current || current.Status !== 'merged') {
    return refusedCommand([
      {
        level: 'error',
        event: 'customer-unmerge-refused',
        text: t(
          `客户 ${params.customerId} 不存在或未被合并`,
          `customer ${params.customerId} does not exist or is not merged`,
        ),
      },
    ]);
  }
  const target = mergedIntoTarget(current.Notes) ?? '';
  // The merge wrote its note first; keep whatever the cashier had written after it.
  const kept = text(current.Notes)
    .split('; ')
    .filter((part) => mergedIntoTarget(part) === undefined);
  const stamp = `${ctx.now.slice(0, 10)} 取消合并 / unmerged from ${target}${params.reason ? `: ${params.reason}` : ''}`;
  return {
    changes: [
      {
        table: 'Customers',
        op: 'upsert',
        rows: [
          { CustomerId: params.customerId, Status: 'active', Notes: [...kept, stamp].join('; ') },
        ],
      },
    ],
    summary: { customerId: params.customerId, unmergedFrom: target, errors: [], warnings: [] },
    messages: [
      {
        level: 'info',
        event: 'customer-unmerged',
        text: t(
          `已取消客户 ${params.customerId} 与 ${target} 的合并`,
          `unmerged customer ${params.customerId} from ${target}`,
        ),
      },
    ],
    exitCode: 0,
    audit: {
      action: 'customer-unmerge',
      target: params.customerId,
      detail: { from: target, reason: params.reason ?? null },
    },
  };
}
