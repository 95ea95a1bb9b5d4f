/**
 * Edit a customer's details. The id never changes, merged customers are frozen (edit the
 * survivor), and Status moves only through deactivate/merge or back to active. Every
 * edited field is validated as on add; the audit row records old and new values.
 */
import { rowsOf, text } from '../book/book';
import {
  t,
  type Book,
  type CommandContext,
  type CommandResult,
  type Message,
  type Row,
} from '../book/types';
import { reasonZh, refusedCommand, type CustomerCommandSummary } from './add-customer';
import { findDuplicateCustomers } from './find-duplicate-customers';
import { validateCustomer } from './validate-customer';

export interface EditCustomerParams {
  customerId: string;
  /** Column key → new value; a blank value clears the field. */
  fields: Row;
}

/**
 * Edit a customer.
 * @returns an upsert of the changed fields; exit 2 when refused
 * @example editCustomer(book, { customerId: 'C0001', fields: { Phone: '021-62345678' } }, ctx)
 */
export function editCustomer(
  book: Book,
  params: EditCustomerParams,
  ctx: CommandContext,
): CommandResult<CustomerCommandSummary> {
  const current = rowsOf(book, 'Customers').find((c) => text(c.CustomerId) === params.customerId);
  const refuse = (zh: string, en: string) =>
    refusedCommand([{ level: 'error', event: 'customer-edit-refused', text: t(zh, en) }]);

  // Step 1: what may be edited
  if (!current)
    return refuse(
      `客户 ${params.customerId} 不存在`,
      `customer ${params.customerId} does not exist`,
    );
  if (current.Status === 'merged')
    return refuse(
      `客户 ${params.customerId} 已合并，请编辑合并后的客户`,
      `customer ${params.customerId} is merged; edit the customer it was merged into`,
    );
  const fields = { ...params.fields };
  if ('CustomerId' in fields && text(fields.CustomerId) !== params.customerId)
    return refuse('客户编号不能修改', 'a customer id cannot change');
  delete fields.CustomerId;
  if (fields.Status === 'merged')
    return refuse('请用合并命令合并客户', 'use merge to merge customers');

  // Step 2: validate and keep only real changes
  const check = validateCustomer(fields, text(current.Kind));
  if (check.errors.length) return refusedCommand(check.errors.concat(check.warnings));
  const changed: Row = {};
  const before: Row = {};
  for (const [key, value] of Object.entries(check.row)) {
    if (text(current[key]) === text(value)) continue;
    changed[key] = value;
    before[key] = current[key] ?? null;
  }
  const warnings: Message[] = check.warnings.slice();
  // A changed phone, tax id or name can make the customer look like another one
  if (['Phone', 'TaxId', 'Name'].some((k) => k in changed)) {
    for (const d of findDuplicateCustomers(book, { ...current, ...changed })) {
      warnings.push({
        level: 'warn',
        event: 'customer-possible-duplicate',
        text: t(
          `修改后可能与客户 ${d.ids[0]} 重复（${d.reasons.map(reasonZh).join('、')}相同）`,
          `after the edit this may be the same as customer ${d.ids[0]} (same ${d.reasons.join(', ')})`,
        ),
      });
    }
  }
  if (Object.keys(changed).length === 0) {
    return {
      changes: [],
      summary: { customerId: params.customerId, errors: [], warnings: [], changed: [] },
      messages: [
        {
          level: 'info',
          event: 'customer-unchanged',
          text: t('没有需要修改的内容', 'nothing to change'),
        },
      ],
      exitCode: 0,
    };
  }
  return {
    changes: [
      { table: 'Customers', op: 'upsert', rows: [{ CustomerId: params.customerId, ...changed }] },
    ],
    summary: {
      customerId: params.customerId,
      errors: [],
      warnings: warnings.map((w) => w.text['en-US']),
      changed: Object.keys(changed),
    },
    messages: [
      {
        level: 'info',
        event: 'customer-edited',
        text: t(
          `已修改客户 ${params.customerId}：${Object.keys(changed).join('、')}`,
          `edited customer ${params.customerId}: ${Object.keys(changed).join(', ')}`,
        ),
      },
      ...warnings,
    ],
    exitCode: warnings.length ? 1 : 0,
    audit: {
      action: 'customer-edit',
      target: params.customerId,
      detail: { before, after: changed, by: ctx.user },
    },
  };
}
