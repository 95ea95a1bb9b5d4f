/**
 * Add a customer to the archive: validate every field, give it the next CustomerId
 * (C0001, C0002, …) unless one is given, and warn (exit 1, still added) when it looks like
 * a customer already in the archive, so the cashier can merge instead.
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
import { findDuplicateCustomers } from './find-duplicate-customers';
import { validateCustomer } from './validate-customer';

export interface CustomerDraft {
  customerId?: string;
  name: string;
  kind?: 'person' | 'company';
  contact?: string;
  phone?: string;
  email?: string;
  address?: string;
  taxId?: string;
  bankAccount?: string;
  creditLimit?: string;
  openingBalance?: string;
  owner?: string;
  notes?: string;
}

export interface CustomerCommandSummary {
  customerId?: string;
  errors: string[];
  warnings: string[];
  [key: string]: unknown;
}

/**
 * Add a customer.
 * @param book the book
 * @param draft the customer's details
 * @param ctx clock, user and language
 * @returns an append to Customers; exit 2 with the errors when a field is invalid
 * @example addCustomer(book, { name: '测试客户甲', phone: '13800138000' }, ctx).summary.customerId // 'C0001'
 */
export function addCustomer(
  book: Book,
  draft: CustomerDraft,
  ctx: CommandContext,
): CommandResult<CustomerCommandSummary> {
  const customers = rowsOf(book, 'Customers');
  const customerId = draft.customerId?.trim() || nextCustomerId(customers);
  const input: Row = {
    CustomerId: customerId,
    Name: draft.name ?? '',
    Kind: draft.kind ?? 'company',
    Contact: draft.contact ?? null,
    Phone: draft.phone ?? null,
    Email: draft.email ?? null,
    Address: draft.address ?? null,
    TaxId: draft.taxId ?? null,
    BankAccount: draft.bankAccount ?? null,
    CreditLimit: draft.creditLimit ?? null,
    OpeningBalance: draft.openingBalance ?? null,
    Status: 'active',
    Owner: draft.owner ?? ctx.user,
    Notes: draft.notes ?? null,
  };

  // Step 1: fields, and an id not yet taken
  const check = validateCustomer(input);
  if (customers.some((c) => text(c.CustomerId) === customerId)) {
    check.errors.push({
      level: 'error',
      event: 'customer-id-taken',
      text: t(`客户编号 ${customerId} 已存在`, `customer id ${customerId} is already taken`),
    });
  }
  if (check.errors.length) return refusedCommand(check.errors.concat(check.warnings));

  // Step 2: possible duplicates are added anyway, for the cashier to review or merge
  const warnings: Message[] = check.warnings.slice();
  for (const d of findDuplicateCustomers(book, check.row)) {
    warnings.push({
      level: 'warn',
      event: 'customer-possible-duplicate',
      text: t(
        `可能与客户 ${d.ids[0]} 重复（${d.reasons.map(reasonZh).join('、')}相同），可考虑合并`,
        `may be the same as customer ${d.ids[0]} (same ${d.reasons.join(', ')}); consider merging`,
      ),
    });
  }
  return {
    changes: [{ table: 'Customers', op: 'append', rows: [check.row] }],
    summary: { customerId, errors: [], warnings: warnings.map((w) => w.text['en-US']) },
    messages: [
      {
        level: 'info',
        event: 'customer-added',
        text: t(
          `已添加客户 ${customerId} ${check.row.Name}`,
          `added customer ${customerId} ${check.row.Name}`,
        ),
      },
      ...warnings,
    ],
    exitCode: warnings.length ? 1 : 0,
    audit: { action: 'customer-add', target: customerId, detail: { name: check.row.Name } },
  };
}

/**
 * The next free CustomerId: one more than the highest `C<digits>` in use.
 * @example nextCustomerId([{ CustomerId: 'C0009' }]) // 'C0010'
 */
export function nextCustomerId(customers: readonly Row[]): string {
  let max = 0;
  for (const c of customers) {
    const m = /^C(\d+)$/.exec(text(c.CustomerId));
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `C${String(max + 1).padStart(4, '0')}`;
}

/** A refused customer command: no changes, exit 2, the messages given. */
export function refusedCommand(messages: Message[]): CommandResult<CustomerCommandSummary> {
  return {
    changes: [],
    summary: {
      errors: messages.filter((m) => m.level === 'error').map((m) => m.text['en-US']),
      warnings: messages.filter((m) => m.level === 'warn').map((m) => m.text['en-US']),
    },
    messages,
    exitCode: 2,
  };
}

export function reasonZh(reason: string): string {
  return reason === 'tax-id' ? '税号' : reason === 'phone' ? '电话' : '名称';
}
