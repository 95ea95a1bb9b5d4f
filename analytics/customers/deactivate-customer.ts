/**
 * Deactivate a customer: Status 'inactive' with the reason appended to Notes. Nothing is
 * deleted, so the customer's entries and history stay. A customer with a balance or
 * follow-ups still open is deactivated with a warning (exit 1) for the cashier to settle.
 */
import { rowsOf, text } from '../book/book';
import { t, type Book, type CommandContext, type CommandResult, type Message } from '../book/types';
import { refusedCommand, type CustomerCommandSummary } from './add-customer';
import { customer360 } from './customer-360';

export interface DeactivateCustomerParams {
  customerId: string;
  reason?: string;
}

/**
 * Deactivate a customer.
 * @returns an upsert of Status and Notes; exit 1 when the balance is not zero or follow-ups are open
 * @example deactivateCustomer(book, { customerId: 'C0004', reason: '停止合作' }, ctx)
 */
export function deactivateCustomer(
  book: Book,
  params: DeactivateCustomerParams,
  ctx: CommandContext,
): CommandResult<CustomerCommandSummary> {
  const current = rowsOf(book, 'Customers').find((c) => text(c.CustomerId) === params.customerId);
  const refuse = (zh: string, en: string) =>
    refusedCommand([{ level: 'error', event: 'customer-deactivate-refused', text: t(zh, en) }]);
  if (!current)
    return refuse(
      `客户 ${params.customerId} 不存在`,
      `customer ${params.customerId} does not exist`,
    );
  if (current.Status === 'merged')
    return refuse(`客户 ${params.customerId} 已合并`, `customer ${params.customerId} is merged`);
  if (current.Status === 'inactive')
    return refuse(
      `客户 ${params.customerId} 已是停用状态`,
      `customer ${params.customerId} is already inactive`,
    );

  // Loose ends the cashier should see before the customer disappears from lists
  const view = customer360(book, params.customerId, ctx.now.slice(0, 10));
  const warnings: Message[] = [];
  if (view.balance !== '0.00')
    warnings.push({
      level: 'warn',
      event: 'customer-has-balance',
      text: t(
        `客户余额为 ${view.balance}，尚未结清`,
        `the customer's balance is ${view.balance}, not settled`,
      ),
    });
  if (view.followUpsDue.length || view.communications.some((c) => c.Status === 'open')) {
    warnings.push({
      level: 'warn',
      event: 'customer-open-follow-ups',
      text: t('客户仍有未完成的跟进事项', 'the customer still has open follow-ups'),
    });
  }

  const stamp = `${ctx.now.slice(0, 10)} 停用 / deactivated${params.reason ? `: ${params.reason}` : ''}`;
  const notes = text(current.Notes) ? `${text(current.Notes)}; ${stamp}` : stamp;
  return {
    changes: [
      {
        table: 'Customers',
        op: 'upsert',
        rows: [{ CustomerId: params.customerId, Status: 'inactive', Notes: notes }],
      },
    ],
    summary: {
      customerId: params.customerId,
      errors: [],
      warnings: warnings.map((w) => w.text['en-US']),
    },
    messages: [
      {
        level: 'info',
        event: 'customer-deactivated',
        text: t(`已停用客户 ${params.customerId}`, `deactivated customer ${params.customerId}`),
      },
      ...warnings,
    ],
    exitCode: warnings.length ? 1 : 0,
    audit: {
      action: 'customer-deactivate',
      target: params.customerId,
      detail: { reason: params.reason ?? null, previousStatus: current.Status ?? null },
    },
  };
}
